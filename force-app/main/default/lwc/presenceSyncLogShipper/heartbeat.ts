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

export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
    const keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
    const changeGapMs = options.changeGapMs ?? 60000;
    const problemGapMs = options.problemGapMs ?? 2000;
    const quietMs = options.quietMs ?? 300;
    let started = false;
    let keepAlive: ReturnType<typeof setTimeout> | null = null;
    let soon: ReturnType<typeof setTimeout> | null = null;
    let soonDue = 0;
    let lastJson = '';
    let lastProblem = '';
    let lastAt = -Infinity;

    function clearSoon(): void {
        if (soon !== null) {
            clearTimeout(soon);
            soon = null;
        }
    }

    function armKeepAlive(): void {
        if (keepAlive !== null) {
            clearTimeout(keepAlive);
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the keep-alive is periodic by nature
        keepAlive = setTimeout(() => report(true), keepAliveMs);
    }

    /** Counts `state` as reported now. */
    function reported(state: LiveStateReport, json: string): void {
        lastJson = json;
        lastProblem = problemKey(state);
        lastAt = Date.now();
        clearSoon();
        armKeepAlive();
    }

    function report(force: boolean): void {
        const state = options.read();
        const json = JSON.stringify(state);
        if (!force && json === lastJson) {
            return;
        }
        reported(state, json);
        options.send(json).then(
            (answer) => options.onAnswer?.(answer),
            () => {
                // Reported again with the next change or keep-alive; the health check shows the agent as stale meanwhile.
                lastJson = '';
                lastProblem = '';
            }
        );
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
            started = true;
            report(true);
        },
        changed(): void {
            if (!started) {
                return;
            }
            const state = options.read();
            if (JSON.stringify(state) === lastJson) {
                return;
            }
            const gap = problemKey(state) !== lastProblem ? problemGapMs : changeGapMs;
            reportAt(Math.max(Date.now() + quietMs, lastAt + gap));
        },
        take(): string | null {
            if (!started) {
                return null;
            }
            const state = options.read();
            const json = JSON.stringify(state);
            if (json === lastJson) {
                return null;
            }
            reported(state, json);
            return json;
        },
        lost(): void {
            lastJson = '';
            lastProblem = '';
            if (started) {
                reportAt(Date.now() + problemGapMs);
            }
        },
        dispose(): void {
            started = false;
            clearSoon();
            if (keepAlive !== null) {
                clearTimeout(keepAlive);
                keepAlive = null;
            }
        }
    };
}
