import fc from 'fast-check';
import {
    CONNECT_SYSTEM_STATES,
    compileRules,
    evaluateRules,
    OPERAND_LABELS,
    SOURCE_EVENT_LABELS
} from 'c/presenceSyncEngine';
import type {
    Comparator,
    Decision,
    Destination,
    Operand,
    PresenceEvent,
    PresenceSyncRule,
    SourceEvent
} from 'c/presenceSyncEngine';
import { WORKLOAD_OPERANDS } from '../../../../../test/workloadOperands';
import { propertyRuns } from '../../../../../test/propertyRuns';

/*
 * The engine indexes rules by source and by value; this reference reads the contract literally
 * and scans every rule, so any shortcut that changes an answer shows up as a difference.
 */
const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function staticValue(text: string): string | number {
    return NUMBER_TEXT.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
}

function operandValue(
    operand: Operand,
    text: string | undefined,
    e: PresenceEvent
): string | number | undefined {
    const pct = (load: number | undefined, capacity: number | undefined) => {
        return load === undefined || !capacity || capacity <= 0 ? undefined : (load * 100) / capacity;
    };
    switch (operand) {
        case 'StaticValue':
            return text === undefined || text === '' ? undefined : staticValue(text);
        case 'ConnectNewState':
            return e.connectNewState;
        case 'ConnectOldState':
            return e.connectOldState;
        case 'SalesforceNewState':
            return e.type === 'SalesforceLogout' ? 'Offline' : e.salesforceNewState;
        case 'SalesforceServiceChannel':
            return e.serviceChannel;
        case 'SalesforcePreviousWorkload':
            return e.previousWorkload;
        case 'SalesforceNewWorkload':
            return e.newWorkload;
        case 'SalesforceConfiguredCapacity':
            return e.configuredCapacity;
        case 'SalesforcePreviousWorkloadPct':
            return pct(e.previousWorkload, e.configuredCapacity);
        case 'SalesforceNewWorkloadPct':
            return pct(e.newWorkload, e.configuredCapacity);
        case 'SalesforcePreviousInterruptibleWorkload':
            return e.previousInterruptibleWorkload;
        case 'SalesforceNewInterruptibleWorkload':
            return e.newInterruptibleWorkload;
        case 'SalesforceConfiguredInterruptibleCapacity':
            return e.configuredInterruptibleCapacity;
        case 'SalesforcePreviousInterruptibleWorkloadPct':
            return pct(e.previousInterruptibleWorkload, e.configuredInterruptibleCapacity);
        case 'SalesforceNewInterruptibleWorkloadPct':
            return pct(e.newInterruptibleWorkload, e.configuredInterruptibleCapacity);
        default:
            throw new Error(`The reference does not know the operand ${String(operand)}`);
    }
}

function referenceMatch(rule: PresenceSyncRule, e: PresenceEvent): boolean {
    const a = operandValue(rule.operandA, rule.operandAValue, e);
    const b = operandValue(rule.operandB, rule.operandBValue, e);
    if (a === undefined || b === undefined) {
        return false;
    }
    if (typeof a === 'number' && typeof b === 'number') {
        return {
            Equal: a === b,
            NotEqual: a !== b,
            GreaterThan: a > b,
            GreaterThanOrEqual: a >= b,
            LessThan: a < b,
            LessThanOrEqual: a <= b
        }[rule.comparator];
    }
    // Static text is compared as written ('5.0' stays '5.0'); event values as their text.
    const text = (v: string | number, operand: Operand, raw?: string) => {
        return operand === 'StaticValue' ? (raw as string) : String(v);
    };
    const ta = text(a, rule.operandA, rule.operandAValue);
    const tb = text(b, rule.operandB, rule.operandBValue);
    if (rule.comparator === 'Equal') {
        return ta === tb;
    }
    return rule.comparator === 'NotEqual' ? ta !== tb : false;
}

