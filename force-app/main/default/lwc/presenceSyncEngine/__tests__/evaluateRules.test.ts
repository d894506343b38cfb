import { compileRules, evaluateRules } from 'c/presenceSyncEngine';
import type { Comparator, Operand, PresenceEvent, PresenceSyncRule } from 'c/presenceSyncEngine';

function rule(partial: Partial<PresenceSyncRule> = {}): PresenceSyncRule {
    return {
        id: 'r1',
        name: 'Rule 1',
        active: true,
        order: 10,
        source: 'ConnectStateChange',
        operandA: 'ConnectNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: 'Lunch',
        destination: 'SalesforceAgentState',
        destinationValue: 'Lunch',
        ...partial
    };
}

/** Whether a single-criterion rule matches the event. */
function matches(partial: Partial<PresenceSyncRule>, event: PresenceEvent): boolean {
    return evaluateRules([rule({ source: event.type, ...partial })], event).length === 1;
}

const connectLunch: PresenceEvent = {
    type: 'ConnectStateChange',
    connectNewState: 'Lunch',
    connectOldState: 'Available'
};
const workload: PresenceEvent = {
    type: 'SalesforceWorkloadChanged',
    previousWorkload: 3,
    newWorkload: 4,
    configuredCapacity: 5,
    previousInterruptibleWorkload: 1,
    newInterruptibleWorkload: 3,
    configuredInterruptibleCapacity: 4
};

