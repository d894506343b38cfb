import { compileRules, evaluateRules } from 'c/presenceSyncEngine';
import type { Comparator, Operand, PresenceEvent, PresenceSyncRule } from 'c/presenceSyncEngine';
import { connectLunch, rule } from '../../../../../test/ruleEvaluationFixtures';

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
