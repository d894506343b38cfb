import { compileRules, SOURCE_EVENT_LABELS, validateRule } from 'c/presenceSyncEngine';
import type { Destination, PresenceEvent, PresenceSyncRule, SourceEvent } from 'c/presenceSyncEngine';
import type { AnalysisDomain, AnalysisFinding } from './analysisTypes';
import { isOtherValue, probeEvents } from './probes';
import { buildStateGraph, previousConnectStates } from './stateGraph';
import type { StateGraph } from './stateGraph';

const SOURCES = Object.keys(SOURCE_EVENT_LABELS) as SourceEvent[];

/** What a destination sets, in the words of a sentence. */
const SIDE_WORDS: Record<Destination, string> = {
    SalesforceAgentState: 'the Omni-Channel status',
    ConnectAgentState: 'the Connect agent state'
};

/** How an example event shows "a value no rule names". */
const UNNAMED_VALUE = '(a value no rule names)';

function quoted(rule: PresenceSyncRule): string {
    return `“${rule.name}”`;
}

/** The engine's precedence: lowest order, then name, then id. Sort with it to list rules as they are evaluated. */
export function compareRulePrecedence(a: PresenceSyncRule, b: PresenceSyncRule): number {
    return a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function readableExample(event: PresenceEvent): PresenceEvent {
    const copy: Record<string, unknown> = { ...event };
    for (const [key, value] of Object.entries(copy)) {
        if (typeof value === 'string' && isOtherValue(value)) {
            copy[key] = UNNAMED_VALUE;
        }
    }
    return copy as unknown as PresenceEvent;
}

function hasOtherValue(event: PresenceEvent): boolean {
    return Object.values(event).some((value) => typeof value === 'string' && isOtherValue(value));
}

/** What the probes showed about one rule. */
interface RuleFacts {
    /** Probe keys (source + index) where the criterion matched. */
    matched: string[];
    /** Rules that decided instead of this one on events where it matched. */
    beatenBy: Set<string>;
    won: boolean;
    example?: PresenceEvent;
}

function probeRules(rules: readonly PresenceSyncRule[], domain: AnalysisDomain): Map<string, RuleFacts> {
    const facts = new Map<string, RuleFacts>(
        rules.map((r) => [r.id, { matched: [], beatenBy: new Set(), won: false }])
    );
    const byId = new Map(rules.map((r) => [r.id, r]));
    const compiled = compileRules(rules);
    for (const source of SOURCES) {
        probeEvents(rules, source, domain).forEach((event, index) => {
            const { decisions, matchedRuleIds } = compiled.explain(event);
            for (const id of matchedRuleIds) {
                const ruleFacts = facts.get(id);
                const rule = byId.get(id);
                if (!ruleFacts || !rule) {
                    continue;
                }
                ruleFacts.matched.push(`${source}:${index}`);
                if (!ruleFacts.example || (hasOtherValue(ruleFacts.example) && !hasOtherValue(event))) {
                    ruleFacts.example = event;
                }
                const winner = decisions.find((d) => d.destination === rule.destination);
                if (winner?.ruleId === id) {
                    ruleFacts.won = true;
                } else if (winner) {
                    ruleFacts.beatenBy.add(winner.ruleId);
                }
            }
        });
    }
    return facts;
}

function invalidFindings(rules: readonly PresenceSyncRule[]): AnalysisFinding[] {
    return rules.flatMap((rule) => {
        const issues = validateRule(rule);
        if (issues.length === 0) {
            return [];
        }
        return [
            {
                kind: 'invalid' as const,
                severity: 'error' as const,
                ruleIds: [rule.id],
                message: `${quoted(rule)} cannot be saved: ${issues.map((i) => i.message).join(' ')}`,
                issues
            }
        ];
    });
}

/**
 * Rules that react to exactly the same events and set the same side to different values. Only
 * the first ever applies, which is rarely what the admin meant.
 */
function conflictFindings(
    rules: readonly PresenceSyncRule[],
    facts: Map<string, RuleFacts>
): AnalysisFinding[] {
    const groups = new Map<string, PresenceSyncRule[]>();
    for (const rule of rules) {
        const matched = facts.get(rule.id)?.matched ?? [];
        if (matched.length === 0) {
            continue;
        }
        const key = JSON.stringify([rule.source, rule.destination, matched]);
        groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    const findings: AnalysisFinding[] = [];
    for (const group of groups.values()) {
        const values = new Set(group.map((r) => r.destinationValue));
        if (values.size < 2) {
            continue;
        }
        const [first, ...rest] = [...group].sort(compareRulePrecedence);
        const side = SIDE_WORDS[first.destination];
        findings.push({
            kind: 'conflict',
            severity: 'warning',
            ruleIds: [first.id, ...rest.map((r) => r.id)],
            message:
                `${[first, ...rest].map(quoted).join(' and ')} react to the same events but set ` +
                `${side} to different values (${[first, ...rest].map((r) => r.destinationValue).join(' vs ')}). ` +
                `Only ${quoted(first)} ever applies because it comes first. Delete the others or change their criteria.`,
            example:
                facts.get(first.id)?.example && readableExample(facts.get(first.id)?.example as PresenceEvent)
        });
    }
    return findings;
}

function shadowFindings(
    rules: readonly PresenceSyncRule[],
    facts: Map<string, RuleFacts>,
    alreadyExplained: ReadonlySet<string>
): AnalysisFinding[] {
    const byId = new Map(rules.map((r) => [r.id, r]));
    const findings: AnalysisFinding[] = [];
    for (const rule of rules) {
        const ruleFacts = facts.get(rule.id) as RuleFacts;
        if (ruleFacts.matched.length === 0 || ruleFacts.won || alreadyExplained.has(rule.id)) {
            continue;
        }
        const winners = [...ruleFacts.beatenBy]
            .map((id) => byId.get(id))
            .filter((r): r is PresenceSyncRule => r !== undefined)
            .sort(compareRulePrecedence);
        const sameOutcome = winners.every((w) => w.destinationValue === rule.destinationValue);
        const names = winners.map(quoted).join(' and ');
        findings.push({
            kind: 'shadowed',
            severity: 'warning',
            ruleIds: [rule.id, ...winners.map((w) => w.id)],
            message: sameOutcome
                ? `${quoted(rule)} never takes effect: ${names} comes first and does the same thing. Delete ${quoted(rule)}.`
                : `${quoted(rule)} never takes effect: whenever it matches, ${names} comes first and decides instead. ` +
                  `Move ${quoted(rule)} above it, narrow the earlier rule, or delete ${quoted(rule)}.`,
            example: ruleFacts.example && readableExample(ruleFacts.example)
        });
    }
    return findings;
}

function neverMatchFindings(
    rules: readonly PresenceSyncRule[],
    facts: Map<string, RuleFacts>
): AnalysisFinding[] {
    return rules
        .filter((rule) => facts.get(rule.id)?.matched.length === 0)
        .map((rule) => ({
            kind: 'never-matches' as const,
            severity: 'warning' as const,
            ruleIds: [rule.id],
            message:
                `${quoted(rule)} can never match: no "${SOURCE_EVENT_LABELS[rule.source]}" event satisfies its criterion. ` +
                'Check the comparator and the values it compares.'
        }));
}

/** One hop of a chain: the side and state reached, and the rule that set it. */
interface Hop {
    side: 'connect' | 'omni';
    state: string;
    ruleId?: string;
}

function hopName(hop: Hop): string {
    return `${hop.side === 'connect' ? 'Connect' : 'Omni-Channel'} ${hop.state}`;
}

/**
 * Follows what each side makes the other become, as if every write came back as a new change,
 * which is what happens when an echo is not recognised (a second browser tab, a re-sync).
 */
function followChain(graph: StateGraph, start: Hop): Hop[] {
    const chain: Hop[] = [start];
    const seen = new Set([`${start.side}:${start.state}`]);
    let previousConnect: string = previousConnectStates(graph).at(-1) as string;
    for (;;) {
        const current = chain[chain.length - 1];
        const step =
            current.side === 'connect'
                ? graph.fromConnect(current.state, previousConnect)
                : graph.fromOmni(current.state);
        if (!step) {
            return chain;
        }
        if (current.side === 'connect') {
            previousConnect = current.state;
        }
        const next: Hop = {
            side: current.side === 'connect' ? 'omni' : 'connect',
            state: step.target,
            ruleId: step.ruleId
        };
        chain.push(next);
        const key = `${next.side}:${next.state}`;
        if (seen.has(key)) {
            return chain;
        }
        seen.add(key);
    }
}

function chainFindings(rules: readonly PresenceSyncRule[], domain: AnalysisDomain): AnalysisFinding[] {
    const graph = buildStateGraph(rules, domain);
    const byId = new Map(rules.map((r) => [r.id, r]));
    const starts: Hop[] = [
        ...graph.connectStates.map((state): Hop => ({ side: 'connect', state })),
        ...graph.omniStatuses.map((state): Hop => ({ side: 'omni', state }))
    ];
    const loops = new Map<string, AnalysisFinding>();
    const roundTrips = new Map<string, AnalysisFinding>();
    for (const start of starts) {
        const chain = followChain(graph, start);
        const last = chain[chain.length - 1];
        const repeatAt = chain.findIndex((hop) => hop.side === last.side && hop.state === last.state);
        const cycle = repeatAt < chain.length - 1 ? chain.slice(repeatAt + 1) : [];
        if (cycle.length > 2) {
            const ruleIds = [...new Set(cycle.map((hop) => hop.ruleId as string))].sort();
            const key = ruleIds.join('|');
            if (!loops.has(key)) {
                const path = [chain[repeatAt], ...cycle].map(hopName).join(' → ');
                loops.set(key, {
                    kind: 'loop',
                    severity: 'warning',
                    ruleIds,
                    message:
                        `These rules form a loop: ${path}. If a change ever comes back as a new one ` +
                        '(a second browser tab, a sync-now), the agent is flipped round this loop until the flapping guard pauses sync. ' +
                        'Make each pair of states map to each other both ways.'
                });
            }
        }
        if (chain.length >= 3 && (chain[2].side !== start.side || chain[2].state !== start.state)) {
            const [first, second] = [chain[1].ruleId as string, chain[2].ruleId as string];
            const key = `${first}|${second}`;
            if (!roundTrips.has(key) && byId.has(first) && byId.has(second)) {
                roundTrips.set(key, {
                    kind: 'round-trip',
                    severity: 'warning',
                    ruleIds: [first, second],
                    message:
                        `${hopName(start)} sets ${hopName(chain[1])} (${quoted(byId.get(first) as PresenceSyncRule)}), ` +
                        `but ${hopName(chain[1])} sets ${hopName(chain[2])} (${quoted(byId.get(second) as PresenceSyncRule)}). ` +
                        `The two sides disagree, so a re-sync or a manual change flips the agent from ${start.state} to ${chain[2].state}. ` +
                        'Make the two rules name the same pair of states.'
                });
            }
        }
    }
    const inLoops = new Set([...loops.values()].flatMap((f) => f.ruleIds));
    const trips = [...roundTrips.values()].filter((f) => !f.ruleIds.every((id) => inLoops.has(id)));
    return [...loops.values(), ...trips];
}

/**
 * Every warning about a rule set: rules that cannot be saved, conflicts, rules that never take
 * effect or never match, and chains that would flip an agent back and forth. Only active rules
 * take part (pass the rule set as it would be after activation).
 */
export function findRuleProblems(
    rules: readonly PresenceSyncRule[],
    domain: AnalysisDomain = {}
): AnalysisFinding[] {
    const invalid = invalidFindings(rules.filter((r) => r.active));
    const invalidIds = new Set(invalid.flatMap((f) => f.ruleIds));
    const sound = rules.filter((r) => r.active && !invalidIds.has(r.id));
    const facts = probeRules(sound, domain);
    const conflicts = conflictFindings(sound, facts);
    const explained = new Set(conflicts.flatMap((f) => f.ruleIds.slice(1)));
    return [
        ...invalid,
        ...conflicts,
        ...shadowFindings(sound, facts, explained),
        ...neverMatchFindings(sound, facts),
        ...chainFindings(sound, domain)
    ];
}
