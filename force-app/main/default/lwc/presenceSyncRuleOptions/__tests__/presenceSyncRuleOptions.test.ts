import {
    destinationFor,
    destinationOptions,
    operandHint,
    namedStatuses,
    operandOptions,
    statusLabels,
    statusOptions,
    valueKindFor
} from 'c/presenceSyncRuleOptions';
import { buildStatuses } from '../../../../../test/jest-mocks/apex/fixtures';
import { WORKLOAD_OPERANDS } from '../../../../../test/workloadOperands';

describe('rule builder options', () => {
    it.each([
        ['ConnectStateChange', ['ConnectNewState', 'ConnectOldState', 'StaticValue']],
        ['SalesforceStateChange', ['SalesforceNewState', 'StaticValue']],
        ['SalesforceLogout', ['SalesforceNewState', 'StaticValue']],
        ['SalesforceWorkAccepted', ['SalesforceServiceChannel', 'StaticValue']],
        ['SalesforceWorkloadChanged', [...WORKLOAD_OPERANDS, 'StaticValue']]
    ] as const)('offers for %s only the operands it carries', (source, operands) => {
        expect(operandOptions(source).map((o) => o.value)).toEqual(operands);
    });

    it('lets a rule set only the other platform', () => {
        expect(destinationFor('ConnectStateChange')).toBe('SalesforceAgentState');
        expect(destinationFor('SalesforceWorkAccepted')).toBe('ConnectAgentState');
        expect(destinationOptions('SalesforceLogout')).toEqual([
            { label: 'Connect Agent State', value: 'ConnectAgentState' }
        ]);
        expect(destinationOptions(undefined)).toHaveLength(2);
    });

    it('picks the value picker by what the value is compared with', () => {
        expect(valueKindFor('ConnectOldState')).toBe('connect-state');
        expect(valueKindFor('SalesforceNewState')).toBe('omni-status');
        expect(valueKindFor('SalesforceServiceChannel')).toBe('service-channel');
        expect(valueKindFor('SalesforceNewWorkloadPct')).toBe('number');
        expect(valueKindFor('SalesforceNewInterruptibleWorkloadPct')).toBe('number');
        expect(valueKindFor('SalesforceConfiguredInterruptibleCapacity')).toBe('number');
        expect(valueKindFor('StaticValue')).toBe('text');
    });

    it('explains what a percentage is of and where interruptible numbers come from', () => {
        expect(operandHint('SalesforceNewWorkloadPct')).toContain('configured capacity');
        expect(operandHint('SalesforceNewWorkloadPct')).not.toContain('nterruptible');
        expect(operandHint('SalesforceNewInterruptibleWorkloadPct')).toContain(
            'percentage of the agent’s interruptible capacity'
        );
        expect(operandHint('SalesforceConfiguredInterruptibleCapacity')).toContain('Is Interruptible');
        expect(operandHint('SalesforceConfiguredInterruptibleCapacity')).not.toContain('percentage');
        expect(operandHint('SalesforceNewWorkload')).toBeUndefined();
        expect(operandHint('ConnectNewState')).toBeUndefined();
        expect(operandHint(undefined)).toBeUndefined();
    });

    it('maps status developer names to labels', () => {
        expect(statusLabels(buildStatuses()).Working_Phone).toBe('Working – Phone');
    });

    it('offers no status a rule could not name (shown without its developer name)', () => {
        const statuses = buildStatuses().map((s) => ({
            ...s,
            developerName: s.developerName === 'Lunch' ? null : s.developerName
        }));
        expect(namedStatuses(statuses)).not.toContain(null);
        expect(namedStatuses(statuses)).toHaveLength(statuses.length - 1);
        expect(statusOptions(statuses).map((o) => o.value)).toEqual(namedStatuses(statuses));
        expect(Object.keys(statusLabels(statuses))).toEqual(namedStatuses(statuses));
    });
});
