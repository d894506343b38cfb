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
import type { PresenceEvent, PresenceSyncRule } from './types';
import type { Comparator, Destination, Operand, SourceEvent } from './vocabulary';
import { OMNI_OFFLINE } from './vocabulary';

/*
 * One rule in the form the evaluation uses: its operands read from an event, its criterion
 * compared, its precedence among the rules of its source.
 */

/** A value a criterion compares: text, a number, or nothing when the event does not carry it. */
export type Value = string | number | undefined;

export interface CompiledSide {
    operand: Operand;
    /** For StaticValue: the number the text stands for, else the text itself. */
    fixed: Value;
    /** For StaticValue: the text as written, used when the comparison is textual ('5.0' stays '5.0'). */
    text: string;
}

export interface CompiledRule {
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

export function resolve(side: CompiledSide, event: PresenceEvent): Value {
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

export function matches(rule: CompiledRule, event: PresenceEvent): boolean {
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
export function compileRule(candidate: unknown): { source: SourceEvent; rule: CompiledRule } | undefined {
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

export function byPrecedence(x: CompiledRule, y: CompiledRule): number {
    return x.order - y.order || compareText(x.name, y.name) || compareText(x.id, y.id);
}