describe('evaluateRules: operands', () => {
    it('reads the Connect new and old state from a Connect event', () => {
        expect(matches({ operandA: 'ConnectNewState', operandBValue: 'Lunch' }, connectLunch)).toBe(true);
        expect(matches({ operandA: 'ConnectOldState', operandBValue: 'Available' }, connectLunch)).toBe(true);
        expect(matches({ operandA: 'ConnectOldState', operandBValue: 'Lunch' }, connectLunch)).toBe(false);
    });

    it('reads the Salesforce new state from a state change', () => {
        const event: PresenceEvent = { type: 'SalesforceStateChange', salesforceNewState: 'Break' };
        expect(matches({ operandA: 'SalesforceNewState', operandBValue: 'Break' }, event)).toBe(true);
        expect(matches({ operandA: 'SalesforceNewState', operandBValue: 'break' }, event)).toBe(false);
    });

    it('treats the Salesforce new state of a logout as exactly Offline, whatever the event says', () => {
        const event: PresenceEvent = { type: 'SalesforceLogout', salesforceNewState: 'Lunch' };
        expect(matches({ operandA: 'SalesforceNewState', operandBValue: 'Offline' }, event)).toBe(true);
        expect(matches({ operandA: 'SalesforceNewState', operandBValue: 'Lunch' }, event)).toBe(false);
        expect(
            matches(
                { operandA: 'SalesforceNewState', operandBValue: 'Offline' },
                { type: 'SalesforceLogout' }
            )
        ).toBe(true);
    });

    it('reads the service channel of accepted work', () => {
        const event: PresenceEvent = { type: 'SalesforceWorkAccepted', serviceChannel: 'Cases' };
        expect(matches({ operandA: 'SalesforceServiceChannel', operandBValue: 'Cases' }, event)).toBe(true);
        expect(matches({ operandA: 'SalesforceServiceChannel', operandBValue: 'Chats' }, event)).toBe(false);
    });

    it.each<[Operand, string]>([
        ['SalesforcePreviousWorkload', '3'],
        ['SalesforceNewWorkload', '4'],
        ['SalesforceConfiguredCapacity', '5'],
        ['SalesforcePreviousWorkloadPct', '60'],
        ['SalesforceNewWorkloadPct', '80'],
        ['SalesforcePreviousInterruptibleWorkload', '1'],
        ['SalesforceNewInterruptibleWorkload', '3'],
        ['SalesforceConfiguredInterruptibleCapacity', '4'],
        ['SalesforcePreviousInterruptibleWorkloadPct', '25'],
        ['SalesforceNewInterruptibleWorkloadPct', '75']
    ])('reads %s from a workload event', (operandA, value) => {
        expect(matches({ operandA, operandBValue: value }, workload)).toBe(true);
        expect(matches({ operandA, operandBValue: `${value}1` }, workload)).toBe(false);
    });

    it('keeps whole percentages exact (7 of 10 is 70)', () => {
        const event: PresenceEvent = { ...workload, newWorkload: 7, configuredCapacity: 10 };
        expect(matches({ operandA: 'SalesforceNewWorkloadPct', operandBValue: '70' }, event)).toBe(true);
    });

    it('has no percentage when the capacity is 0 or missing, so every comparison is false', () => {
        for (const configuredCapacity of [0, undefined]) {
            const event: PresenceEvent = { ...workload, configuredCapacity };
            for (const comparator of [
                'Equal',
                'NotEqual',
                'LessThan',
                'GreaterThanOrEqual'
            ] as Comparator[]) {
                expect(
                    matches({ operandA: 'SalesforceNewWorkloadPct', comparator, operandBValue: '0' }, event)
                ).toBe(false);
            }
        }
    });

    it('takes interruptible percentages of the interruptible capacity, never of the primary one', () => {
        const full: PresenceEvent = { ...workload, newInterruptibleWorkload: 4 };
        expect(
            matches(
                {
                    operandA: 'SalesforceNewInterruptibleWorkloadPct',
                    comparator: 'GreaterThanOrEqual',
                    operandBValue: '100'
                },
                full
            )
        ).toBe(true);
        // 4 of the primary capacity 5 would be 80.
        expect(
            matches({ operandA: 'SalesforceNewInterruptibleWorkloadPct', operandBValue: '80' }, full)
        ).toBe(false);
        const event: PresenceEvent = {
            ...workload,
            newInterruptibleWorkload: 7,
            configuredInterruptibleCapacity: 10
        };
        expect(
            matches({ operandA: 'SalesforceNewInterruptibleWorkloadPct', operandBValue: '70' }, event)
        ).toBe(true);
    });

    it.each<[Operand, Partial<PresenceEvent>]>([
        ['SalesforceNewInterruptibleWorkloadPct', { configuredInterruptibleCapacity: 0 }],
        ['SalesforcePreviousInterruptibleWorkloadPct', { configuredInterruptibleCapacity: -2 }],
        ['SalesforceNewInterruptibleWorkloadPct', { configuredInterruptibleCapacity: undefined }],
        ['SalesforceNewInterruptibleWorkload', { newInterruptibleWorkload: undefined }],
        ['SalesforcePreviousInterruptibleWorkload', { previousInterruptibleWorkload: undefined }],
        ['SalesforceConfiguredInterruptibleCapacity', { configuredInterruptibleCapacity: undefined }]
    ])('makes every comparison of %s false while it is unavailable (%j)', (operandA, change) => {
        const event: PresenceEvent = { ...workload, ...change };
        for (const comparator of ['Equal', 'NotEqual', 'LessThan', 'GreaterThanOrEqual'] as Comparator[]) {
            expect(matches({ operandA, comparator, operandBValue: '0' }, event)).toBe(false);
        }
    });

    it('keeps primary percentages working when Omni-Channel sends no interruptible numbers', () => {
        const primaryOnly: PresenceEvent = {
            type: 'SalesforceWorkloadChanged',
            previousWorkload: 3,
            newWorkload: 4,
            configuredCapacity: 5
        };
        expect(matches({ operandA: 'SalesforceNewWorkloadPct', operandBValue: '80' }, primaryOnly)).toBe(
            true
        );
    });

    it('compares primary and interruptible operands with each other as numbers', () => {
        // New workload 80 % of capacity against new interruptible workload 75 % of its capacity.
        expect(
            matches(
                {
                    operandA: 'SalesforceNewWorkloadPct',
                    comparator: 'GreaterThan',
                    operandB: 'SalesforceNewInterruptibleWorkloadPct'
                },
                workload
            )
        ).toBe(true);
    });

    it('accepts workload numbers sent as decimal text, and nothing else', () => {
        const asText = { ...workload, newWorkload: '4' as unknown as number };
        expect(matches({ operandA: 'SalesforceNewWorkload', operandBValue: '4' }, asText)).toBe(true);
        const nonsense = { ...workload, newWorkload: Number.NaN };
        expect(
            matches(
                { operandA: 'SalesforceNewWorkload', comparator: 'NotEqual', operandBValue: '4' },
                nonsense
            )
        ).toBe(false);
    });

    it('makes a criterion false when the event does not carry the operand, even Not equal to', () => {
        const event: PresenceEvent = { type: 'ConnectStateChange', connectNewState: 'Lunch' };
        expect(
            matches({ operandA: 'ConnectOldState', comparator: 'NotEqual', operandBValue: 'X' }, event)
        ).toBe(false);
        expect(
            matches(
                { operandA: 'SalesforceServiceChannel', comparator: 'NotEqual', operandBValue: 'X' },
                connectLunch
            )
        ).toBe(false);
    });

    it('compares two static values with each other', () => {
        expect(
            matches({ operandA: 'StaticValue', operandAValue: 'a', operandBValue: 'a' }, connectLunch)
        ).toBe(true);
        expect(
            matches({ operandA: 'StaticValue', operandAValue: '5', operandBValue: '5.0' }, connectLunch)
        ).toBe(true);
    });
});

