/**
 * What the live debugging panel says about one agent, from the org's AgentLogState: whether every
 * step of their sync is being stored and until when, and what the rate limit dropped. Pure.
 */
import { formatClock } from 'c/presenceSyncTraceView';
import type { AgentLogState } from 'presence-sync/contracts';

/** The times a supervisor can choose (PresenceSyncLiveDebugService.DURATIONS). */
export const DEBUG_DURATIONS = [5, 15, 30, 60];

export interface DebugPanelView {
    active: boolean;
    /** When the window ends (ms), while active. */
    until: number | null;
    /** One sentence: what is stored for the agent now. */
    statusText: string;
    /** One sentence about entries the rate limit dropped, null when none were. */
    droppedText: string | null;
}

export function debugPanelView(state: AgentLogState | null, agentName: string, now: number): DebugPanelView {
    const until = state?.debugUntil ?? null;
    const active = until !== null && until > now;
    const by = state?.debugSetBy ? ` (started by ${state.debugSetBy})` : '';
    const statusText = active
        ? `Every step of ${agentName}'s sync is stored until ${formatClock(until)}${by}; then their utility goes back to the log level by itself.`
        : `${agentName}'s sync is stored at the log level (a summary per sync, every step of those that went wrong). Debug live to store every step for a while.`;
    const dropped = state?.droppedEntries ?? 0;
    const droppedText =
        dropped > 0
            ? `The rate limit dropped ${dropped.toLocaleString('en-US')} of ${agentName}'s log entries${state?.lastDroppedAt ? `, the last at ${formatClock(state.lastDroppedAt)}` : ''}: far more than a normal day sends. They cost no storage; the utility or the browser may be misbehaving.`
            : null;
    return { active, until: active ? until : null, statusText, droppedText };
}
