import type { CompiledRules } from './evaluateRules';
import { eventForState } from './sessionInputs';
import type { Side } from './sessionTypes';
import { SIDE_NAMES, sideOf, writeFor } from './sessionWrites';
import type { TraceContext } from './traceWriter';
import type { Decision } from './types';
import type { SideWriter } from './writeScheduler';

const OTHER: Record<Side, Side> = { connect: 'omni', omni: 'connect' };

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

/**
 * Each side with nothing in flight, waiting or held takes what the rules want of it as its
 * target (none when they want nothing). Returns the wishes its current state does not meet.
 */
export function adoptWishes(
    writers: Record<Side, SideWriter>,
    wants: Agreement['wants'],
    rules: CompiledRules,
    context: TraceContext
): string[] {
    const unmet: string[] = [];
    for (const side of ['connect', 'omni'] as const) {
        const writer = writers[side];
        const want = wants[side];
        if (!writer.inFlight && !writer.waiting && !writer.deferred) {
            writer.target = want ? writeFor(want, rules.ruleName(want.ruleId), context) : null;
            if (want && writer.known !== want.value) {
                unmet.push(`${SIDE_NAMES[side]} ${want.value}`);
            }
        }
    }
    return unmet;
}

/** The trace's words for a check of the current states (start-up, a side known later, new rules). */
export function agreementWords(why: string, unmet: string[]): string {
    const words =
        unmet.length === 0
            ? 'the two sides agree with the rules.'
            : `the rules want ${unmet.join(' and ')}; nothing is written until a side changes or Sync now.`;
    return `${why}: the current states are kept as they are; ${words}`;
}
