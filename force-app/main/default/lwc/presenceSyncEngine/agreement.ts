import type { CompiledRules } from './evaluateRules';
import { eventForState } from './sessionInputs';
import type { Side } from './sessionTypes';
import type { Decision } from './types';

const OTHER: Record<Side, Side> = { connect: 'omni', omni: 'connect' };

export function sideOf(destination: Decision['destination']): Side {
    return destination === 'ConnectAgentState' ? 'connect' : 'omni';
}

/** What the rules want of each side given the other side's current state (no write is made). */
export interface Agreement {
    /** Per side: the decision the other side's current state leads to, if any. */
    wants: Record<Side, Decision | undefined>;
    /** Neither side's state matches a rule for the other side: named by Connect's state. */
    uncovered: { side: Side; state: string } | null;
}

/**
 * Judges two current states against the rules, as if each had just changed to what it is. The
 * session uses it at start-up and after new rules: the states at load are taken as they are,
 * and the rules only say whether the sides agree.
 */
export function checkAgreement(rules: CompiledRules, states: Record<Side, string | null>): Agreement {
    const wants: Agreement['wants'] = { connect: undefined, omni: undefined };
    for (const source of ['connect', 'omni'] as const) {
        const state = states[source];
        if (state !== null) {
            const decisions = rules.evaluate(eventForState(source, state));
            wants[OTHER[source]] = decisions.find((d) => sideOf(d.destination) !== source);
        }
    }
    const covered = wants.connect !== undefined || wants.omni !== undefined;
    const uncovered =
        covered || states.connect === null ? null : { side: 'connect' as const, state: states.connect };
    return { wants, uncovered };
}