function reference(rules: PresenceSyncRule[], e: PresenceEvent): Decision[] {
    const candidates = rules
        .filter((r) => r.active && r.source === e.type && r.destinationValue !== '')
        .filter(
            (r) => !(r.destination === 'ConnectAgentState' && CONNECT_SYSTEM_STATES.has(r.destinationValue))
        )
        .filter((r) => referenceMatch(r, e))
        .sort(
            (x, y) =>
                x.order - y.order ||
                (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) ||
                (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
        );
    const winners = new Map<Destination, PresenceSyncRule>();
    for (const r of candidates) {
        if (!winners.has(r.destination)) {
            winners.set(r.destination, r);
        }
    }
    return [...winners.values()].map((r) => ({
        ruleId: r.id,
        destination: r.destination,
        value: r.destinationValue
    }));
}

const SOURCES: SourceEvent[] = [
    'ConnectStateChange',
    'SalesforceStateChange',
    'SalesforceLogout',
    'SalesforceWorkAccepted',
    'SalesforceWorkloadChanged'
];
const OPERANDS: Operand[] = [
    'ConnectNewState',
    'ConnectOldState',
    'SalesforceNewState',
    'SalesforceServiceChannel',
    ...WORKLOAD_OPERANDS,
    'StaticValue',
    'StaticValue',
    'StaticValue',
    'SalesforceNewWorkload',
    'SalesforceNewWorkloadPct',
    'SalesforceNewInterruptibleWorkloadPct'
];
const COMPARATORS: Comparator[] = [
    'Equal',
    'Equal',
    'NotEqual',
    'GreaterThan',
    'GreaterThanOrEqual',
    'LessThan',
    'LessThanOrEqual'
];
/** Texts that collide in interesting ways: numbers written differently, case, blanks, system states. */
const TEXTS = [
    'Lunch',
    'lunch',
    'Offline',
    'Busy',
    '5',
    '5.0',
    '05',
    '50',
    '-0',
    '0',
    '1e1',
    '10',
    ' 5 ',
    '',
    '66.66666666666667',
    'Phone'
];

const textArb = fc.constantFrom(...TEXTS);

function ruleArb(source: SourceEvent): fc.Arbitrary<PresenceSyncRule> {
    return fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        name: fc.constantFrom('One', 'Two'),
        active: fc.boolean(),
        order: fc.integer({ min: 1, max: 3 }),
        // Mostly the event's own source, so rules compete; sometimes another, which must not count.
        source: fc.oneof(
            { weight: 5, arbitrary: fc.constant(source) },
            { weight: 1, arbitrary: fc.constantFrom(...SOURCES) }
        ),
        operandA: fc.constantFrom(...OPERANDS),
        operandAValue: textArb,
        comparator: fc.constantFrom(...COMPARATORS),
        operandB: fc.constantFrom(...OPERANDS),
        operandBValue: textArb,
        destination: fc.constantFrom<Destination>('ConnectAgentState', 'SalesforceAgentState'),
        destinationValue: fc.constantFrom('Lunch', 'Available', 'Busy', 'AfterCallWork', '')
    });
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
function eventArb(type: SourceEvent): fc.Arbitrary<PresenceEvent> {
    return fc.record({
        type: fc.constant(type),
        connectNewState: maybe(textArb),
        connectOldState: maybe(textArb),
        salesforceNewState: maybe(textArb),
        serviceChannel: maybe(textArb),
        previousWorkload: maybe(fc.constantFrom(0, 5, 10, 2)),
        newWorkload: maybe(fc.constantFrom(0, 1, 2, 5, 10, 0.5)),
        configuredCapacity: maybe(fc.constantFrom(0, 1, 3, 10)),
        previousInterruptibleWorkload: maybe(fc.constantFrom(0, 1, 2, 10)),
        newInterruptibleWorkload: maybe(fc.constantFrom(0, 1, 2, 5, 0.5)),
        configuredInterruptibleCapacity: maybe(fc.constantFrom(0, 2, 3, 10, -1))
    });
}

const scenarioArb = fc
    .constantFrom(...SOURCES)
    .chain((source) => fc.tuple(fc.array(ruleArb(source), { maxLength: 25 }), eventArb(source)));

describe('evaluateRules against a literal reading of the contract', () => {
    it('draws every source and every operand of the vocabulary', () => {
        expect(new Set(SOURCES)).toEqual(new Set(Object.keys(SOURCE_EVENT_LABELS)));
        expect(new Set(OPERANDS)).toEqual(new Set(Object.keys(OPERAND_LABELS)));
    });

    it('gives the same decisions as scanning every rule', () => {
        fc.assert(
            fc.property(scenarioArb, ([rules, event]) => {
                const expected = reference(rules, event);
                const sortKey = (d: Decision) => d.destination;
                expect(
                    [...evaluateRules(rules, event)].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))
                ).toEqual([...expected].sort((x, y) => sortKey(x).localeCompare(sortKey(y))));
                const explained = compileRules(rules).explain(event);
                const matching = rules
                    .filter((r) => r.active && r.source === event.type && referenceMatch(r, event))
                    .filter((r) => r.destinationValue !== '')
                    .filter(
                        (r) =>
                            !(
                                r.destination === 'ConnectAgentState' &&
                                CONNECT_SYSTEM_STATES.has(r.destinationValue)
                            )
                    );
                expect([...explained.matchedRuleIds].sort()).toEqual(matching.map((r) => r.id).sort());
            }),
            propertyRuns(2000)
        );
    });
});
