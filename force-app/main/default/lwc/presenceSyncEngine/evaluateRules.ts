import {
    destinationPlatform,
    finiteNumber,
    isComparator,
    isConnectSystemState,
    isDestination,
    isOperand,
    isSourceEvent,
    NUMERIC_OPERANDS,
    parseStaticNumber
} from './ruleCatalog';
import type { Decision, PresenceEvent, PresenceSyncRule } from './types';
import type { Comparator, Destination, Operand, SourceEvent } from './vocabulary';
import { OMNI_OFFLINE } from './vocabulary';

/** A value a criterion compares: text, a number, or nothing when the event does not carry it. */
type Value = string | number | undefined;

interface CompiledSide {
    operand: Operand;
    /** For StaticValue: the number the text stands for, else the text itself. */
    fixed: Value;
    /** For StaticValue: the text as written, used when the comparison is textual ('5.0' stays '5.0'). */
    text: string;
}

interface CompiledRule {
    id: string;
    name: string;
    order: number;
    a: CompiledSide;
    comparator: Comparator;
    b: CompiledSide;
    destination: Destination;
    value: string;
    /** Position in its source's precedence order (0 = wins over all others). */
    rank: number;
}

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

function textFrom(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}

function percentage(workload: unknown, capacity: unknown): number | undefined {
    const load = finiteNumber(workload);
    const cap = finiteNumber(capacity);
    if (load === undefined || cap === undefined || cap <= 0) {
        return undefined;
    }
    // ×100 before ÷ keeps whole percentages exact (7 of 10 is 70, not 70.00000000000001).
    return (load * 100) / cap;
}

function resolve(side: CompiledSide, event: PresenceEvent): Value {
    switch (side.operand) {
        case 'StaticValue':
            return side.fixed;
        case 'ConnectNewState':
            return textFrom(event.connectNewState);
        case 'ConnectOldState':
            return textFrom(event.connectOldState);
        case 'SalesforceNewState':
            // A logout leaves the agent Offline whatever the event says; logout rules match exactly that.
            return event.type === 'SalesforceLogout' ? OMNI_OFFLINE : textFrom(event.salesforceNewState);
        case 'SalesforceServiceChannel':
            return textFrom(event.serviceChannel);
        case 'SalesforcePreviousWorkload':
            return finiteNumber(event.previousWorkload);
        case 'SalesforceNewWorkload':
            return finiteNumber(event.newWorkload);
        case 'SalesforceConfiguredCapacity':
            return finiteNumber(event.configuredCapacity);
        case 'SalesforcePreviousWorkloadPct':
            return percentage(event.previousWorkload, event.configuredCapacity);
        case 'SalesforceNewWorkloadPct':
            return percentage(event.newWorkload, event.configuredCapacity);
        case 'SalesforcePreviousInterruptibleWorkload':
            return finiteNumber(event.previousInterruptibleWorkload);
        case 'SalesforceNewInterruptibleWorkload':
            return finiteNumber(event.newInterruptibleWorkload);
        case 'SalesforceConfiguredInterruptibleCapacity':
            return finiteNumber(event.configuredInterruptibleCapacity);
        case 'SalesforcePreviousInterruptibleWorkloadPct':
            return percentage(event.previousInterruptibleWorkload, event.configuredInterruptibleCapacity);
        case 'SalesforceNewInterruptibleWorkloadPct':
            return percentage(event.newInterruptibleWorkload, event.configuredInterruptibleCapacity);
        default:
            return undefined;
    }
}

function asText(side: CompiledSide, value: string | number): string {
    return side.operand === 'StaticValue' ? side.text : String(value);
}

function matches(rule: CompiledRule, event: PresenceEvent): boolean {
    const a = resolve(rule.a, event);
    const b = resolve(rule.b, event);
    if (a === undefined || b === undefined) {
        return false;
    }
    const comparator = rule.comparator;
    if (typeof a === 'number' && typeof b === 'number') {
        switch (comparator) {
            case 'Equal':
                return a === b;
            case 'NotEqual':
                return a !== b;
            case 'GreaterThan':
                return a > b;
            case 'GreaterThanOrEqual':
                return a >= b;
            case 'LessThan':
                return a < b;
            default:
                return a <= b;
        }
    }
    if (comparator === 'Equal') {
        return asText(rule.a, a) === asText(rule.b, b);
    }
    if (comparator === 'NotEqual') {
        return asText(rule.a, a) !== asText(rule.b, b);
    }
    return false;
}

function compileSide(operand: unknown, staticValue: unknown): CompiledSide | undefined {
    if (!isOperand(operand)) {
        return undefined;
    }
    if (operand !== 'StaticValue') {
        return { operand, fixed: undefined, text: '' };
    }
    if (typeof staticValue !== 'string' || staticValue === '') {
        return undefined;
    }
    return { operand, fixed: parseStaticNumber(staticValue) ?? staticValue, text: staticValue };
}