describe('evaluateRules: comparators', () => {
    const numeric: [Comparator, string, boolean][] = [
        ['Equal', '4', true],
        ['Equal', '4.0', true],
        ['Equal', '5', false],
        ['NotEqual', '4.00', false],
        ['NotEqual', '5', true],
        ['GreaterThan', '3', true],
        ['GreaterThan', '4', false],
        ['GreaterThanOrEqual', '4', true],
        ['GreaterThanOrEqual', '4.5', false],
        ['LessThan', '10', true],
        ['LessThan', '4', false],
        ['LessThanOrEqual', '4', true],
        ['LessThanOrEqual', '3.99', false],
        ['GreaterThan', '-1e1', true],
        ['LessThan', ' 1E1 ', true]
    ];
    it.each(numeric)('compares numbers: new workload 4 %s %s is %s', (comparator, value, expected) => {
        expect(
            matches({ operandA: 'SalesforceNewWorkload', comparator, operandBValue: value }, workload)
        ).toBe(expected);
    });

    it('compares numerically, not as text (9 > 10 is false)', () => {
        const event: PresenceEvent = { ...workload, newWorkload: 9 };
        expect(
            matches(
                { operandA: 'SalesforceNewWorkload', comparator: 'GreaterThan', operandBValue: '10' },
                event
            )
        ).toBe(false);
        expect(
            matches(
                { operandA: 'StaticValue', operandAValue: '9', comparator: 'LessThan', operandBValue: '10' },
                connectLunch
            )
        ).toBe(true);
    });

    it('compares text exactly and case-sensitively; ordering comparators on text are false', () => {
        expect(matches({ comparator: 'Equal', operandBValue: 'Lunch' }, connectLunch)).toBe(true);
        expect(matches({ comparator: 'Equal', operandBValue: 'lunch' }, connectLunch)).toBe(false);
        expect(matches({ comparator: 'Equal', operandBValue: 'Lunch ' }, connectLunch)).toBe(false);
        expect(matches({ comparator: 'NotEqual', operandBValue: 'lunch' }, connectLunch)).toBe(true);
        expect(matches({ comparator: 'NotEqual', operandBValue: 'Lunch' }, connectLunch)).toBe(false);
        for (const comparator of [
            'GreaterThan',
            'GreaterThanOrEqual',
            'LessThan',
            'LessThanOrEqual'
        ] as Comparator[]) {
            expect(matches({ comparator, operandBValue: 'A' }, connectLunch)).toBe(false);
            expect(matches({ comparator, operandBValue: 'Z' }, connectLunch)).toBe(false);
        }
    });

    it('counts only static text as a number: a Connect state named 5 is text', () => {
        const event: PresenceEvent = { type: 'ConnectStateChange', connectNewState: '5' };
        expect(matches({ operandBValue: '5' }, event)).toBe(true);
        expect(matches({ operandBValue: '5.0' }, event)).toBe(false);
        expect(matches({ comparator: 'LessThan', operandBValue: '6' }, event)).toBe(false);
    });

    it('compares a number with non-numeric text as text', () => {
        expect(matches({ operandA: 'SalesforceNewWorkload', operandBValue: 'four' }, workload)).toBe(false);
        expect(
            matches(
                { operandA: 'SalesforceNewWorkload', comparator: 'NotEqual', operandBValue: 'four' },
                workload
            )
        ).toBe(true);
        expect(
            matches(
                { operandA: 'SalesforceNewWorkload', comparator: 'LessThan', operandBValue: 'four' },
                workload
            )
        ).toBe(false);
    });

    it('does not take hexadecimal, Infinity or blank text for numbers', () => {
        for (const text of ['0x4', 'Infinity', ' ']) {
            expect(
                matches(
                    { operandA: 'SalesforceNewWorkload', comparator: 'LessThan', operandBValue: text },
                    workload
                )
            ).toBe(false);
        }
    });
});

