import type { SessionSettings } from './sessionTypes';

/**
 * Defaults, and why:
 * - onContact 'queue-next': Connect refuses a plain state change during a contact; what it can
 *   queue (a custom not-routable state or Offline) is queued as the next state, the rest is
 *   applied by the session when the contact ends. That is what the rule meant.
 * - 8 automated writes in 10 s: one external change causes at most one write per side, and a
 *   person or a call flow (Busy, AfterCallWork, Available) produces a handful of changes in ten
 *   seconds. More than 8 means rules or another integration are fighting over the agent.
 * - 100 events waiting for readiness: start-up takes seconds and produces a few events; the
 *   newest matter most, so the oldest give way.
 * - 5 s for an echo: the platforms report a change within about a second; a write whose report
 *   has not come 5 s after its call resolved (and after which the side moved on) is taken as
 *   lost, so it cannot hide a later change made by someone else.
 * - 500 trace entries: a few minutes of a busy agent's history for the health check, a few
 *   hundred kilobytes at most.
 */
export const DEFAULT_SESSION_SETTINGS: Readonly<Required<SessionSettings>> = Object.freeze({
    onContact: 'queue-next',
    flapMaxChanges: 8,
    flapWindowMs: 10_000,
    pendingEventLimit: 100,
    traceLimit: 500,
    echoTimeoutMs: 5_000
});

function whole(value: number | undefined, fallback: number, min: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
}

/** The settings with nonsense values (negative, not a number) replaced by the defaults. */
export function sanitiseSettings(settings: Partial<SessionSettings> | undefined): Required<SessionSettings> {
    const s = { ...DEFAULT_SESSION_SETTINGS, ...(settings ?? {}) };
    const d = DEFAULT_SESSION_SETTINGS;
    return {
        onContact: s.onContact === 'skip' ? 'skip' : 'queue-next',
        flapMaxChanges: whole(s.flapMaxChanges, d.flapMaxChanges, 1),
        flapWindowMs: whole(s.flapWindowMs, d.flapWindowMs, 0),
        pendingEventLimit: whole(s.pendingEventLimit, d.pendingEventLimit, 1),
        traceLimit: whole(s.traceLimit, d.traceLimit, 0),
        echoTimeoutMs: whole(s.echoTimeoutMs, d.echoTimeoutMs, 0)
    };
}
