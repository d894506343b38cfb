import { compileRule } from './compiledRule';
import type { CompiledRule } from './compiledRule';
import { buildGroup, decide, NO_GROUP } from './sourceGroup';
import type { SourceGroup } from './sourceGroup';
import type { Decision, PresenceEvent, PresenceSyncRule } from './types';
import type { SourceEvent } from './vocabulary';

/** What one event did to a rule set: the decisions and every rule whose criterion matched. */
export interface RuleEvaluation {
    decisions: Decision[];
    matchedRuleIds: string[];
}

/**
 * Rules compiled once for many events: grouped by source and sorted by precedence, so an event
 * only looks at the rules of its own source. A snapshot: later edits to the rule objects are not
 * seen (compile again).
 */
export interface CompiledRules {
    /** Active, well-formed rules, i.e. the ones that can ever decide anything. */
    readonly ruleCount: number;
    evaluate(event: PresenceEvent): Decision[];
    /** Like evaluate, but also lists every matching rule (for the trace). */
    explain(event: PresenceEvent): RuleEvaluation;
    /** The name of a compiled rule, for traces and status lines. */
    ruleName(ruleId: string): string | undefined;
}

/** Compiles rules for repeated evaluation. Never throws: unusable rules are left out. */
export function compileRules(rules: readonly PresenceSyncRule[]): CompiledRules {
    const bySource = new Map<SourceEvent, CompiledRule[]>();
    const names = new Map<string, string>();
    let ruleCount = 0;
    const list: readonly unknown[] = Array.isArray(rules) ? rules : [];
    for (const candidate of list) {
        const compiled = compileRule(candidate);
        if (!compiled) {
            continue;
        }
        ruleCount++;
        names.set(compiled.rule.id, compiled.rule.name);
        const sourceRules = bySource.get(compiled.source);
        if (sourceRules) {
            sourceRules.push(compiled.rule);
        } else {
            bySource.set(compiled.source, [compiled.rule]);
        }
    }
    const groups = new Map<SourceEvent, SourceGroup>();
    for (const [source, sourceRules] of bySource) {
        groups.set(source, buildGroup(sourceRules));
    }
    const groupFor = (event: PresenceEvent): SourceGroup =>
        (typeof event === 'object' && event !== null && groups.get(event.type)) || NO_GROUP;
    return {
        ruleCount,
        evaluate(event) {
            try {
                return decide(groupFor(event), event, undefined);
            } catch {
                // An event object with throwing getters must not break the caller.
                return [];
            }
        },
        explain(event) {
            const matched: CompiledRule[] = [];
            try {
                const decisions = decide(groupFor(event), event, matched);
                if (matched.length > 1) {
                    matched.sort((x, y) => x.rank - y.rank);
                }
                return { decisions, matchedRuleIds: matched.map((rule) => rule.id) };
            } catch {
                return { decisions: [], matchedRuleIds: [] };
            }
        },
        ruleName(ruleId) {
            return names.get(ruleId);
        }
    };
}

/*
 * evaluateRules is called with the same array again and again (the simulator, tests), so the
 * compiled form is cached per array and reused while the array still holds the same rule objects
 * in the same places (one pass of identity checks): pushing, removing, replacing or re-sorting
 * rules is seen. Rule objects are read as values: comparing every field of every rule on every
 * call would cost more than evaluating, so a caller who edits a rule object in place passes a new
 * array (or a new rule object) afterwards, as immutable UI state does anyway.
 */
interface CacheEntry {
    compiled: CompiledRules;
    elements: unknown[];
}

const cache = new WeakMap<readonly PresenceSyncRule[], CacheEntry>();

function sameElements(elements: readonly unknown[], rules: readonly unknown[]): boolean {
    if (elements.length !== rules.length) {
        return false;
    }
    for (let i = 0; i < rules.length; i++) {
        if (rules[i] !== elements[i]) {
            return false;
        }
    }
    return true;
}

function compiledFor(rules: readonly PresenceSyncRule[]): CompiledRules {
    const entry = cache.get(rules);
    if (entry && sameElements(entry.elements, rules)) {
        return entry.compiled;
    }
    const compiled = compileRules(rules);
    cache.set(rules, { compiled, elements: [...rules] });
    return compiled;
}

/**
 * The decisions a presence event leads to: at most one per destination, from the active rules of
 * the event's source; the lowest order wins (ties: name, then id). Pure, never throws, never
 * mutates its inputs; malformed rules are skipped.
 */
export function evaluateRules(rules: readonly PresenceSyncRule[], event: PresenceEvent): Decision[] {
    try {
        if (!Array.isArray(rules)) {
            return [];
        }
        return compiledFor(rules).evaluate(event);
    } catch {
        return [];
    }
}
