import type { Comparator, PresenceEvent } from 'c/presenceSyncEngine';
import { connectLunch, matches, workload } from '../../../../../test/ruleEvaluationFixtures';

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
