import {
    COMPARATOR_LABELS,
    CONNECT_SYSTEM_STATES,
    DESTINATION_LABELS,
    OPERAND_LABELS,
    SOURCE_EVENT_LABELS
} from './vocabulary';
import type { Comparator, Destination, Operand, SourceEvent } from './vocabulary';
import type { PresenceSyncRule } from './types';

/**
 * Facts about the rule vocabulary that evaluation, validation and descriptions all rely on,
 * kept in one place so the three can never disagree.
 */

export type Platform = 'connect' | 'salesforce';

const ALL_SOURCES = Object.keys(SOURCE_EVENT_LABELS) as SourceEvent[];

/** Which source events carry each operand (StaticValue is the rule's own text, so: all). */
export const OPERAND_SOURCES: Readonly<Record<Operand, readonly SourceEvent[]>> = {
    ConnectNewState: ['ConnectStateChange'],
    ConnectOldState: ['ConnectStateChange'],
    SalesforceNewState: ['SalesforceStateChange', 'SalesforceLogout'],
    SalesforceServiceChannel: ['SalesforceWorkAccepted'],
    SalesforcePreviousWorkload: ['SalesforceWorkloadChanged'],
    SalesforcePreviousWorkloadPct: ['SalesforceWorkloadChanged'],
    SalesforceNewWorkload: ['SalesforceWorkloadChanged'],
    SalesforceNewWorkloadPct: ['SalesforceWorkloadChanged'],
    SalesforceConfiguredCapacity: ['SalesforceWorkloadChanged'],
    SalesforcePreviousInterruptibleWorkload: ['SalesforceWorkloadChanged'],
    SalesforcePreviousInterruptibleWorkloadPct: ['SalesforceWorkloadChanged'],
    SalesforceNewInterruptibleWorkload: ['SalesforceWorkloadChanged'],
    SalesforceNewInterruptibleWorkloadPct: ['SalesforceWorkloadChanged'],
    SalesforceConfiguredInterruptibleCapacity: ['SalesforceWorkloadChanged'],
    StaticValue: ALL_SOURCES
};

/** Operands whose value is always a number when present. */
export const NUMERIC_OPERANDS: ReadonlySet<Operand> = new Set<Operand>([
    'SalesforcePreviousWorkload',
    'SalesforcePreviousWorkloadPct',
    'SalesforceNewWorkload',
    'SalesforceNewWorkloadPct',
    'SalesforceConfiguredCapacity',
    'SalesforcePreviousInterruptibleWorkload',
    'SalesforcePreviousInterruptibleWorkloadPct',
    'SalesforceNewInterruptibleWorkload',
    'SalesforceNewInterruptibleWorkloadPct',
    'SalesforceConfiguredInterruptibleCapacity'
]);

/** Operands that are a workload as a percentage of its capacity (missing while that capacity is 0). */
export const PERCENT_OPERANDS: ReadonlySet<Operand> = new Set<Operand>([
    'SalesforcePreviousWorkloadPct',
    'SalesforceNewWorkloadPct',
    'SalesforcePreviousInterruptibleWorkloadPct',
    'SalesforceNewInterruptibleWorkloadPct'
]);

/**
 * Operands read from the interruptible fields of Omni-Channel's workload event (work routed as
 * interruptible, counted against the interruptible capacity of the presence configuration).
 */
export const INTERRUPTIBLE_OPERANDS: ReadonlySet<Operand> = new Set<Operand>([
    'SalesforcePreviousInterruptibleWorkload',
    'SalesforcePreviousInterruptibleWorkloadPct',
    'SalesforceNewInterruptibleWorkload',
    'SalesforceNewInterruptibleWorkloadPct',
    'SalesforceConfiguredInterruptibleCapacity'
]);

/** The fields that say what a rule does: its criterion and its destination (not its id, name or place). */
export const RULE_BEHAVIOUR_FIELDS: readonly (keyof PresenceSyncRule)[] = [
    'source',
    'operandA',
    'operandAValue',
    'comparator',
    'operandB',
    'operandBValue',
    'destination',
    'destinationValue'
];

export const ORDERING_COMPARATORS: ReadonlySet<Comparator> = new Set<Comparator>([
    'GreaterThan',
    'GreaterThanOrEqual',
    'LessThan',
    'LessThanOrEqual'
]);

export function isSourceEvent(value: unknown): value is SourceEvent {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SOURCE_EVENT_LABELS, value);
}

export function isOperand(value: unknown): value is Operand {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(OPERAND_LABELS, value);
}

export function isComparator(value: unknown): value is Comparator {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(COMPARATOR_LABELS, value);
}

export function isDestination(value: unknown): value is Destination {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DESTINATION_LABELS, value);
}

export function sourcePlatform(source: SourceEvent): Platform {
    return source === 'ConnectStateChange' ? 'connect' : 'salesforce';
}

export function destinationPlatform(destination: Destination): Platform {
    return destination === 'ConnectAgentState' ? 'connect' : 'salesforce';
}

/** A Connect state that only the Connect service sets (calls, errors); rules may read it, never write it. */
export function isConnectSystemState(state: string): boolean {
    return CONNECT_SYSTEM_STATES.has(state);
}

/*
 * Decimal notation only (optional sign, digits with an optional fraction, optional exponent),
 * surrounding blanks allowed. Deliberately stricter than Number(): '', '0x1A' and 'Infinity' are
 * text, which is also what Apex's Decimal.valueOf accepts, so both sides agree.
 */
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number a static value stands for, or undefined when it is text. */
export function parseStaticNumber(text: string): number | undefined {
    if (!DECIMAL.test(text)) {
        return undefined;
    }
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
}

/** A number given as a number or as decimal text (Omni's workload events send either), else undefined. */
export function finiteNumber(value: unknown): number | undefined {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : undefined;
    }
    return typeof value === 'string' ? parseStaticNumber(value) : undefined;
}
