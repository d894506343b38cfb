/**
 * Sends the session's trace to the org without getting in the way of sync, at the cost the log
 * level allows: entries wait in a bounded buffer and leave in batches, summarised per sync at the
 * Summary level (c/presenceSyncTraceSummary) and at most once a minute, every step and every
 * five seconds at All or while a supervisor debugs the agent live. A failing call is retried
 * later with a longer pause; when the buffer is full the oldest entries give way. A call also
 * carries the agent's live state when it changed (the heartbeat rides along).
 */
import type { TraceEntry, TraceSink } from 'c/presenceSyncEngine';
import type { LogLevelSetting } from 'presence-sync/contracts';
import { selectForShipping } from './logSelection';

export { createHeartbeat, KEEP_ALIVE_MS } from './heartbeat';
export type { Heartbeat, HeartbeatOptions, LiveStateReport } from './heartbeat';
export { LiveDebug, DEBUG_CHANNEL } from './liveDebug';
export type { LiveDebugOptions } from './liveDebug';

export interface LogShipperOptions {
    /** Calls writeLogEntries; `stateJson` is the live state when it changed, else null. Resolves with the org's answer. */
    send(entriesJson: string, stateJson: string | null): Promise<unknown>;
    level: LogLevelSetting;
    tabId: string;
    /** Most entries per call. */
    batchSize?: number;
    /** Least time between two calls at the Summary and Errors levels. */
    intervalMs?: number;
    /** Least time between two calls at All and while debugging live. */
    detailIntervalMs?: number;
    /** How long after its last entry a sync counts as finished (its echo has come back). */
    settleMs?: number;
    /** Most entries kept while calls fail. */
    bufferLimit?: number;
    /** Longest pause after repeated failures. */
    maxBackoffMs?: number;
    /** The live state to send along, when it changed (Heartbeat.take). */
    takeState?(): string | null;
    /** The call that carried the state failed (Heartbeat.lost). */
    stateLost?(): void;
    /** The org's answer to a call (it may start or end live debugging). */
    onAnswer?(answer: unknown): void;
    /** Told about the first failure of a run of failures (not each retry). */
    onFailure?(error: unknown): void;
}

export interface LogShipper extends TraceSink {
    /** Sends what is buffered now, every sync taken as finished (the page is being hidden). */
    flush(): Promise<void>;
    setLevel(level: LogLevelSetting): void;
    /** Whether this tab applies decisions: at the Summary level only the writer's syncs are stored. */
    setWriter(writer: boolean): void;
    /** Every step until `untilMs` (live debugging), then the log level again by itself. */
    debugUntil(untilMs: number | null): void;
    /** The level in force now: All while debugging live. */
    level(): LogLevelSetting;
    /** Entries waiting, and entries given up because the buffer was full. */
    stats(): { buffered: number; dropped: number };
    dispose(): void;
}

const DEFAULTS = {
    batchSize: 100,
    intervalMs: 60000,
    detailIntervalMs: 5000,
    settleMs: 5000,
    bufferLimit: 500,
    maxBackoffMs: 300000
};

/** The shipper's state between calls: what waits, what is in flight, and when the next call goes. */
class BatchingShipper implements LogShipper {
    private readonly batchSize: number;
    private readonly intervalMs: number;
    private readonly detailIntervalMs: number;
    private readonly settleMs: number;
    private readonly bufferLimit: number;
    private readonly maxBackoffMs: number;
    private configuredLevel: LogLevelSetting;
    private writer = false;
    private debugEnd = 0;
    private buffer: TraceEntry[] = [];
    private dropped = 0;
    private inFlight: Promise<void> | null = null;
    private timer: ReturnType<typeof setTimeout> | null = null;
    private timerDue = 0;
    private lastSentAt = -Infinity;
    private failing = false;
    private pauseMs = 0;
    private disposed = false;

    constructor(private readonly options: LogShipperOptions) {
        this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
        this.intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
        this.detailIntervalMs = options.detailIntervalMs ?? DEFAULTS.detailIntervalMs;
        this.settleMs = options.settleMs ?? DEFAULTS.settleMs;
        this.bufferLimit = Math.max(options.bufferLimit ?? DEFAULTS.bufferLimit, this.batchSize);
        this.maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
        this.configuredLevel = options.level;
    }

    write(entry: TraceEntry): void {
        if (this.disposed || this.level() === 'Off') {
            return;
        }
        this.buffer.push(entry);
        this.keepWithinLimit();
        if (!this.inFlight) {
            this.scheduleNext();
        }
    }

