import type { AppliedRule, Side } from './sessionTypes';
import type { TraceContext } from './traceWriter';
import type { Decision } from './types';
import type { SourceEvent } from './vocabulary';

export const SIDE_NAMES: Record<Side, string> = { connect: 'Amazon Connect', omni: 'Omni-Channel' };

/** A write the session wants to make to one side: a rule's decision. */
export interface Write {
    value: string;
    correlationId: string;
    eventType?: SourceEvent;
    ruleId: string;
    ruleName: string;
}

/** A rule's decision as a write, named after its rule. */
export function writeFor(decision: Decision, ruleName: string | undefined, context: TraceContext): Write {
    return {
        value: decision.value,
        ruleId: decision.ruleId,
        ruleName: ruleName ?? decision.ruleId,
        correlationId: context.correlationId,
        eventType: context.eventType
    };
}

/** The side a decision's destination sets. */
export function sideOf(destination: Decision['destination']): Side {
    return destination === 'ConnectAgentState' ? 'connect' : 'omni';
}

/** The destination that sets a side. */
export function destinationOf(side: Side): Decision['destination'] {
    return side === 'connect' ? 'ConnectAgentState' : 'SalesforceAgentState';
}

/** A write as "last decision" / "last rule applied" show it. */
export function appliedRule(side: Side, write: Write, at: number): AppliedRule {
    return {
        ruleId: write.ruleId,
        ruleName: write.ruleName,
        destination: destinationOf(side),
        value: write.value,
        at
    };
}

/** The platform's own words from whatever a port rejected with. */
export function errorText(error: unknown): string {
    if (error instanceof Error && error.message) {
        return error.message;
    }
    if (typeof error === 'string' && error !== '') {
        return error;
    }
    try {
        const json = JSON.stringify(error);
        if (json && json !== '{}') {
            return json;
        }
    } catch {
        // fall through to the generic words
    }
    return 'The platform refused the change without saying why.';
}

/** Connect refused a plain change because a contact had started (the Connect port marks it). */
export function isContactStarted(error: unknown): boolean {
    return (
        typeof error === 'object' &&
        error !== null &&
        (error as { contactStarted?: unknown }).contactStarted === true
    );
}
