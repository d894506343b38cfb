import { describeRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { lunchRule, workAccepted, workloadAtLeast } from '../../../../../test/ruleShapes';

const lunch: PresenceSyncRule = lunchRule({ name: 'Lunch' });

describe('describeRule', () => {
    it('says what a Connect-to-Omni rule does in one sentence', () => {
        expect(describeRule(lunch)).toBe(
            "When the Connect agent's new state equals Lunch, set the Omni-Channel status to Lunch."
        );
    });

    it('uses status labels when given, as an object or a map', () => {
        const rule: PresenceSyncRule = {
            ...lunch,
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            operandBValue: 'Working_Media',
            destination: 'ConnectAgentState',
            destinationValue: 'Working - Media'
        };
        expect(describeRule(rule, { statusLabels: { Working_Media: 'Working (Media)' } })).toBe(
            "When the agent's new Omni-Channel status equals Working (Media), set the Connect agent state to Working - Media."
        );
        expect(describeRule(lunch, { statusLabels: new Map([['Lunch', 'Lunch break']]) })).toBe(
            "When the Connect agent's new state equals Lunch, set the Omni-Channel status to Lunch break."
        );
        expect(describeRule(lunch, { statusLabels: { Lunch: '' } })).toContain('status to Lunch.');
    });

    it('phrases every comparator and operand', () => {
        const phrases = (
            [
                ['NotEqual', 'ConnectOldState', "the Connect agent's previous state does not equal"],
                [
                    'GreaterThan',
                    'SalesforcePreviousWorkload',
                    'the previous Omni-Channel workload is greater than'
                ],
                ['GreaterThanOrEqual', 'SalesforceNewWorkload', 'the new Omni-Channel workload is at least'],
                [
                    'LessThan',
                    'SalesforceConfiguredCapacity',
                    'the configured Omni-Channel capacity is less than'
                ],
                [
                    'LessThanOrEqual',
                    'SalesforceServiceChannel',
                    "the accepted work's service channel is at most"
                ],
                [
                    'Equal',
                    'SalesforcePreviousInterruptibleWorkload',
                    'the previous interruptible workload equals'
                ],
                [
                    'GreaterThan',
                    'SalesforceNewInterruptibleWorkload',
                    'the new interruptible workload is greater than'
                ],
                [
                    'LessThan',
                    'SalesforceConfiguredInterruptibleCapacity',
                    'the configured interruptible capacity is less than'
                ]
            ] as const
        ).map(([comparator, operandA, words]) => [
            describeRule({ ...lunch, comparator, operandA, operandBValue: '3' }),
            words
        ]);
        for (const [sentence, words] of phrases) {
            expect(sentence).toContain(`When ${words} 3,`);
        }
    });

    it('shows percentages as percentages', () => {
        expect(
            describeRule({
                ...lunch,
                ...workloadAtLeast('SalesforceNewWorkloadPct', '80', 'Busy_Omni')
            })
        ).toBe(
            'When the Omni-Channel workload changes and the new workload as a percentage of capacity is at least 80%, set the Connect agent state to Busy_Omni.'
        );
        expect(
            describeRule({
                ...lunch,
                operandA: 'StaticValue',
                operandAValue: '50',
                operandB: 'SalesforcePreviousWorkloadPct'
            })
        ).toContain('50% equals the previous workload as a percentage of capacity');
    });

    it('says which capacity an interruptible percentage is of', () => {
        expect(
            describeRule({
                ...lunch,
                ...workloadAtLeast('SalesforceNewInterruptibleWorkloadPct', '100', 'Busy Chat')
            })
        ).toBe(
            'When the Omni-Channel workload changes and the new interruptible workload as a percentage of interruptible capacity is at least 100%, set the Connect agent state to Busy Chat.'
        );
        expect(
            describeRule({
                ...lunch,
                operandA: 'StaticValue',
                operandAValue: '50',
                comparator: 'LessThan',
                operandB: 'SalesforcePreviousInterruptibleWorkloadPct'
            })
        ).toContain(
            '50% is less than the previous interruptible workload as a percentage of interruptible capacity'
        );
    });

    it('opens with the event for sources whose operands do not say it', () => {
        expect(
            describeRule({
                ...lunch,
                ...workAccepted('Phone', 'Working')
            })
        ).toBe(
            "When the agent accepts Omni-Channel work and the accepted work's service channel equals Phone, set the Connect agent state to Working."
        );
    });

    it('describes a logout rule simply, and an odd logout rule in full', () => {
        const logout: PresenceSyncRule = {
            ...lunch,
            source: 'SalesforceLogout',
            operandA: 'SalesforceNewState',
            operandBValue: 'Offline',
            destination: 'ConnectAgentState',
            destinationValue: 'Offline'
        };
        expect(describeRule(logout)).toBe(
            'When the agent logs out of Omni-Channel, set the Connect agent state to Offline.'
        );
        expect(
            describeRule({
                ...logout,
                operandA: 'StaticValue',
                operandAValue: 'Offline',
                operandB: 'SalesforceNewState'
            })
        ).toBe('When the agent logs out of Omni-Channel, set the Connect agent state to Offline.');
        expect(describeRule({ ...logout, comparator: 'NotEqual' })).toBe(
            "When the agent logs out of Omni-Channel and the agent's new Omni-Channel status does not equal Offline, set the Connect agent state to Offline."
        );
    });

    it('describes an unfinished rule without failing', () => {
        expect(describeRule({})).toBe(
            'When [not chosen yet] [not chosen yet] [not chosen yet], set [not chosen yet] to [not chosen yet].'
        );
        expect(describeRule(null)).toBe(describeRule({}));
        expect(describeRule({ ...lunch, operandBValue: '', destinationValue: '' })).toBe(
            "When the Connect agent's new state equals [no value yet], set the Omni-Channel status to [not chosen yet]."
        );
        expect(
            describeRule({ ...lunch, destination: 'ConnectAgentState', destinationValue: undefined })
        ).toBe(
            "When the Connect agent's new state equals Lunch, set the Connect agent state to [not chosen yet]."
        );
    });
});