    async flush(): Promise<void> {
        this.clearTimer();
        if (this.inFlight) {
            await this.inFlight;
        }
        await this.send(true);
    }

    setLevel(next: LogLevelSetting): void {
        this.configuredLevel = next;
    }

    setWriter(isWriter: boolean): void {
        this.writer = isWriter;
    }

    debugUntil(untilMs: number | null): void {
        const wasDebugging = Date.now() < this.debugEnd;
        this.debugEnd = untilMs ?? 0;
        if (!wasDebugging && Date.now() < this.debugEnd) {
            // What waits goes out at the debugging pace, not the summary one.
            this.clearTimer();
            this.scheduleNext();
        }
    }

    level(): LogLevelSetting {
        return Date.now() < this.debugEnd ? 'All' : this.configuredLevel;
    }

    stats(): { buffered: number; dropped: number } {
        return { buffered: this.buffer.length, dropped: this.dropped };
    }

    dispose(): void {
        this.disposed = true;
        this.clearTimer();
        this.buffer = [];
    }

    private gap(): number {
        return this.level() === 'All' ? this.detailIntervalMs : this.intervalMs;
    }

    private clearTimer(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }

    private keepWithinLimit(): void {
        if (this.buffer.length > this.bufferLimit) {
            this.dropped += this.buffer.length - this.bufferLimit;
            this.buffer = this.buffer.slice(this.buffer.length - this.bufferLimit);
        }
    }

    /** Sends after `delayMs`, or earlier if a send is already due earlier. */
    private schedule(delayMs: number): void {
        if (this.disposed) {
            return;
        }
        const due = Date.now() + delayMs;
        if (this.timer !== null) {
            if (this.timerDue <= due) {
                return;
            }
            clearTimeout(this.timer);
        }
        this.timerDue = due;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- batching is the point: entries wait for the next call
        this.timer = setTimeout(() => {
            this.timer = null;
            this.send(false);
        }, delayMs);
    }

    /** The next call: after the level's interval, a sync's settling time, or a failure's pause. */
    private scheduleNext(): void {
        if (this.buffer.length === 0) {
            return;
        }
        const sinceLast = Date.now() - this.lastSentAt;
        if (this.failing) {
            this.schedule(this.pauseMs);
        } else if (this.level() === 'All') {
            // A full batch leaves as soon as the interval allows; a partial one waits a whole interval.
            this.schedule(
                this.buffer.length >= this.batchSize ? Math.max(0, this.gap() - sinceLast) : this.gap()
            );
        } else {
            this.schedule(Math.max(this.gap() - sinceLast, this.settleMs));
        }
    }

    private async send(force: boolean): Promise<void> {
        if (this.inFlight || this.disposed) {
            return this.inFlight ?? undefined;
        }
        const { ship, keep } = selectForShipping(this.buffer, {
            level: this.level(),
            writer: this.writer,
            now: Date.now(),
            settleMs: this.settleMs,
            force,
            max: this.batchSize
        });
        this.buffer = keep;
        if (ship.length === 0) {
            this.scheduleNext();
            return undefined;
        }
        this.lastSentAt = Date.now();
        const body = JSON.stringify(ship.map((entry) => ({ ...entry, tabId: this.options.tabId })));
        const state = this.options.takeState?.() ?? null;
        this.inFlight = this.call(ship, body, state);
        return this.inFlight;
    }

    private async call(ship: TraceEntry[], body: string, state: string | null): Promise<void> {
        try {
            const answer = await this.options.send(body, state);
            this.failing = false;
            this.options.onAnswer?.(answer);
        } catch (error) {
            this.failed(ship, state, error);
        } finally {
            this.inFlight = null;
        }
        this.scheduleNext();
    }

    private failed(ship: TraceEntry[], state: string | null, error: unknown): void {
        // Put what was selected back in front; the oldest give way if newer entries filled the buffer.
        this.buffer = [...ship, ...this.buffer];
        this.keepWithinLimit();
        if (state !== null) {
            this.options.stateLost?.();
        }
        if (!this.failing) {
            this.options.onFailure?.(error);
            this.pauseMs = this.gap();
        }
        this.failing = true;
        this.pauseMs = Math.min(this.pauseMs * 2, this.maxBackoffMs);
    }
}

export function createLogShipper(options: LogShipperOptions): LogShipper {
    return new BatchingShipper(options);
}
