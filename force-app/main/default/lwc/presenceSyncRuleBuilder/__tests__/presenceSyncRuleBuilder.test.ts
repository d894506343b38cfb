import '../../../../../test/jest-mocks/apex/ruleControllerMocks';
import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildAccessReport,
    buildApexError,
    buildRuleBuilderData,
    buildRuleSets,
    buildSeedRules,
    buildSettings,
    DEFAULT_RULE_SET_ID
} from '../../../../../test/jest-mocks/apex/fixtures';
import { flushPromises } from '../../../../../test/domTestUtils';

import {
    fire,
    list,
    listed,
    mount,
    panel,
    q,
    server,
    useRuleBuilderHarness
} from '../../../../../test/ruleBuilderHarness';

useRuleBuilderHarness();

describe('c-presence-sync-rule-builder', () => {
    it('loads the org default rule set and lists its rules in order, with a clean analysis', async () => {
        const el = await mount();
        expect(getRules).toHaveBeenCalledWith({ ruleSetId: DEFAULT_RULE_SET_ID });
        expect(panel(el).ruleSetId).toBe(DEFAULT_RULE_SET_ID);
        expect(panel(el).ruleCount).toBe(4);
        expect(listed(el)).toEqual(buildSeedRules().map((r) => r.name));
        expect(q(el, '[data-id="warning-summary"]').textContent).toBe(
            'The analysis found no problems in the active rules.'
        );
        expect(q(el, '[data-id="read-only"]')).toBeNull();
        expect(list(el).readOnly).toBe(false);
    });

    it('gives the dry run the org’s settings and the rule set’s rules', async () => {
        const settings = buildSettings({ onContact: 'skip', flapMaxChanges: 3 });
        jest.mocked(getRuleBuilderData).mockResolvedValue(buildRuleBuilderData({ settings }));
        const el = await mount();
        const dryRun = q(el, 'c-presence-sync-rule-dry-run');
        expect(dryRun.settings).toEqual(settings);
        expect((dryRun.rules as PresenceSyncRule[]).map((r) => r.name)).toEqual(
            buildSeedRules().map((r) => r.name)
        );
    });

    it('switches rule sets', async () => {
        const el = await mount();
        const team = buildRuleSets()[1];
        server.rules = [];
        await fire(panel(el), 'select', { ruleSetId: team.id });
        expect(getRules).toHaveBeenLastCalledWith({ ruleSetId: team.id });
        expect(listed(el)).toEqual([]);
        expect(q(el, 'c-presence-sync-assignments').ruleSet).toEqual(team);
    });

    it('is read-only, saying why, for users without the administer permission', async () => {
        const reason =
            'Editing rules needs the Presence_Sync_Administer_Rules custom permission. Ask your admin for the Presence Sync Admin permission set.';
        jest.mocked(getRuleBuilderData).mockResolvedValue(
            buildRuleBuilderData({
                access: buildAccessReport({ missing: ['PresenceSyncAdministerRules'] }),
                readOnlyReason: reason
            })
        );
        const el = await mount();
        expect(q(el, '[data-id="read-only"]').textContent).toContain(reason);
        expect(q(el, '[data-id="new-rule"]')).toBeNull();
        expect(panel(el).readOnly).toBe(true);
        expect(list(el).readOnly).toBe(true);
        expect(q(el, 'c-presence-sync-mapping-table').readOnly).toBe(true);
        expect(q(el, 'c-presence-sync-assignments').readOnly).toBe(true);
        expect(q(el, 'c-presence-sync-rule-transfer').readOnly).toBe(true);
        expect(listed(el)).toHaveLength(4);
    });

    it('says what to do when the org has no rule set yet', async () => {
        jest.mocked(getRuleBuilderData).mockResolvedValue(buildRuleBuilderData({ ruleSets: [] }));
        const el = await mount();
        expect(getRules).not.toHaveBeenCalled();
        expect(q(el, '[data-id="no-rule-sets"]').textContent).toContain('Create the org default rule set');
        expect(q(el, 'lightning-tabset')).toBeNull();
        expect(panel(el).ruleSets).toEqual([]);
    });

    it('explains a failed load in plain words', async () => {
        jest.mocked(getRuleBuilderData).mockRejectedValue(buildApexError('Presence Sync is not set up.'));
        const el = await mount();
        expect(q(el, '[data-id="load-error"]').textContent).toBe(
            'The rule builder could not load: Presence Sync is not set up.'
        );
    });

    it('keeps the rule set list in step when assignments are saved', async () => {
        const el = await mount();
        const team = buildRuleSets()[1];
        const saved = { ...team, name: 'Phone team (renamed)' };
        await fire(q(el, 'c-presence-sync-assignments'), 'saved', { ruleSet: saved });
        expect((panel(el).ruleSets as { name: string }[]).map((s) => s.name)).toEqual([
            'Default presence sync rules',
            'Phone team (renamed)'
        ]);
        expect(q(el, '[data-id="status"]').textContent).toBe(
            'Saved the assignments of Phone team (renamed).'
        );
    });

    it('switches to a rule set created in the rule set panel, and keeps one org default', async () => {
        const el = await mount();
        server.rules = [];
        const created = {
            id: 'a0BHs0000000009AAA',
            name: 'Chat team',
            description: null,
            isDefault: true,
            assignments: []
        };
        await fire(panel(el), 'saved', { ruleSet: created, created: true });
        expect(panel(el).ruleSetId).toBe('a0BHs0000000009AAA');
        expect(getRules).toHaveBeenLastCalledWith({ ruleSetId: 'a0BHs0000000009AAA' });
        expect((panel(el).ruleSets as { isDefault: boolean }[]).filter((s) => s.isDefault)).toEqual([
            expect.objectContaining({ id: 'a0BHs0000000009AAA' })
        ]);
        expect(q(el, '[data-id="status"]').textContent).toBe(
            'Created the rule set Chat team, now the org default. Add rules to it.'
        );
    });

    it('shows a renamed rule set under its new name', async () => {
        const el = await mount();
        const [defaultSet] = buildRuleSets();
        await fire(panel(el), 'saved', { ruleSet: { ...defaultSet, name: 'Everyone' }, created: false });
        expect((panel(el).ruleSets as { name: string }[])[0].name).toBe('Everyone');
        expect(q(el, '[data-id="status"]').textContent).toBe('Renamed the rule set to Everyone.');
    });

    it('after a rule set is deleted, reloads and shows where its assignments went', async () => {
        const el = await mount();
        const [defaultSet, team] = buildRuleSets();
        jest.mocked(getRuleBuilderData).mockResolvedValue(buildRuleBuilderData({ ruleSets: [defaultSet] }));
        await fire(panel(el), 'deleted', {
            ruleSetId: team.id,
            name: team.name,
            deletion: { deletedRules: 3, movedAssignments: 2, removedAssignments: 0 },
            movedTo: defaultSet.id
        });
        await flushPromises();
        expect(panel(el).ruleSetId).toBe(defaultSet.id);
        expect(q(el, '[data-id="status"]').textContent).toBe(
            `Deleted the rule set ${team.name} and its 3 rules. Its 2 assignments moved to ${defaultSet.name}.`
        );
    });

    it('is accessible', async () => {
        const el = await mount();
        await expect(el).toBeAccessible();
    });
});
