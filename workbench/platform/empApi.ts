/**
 * `lightning/empApi` for the workbench: platform events published by the emulated org arrive
 * over one server-sent event stream and are handed to subscribers in the shape EMP delivers.
 */
import { begin, touch } from './activity';

type Message = { channel: string; data: { payload: Record<string, unknown>; event: { replayId: number } } };
type Listener = (message: Message) => void;

const subscriptions = new Map<string, { channel: string; listener: Listener }>();
const errorListeners: Array<(error: unknown) => void> = [];
let source: EventSource | null = null;
let opened: Promise<void> | null = null;
let nextId = 1;

function stream(): Promise<void> {
    if (opened) {
        return opened;
    }
    opened = new Promise((resolve) => {
        const end = begin();
        source = new EventSource('/workbench/events');
        source.addEventListener('open', () => {
            end();
            resolve();
        });
        source.addEventListener('platform-event', (event) => {
            touch();
            const { channel, payload, replayId } = JSON.parse((event as MessageEvent<string>).data) as {
                channel: string;
                payload: Record<string, unknown>;
                replayId: number;
            };
            for (const subscription of [...subscriptions.values()]) {
                if (subscription.channel === channel) {
                    subscription.listener({ channel, data: { payload, event: { replayId } } });
                }
            }
        });
        source.addEventListener('error', () => {
            errorListeners.forEach((listener) =>
                listener({ error: 'The workbench event stream was interrupted.' })
            );
        });
    });
    return opened;
}

export async function subscribe(
    channel: string,
    replayId: number,
    onMessageCallback: Listener
): Promise<{ id: string; channel: string; replayId: number }> {
    await stream();
    const id = String(nextId++);
    subscriptions.set(id, { channel, listener: onMessageCallback });
    return { id, channel, replayId };
}

export async function unsubscribe(
    subscription: { id?: string; channel: string },
    callback?: (response: { successful: boolean; subscription?: string }) => void
): Promise<unknown> {
    const successful = subscriptions.delete(subscription.id ?? '');
    const response = { successful, subscription: subscription.channel };
    callback?.(response);
    return response;
}

export function onError(callback: (error: unknown) => void): void {
    errorListeners.push(callback);
}

export async function setDebugFlag(): Promise<void> {
    return undefined;
}

export async function isEmpEnabled(): Promise<boolean> {
    return true;
}

/** How many subscriptions a channel has (the workbench page shows whether the agent listens). */
export function subscriberCount(channel: string): number {
    return [...subscriptions.values()].filter((s) => s.channel === channel).length;
}
