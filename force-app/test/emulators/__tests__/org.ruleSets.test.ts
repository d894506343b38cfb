/**
 * The emulated org keeps rule sets as PresenceSyncRuleSetService does.
 */
import type { AgentConfiguration, RuleSet, RuleSetDeletion } from 'presence-sync/contracts';
import { AGENT_USER_ID, DEFAULT_RULE_SET_ID } from '../../jest-mocks/apex/fixtures';
import { EmulatedOrg } from '../org';
import type { OrgData } from '../org';

describe('emulated org rule sets', () => {
    let org: EmulatedOrg;
    beforeEach(() => {
        let stored: OrgData | null = null;
        org = new EmulatedOrg({ store: { load: () => stored, save: (d) => (stored = d) } });
    });
    const save = (ruleSet: Record<string, unknown>) =>
        org.call('PresenceSyncRuleController.saveRuleSet', {
            ruleSetJson: JSON.stringify({ isDefault: false, assignments: [], ...ruleSet })
        }) as Promise<RuleSet>;
    const avery = { type: 'User', targetId: AGENT_USER_ID, targetName: 'Avery Agent' };

    it('keeps rule set names unique, whatever their case, and lets a rule set be renamed', async () => {
        const phone = await save({ name: 'Phone team' });
        await expect(save({ name: 'phone TEAM ' })).rejects.toThrow(
            'Another rule set is already called "phone TEAM". Choose another name.'
        );
        await expect(save({ name: 'Default presence sync rules' })).rejects.toThrow(/already called/);
        const renamed = await save({ id: phone.id, name: 'Phone team (day shift)', description: 'Days' });
        expect([renamed.id, renamed.name, renamed.description]).toEqual([
            phone.id,
            'Phone team (day shift)',
            'Days'
        ]);
        // Its own name is not "another" rule set's.
        await expect(save({ id: phone.id, name: 'Phone team (day shift)' })).resolves.toBeTruthy();
    });

    it('deletes a rule set with its rules, moving its assignments where the admin chose', async () => {
        const phone = await save({ name: 'Phone team', assignments: [avery] });
        const chat = await save({ name: 'Chat team' });
        const [template] = org.rules();
        org.replaceRules([{ ...template, id: 'p1' }], phone.id);
        const done = (await org.call('PresenceSyncRuleController.deleteRuleSet', {
            ruleSetId: phone.id,
            moveAssignmentsToId: chat.id
        })) as RuleSetDeletion;
        expect(done).toEqual({ deletedRules: 1, movedAssignments: 1, removedAssignments: 0 });
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.ruleSet).toMatchObject({ id: chat.id, assignedThrough: 'User', activeRuleCount: 0 });
        await expect(
            org.call('PresenceSyncRuleController.getRules', { ruleSetId: phone.id })
        ).rejects.toThrow('The rule set no longer exists or you cannot see it. Reload and try again.');
    });

    it('deletes a rule set with its assignments: those agents fall back to the org default', async () => {
        const phone = await save({ name: 'Phone team', assignments: [avery] });
        const done = (await org.call('PresenceSyncRuleController.deleteRuleSet', {
            ruleSetId: phone.id,
            moveAssignmentsToId: null
        })) as RuleSetDeletion;
        expect(done).toEqual({ deletedRules: 0, movedAssignments: 0, removedAssignments: 1 });
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.ruleSet).toMatchObject({ id: DEFAULT_RULE_SET_ID, assignedThrough: 'Default' });
    });

    it('never deletes the org default', async () => {
        await expect(
            org.call('PresenceSyncRuleController.deleteRuleSet', {
                ruleSetId: DEFAULT_RULE_SET_ID,
                moveAssignmentsToId: null
            })
        ).rejects.toThrow(/org default rule set cannot be deleted/);
    });

    it('refuses to save into a rule set a reset took away, instead of saving elsewhere', async () => {
        const phone = await save({ name: 'Phone team' });
        org.reset();
        const [template] = org.rules();
        await expect(
            org.call('PresenceSyncRuleController.saveRules', {
                ruleSetId: phone.id,
                rulesJson: JSON.stringify([{ ...template, id: 'draft-1', name: 'Late' }])
            })
        ).rejects.toThrow('The rule set no longer exists or you cannot see it. Reload and try again.');
        await expect(save({ id: phone.id, name: 'Phone team' })).rejects.toThrow(/no longer exists/);
    });
});
