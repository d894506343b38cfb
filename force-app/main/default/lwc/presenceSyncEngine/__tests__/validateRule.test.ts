import { formatRuleIssue, RULE_ISSUE_MESSAGES, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import { lunchRule, workloadAtLeast } from '../../../../../test/ruleShapes';

/** The sound Lunch rule with any fields, even ones no rule may have, put over it. */
function rule(partial: Record<string, unknown> = {}): Record<string, unknown> {
    return { ...lunchRule(), ...partial };
}

const summary = (issues: RuleIssue[]): string[] => issues.map((i) => `${i.field}:${i.code}`);

describe('validateRule', () => {
    it('finds nothing wrong with a sound rule of every source', () => {
        expect(validateRule(rule())).toEqual([]);
        expect(
            validateRule(
                rule({
                    source: 'SalesforceStateChange',
                    operandA: 'SalesforceNewState',
                    destination: 'ConnectAgentState'
                })
            )
        ).toEqual([]);
        expect(
            validateRule(
                rule({
                    source: 'SalesforceLogout',
                    operandA: 'StaticValue',
                    operandAValue: 'Offline',
                    operandB: 'SalesforceNewState',
                    operandBValue: undefined,
                    destination: 'ConnectAgentState',
                    destinationValue: 'Offline'
                })
            )
        ).toEqual([]);
        expect(
            validateRule(
                rule({
                    source: 'SalesforceWorkAccepted',
                    operandA: 'SalesforceServiceChannel',
                    destination: 'ConnectAgentState'
                })
            )
        ).toEqual([]);
        expect(
            validateRule(
                rule({
                    ...workloadAtLeast('SalesforceNewWorkloadPct', '80', 'Busy_Omni')
                })
            )
        ).toEqual([]);
    });

    it.each([null, undefined, 42, 'rule', true, [], () => 1])(
        'never throws and reports every missing field for %p',
        (input) => {
            expect(summary(validateRule(input))).toEqual([
                'name:nameMissing',
                'active:activeMissing',
                'order:orderMissing',
                'source:sourceMissing',
                'operandA:operandMissing',
                'operandB:operandMissing',
                'comparator:comparatorMissing',
                'destination:destinationMissing',
                'destinationValue:destinationValueMissing'
            ]);
        }
    );

    it('says in plain words what is missing and how to fix it', () => {
        const [name] = validateRule(rule({ name: '  ' }));
        expect(name).toEqual({
            field: 'name',
            code: 'nameMissing',
            message:
                'The rule has no name. Give it a short name that says what it does, for example Lunch to Lunch.'
        });
        expect(validateRule(rule({ source: undefined }))[0].message).toBe(
            'The rule has no source. Choose the event that triggers it: Connect Agent State Change, Salesforce Agent State Change, Salesforce Agent Logout, Salesforce Work Accepted, Salesforce Workload Changed.'
        );
    });

    it('names unknown vocabulary and lists the choices', () => {
        expect(validateRule(rule({ source: 'Phone' }))).toEqual([
            {
                field: 'source',
                code: 'sourceUnknown',
                message:
                    'The source "Phone" is not a known event. Choose one of: Connect Agent State Change, Salesforce Agent State Change, Salesforce Agent Logout, Salesforce Work Accepted, Salesforce Workload Changed.'
            }
        ]);
        const operand = validateRule(rule({ operandA: 'ConnectMood' }));
        expect(operand).toEqual([
            {
                field: 'operandA',
                code: 'operandUnknown',
                message:
                    'Operand A "ConnectMood" is not a known operand. Choose one of: Connect Agent New State, Connect Agent Old State, Static Value.'
            }
        ]);
        expect(summary(validateRule(rule({ comparator: 'Like' })))).toEqual(['comparator:comparatorUnknown']);
        expect(validateRule(rule({ comparator: 'Like' }))[0].message).toBe(
            'The comparator "Like" is not known. Choose one of: Equal to, Not equal to, Greater than, Greater than or equal to, Less than, Less than or equal to.'
        );
        expect(validateRule(rule({ destination: 'Teams' }))[0]).toMatchObject({
            field: 'destination',
            code: 'destinationUnknown',
            message:
                'The destination "Teams" is not known. Choose one of: Salesforce Agent State, Connect Agent State.'
        });
        expect(validateRule(rule({ source: 7 }))[0].message).toContain('The source "7" is not');
        expect(validateRule(rule({ source: { a: 1 } }))[0].message).toContain('The source "{"a":1}" is not');
    });

    it('asks for the value of a static operand, on the value field', () => {
        expect(validateRule(rule({ operandBValue: '' }))).toEqual([
            {
                field: 'operandBValue',
                code: 'staticValueMissing',
                message:
                    'Operand B is a Static Value but no value is entered. Enter or pick the value to compare with, for example Lunch or 80.'
            }
        ]);
        expect(summary(validateRule(rule({ operandA: 'StaticValue', operandAValue: undefined })))).toEqual([
            'operandAValue:staticValueMissing'
        ]);
    });

    it.each([
        ['ConnectStateChange', 'SalesforceNewWorkload'],
        ['ConnectStateChange', 'SalesforceNewState'],
        ['SalesforceStateChange', 'ConnectNewState'],
        ['SalesforceStateChange', 'SalesforceServiceChannel'],
        ['SalesforceLogout', 'ConnectOldState'],
        ['SalesforceWorkAccepted', 'SalesforceNewState'],
        ['SalesforceWorkAccepted', 'SalesforceConfiguredCapacity'],
        ['SalesforceWorkloadChanged', 'SalesforceServiceChannel'],
        ['SalesforceWorkloadChanged', 'SalesforceNewState'],
        ['ConnectStateChange', 'SalesforceNewInterruptibleWorkloadPct'],
        ['SalesforceStateChange', 'SalesforcePreviousInterruptibleWorkload'],
        ['SalesforceLogout', 'SalesforceConfiguredInterruptibleCapacity'],
        ['SalesforceWorkAccepted', 'SalesforceNewInterruptibleWorkload']
    ])('rejects an operand a %s event never carries: %s', (source, operandA) => {
        const destination = source === 'ConnectStateChange' ? 'SalesforceAgentState' : 'ConnectAgentState';
        const issues = validateRule(rule({ source, operandA, destination }));
        expect(summary(issues)).toEqual(['operandA:operandNotInSource']);
    });

    it('explains an operand from the wrong source with the right choices', () => {
        const [found] = validateRule(
            rule({
                source: 'SalesforceWorkAccepted',
                operandA: 'ConnectNewState',
                destination: 'ConnectAgentState'
            })
        );
        expect(found.message).toBe(
            'Operand A "Connect Agent New State" is never part of a "Salesforce Work Accepted" event, so the rule could never match. Choose one of: Salesforce Service Channel, Static Value.'
        );
    });

    it('lists the interruptible operands among the choices of a workload rule', () => {
        const [found] = validateRule(
            rule({
                source: 'SalesforceWorkloadChanged',
                operandA: 'ConnectNewState',
                destination: 'ConnectAgentState'
            })
        );
        expect(found.message).toBe(
            'Operand A "Connect Agent New State" is never part of a "Salesforce Workload Changed" event, so the rule could never match. Choose one of: Salesforce Previous Workload, Salesforce Previous Workload Pct, Salesforce New Workload, Salesforce New Workload Pct, Salesforce Configured Capacity, Salesforce Previous Interruptible Workload, Salesforce Previous Interruptible Workload Pct, Salesforce New Interruptible Workload, Salesforce New Interruptible Workload Pct, Salesforce Configured Interruptible Capacity, Static Value.'
        );
    });

    it.each([
        'SalesforcePreviousInterruptibleWorkload',
        'SalesforcePreviousInterruptibleWorkloadPct',
        'SalesforceNewInterruptibleWorkload',
        'SalesforceNewInterruptibleWorkloadPct',
        'SalesforceConfiguredInterruptibleCapacity'
    ])('accepts %s with ordering comparators, as a number', (operandA) => {
        const interruptible = {
            source: 'SalesforceWorkloadChanged',
            operandA,
            comparator: 'GreaterThanOrEqual',
            destination: 'ConnectAgentState'
        };
        expect(validateRule(rule({ ...interruptible, operandBValue: '100' }))).toEqual([]);
        expect(
            validateRule(
                rule({ ...interruptible, operandB: 'SalesforceNewWorkloadPct', operandBValue: undefined })
            )
        ).toEqual([]);
        expect(summary(validateRule(rule({ ...interruptible, operandBValue: 'full' })))).toEqual([
            'comparator:comparatorNeedsNumbers'
        ]);
    });

    it('rejects an ordering comparator with a side that is never a number', () => {
        expect(validateRule(rule({ comparator: 'GreaterThan' }))).toEqual([
            {
                field: 'comparator',
                code: 'comparatorNeedsNumbers',
                message:
                    '"Greater than" compares numbers, but Operand A ("Connect Agent New State") is never a number. Use Equal to or Not equal to, or compare a workload value with a number.'
            }
        ]);
        const workload = {
            source: 'SalesforceWorkloadChanged',
            operandA: 'SalesforceNewWorkload',
            comparator: 'LessThan',
            destination: 'ConnectAgentState'
        };
        expect(validateRule(rule({ ...workload, operandBValue: '3' }))).toEqual([]);
        expect(validateRule(rule({ ...workload, operandBValue: 'three' }))[0].message).toContain(
            'Operand B ("three") is never a number'
        );
        expect(
            validateRule(
                rule({ ...workload, operandB: 'SalesforceConfiguredCapacity', operandBValue: undefined })
            )
        ).toEqual([]);
    });

    it('rejects a destination on the platform the event came from', () => {
        expect(validateRule(rule({ destination: 'ConnectAgentState' }))).toEqual([
            {
                field: 'destination',
                code: 'destinationSamePlatform',
                message:
                    'A "Connect Agent State Change" rule cannot set "Connect Agent State": a rule changes the other platform. Choose "Salesforce Agent State" instead.'
            }
        ]);
        expect(
            summary(validateRule(rule({ source: 'SalesforceStateChange', operandA: 'SalesforceNewState' })))
        ).toEqual(['destination:destinationSamePlatform']);
    });

    it('asks for a destination value', () => {
        expect(summary(validateRule(rule({ destinationValue: ' ' })))).toEqual([
            'destinationValue:destinationValueMissing'
        ]);
    });

    it('rejects a Connect system or error state as destination, but allows it in the criterion', () => {
        const subscriber = {
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            destination: 'ConnectAgentState'
        };
        for (const state of ['Busy', 'AfterCallWork', 'PendingBusy', 'Init', 'MissedCallAgent']) {
            expect(validateRule(rule({ ...subscriber, destinationValue: state }))).toEqual([
                {
                    field: 'destinationValue',
                    code: 'destinationSystemState',
                    message: `"${state}" is an Amazon Connect system state that only Amazon Connect itself sets. Choose a state agents can select, such as Available or Offline.`
                }
            ]);
        }
        expect(validateRule(rule({ operandBValue: 'Busy', destinationValue: 'Busy' }))).toEqual([]);
    });

    it('insists that a logout rule compares the new state Equal to Offline, pointing at the field to change', () => {
        const logout = {
            source: 'SalesforceLogout',
            operandA: 'SalesforceNewState',
            destination: 'ConnectAgentState',
            destinationValue: 'Offline'
        };
        expect(validateRule(rule({ ...logout, operandBValue: 'Offline' }))).toEqual([]);
        const wrongValue = validateRule(rule({ ...logout, operandBValue: 'offline' }));
        expect(wrongValue).toEqual([
            {
                field: 'operandBValue',
                code: 'logoutNeedsOffline',
                message:
                    'A "Salesforce Agent Logout" rule matches only when it compares "Salesforce Agent New State" Equal to the Static Value Offline. Change the criterion to exactly that.'
            }
        ]);
        expect(
            summary(validateRule(rule({ ...logout, operandBValue: 'Offline', comparator: 'NotEqual' })))
        ).toEqual(['comparator:logoutNeedsOffline']);
        expect(
            summary(
                validateRule(
                    rule({
                        ...logout,
                        operandA: 'StaticValue',
                        operandAValue: 'Offline',
                        operandBValue: 'Offline'
                    })
                )
            )
        ).toEqual(['operandA:logoutNeedsOffline']);
        expect(
            summary(
                validateRule(rule({ ...logout, operandB: 'SalesforceNewState', operandBValue: undefined }))
            )
        ).toEqual(['operandB:logoutNeedsOffline']);
        // A criterion that is already wrong for another reason gets only that reason.
        expect(
            summary(validateRule(rule({ ...logout, operandA: 'ConnectNewState', operandBValue: 'Offline' })))
        ).toEqual(['operandA:operandNotInSource']);
    });

    it('reports every problem of a bad rule at once', () => {
        const issues = validateRule({
            name: '',
            active: true,
            order: 'first',
            source: 'SalesforceLogout',
            operandA: 'SalesforceNewWorkload',
            comparator: 'GreaterThan',
            operandB: 'StaticValue',
            destination: 'SalesforceAgentState',
            destinationValue: ''
        });
        expect(summary(issues)).toEqual([
            'name:nameMissing',
            'order:orderMissing',
            'operandA:operandNotInSource',
            'operandBValue:staticValueMissing',
            'destination:destinationSamePlatform',
            'destinationValue:destinationValueMissing'
        ]);
    });

    it('survives an object whose getters throw', () => {
        const hostile = Object.defineProperty({}, 'name', {
            get() {
                throw new Error('boom');
            }
        }) as PresenceSyncRule;
        expect(() => validateRule(hostile)).not.toThrow();
    });
});

describe('RULE_ISSUE_MESSAGES', () => {
    it('keeps texts that paste into Apex string literals unchanged', () => {
        for (const template of Object.values(RULE_ISSUE_MESSAGES)) {
            expect(template).not.toMatch(/[\\'\n\t]/);
            expect(template.endsWith('.')).toBe(true);
        }
    });

    it('fills placeholders and leaves unknown ones visible', () => {
        expect(formatRuleIssue('sourceUnknown', { value: 'X', choices: 'A, B' })).toBe(
            'The source "X" is not a known event. Choose one of: A, B.'
        );
        expect(formatRuleIssue('sourceUnknown')).toBe(
            'The source "{value}" is not a known event. Choose one of: {choices}.'
        );
    });
});
