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

export function createLogShipper(options: LogShipperOptions): LogShipper {
    const batchSize = options.batchSize ?? DEFAULTS.batchSize;
    const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
    const detailIntervalMs = options.detailIntervalMs ?? DEFAULTS.detailIntervalMs;
    const settleMs = options.settleMs ?? DEFAULTS.settleMs;
    const bufferLimit = Math.max(options.bufferLimit ?? DEFAULTS.bufferLimit, batchSize);
    const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
    let level = options.level;
    let writer = false;
    let debugEnd = 0;
    let buffer: TraceEntry[] = [];
    let dropped = 0;
    let inFlight: Promise<void> | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let timerDue = 0;
    let lastSentAt = -Infinity;
    let failing = false;
    let pauseMs = 0;
    let disposed = false;

    const effectiveLevel = (): LogLevelSetting => (Date.now() < debugEnd ? 'All' : level);
    const gap = (): number => (effectiveLevel() === 'All' ? detailIntervalMs : intervalMs);

    function keepWithinLimit(): void {
        if (buffer.length > bufferLimit) {
            dropped += buffer.length - bufferLimit;
            buffer = buffer.slice(buffer.length - bufferLimit);
        }
    }

    /** Sends after `delayMs`, or earlier if a send is already due earlier. */
    function schedule(delayMs: number): void {
        if (disposed) {
            return;
        }
        const due = Date.now() + delayMs;
        if (timer !== null) {
            if (timerDue <= due) {
                return;
            }
            clearTimeout(timer);
        }
        timerDue = due;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- batching is the point: entries wait for the next call
        timer = setTimeout(() => {
            timer = null;
            send(false);
        }, delayMs);
    }

    /** The next call: after the level's interval, a sync's settling time, or a failure's pause. */
    function scheduleNext(): void {
        if (buffer.length === 0) {
            return;
        }
        const sinceLast = Date.now() - lastSentAt;
        if (failing) {
            schedule(pauseMs);
        } else if (effectiveLevel() === 'All') {
            // A full batch leaves as soon as the interval allows; a partial one waits a whole interval.
            schedule(buffer.length >= batchSize ? Math.max(0, gap() - sinceLast) : gap());
        } else {
            schedule(Math.max(gap() - sinceLast, settleMs));
        }
    }

    async function send(force: boolean): Promise<void> {
        if (inFlight || disposed) {
            return inFlight ?? undefined;
        }
        const { ship, keep } = selectForShipping(buffer, {
            level: effectiveLevel(),
            writer,
            now: Date.now(),
            settleMs,
            force,
            max: batchSize
        });
        buffer = keep;
        if (ship.length === 0) {
            scheduleNext();
            return undefined;
        }
        lastSentAt = Date.now();
        const body = JSON.stringify(ship.map((entry) => ({ ...entry, tabId: options.tabId })));
        const state = options.takeState?.() ?? null;
        inFlight = (async () => {
            try {
                const answer = await options.send(body, state);
                failing = false;
                options.onAnswer?.(answer);
            } catch (error) {
                // Put what was selected back in front; the oldest give way if newer entries filled the buffer.
                buffer = [...ship, ...buffer];
                keepWithinLimit();
                if (state !== null) {
                    options.stateLost?.();
                }
                if (!failing) {
                    options.onFailure?.(error);
                    pauseMs = gap();
                }
                failing = true;
                pauseMs = Math.min(pauseMs * 2, maxBackoffMs);
            } finally {
                inFlight = null;
            }
            scheduleNext();
        })();
        return inFlight;
    }

    return {
        write(entry: TraceEntry): void {
            if (disposed || effectiveLevel() === 'Off') {
                return;
            }
            buffer.push(entry);
            keepWithinLimit();
            if (!inFlight) {
                scheduleNext();
            }
        },

        async flush(): Promise<void> {
            if (timer !== null) {
                clearTimeout(timer);
                timer = null;
            }
            if (inFlight) {
                await inFlight;
            }
            await send(true);
        },

        setLevel(next: LogLevelSetting): void {
            level = next;
        },

        setWriter(isWriter: boolean): void {
            writer = isWriter;
        },

        debugUntil(untilMs: number | null): void {
            const wasDebugging = Date.now() < debugEnd;
            debugEnd = untilMs ?? 0;
            if (!wasDebugging && Date.now() < debugEnd) {
                // What waits goes out at the debugging pace, not the summary one.
                if (timer !== null) {
                    clearTimeout(timer);
                    timer = null;
                }
                scheduleNext();
            }
        },

        level: effectiveLevel,

        stats() {
            return { buffered: buffer.length, dropped };
        },

        dispose(): void {
            disposed = true;
            if (timer !== null) {
                clearTimeout(timer);
                timer = null;
            }
            buffer = [];
        }
    };
}