describe('evaluateRules: sources, precedence and safety', () => {
    it('uses only active rules whose source is the event type', () => {
        const rules = [
            rule({ id: 'inactive', active: false }),
            rule({ id: 'other', source: 'SalesforceStateChange' }),
            rule({ id: 'ok', destinationValue: 'Lunch_Status' })
        ];
        expect(evaluateRules(rules, connectLunch)).toEqual([
            { ruleId: 'ok', destination: 'SalesforceAgentState', value: 'Lunch_Status' }
        ]);
    });

    it('returns nothing for an unknown event type or a non-event', () => {
        const rules = [rule()];
        expect(evaluateRules(rules, { type: 'Nope' } as unknown as PresenceEvent)).toEqual([]);
        expect(evaluateRules(rules, null as unknown as PresenceEvent)).toEqual([]);
        expect(evaluateRules(null as unknown as PresenceSyncRule[], connectLunch)).toEqual([]);
    });

    it('gives one decision per destination: lowest order, then name, then id', () => {
        const rules = [
            rule({ id: 'c', name: 'B', order: 5, destinationValue: 'third' }),
            rule({ id: 'b', name: 'A', order: 5, destinationValue: 'second' }),
            rule({ id: 'a', name: 'A', order: 5, destinationValue: 'first' }),
            rule({
                id: 'z',
                name: 'Z',
                order: 1,
                destination: 'ConnectAgentState',
                destinationValue: 'Available'
            }),
            rule({
                id: 'y',
                name: 'Z',
                order: 2,
                destination: 'ConnectAgentState',
                destinationValue: 'Other'
            }),
            rule({ id: 'late', name: 'A', order: 20, destinationValue: 'late' })
        ];
        expect(evaluateRules(rules, connectLunch)).toEqual([
            { ruleId: 'z', destination: 'ConnectAgentState', value: 'Available' },
            { ruleId: 'a', destination: 'SalesforceAgentState', value: 'first' }
        ]);
    });

    it('lets a lower-order rule that does not match pass the decision to the next one', () => {
        const rules = [rule({ id: 'x', order: 1, operandBValue: 'Break' }), rule({ id: 'y', order: 2 })];
        expect(evaluateRules(rules, connectLunch).map((d) => d.ruleId)).toEqual(['y']);
    });

    it('never decides a Connect system or error state; the next rule decides instead', () => {
        const event: PresenceEvent = { type: 'SalesforceStateChange', salesforceNewState: 'Lunch' };
        const base = {
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            destination: 'ConnectAgentState'
        } as const;
        for (const state of ['Busy', 'Pending', 'AfterCallWork', 'Init', 'Error', 'MissedCallAgent']) {
            const rules = [
                rule({ ...base, id: 'sys', order: 1, destinationValue: state }),
                rule({ ...base, id: 'ok', order: 2, destinationValue: 'Lunch' })
            ];
            expect(evaluateRules(rules, event)).toEqual([
                { ruleId: 'ok', destination: 'ConnectAgentState', value: 'Lunch' }
            ]);
        }
        // System states are fine in criteria and as Omni-Channel status names.
        const busy: PresenceEvent = { type: 'ConnectStateChange', connectNewState: 'Busy' };
        expect(evaluateRules([rule({ operandBValue: 'Busy', destinationValue: 'Busy' })], busy)).toHaveLength(
            1
        );
    });

    it('skips malformed rules without failing', () => {
        const malformed = [
            null,
            42,
            'rule',
            {},
            rule({ operandA: 'Nope' as Operand }),
            rule({ comparator: 'Like' as Comparator }),
            rule({ destination: 'Somewhere' as never }),
            rule({ source: 'Somewhen' as never }),
            rule({ destinationValue: '' }),
            rule({ operandBValue: undefined }),
            rule({ operandBValue: '' }),
            rule({ order: Number.NaN }),
            rule({ order: undefined as unknown as number }),
            rule({ id: undefined as unknown as string }),
            rule({ name: undefined as unknown as string }),
            rule({ active: 'yes' as unknown as boolean })
        ] as unknown as PresenceSyncRule[];
        const good = rule({ id: 'good', order: 99 });
        expect(evaluateRules([...malformed, good], connectLunch)).toEqual([
            { ruleId: 'good', destination: 'SalesforceAgentState', value: 'Lunch' }
        ]);
    });

    it('never mutates its inputs', () => {
        const rules = [rule({ id: 'b', order: 2 }), rule({ id: 'a', order: 1 })];
        const event = { ...connectLunch };
        const before = JSON.stringify([rules, event]);
        evaluateRules(rules, event);
        evaluateRules(Object.freeze([...rules]), Object.freeze(event));
        expect(JSON.stringify([rules, event])).toBe(before);
    });

    it('never throws, even on an event with throwing getters', () => {
        const hostile = {
            type: 'ConnectStateChange',
            get connectNewState(): string {
                throw new Error('boom');
            }
        } as PresenceEvent;
        expect(evaluateRules([rule()], hostile)).toEqual([]);
        expect(compileRules([rule()]).explain(hostile)).toEqual({ decisions: [], matchedRuleIds: [] });
        const hostileRules = new Proxy([rule()], {
            get(target, key) {
                if (key === 'length') {
                    throw new Error('boom');
                }
                return Reflect.get(target, key);
            }
        });
        expect(evaluateRules(hostileRules, connectLunch)).toEqual([]);
    });

    it('sees changes made to the array between calls', () => {
        const rules = [rule({ id: 'a', order: 1, destinationValue: 'first' })];
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('first');
        rules.push(rule({ id: 'b', order: 0, destinationValue: 'pushed' }));
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('pushed');
        rules[1] = rule({ id: 'c', order: 0, destinationValue: 'replaced' });
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('replaced');
        rules.reverse();
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('replaced');
        rules.splice(0, 1);
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('first');
        rules.length = 0;
        expect(evaluateRules(rules, connectLunch)).toEqual([]);
    });

    it('sees a rule edited in place once it is passed in a new array', () => {
        const rules = [rule({ destinationValue: 'first' })];
        expect(evaluateRules(rules, connectLunch)[0].value).toBe('first');
        rules[0].destinationValue = 'changed';
        expect(evaluateRules([...rules], connectLunch)[0].value).toBe('changed');
        rules[0].active = false;
        expect(evaluateRules([...rules], connectLunch)).toEqual([]);
    });

    it('tolerates holes and non-objects in a cached array', () => {
        const rules = [null, rule()] as unknown as PresenceSyncRule[];
        expect(evaluateRules(rules, connectLunch)).toHaveLength(1);
        expect(evaluateRules(rules, connectLunch)).toHaveLength(1);
    });
});

