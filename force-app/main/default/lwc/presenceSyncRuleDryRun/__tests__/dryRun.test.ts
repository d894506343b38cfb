import { runDryRun } from '../dryRun';
import { expandMappings } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRule, buildSeedRules } from '../../../../../test/jest-mocks/apex/fixtures';

const chatRule: PresenceSyncRule = buildRule({
    id: 'chat',
    name: 'Chat work sets Connect Working - Media',
    order: 50,
    source: 'SalesforceWorkAccepted',
    operandA: 'SalesforceServiceChannel',
    comparator: 'Equal',
    operandB: 'StaticValue',
    operandBValue: 'sfdc_chat',
    destination: 'ConnectAgentState',
    destinationValue: 'Working - Media'
});

describe('runDryRun', () => {
    it('shows which rule fires at each step and what both sides become', async () => {
        const steps = await runDryRun(
            [...buildSeedRules(), chatRule],
            { connectState: 'Offline', omniStatus: 'Offline' },
            [
                { kind: 'connect-state', state: 'Available' },
                { kind: 'connect-state', state: 'Working - Phone' },
                { kind: 'omni-work-accepted', serviceChannel: 'sfdc_chat' }
            ]
        );
        expect(steps.map((s) => [s.firedRules, s.connectState, s.omniStatus])).toEqual([
            [['Connect Available sets Omni-Channel Available'], 'Available', 'Available'],
            [
                ['Connect Working - Phone sets Omni-Channel Working -- Phone'],
                'Working - Phone',
                'Working_Phone'
            ],
            [['Chat work sets Connect Working - Media'], 'Working - Media', 'Working_Phone']
        ]);
        expect(steps[0].actions).toEqual([
            '“Connect Available sets Omni-Channel Available” sets Omni-Channel to Available.'
        ]);
    });

    it('never bounces a bi-directional pair back (echoes are suppressed as for agents)', async () => {
        const rules = expandMappings([
            { id: 'l', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' }
        ]);
        const [step] = await runDryRun(rules, { connectState: 'Available', omniStatus: 'Available' }, [
            { kind: 'connect-state', state: 'Lunch' }
        ]);
        expect(step.firedRules).toEqual(['Connect Lunch to Omni Lunch']);
        expect(step.omniStatus).toBe('Lunch');
        expect(step.connectState).toBe('Lunch');
    });

    it('queues a Connect change while the agent is on a contact', async () => {
        const steps = await runDryRun(buildSeedRules(), { connectState: 'Available', omniStatus: 'Lunch' }, [
            { kind: 'connect-state', state: 'Busy' },
            { kind: 'omni-status', status: 'Available' }
        ]);
        expect(steps[1].connectState).toBe('Busy');
        expect(steps[1].connectNextState).toBe('Available');
        expect(steps[1].actions.join(' ')).toContain('when the contact ends');
    });

    it('says when no rule matched', async () => {
        const [step] = await runDryRun(
            buildSeedRules(),
            { connectState: 'Available', omniStatus: 'Available' },
            [{ kind: 'connect-state', state: 'Lunch' }]
        );
        expect(step.matchedRules).toEqual([]);
        expect(step.firedRules).toEqual([]);
        expect(step.omniStatus).toBe('Available');
    });
});
