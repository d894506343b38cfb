import { runDryRun } from '../dryRun';
import { toSessionSettings } from 'c/presenceSyncOrgSettings';
import { expandMappings } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRule, buildSeedRules, buildSettings } from '../../../../../test/jest-mocks/apex/fixtures';
import { workAccepted } from '../../../../../test/ruleShapes';

const chatRule: PresenceSyncRule = buildRule({
    id: 'chat',
    name: 'Chat work sets Connect Working - Media',
    order: 50,
    ...workAccepted('sfdc_chat', 'Working - Media')
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
                ['Connect Working - Phone sets Omni-Channel Working – Phone'],
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

    it('queues a not-routable Connect change as the next state while the agent is on a contact', async () => {
        const steps = await runDryRun(buildSeedRules(), { connectState: 'Available', omniStatus: 'Lunch' }, [
            { kind: 'connect-state', state: 'Busy' },
            { kind: 'omni-status', status: 'Working_Media' }
        ]);
        expect(steps[1].connectState).toBe('Busy');
        expect(steps[1].connectNextState).toBe('Working - Media');
        expect(steps[1].actions.join(' ')).toContain('when the contact ends');
    });

    it('holds a routable Connect change (Available) until the contact ends, as Connect cannot queue it', async () => {
        const steps = await runDryRun(
            buildSeedRules(),
            { connectState: 'Working - Media', omniStatus: 'Working_Media' },
            [
                { kind: 'connect-state', state: 'Busy' },
                { kind: 'omni-status', status: 'Available' },
                { kind: 'connect-state', state: 'Working - Media' }
            ]
        );
        expect(steps[1].connectNextState).toBeNull();
        expect(steps[1].actions.join(' ')).toContain('Presence Sync sets Available when the contact ends');
        expect(steps[2].connectState).toBe('Available');
    });

    it('skips the Connect change during a call when the org says skip', async () => {
        const steps = await runDryRun(
            buildSeedRules(),
            { connectState: 'Available', omniStatus: 'Lunch' },
            [
                { kind: 'connect-state', state: 'Busy' },
                { kind: 'omni-status', status: 'Available' }
            ],
            toSessionSettings(buildSettings({ onContact: 'skip' }))
        );
        expect(steps[1].connectState).toBe('Busy');
        expect(steps[1].connectNextState).toBeNull();
        expect(steps[1].firedRules).toEqual([]);
        expect(steps[1].actions).toEqual([
            '“Omni-Channel Available sets Connect Available” wants Connect Available, skipped: The agent is on a contact and the on-contact setting is skip: Connect stays as it is.'
        ]);
    });

    it('pauses at the org’s flapping limit, not the engine’s default', async () => {
        // Two automated Connect writes 5 s apart: over a limit of 1 in 60 s, well under 6 in 10 s.
        const start = { connectState: 'Lunch', omniStatus: 'Lunch' };
        const events = [
            { kind: 'omni-status', status: 'Available' },
            { kind: 'omni-status', status: 'Working_Media' }
        ] as const;
        const strict = await runDryRun(
            buildSeedRules(),
            start,
            events,
            toSessionSettings(buildSettings({ flapMaxChanges: 1, flapWindowSeconds: 60 }))
        );
        expect(strict[0].connectState).toBe('Available');
        expect(strict[1].actions.join(' ')).toMatch(/paused/i);
        expect(strict[1].connectState).toBe('Available');
        const lenient = await runDryRun(buildSeedRules(), start, events, toSessionSettings(buildSettings()));
        expect(lenient[1].actions.join(' ')).not.toMatch(/paused/i);
        expect(lenient[1].connectState).toBe('Working - Media');
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
