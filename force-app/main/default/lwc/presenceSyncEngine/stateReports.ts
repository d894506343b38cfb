import type { ConnectActivity, Side } from './sessionTypes';
import { SIDE_NAMES } from './sessionWrites';
import type { SideWriter } from './writeScheduler';

/** What a reported state is to the session. */
export type ReportKind =
    /** The platform reporting a state the session wrote. */
    | { kind: 'echo'; correlationId: string }
    /** The state the side already had (a refresh, a failover's `Init → X`, a write that changed nothing). */
    | { kind: 'repeat' }
    /** Connect back from a contact while a decision waits for exactly that moment. */
    | { kind: 'return'; correlationId: string }
    /** Someone else changed the side: the rules run. */
    | { kind: 'change' };

/**
 * Tells a report apart. `before`: the state the side had when the report was sent (for a report
 * held at start-up, the state reported before it). A repeat is checked first: it must not use up
 * the expectation of a later echo.
 */
export function classifyReport(
    writer: SideWriter,
    state: string,
    before: string | null,
    contactEnded: boolean,
    now: number
): ReportKind {
    if (state === before) {
        return { kind: 'repeat' };
    }
    const echo = writer.ledger.take(state, now);
    if (echo) {
        return { kind: 'echo', correlationId: echo.correlationId };
    }
    if (contactEnded && writer.deferred) {
        return { kind: 'return', correlationId: writer.deferred.correlationId };
    }
    return { kind: 'change' };
}

/** What the session knows when a report arrives. */
export interface ReportSituation {
    /** The state the side had when the report was sent (see `classifyReport`). */
    before: string | null;
    /** The report says the agent's contacts just ended (Connect only). */
    contactEnded: boolean;
    /** Connect's activity, this report's included. */
    activity: ConnectActivity;
    now: number;
}

/**
 * Takes a reported state into its side's writer: tells what it is, retires the echoes it makes
 * moot (a queued next state Connect showed and shows no more; for a change, writes whose echo is late
 * beyond the timeout), and records the state. A change also ends what the session wanted of
 * the side and its refusal: the side moved by itself.
 */
export function takeReport(writer: SideWriter, state: string, situation: ReportSituation): ReportKind {
    const { activity } = situation;
    const report = classifyReport(writer, state, situation.before, situation.contactEnded, situation.now);
    if (writer.side === 'connect') {
        writer.ledger.nextStateShown(activity.nextState);
    }
    if (report.kind === 'change') {
        writer.ledger.forget(situation.now, (v) => activity.onContact && activity.nextState === v);
    }
    writer.known = state;
    if (report.kind === 'change') {
        writer.target = null;
        writer.failed = null;
    }
    return report;
}

/** The trace's words for a report on which no rules run. */
export function reportWords(side: Side, state: string, kind: ReportKind['kind']): string {
    switch (kind) {
        case 'echo':
            return `${SIDE_NAMES[side]} reports ${state}, the state this session set: no rules run on an echo.`;
        case 'repeat':
            return `${SIDE_NAMES[side]} reports ${state} again: nothing changed, no rules run.`;
        default:
            return `The contact ended and Connect returned to ${state}: no rules run; the decision held for the end of the contact applies.`;
    }
}
