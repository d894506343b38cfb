import { FlapGuard } from './flapGuard';
import type { SessionSettings } from './sessionTypes';
import type { TraceContext, TraceWriter } from './traceWriter';

/**
 * Whether this session may write now: the writer role among the agent's tabs (and the lease the
 * tab leader holds, asked right before every call), and the flapping guard's pause.
 */
export class WriteGate {
    writer = true;
    pausedReason: string | null = null;
    private readonly flapGuard: FlapGuard;
    private readonly pauseListeners: (() => void)[] = [];

    constructor(
        private readonly settings: Required<SessionSettings>,
        private readonly lease: (() => boolean) | undefined,
        private readonly trace: TraceWriter
    ) {
        this.flapGuard = new FlapGuard(settings.flapMaxChanges, settings.flapWindowMs);
    }

    /** Called at every pause, once it is traced: each side's writer drops what waits. */
    onPause(listener: () => void): void {
        this.pauseListeners.push(listener);
    }

    /** Why no decision may be carried out at all now, undefined when it may. */
    blocked(): string | undefined {
        if (!this.writer) {
            return 'This tab only watches; the writer tab applies decisions.';
        }
        return this.pausedReason === null
            ? undefined
            : 'Sync is paused by the flapping guard; resume it to apply decisions.';
    }

    /**
     * The last word right before a call: the lease, then the flapping guard, which counts the
     * call or pauses sync (traced under the call's context). Why not, or undefined.
     */
    beforeCall(now: number, context: TraceContext): string | undefined {
        if (this.lease && !this.lease()) {
            return 'This tab no longer holds the writer role; another tab applies decisions.';
        }
        if (this.flapGuard.allow(now)) {
            return undefined;
        }
        const s = this.settings;
        this.pausedReason =
            `More than ${s.flapMaxChanges} automated changes within ${s.flapWindowMs / 1000} seconds: the ` +
            `rules or another integration keep changing the agent's state. Sync is paused until it is resumed.`;
        this.trace.write(context, 'sync-paused', 'warn', {}, undefined, this.pausedReason);
        this.pauseListeners.forEach((listener) => listener());
        return 'Sync was paused by the flapping guard.';
    }

    /** Lifts a pause; false when there was none. */
    resume(): boolean {
        if (this.pausedReason === null) {
            return false;
        }
        this.pausedReason = null;
        this.flapGuard.reset();
        return true;
    }
}