describe('compileRules', () => {
    it('explains every matching rule and names rules', () => {
        const compiled = compileRules([
            rule({ id: 'a', name: 'First', order: 1 }),
            rule({ id: 'b', name: 'Second', order: 2 }),
            rule({ id: 'c', name: 'Other', order: 3, operandBValue: 'Break' }),
            rule({
                id: 'd',
                name: 'Connect',
                order: 4,
                destination: 'ConnectAgentState',
                destinationValue: 'Lunch'
            })
        ]);
        expect(compiled.ruleCount).toBe(4);
        expect(compiled.explain(connectLunch)).toEqual({
            decisions: [
                { ruleId: 'a', destination: 'SalesforceAgentState', value: 'Lunch' },
                { ruleId: 'd', destination: 'ConnectAgentState', value: 'Lunch' }
            ],
            matchedRuleIds: ['a', 'b', 'd']
        });
        expect(compiled.evaluate(connectLunch)).toHaveLength(2);
        expect(compiled.ruleName('b')).toBe('Second');
        expect(compiled.ruleName('nope')).toBeUndefined();
    });

    it('is a snapshot: later edits to the rules do not change it', () => {
        const rules = [rule()];
        const compiled = compileRules(rules);
        rules[0].active = false;
        expect(compiled.evaluate(connectLunch)).toHaveLength(1);
    });

    it('compiles a non-array to an empty rule set', () => {
        expect(compileRules(undefined as unknown as PresenceSyncRule[]).ruleCount).toBe(0);
    });
});
