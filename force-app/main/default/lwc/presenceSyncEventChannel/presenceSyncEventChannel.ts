/**
 * One platform-event channel through empApi, for as long as its owner wants it. A subscription
 * that completes after `stop()` is let go at once, so a component torn down while empApi was
 * still answering never keeps a streaming client (each one counts against the org's allocation).
 */
import { subscribe as empSubscribe, unsubscribe as empUnsubscribe } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';

export class EventChannel {
    private subscription: EmpSubscription | null = null;
    private stopped = false;

    constructor(private readonly channel: string) {}

    /** Listens for new events only (replay -1); rejects when empApi refuses the subscription. */
    async start(onMessage: (message: EmpMessage) => void): Promise<void> {
        const subscription = await empSubscribe(this.channel, -1, onMessage);
        if (this.stopped) {
            empUnsubscribe(subscription).catch(() => undefined);
        } else {
            this.subscription = subscription;
        }
    }

    stop(): void {
        this.stopped = true;
        if (this.subscription) {
            empUnsubscribe(this.subscription).catch(() => undefined);
            this.subscription = null;
        }
    }
}
