import type { Side } from './sessionTypes';
import type { SideWriter } from './writeScheduler';
import { SIDE_NAMES } from './writeScheduler';

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
    contactEnded: boolean
): ReportKind {
    if (state === before) {
        return { kind: 'repeat' };
    }
    const echo = writer.ledger.take(state);
    if (echo) {
        return { kind: 'echo', correlationId: echo.correlationId };
    }
    if (contactEnded && writer.deferred) {
        return { kind: 'return', correlationId: writer.deferred.correlationId };
    }
    return { kind: 'change' };
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
