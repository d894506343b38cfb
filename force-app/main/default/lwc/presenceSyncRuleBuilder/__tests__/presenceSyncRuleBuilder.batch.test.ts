import '../../../../../test/jest-mocks/apex/ruleControllerMocks';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import saveRuleBatch from '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch';
import {
    buildRule,
    buildSaveRulesResult,
    buildSeedRules,
    DEFAULT_RULE_SET_ID
} from '../../../../../test/jest-mocks/apex/fixtures';

import {
    confirmOpen,
    fire,
    list,
    listed,
    mount,
    q,
    server,
    useRuleBuilderHarness
} from '../../../../../test/ruleBuilderHarness';

useRuleBuilderHarness();

describe('c-presence-sync-rule-builder', () => {
    it('saves a batch from the mapping table and deletes what it replaces in one call, or nothing', async () => {
        const el = await mount();
        const table = q(el, 'c-presence-sync-mapping-table');
        const shown = jest.fn();
        (table as unknown as { showRejections: jest.Mock }).showRejections = shown;
        const [first, second] = buildSeedRules();
        const newRule = buildRule({
            id: 'map-1:publisher',
            name: 'Connect Lunch to Omni Lunch',
            mappingId: 'map-1'
        });
        newRule.operandBValue = 'Lunch';
        newRule.destinationValue = 'Lunch';
        await fire(table, 'savebatch', {
            rules: [newRule],
            deleteIds: [first.id, second.id],
            label: 'Save the mapping table'
        });
        expect(saveRuleBatch).toHaveBeenCalledWith(
            expect.objectContaining({ ruleSetId: DEFAULT_RULE_SET_ID, deleteRuleIds: [first.id, second.id] })
        );
        expect(deleteRules).not.toHaveBeenCalled();
        expect(listed(el)).toContain('Connect Lunch to Omni Lunch');
        expect(listed(el)).not.toContain(first.name);
        expect(q(el, '[data-id="status"]').textContent).toBe(
            'Save the mapping table: saved 1 rule, replacing 2.'
        );

        jest.mocked(saveRuleBatch).mockResolvedValueOnce(
            buildSaveRulesResult({
                saved: [],
                rejected: [
                    { id: 'bad', position: 1, name: 'Bad', issues: [{ field: 'name', message: 'No.' }] }
                ]
            })
        );
        const other = { ...newRule, id: 'map-2:publisher', name: 'Another', mappingId: 'map-2' };
        // The same row again would duplicate the saved rule: the admin accepts the warning.
        confirmOpen.mockResolvedValueOnce(true);
        await fire(table, 'savebatch', { rules: [other], deleteIds: ['x'], label: 'Save the mapping table' });
        expect(shown).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'bad', position: 1 })], 0);
        expect(q(el, '[data-id="action-error"]').textContent).toBe(
            'Save the mapping table: nothing was saved, because 1 rule was refused. See which below.'
        );
    });

    it('makes the org’s checks before sending a batch, and sends nothing the org would refuse', async () => {
        const el = await mount();
        const table = q(el, 'c-presence-sync-mapping-table');
        const shown = jest.fn();
        (table as unknown as { showRejections: jest.Mock }).showRejections = shown;
        const [first] = buildSeedRules();
        const copy = { ...first, id: 'map-9:publisher', order: 90, mappingId: 'map-9' };
        await fire(table, 'savebatch', { rules: [copy], deleteIds: [], label: 'Save the mapping table' });
        expect(saveRuleBatch).not.toHaveBeenCalled();
        expect(saveRules).not.toHaveBeenCalled();
        expect(shown).toHaveBeenCalledWith(
            [
                expect.objectContaining({
                    position: 1,
                    name: first.name,
                    issues: [expect.objectContaining({ field: 'name' })]
                })
            ],
            0
        );
    });

    it('takes no rule past the limit of a rule set, and says why', async () => {
        server.rules = Array.from({ length: 500 }, (_, i) =>
            buildRule({ id: `a0CHs${String(i).padStart(10, '0')}AAA`, name: `Rule ${i}`, order: i })
        );
        const el = await mount();
        expect(q(el, '[data-id="new-rule"]').disabled).toBe(true);
        expect(q(el, '[data-id="limit"]').textContent).toBe(
            'This rule set holds 500 rules, the most a rule set can hold. Delete rules to add others, or put them in another rule set.'
        );
        await fire(list(el), 'clone', { ruleId: server.rules[0].id });
        expect(q(el, 'c-presence-sync-rule-editor')).toBeNull();
        expect(q(el, '[data-id="action-error"]').textContent).toContain('the most a rule set can hold');
    });
});
