import '../../../../../test/jest-mocks/apex/ruleControllerMocks';
import Toast from 'lightning/toast';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildApexError,
    buildRule,
    buildSaveRulesResult,
    buildSeedRules,
    DEFAULT_RULE_SET_ID
} from '../../../../../test/jest-mocks/apex/fixtures';
import { flushPromises } from '../../../../../test/domTestUtils';

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

/** Opens the editor on a new rule and saves it as Lunch → Lunch. */
async function saveNewLunchRule(el: HTMLElement): Promise<void> {
    q(el, '[data-id="new-rule"]').click();
    await flushPromises();
    const editor = q(el, 'c-presence-sync-rule-editor');
    await fire(editor, 'save', {
        rule: buildRule({
            ...(editor.rule as object),
            name: 'Lunch',
            operandBValue: 'Lunch',
            destinationValue: 'Lunch'
        })
    });
}

describe('c-presence-sync-rule-builder', () => {
    it('creates a rule through the editor and shows it after the server saved it', async () => {
        const el = await mount();
        q(el, '[data-id="new-rule"]').click();
        await flushPromises();
        const editor = q(el, 'c-presence-sync-rule-editor');
        expect(editor.isNew).toBe(true);
        const draft = editor.rule as PresenceSyncRule;
        expect(draft.order).toBe(14);

        const rule = buildRule({
            ...draft,
            name: 'Connect agent switches to Lunch',
            operandBValue: 'Lunch',
            destinationValue: 'Lunch'
        });
        await fire(editor, 'save', { rule });

        const sent = JSON.parse(jest.mocked(saveRules).mock.calls[0][0].rulesJson) as PresenceSyncRule[];
        expect(sent).toEqual([
            expect.objectContaining({ id: draft.id, name: 'Connect agent switches to Lunch' })
        ]);
        expect(q(el, 'c-presence-sync-rule-editor')).toBeNull();
        expect(listed(el)).toContain('Connect agent switches to Lunch');
        expect(q(el, '[data-id="status"]').textContent).toBe(
            'Saved the new rule “Connect agent switches to Lunch”.'
        );
        expect(jest.mocked(Toast.show)).toHaveBeenCalledWith(
            { label: 'Saved the new rule “Connect agent switches to Lunch”.', variant: 'success' },
            expect.anything()
        );
    });

    it('shows the server’s rejections in the editor, field by field', async () => {
        jest.mocked(saveRules).mockResolvedValue(
            buildSaveRulesResult({
                saved: [],
                rejected: [
                    {
                        id: 'x',
                        issues: [
                            {
                                field: 'destinationValue',
                                message: 'The status Lunch was deleted a moment ago.'
                            }
                        ]
                    }
                ]
            })
        );
        const el = await mount();
        await saveNewLunchRule(el);

        expect(q(el, 'c-presence-sync-rule-editor').serverIssues).toEqual([
            { field: 'destinationValue', message: 'The status Lunch was deleted a moment ago.' }
        ]);
        expect(q(el, '[data-id="action-error"]').textContent).toContain('The server refused');
    });

    it('keeps the editor open with the server’s words when the save call fails', async () => {
        jest.mocked(saveRules).mockRejectedValue(
            buildApexError('Insufficient access to Presence_Sync_Rule__c.')
        );
        const el = await mount();
        await saveNewLunchRule(el);
        expect(q(el, 'c-presence-sync-rule-editor').serverIssues).toEqual([
            { field: 'rule', message: 'Insufficient access to Presence_Sync_Rule__c.' }
        ]);
        expect(q(el, '[data-id="action-error"]').textContent).toBe(
            'Saving failed: Insufficient access to Presence_Sync_Rule__c.'
        );
    });

    it('edits and clones an existing rule', async () => {
        const el = await mount();
        const [first] = buildSeedRules();
        await fire(list(el), 'edit', { ruleId: first.id });
        expect(q(el, 'c-presence-sync-rule-editor').rule).toEqual(first);
        await fire(q(el, 'c-presence-sync-rule-editor'), 'cancel', undefined);
        await fire(list(el), 'clone', { ruleId: first.id });
        const clone = q(el, 'c-presence-sync-rule-editor').rule as PresenceSyncRule;
        expect(clone.name).toBe(`${first.name} (copy)`);
        expect(clone.id).not.toBe(first.id);
        expect(clone.order).toBe(14);
    });

    it('reorders a rule and shows the server’s order', async () => {
        const el = await mount();
        const ids = buildSeedRules().map((r) => r.id);
        await fire(list(el), 'move', { ruleId: ids[2], offset: -1 });
        expect(reorderRules).toHaveBeenCalledWith({
            ruleSetId: DEFAULT_RULE_SET_ID,
            orderedRuleIds: [ids[0], ids[2], ids[1], ids[3]]
        });
        expect((list(el).rules as PresenceSyncRule[]).map((r) => r.id)).toEqual([
            ids[0],
            ids[2],
            ids[1],
            ids[3]
        ]);
        expect(q(el, '[data-id="status"]').textContent).toContain('to position 2');
    });

    it('puts the old order back when reordering fails', async () => {
        jest.mocked(reorderRules).mockRejectedValue(buildApexError('Rule set locked.'));
        const el = await mount();
        const ids = buildSeedRules().map((r) => r.id);
        await fire(list(el), 'move', { ruleId: ids[0], offset: 1 });
        expect((list(el).rules as PresenceSyncRule[]).map((r) => r.id)).toEqual(ids);
        expect(q(el, '[data-id="action-error"]').textContent).toContain('Rule set locked.');
    });

    it('deletes a rule only after confirmation', async () => {
        const el = await mount();
        const [first] = buildSeedRules();
        confirmOpen.mockResolvedValueOnce(false);
        await fire(list(el), 'delete', { ruleId: first.id });
        expect(confirmOpen).toHaveBeenCalledWith(
            expect.objectContaining({
                label: `Delete “${first.name}”?`,
                confirmLabel: 'Delete rule',
                destructive: true
            })
        );
        expect(deleteRules).not.toHaveBeenCalled();

        confirmOpen.mockResolvedValueOnce(true);
        await fire(list(el), 'delete', { ruleId: first.id });
        expect(deleteRules).toHaveBeenCalledWith({ ruleIds: [first.id] });
        expect(listed(el)).not.toContain(first.name);
    });

    it('warns before activating a rule that conflicts, and does nothing when the admin cancels', async () => {
        server.rules = [
            ...buildSeedRules(),
            buildRule({
                id: 'a0CHs0000000009AAA',
                name: 'Connect Available sets Omni-Channel Busy',
                order: 50,
                active: false,
                destinationValue: 'Busy'
            })
        ];
        const el = await mount();
        confirmOpen.mockResolvedValueOnce(false);
        await fire(list(el), 'toggleactive', { ruleId: 'a0CHs0000000009AAA', active: true });
        const [[options]] = confirmOpen.mock.calls;
        expect(options.label).toBe('Activate “Connect Available sets Omni-Channel Busy”?');
        expect(options.confirmLabel).toBe('Activate anyway');
        expect(options.message).toBe(
            'This change adds 1 warning (Conflict 1). Agents get the rules as they are if you go ahead.'
        );
        expect(options.groups?.[0]).toMatchObject({ heading: 'Conflict', count: 1, hidden: 0 });
        expect(options.groups?.[0].items[0]).toContain('react to the same events');
        expect(setRulesActive).not.toHaveBeenCalled();

        confirmOpen.mockResolvedValueOnce(true);
        await fire(list(el), 'toggleactive', { ruleId: 'a0CHs0000000009AAA', active: true });
        expect(setRulesActive).toHaveBeenCalledWith({ ruleIds: ['a0CHs0000000009AAA'], active: true });
        expect(q(el, '[data-id="warning-summary"]').textContent).toContain('found 1 problem');
        expect(list(el).findings).toHaveLength(1);
    });

    it('deactivates without asking', async () => {
        const el = await mount();
        const [first] = buildSeedRules();
        await fire(list(el), 'toggleactive', { ruleId: first.id, active: false });
        expect(confirmOpen).not.toHaveBeenCalled();
        expect(setRulesActive).toHaveBeenCalledWith({ ruleIds: [first.id], active: false });
    });

    it('reads the rules again after a failed save, so the list shows what the org holds', async () => {
        jest.mocked(saveRules).mockImplementationOnce(async () => {
            server.rules = server.rules.slice(1);
            throw buildApexError('Request timed out.');
        });
        const el = await mount();
        await saveNewLunchRule(el);
        expect(listed(el)).toHaveLength(3);
    });

    it('clears an earlier error when the next action succeeds', async () => {
        jest.mocked(setRulesActive).mockRejectedValueOnce(buildApexError('Rule locked.'));
        const el = await mount();
        const [first] = buildSeedRules();
        await fire(list(el), 'toggleactive', { ruleId: first.id, active: false });
        expect(q(el, '[data-id="action-error"]')).not.toBeNull();
        await fire(list(el), 'toggleactive', { ruleId: first.id, active: false });
        expect(q(el, '[data-id="action-error"]')).toBeNull();
    });

    it('names a clone so that it does not take a name the rule set has', async () => {
        const [first] = buildSeedRules();
        server.rules = [
            ...buildSeedRules(),
            { ...first, id: 'a0CHs0000000077AAA', name: `${first.name} (copy)`, order: 70 }
        ];
        const el = await mount();
        await fire(list(el), 'clone', { ruleId: first.id });
        expect((q(el, 'c-presence-sync-rule-editor').rule as PresenceSyncRule).name).toBe(
            `${first.name} (copy 2)`
        );
    });

    it('explains a failed activation and shows the rule as it is', async () => {
        jest.mocked(setRulesActive).mockRejectedValue(buildApexError('Rule locked.'));
        const el = await mount();
        const [first] = buildSeedRules();
        await fire(list(el), 'toggleactive', { ruleId: first.id, active: false });
        expect(q(el, '[data-id="action-error"]').textContent).toBe(
            `“${first.name}” could not be deactivated: Rule locked.`
        );
        expect((list(el).rules as PresenceSyncRule[])[0].active).toBe(true);
    });
});
