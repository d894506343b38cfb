/**
 * Sends the session's trace to the org without getting in the way of sync: entries wait in a
 * bounded buffer and leave in batches (at most one call per interval, sooner when a batch is
 * full, at once when the page is hidden). A failing call is retried later with a longer pause;
 * when the buffer is full the oldest entries give way. Also reports the agent's live state
 * (the heartbeat the health check reads).
 */
import type { TraceEntry, TraceSink } from 'c/presenceSyncEngine';
import type { AgentLiveState, LogLevelSetting } from 'presence-sync/contracts';

export interface LogShipperOptions {
    /** Calls writeLogEntries. */
    send(entriesJson: string): Promise<unknown>;
    level: LogLevelSetting;
    tabId: string;
    /** Most entries per call. */
    batchSize?: number;
    /** Least time between two calls. */
    intervalMs?: number;
    /** Most entries kept while calls fail. */
    bufferLimit?: number;
    /** Longest pause after repeated failures. */
    maxBackoffMs?: number;
    /** Told about the first failure of a run of failures (not each retry). */
    onFailure?(error: unknown): void;
}

export interface LogShipper extends TraceSink {
    /** Sends what is buffered now (the page is being hidden). */
    flush(): Promise<void>;
    setLevel(level: LogLevelSetting): void;
    /** Entries waiting, and entries given up because the buffer was full. */
    stats(): { buffered: number; dropped: number };
    dispose(): void;
}

const DEFAULTS = { batchSize: 50, intervalMs: 5000, bufferLimit: 500, maxBackoffMs: 60000 };

function wanted(level: LogLevelSetting, entry: TraceEntry): boolean {
    if (level === 'All') {
        return true;
    }
    if (level === 'Errors') {
        return entry.level === 'error' || entry.level === 'warn';
    }
    return false;
}

export function createLogShipper(options: LogShipperOptions): LogShipper {
    const batchSize = options.batchSize ?? DEFAULTS.batchSize;
    const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
    const bufferLimit = Math.max(options.bufferLimit ?? DEFAULTS.bufferLimit, batchSize);
    const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
    let level = options.level;
    let buffer: TraceEntry[] = [];
    let dropped = 0;
    let inFlight: Promise<void> | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let timerDue = 0;
    let lastSentAt = -Infinity;
    let pauseMs = intervalMs;
    let failing = false;
    let disposed = false;

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
            send();
        }, delayMs);
    }

    async function send(): Promise<void> {
        if (inFlight || buffer.length === 0 || disposed) {
            return inFlight ?? undefined;
        }
        const batch = buffer.slice(0, batchSize);
        buffer = buffer.slice(batch.length);
        lastSentAt = Date.now();
        const body = JSON.stringify(batch.map((entry) => ({ ...entry, tabId: options.tabId })));
        inFlight = (async () => {
            try {
                await options.send(body);
                failing = false;
                pauseMs = intervalMs;
            } catch (error) {
                // Put the batch back in front; the oldest give way if newer entries filled the buffer.
                buffer = [...batch, ...buffer];
                keepWithinLimit();
                if (!failing) {
                    options.onFailure?.(error);
                }
                failing = true;
                pauseMs = Math.min(pauseMs * 2, maxBackoffMs);
            } finally {
                inFlight = null;
            }
            if (buffer.length > 0) {
                schedule(failing ? pauseMs : buffer.length >= batchSize ? 0 : intervalMs);
            }
        })();
        return inFlight;
    }

    return {
        write(entry: TraceEntry): void {
            if (disposed || !wanted(level, entry)) {
                return;
            }
            buffer.push(entry);
            keepWithinLimit();
            if (failing || inFlight) {
                schedule(pauseMs);
                return;
            }
            const wait = Math.max(0, lastSentAt + intervalMs - Date.now());
            // A full batch leaves as soon as the interval allows; a partial one waits a whole interval.
            schedule(buffer.length >= batchSize ? wait : Math.max(wait, intervalMs));
        },

        async flush(): Promise<void> {
            if (timer !== null) {
                clearTimeout(timer);
                timer = null;
            }
            await send();
        },

        setLevel(next: LogLevelSetting): void {
            level = next;
        },

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

export type LiveStateReport = Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>;

export interface HeartbeatOptions {
    /** Calls reportAgentState. */
    send(stateJson: string): Promise<unknown>;
    read(): LiveStateReport;
    intervalMs?: number;
    /** Least time between two reports caused by changes other than the sync status. */
    minGapMs?: number;
    /** Least time between two reports caused by a new sync status. */
    statusGapMs?: number;
    /** How long a change waits before it is reported, so that a passing "syncing" is not. */
    quietMs?: number;
}

export interface Heartbeat {
    start(): void;
    /** Something the health check shows changed: report soon (sooner when the sync status changed). */
    changed(): void;
    dispose(): void;
}

/**
 * Reports the live state every interval and after a change: a new sync status within
 * `statusGapMs`, other changes (the states alone) within `minGapMs`. Failures wait for the next
 * change or beat.
 */
export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
    const intervalMs = options.intervalMs ?? 60000;
    const minGapMs = options.minGapMs ?? 10000;
    const statusGapMs = options.statusGapMs ?? 2000;
    const quietMs = options.quietMs ?? 300;
    let interval: ReturnType<typeof setInterval> | null = null;
    let soon: ReturnType<typeof setTimeout> | null = null;
    let soonDue = 0;
    let lastJson = '';
    let lastStatus: string | null = null;
    let lastAt = -Infinity;

    function report(force: boolean): void {
        const state = options.read();
        const json = JSON.stringify(state);
        if (!force && json === lastJson) {
            return;
        }
        lastJson = json;
        lastStatus = state.status;
        lastAt = Date.now();
        options.send(json).catch(() => {
            // Reported again with the next change or beat; the health check shows the agent as stale meanwhile.
            lastJson = '';
            lastStatus = null;
        });
    }

    function reportAt(due: number): void {
        if (soon !== null) {
            if (soonDue <= due) {
                return;
            }
            clearTimeout(soon);
        }
        soonDue = due;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- change reports are throttled, not sent one per change
        soon = setTimeout(
            () => {
                soon = null;
                report(false);
            },
            Math.max(0, due - Date.now())
        );
    }

    return {
        start(): void {
            report(true);
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- a heartbeat is periodic by nature
            interval = setInterval(() => report(true), intervalMs);
        },
        changed(): void {
            if (interval === null) {
                return;
            }
            const statusChanged = options.read().status !== lastStatus;
            const gap = statusChanged ? statusGapMs : minGapMs;
            reportAt(Math.max(Date.now() + quietMs, lastAt + gap));
        },
        dispose(): void {
            if (interval !== null) {
                clearInterval(interval);
                interval = null;
            }
            if (soon !== null) {
                clearTimeout(soon);
                soon = null;
            }
        }
    };
}
