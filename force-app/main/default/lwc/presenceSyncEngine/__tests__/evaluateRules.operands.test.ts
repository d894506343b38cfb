import type { Comparator, Operand, PresenceEvent } from 'c/presenceSyncEngine';
import { connectLunch, matches, workload } from '../../../../../test/ruleEvaluationFixtures';

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
