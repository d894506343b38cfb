import {
    destinationPlatform,
    finiteNumber,
    isComparator,
    isConnectSystemState,
    isDestination,
    isOperand,
    isSourceEvent,
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
        default:
            return undefined;
    }
}

function compare(comparator: Comparator, a: Value, b: Value): boolean {
    if (a === undefined || b === undefined) {
        return false;
    }
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
        return String(a) === String(b);
    }
    if (comparator === 'NotEqual') {
        return String(a) !== String(b);
    }
    return false;
}

function matches(rule: CompiledRule, event: PresenceEvent): boolean {
    return compare(rule.comparator, resolve(rule.a, event), resolve(rule.b, event));
}

function compileSide(operand: unknown, staticValue: unknown): CompiledSide | undefined {
    if (!isOperand(operand)) {
        return undefined;
    }
    if (operand !== 'StaticValue') {
        return { operand, fixed: undefined };
    }
    if (typeof staticValue !== 'string' || staticValue === '') {
        return undefined;
    }
    return { operand, fixed: parseStaticNumber(staticValue) ?? staticValue };
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
            value
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

interface SourceGroup {
    rules: CompiledRule[];
    /** How many different destinations the group can decide: evaluation stops once all are decided. */
    destinations: number;
}

function decide(group: SourceGroup, event: PresenceEvent, matched: string[] | undefined): Decision[] {
    const decisions: Decision[] = [];
    let connectDecided = false;
    let salesforceDecided = false;
    for (const rule of group.rules) {
        if (!matched && decisions.length === group.destinations) {
            break;
        }
        if (!matches(rule, event)) {
            continue;
        }
        matched?.push(rule.id);
        const isConnect = rule.destination === 'ConnectAgentState';
        if (isConnect ? connectDecided : salesforceDecided) {
            continue;
        }
        if (isConnect) {
            connectDecided = true;
        } else {
            salesforceDecided = true;
        }
        decisions.push({ ruleId: rule.id, destination: rule.destination, value: rule.value });
    }
    return decisions;
}

const NO_GROUP: SourceGroup = { rules: [], destinations: 0 };

/** Compiles rules for repeated evaluation. Never throws: unusable rules are left out. */
export function compileRules(rules: readonly PresenceSyncRule[]): CompiledRules {
    const groups = new Map<SourceEvent, SourceGroup>();
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
        let group = groups.get(compiled.source);
        if (!group) {
            group = { rules: [], destinations: 0 };
            groups.set(compiled.source, group);
        }
        group.rules.push(compiled.rule);
    }
    for (const group of groups.values()) {
        group.rules.sort(byPrecedence);
        group.destinations = new Set(group.rules.map((rule) => rule.destination)).size;
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
            const matchedRuleIds: string[] = [];
            try {
                return { decisions: decide(groupFor(event), event, matchedRuleIds), matchedRuleIds };
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
 * evaluateRules is called with the same array again and again (the simulator, the session's
 * callers), so the compiled form is cached per array. Before reuse, every element and every
 * field that evaluation reads is compared with what was compiled: a caller who edits the array
 * or a rule in place still gets correct answers, at the price of one pass of cheap comparisons.
 */
const FINGERPRINT_FIELDS = [
    'id',
    'name',
    'active',
    'order',
    'source',
    'operandA',
    'operandAValue',
    'comparator',
    'operandB',
    'operandBValue',
    'destination',
    'destinationValue'
] as const;

interface CacheEntry {
    compiled: CompiledRules;
    elements: unknown[];
    /** FINGERPRINT_FIELDS of every element, flattened. */
    fields: unknown[];
}

const cache = new WeakMap<readonly PresenceSyncRule[], CacheEntry>();

function fieldsOf(rules: readonly unknown[]): unknown[] {
    const fields: unknown[] = [];
    for (const rule of rules) {
        const record = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
        for (const field of FINGERPRINT_FIELDS) {
            fields.push(record[field]);
        }
    }
    return fields;
}

function stillValid(entry: CacheEntry, rules: readonly unknown[]): boolean {
    const { elements, fields } = entry;
    if (elements.length !== rules.length) {
        return false;
    }
    let f = 0;
    for (let i = 0; i < rules.length; i++) {
        const rule = rules[i] as Record<string, unknown> | null;
        if (rule !== elements[i]) {
            return false;
        }
        if (typeof rule !== 'object' || rule === null) {
            f += FINGERPRINT_FIELDS.length;
            continue;
        }
        if (
            rule.id !== fields[f] ||
            rule.name !== fields[f + 1] ||
            rule.active !== fields[f + 2] ||
            rule.order !== fields[f + 3] ||
            rule.source !== fields[f + 4] ||
            rule.operandA !== fields[f + 5] ||
            rule.operandAValue !== fields[f + 6] ||
            rule.comparator !== fields[f + 7] ||
            rule.operandB !== fields[f + 8] ||
            rule.operandBValue !== fields[f + 9] ||
            rule.destination !== fields[f + 10] ||
            rule.destinationValue !== fields[f + 11]
        ) {
            return false;
        }
        f += FINGERPRINT_FIELDS.length;
    }
    return true;
}

function compiledFor(rules: readonly PresenceSyncRule[]): CompiledRules {
    const entry = cache.get(rules);
    if (entry && stillValid(entry, rules)) {
        return entry.compiled;
    }
    const compiled = compileRules(rules);
    cache.set(rules, { compiled, elements: [...rules], fields: fieldsOf(rules) });
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
