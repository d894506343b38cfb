/**
 * The agent's live state for the health check, at the least cost to the org: a report only when
 * something changed (a problem appearing or ending within seconds, ordinary changes at most once
 * a minute), riding on a log call when one goes anyway, and a slow keep-alive that tells the
 * health check the utility is still running.
 */
import type { AgentLiveState } from 'presence-sync/contracts';

export type LiveStateReport = Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>;

/** The longest silence: the health check calls an agent not heard from for two of these "not seen". */
export const KEEP_ALIVE_MS = 5 * 60 * 1000;

/**
 * Statuses the health check shows as problems (and "Starting"): their start and end are reported
 * within seconds.
 */
const PROBLEM_STATUSES = new Set(['out-of-sync', 'paused', 'disabled', 'not-ready']);

export interface HeartbeatOptions {
    /** Calls reportAgentState; resolves with the org's answer. */
    send(stateJson: string): Promise<unknown>;
    read(): LiveStateReport;
    keepAliveMs?: number;
    /** Least time between two reports of ordinary changes (the states, in sync ↔ no rule). */
    changeGapMs?: number;
    /** Least time between two reports when a problem appears or ends (out of sync, paused, an error). */
    problemGapMs?: number;
    /** How long a change waits before it is reported, so that a passing "syncing" is not. */
    quietMs?: number;
    /** The org's answer to a report (it may start or end live debugging). */
    onAnswer?(answer: unknown): void;
}

export interface Heartbeat {
    start(): void;
    /** Something the health check shows may have changed. */
    changed(): void;
    /** For a call going to the org anyway: the state if it changed since the last report (then counted as reported), else null. */
    take(): string | null;
    /** The call that carried `take()`'s state failed: report it again. */
    lost(): void;
    dispose(): void;
}

function problemKey(state: LiveStateReport): string {
    return JSON.stringify([
        PROBLEM_STATUSES.has(state.status) ? state.status : 'ok',
        state.lastError,
        state.paused
    ]);
}

/** What was last reported and the timers of the next report. */
class ThrottledHeartbeat implements Heartbeat {
    private readonly keepAliveMs: number;
    private readonly changeGapMs: number;
    private readonly problemGapMs: number;
    private readonly quietMs: number;
    private started = false;
    private keepAlive: ReturnType<typeof setTimeout> | null = null;
    private soon: ReturnType<typeof setTimeout> | null = null;
    private soonDue = 0;
    private lastJson = '';
    private lastProblem = '';
    private lastAt = -Infinity;

    constructor(private readonly options: HeartbeatOptions) {
        this.keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
        this.changeGapMs = options.changeGapMs ?? 60000;
        this.problemGapMs = options.problemGapMs ?? 2000;
        this.quietMs = options.quietMs ?? 300;
    }

    start(): void {
        this.started = true;
        this.report(true);
    }

    changed(): void {
        if (!this.started) {
            return;
        }
        const state = this.options.read();
        if (JSON.stringify(state) === this.lastJson) {
            return;
        }
        const gap = problemKey(state) !== this.lastProblem ? this.problemGapMs : this.changeGapMs;
        this.reportAt(Math.max(Date.now() + this.quietMs, this.lastAt + gap));
    }

    take(): string | null {
        if (!this.started) {
            return null;
        }
        const state = this.options.read();
        const json = JSON.stringify(state);
        if (json === this.lastJson) {
            return null;
        }
        this.reported(state, json);
        return json;
    }

    lost(): void {
        this.lastJson = '';
        this.lastProblem = '';
        if (this.started) {
            this.reportAt(Date.now() + this.problemGapMs);
        }
    }

    dispose(): void {
        this.started = false;
        this.clearSoon();
        if (this.keepAlive !== null) {
            clearTimeout(this.keepAlive);
            this.keepAlive = null;
        }
    }

    private clearSoon(): void {
        if (this.soon !== null) {
            clearTimeout(this.soon);
            this.soon = null;
        }
    }

    private armKeepAlive(): void {
        if (this.keepAlive !== null) {
            clearTimeout(this.keepAlive);
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the keep-alive is periodic by nature
        this.keepAlive = setTimeout(() => this.report(true), this.keepAliveMs);
    }

    /** Counts `state` as reported now. */
    private reported(state: LiveStateReport, json: string): void {
        this.lastJson = json;
        this.lastProblem = problemKey(state);
        this.lastAt = Date.now();
        this.clearSoon();
        this.armKeepAlive();
    }

    private report(force: boolean): void {
        const state = this.options.read();
        const json = JSON.stringify(state);
        if (!force && json === this.lastJson) {
            return;
        }
        this.reported(state, json);
        this.options.send(json).then(
            (answer) => this.options.onAnswer?.(answer),
            () => {
                // Reported again with the next change or keep-alive; the health check shows the agent as stale meanwhile.
                this.lastJson = '';
                this.lastProblem = '';
            }
        );
    }

    private reportAt(due: number): void {
        if (this.soon !== null) {
            if (this.soonDue <= due) {
                return;
            }
            clearTimeout(this.soon);
        }
        this.soonDue = due;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- change reports are throttled, not sent one per change
        this.soon = setTimeout(
            () => {
                this.soon = null;
                this.report(false);
            },
            Math.max(0, due - Date.now())
        );
    }
}

export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
    return new ThrottledHeartbeat(options);
}