/** The rule in evaluable form, or undefined when it is inactive or malformed (skipped, never fatal). */
function compileRule(candidate: unknown): { source: SourceEvent; rule: CompiledRule } | undefined {
    if (typeof candidate !== 'object' || candidate === null) {
        return undefined;
    }
    const r = candidate as Partial<Record<keyof PresenceSyncRule, unknown>>;
    if (r.active !== true || typeof r.id !== 'string' || typeof r.name !== 'string') {
        return undefined;
    }
    if (typeof r.order !== 'number' || !Number.isFinite(r.order) || !isSourceEvent(r.source)) {
        return undefined;
    }
    if (!isComparator(r.comparator) || !isDestination(r.destination)) {
        return undefined;
    }
    const value = r.destinationValue;
    if (typeof value !== 'string' || value === '') {
        return undefined;
    }
    if (destinationPlatform(r.destination) === 'connect' && isConnectSystemState(value)) {
        return undefined;
    }
    const a = compileSide(r.operandA, r.operandAValue);
    const b = compileSide(r.operandB, r.operandBValue);
    if (!a || !b) {
        return undefined;
    }
    return {
        source: r.source,
        rule: {
            id: r.id,
            name: r.name,
            order: r.order,
            a,
            comparator: r.comparator,
            b,
            destination: r.destination,
            value,
            rank: 0
        }
    };
}

/** Code-unit order, not locale order: the same on every machine and in Apex. */
function compareText(x: string, y: string): number {
    if (x === y) {
        return 0;
    }
    return x < y ? -1 : 1;
}

function byPrecedence(x: CompiledRule, y: CompiledRule): number {
    return x.order - y.order || compareText(x.name, y.name) || compareText(x.id, y.id);
}

/** Rules whose criterion is "operand Equal static value": found by the event's value, not by scanning. */
interface EqualityIndex {
    side: CompiledSide;
    /** Keyed by the text of the value that matches (numbers in their canonical form). */
    byValue: Map<string, CompiledRule[]>;
}

interface SourceGroup {
    indexes: EqualityIndex[];
    /** Every other rule, in precedence order. */
    scanned: CompiledRule[];
    hasConnect: boolean;
    hasSalesforce: boolean;
}

/** The key an operand's value is found under: numbers canonical, so '5.0' and 5 meet at '5'. */
function keyOf(value: string | number): string {
    return typeof value === 'number' ? String(value) : value;
}

/**
 * For "X Equal static" (either way round, X not static), the index side and the key the static
 * value matches; undefined when the rule has to be scanned.
 */
function indexKey(rule: CompiledRule): { side: CompiledSide; key: string } | undefined {
    if (rule.comparator !== 'Equal') {
        return undefined;
    }
    const { a, b } = rule;
    const [dynamic, fixed] = a.operand === 'StaticValue' ? [b, a] : [a, b];
    if (dynamic.operand === 'StaticValue' || fixed.operand !== 'StaticValue') {
        return undefined;
    }
    // A numeric operand meets a number under its canonical text; a text operand meets the text as written.
    const key =
        NUMERIC_OPERANDS.has(dynamic.operand) && typeof fixed.fixed === 'number'
            ? String(fixed.fixed)
            : fixed.text;
    return { side: dynamic, key };
}

function buildGroup(rules: CompiledRule[]): SourceGroup {
    rules.sort(byPrecedence);
    const group: SourceGroup = { indexes: [], scanned: [], hasConnect: false, hasSalesforce: false };
    rules.forEach((rule, rank) => {
        rule.rank = rank;
        if (rule.destination === 'ConnectAgentState') {
            group.hasConnect = true;
        } else {
            group.hasSalesforce = true;
        }
        const found = indexKey(rule);
        if (!found) {
            group.scanned.push(rule);
            return;
        }
        let index = group.indexes.find((i) => i.side.operand === found.side.operand);
        if (!index) {
            index = { side: found.side, byValue: new Map() };
            group.indexes.push(index);
        }
        const bucket = index.byValue.get(found.key);
        if (bucket) {
            bucket.push(rule);
        } else {
            index.byValue.set(found.key, [rule]);
        }
    });
    return group;
}

function decision(rule: CompiledRule): Decision {
    return { ruleId: rule.id, destination: rule.destination, value: rule.value };
}

/** The winning rule per destination; with `matched`, also every matching rule. */
function decide(group: SourceGroup, event: PresenceEvent, matched: CompiledRule[] | undefined): Decision[] {
    let connect: CompiledRule | undefined;
    let salesforce: CompiledRule | undefined;
    for (const index of group.indexes) {
        const value = resolve(index.side, event);
        const bucket = value === undefined ? undefined : index.byValue.get(keyOf(value));
        if (!bucket) {
            continue;
        }
        // Buckets are in precedence order: the first rule per destination is the best of the bucket.
        for (const rule of bucket) {
            matched?.push(rule);
            if (rule.destination === 'ConnectAgentState') {
                if (!connect || rule.rank < connect.rank) {
                    connect = rule;
                }
            } else if (!salesforce || rule.rank < salesforce.rank) {
                salesforce = rule;
            }
        }
    }
    for (const rule of group.scanned) {
        if (
            !matched &&
            (connect ? connect.rank < rule.rank : !group.hasConnect) &&
            (salesforce ? salesforce.rank < rule.rank : !group.hasSalesforce)
        ) {
            break;
        }
        if (!matches(rule, event)) {
            continue;
        }
        matched?.push(rule);
        if (rule.destination === 'ConnectAgentState') {
            if (!connect || rule.rank < connect.rank) {
                connect = rule;
            }
        } else if (!salesforce || rule.rank < salesforce.rank) {
            salesforce = rule;
        }
    }
    if (connect && salesforce) {
        return connect.rank < salesforce.rank
            ? [decision(connect), decision(salesforce)]
            : [decision(salesforce), decision(connect)];
    }
    const only = connect ?? salesforce;
    return only ? [decision(only)] : [];
}

const NO_GROUP: SourceGroup = { indexes: [], scanned: [], hasConnect: false, hasSalesforce: false };

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
