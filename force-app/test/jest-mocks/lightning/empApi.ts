/**
 * Drivable stand-in for `lightning/empApi` (jest.config.js maps the module here): subscriptions
 * are kept per channel and a test publishes events to them.
 *
 * ```ts
 * import { emp } from '../../../../test/jest-mocks/lightning/empApi';
 * emp.publish('/event/Presence_Sync_Rules_Changed__e', { RuleSetId__c: 'a0B…' });
 * expect(emp.subscriberCount('/event/Presence_Sync_Rules_Changed__e')).toBe(0); // after disconnect
 * ```
 */
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';

type Listener = (message: EmpMessage) => void;

const listeners = new Map<string, Map<string, Listener>>();
const errorListeners: Array<(error: unknown) => void> = [];
let nextId = 1;
let refusal: unknown = null;

export const subscribe = jest.fn(
    async (channel: string, replayId: number, onMessage: Listener): Promise<EmpSubscription> => {
        if (refusal !== null) {
            throw refusal;
        }
        const id = String(nextId++);
        if (!listeners.has(channel)) {
            listeners.set(channel, new Map());
        }
        listeners.get(channel)!.set(id, onMessage);
        return { id, channel, replayId };
    }
);

export const unsubscribe = jest.fn(async (subscription: EmpSubscription, callback?: (r: unknown) => void) => {
    const removed = listeners.get(subscription.channel)?.delete(subscription.id ?? '') ?? false;
    callback?.({ successful: removed, subscription: subscription.channel });
    return { successful: removed };
});

export const onError = jest.fn((callback: (error: unknown) => void) => {
    errorListeners.push(callback);
});
export const setDebugFlag = jest.fn(async () => undefined);
export const isEmpEnabled = jest.fn(async () => true);

export const emp = {
    /** Delivers a platform event to every current subscriber of the channel. */
    publish(channel: string, payload: Record<string, unknown>): void {
        const message: EmpMessage = { channel, data: { payload, event: { replayId: nextId++ } } };
        for (const listener of [...(listeners.get(channel)?.values() ?? [])]) {
            listener(message);
        }
    },
    /** Reports a streaming error to every `onError` listener. */
    fail(error: unknown): void {
        errorListeners.forEach((listener) => listener(error));
    },
    subscriberCount(channel: string): number {
        return listeners.get(channel)?.size ?? 0;
    },
    /** Makes the next `subscribe` calls reject with `error` (null lets them succeed again). */
    refuseSubscriptions(error: unknown): void {
        refusal = error;
    },
    reset(): void {
        listeners.clear();
        errorListeners.length = 0;
        refusal = null;
        for (const fn of [subscribe, unsubscribe, onError, setDebugFlag, isEmpEnabled]) {
            fn.mockClear();
        }
    }
};
