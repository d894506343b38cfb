/**
 * Live debugging of one agent, from the agent's side. A supervisor switches full tracing on for a
 * named agent for a set time (PresenceSyncLiveDebugService); the org publishes
 * Presence_Sync_Debug__e and the agent's component, subscribed through empApi, traces every step
 * until the time is up, then goes back to the log level by itself. The window also comes with the
 * configuration (a page loaded during a debug session) and with the org's answer to every log
 * call and heartbeat, which is how an agent without a live subscription learns of it. Each window
 * carries when the supervisor set it: an answer computed before a newer start or stop is ignored.
 */
import { EventChannel } from 'c/presenceSyncEventChannel';
import type { EmpMessage } from 'lightning/empApi';

export const DEBUG_CHANNEL = '/event/Presence_Sync_Debug__e';

export interface LiveDebugOptions {
    /** The agent's own user id: events for other agents are ignored. */
    userId: string;
    /** Full tracing until this time (ms since the epoch); null or a past time ends it. */
    apply(untilMs: number | null): void;
}

/** A debug window as the org states it: until when, and when a supervisor last set it. */
export interface DebugWindow {
    debugUntil?: unknown;
    debugSetAt?: unknown;
}

function numberOrNull(value: unknown): number | null {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Ids compare as 15 characters: the org may send either length. */
function sameUser(a: unknown, b: string): boolean {
    return typeof a === 'string' && a.slice(0, 15) === b.slice(0, 15);
}

export class LiveDebug {
    private readonly channel = new EventChannel(DEBUG_CHANNEL);
    private stopped = false;
    private setAt = -Infinity;

    constructor(private readonly options: LiveDebugOptions) {}

    /**
     * Applies the window the configuration carries and, when the org has room for another
     * streaming client (`live`), listens for new ones.
     */
    start(window: DebugWindow, live: boolean): void {
        this.take(window.debugUntil, window.debugSetAt);
        if (!live) {
            return;
        }
        this.channel
            .start((message) => this.received(message))
            .catch(() => {
                // Refused (the org's streaming clients are used up): the answers to log calls and heartbeats still bring the window.
            });
    }

    /** The org's answer to a log call or heartbeat: `{ debugUntil, debugSetAt }`. */
    answer(answer: unknown): void {
        if (typeof answer === 'object' && answer !== null) {
            const window = answer as DebugWindow;
            this.take(window.debugUntil, window.debugSetAt);
        }
    }

    stop(): void {
        this.stopped = true;
        this.channel.stop();
    }

    private received(message: EmpMessage): void {
        const payload = message.data?.payload ?? {};
        if (sameUser(payload.User_Id__c, this.options.userId)) {
            this.take(payload.Until_Ms__c, payload.Set_At_Ms__c);
        }
    }

    /** Applies a window set later than the one in force; an older one (a stale answer) changes nothing. */
    private take(until: unknown, setAt: unknown): void {
        const when = numberOrNull(setAt);
        if (this.stopped || when === null || when <= this.setAt) {
            return;
        }
        this.setAt = when;
        this.options.apply(numberOrNull(until));
    }
}
