import { createElement } from 'lwc';
import Toast from 'lightning/toast';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import PresenceSyncRuleBuilder from 'c/presenceSyncRuleBuilder';
import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import saveRuleBatch from '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildAccessReport,
    buildApexError,
    buildRule,
    buildRuleBuilderData,
    buildRuleSets,
    buildSaveRulesResult,
    buildSeedRules,
    buildSettings,
    DEFAULT_RULE_SET_ID
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from '../../../../../test/domTestUtils';

jest.mock('@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.getRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.deleteRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.setRulesActive', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.reorderRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleBatch', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.deleteRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.searchAssignees', () => ({ default: jest.fn() }), {
    virtual: true
});
const confirmOpen = jest.spyOn(PresenceSyncConfirm, 'ask');

type ChildElement = HTMLElement & Record<string, unknown>;

async function mount(): Promise<HTMLElement> {
    const el = createElement('c-presence-sync-rule-builder', { is: PresenceSyncRuleBuilder });
    document.body.appendChild(el);
    await flushPromises();
    await flushPromises();
    return el;
}

function q(el: Element, selector: string): ChildElement {
    return el.shadowRoot?.querySelector(selector) as ChildElement;
}

function panel(el: Element): ChildElement {
    return q(el, 'c-presence-sync-rule-set-panel');
}

function list(el: Element): ChildElement {
    return q(el, 'c-presence-sync-rule-list');
}

function listed(el: Element): string[] {
    return (list(el).rules as PresenceSyncRule[]).map((r) => r.name);
}

async function fire(target: Element, name: string, detail: unknown): Promise<void> {
    target.dispatchEvent(new CustomEvent(name, { detail }));
    await flushPromises();
    await flushPromises();
}

let serverRules: PresenceSyncRule[];

beforeEach(() => {
    serverRules = buildSeedRules();
    jest.mocked(getRuleBuilderData).mockResolvedValue(buildRuleBuilderData());
    jest.mocked(getRules).mockImplementation(async () => serverRules.map((r) => ({ ...r })));
    jest.mocked(saveRules).mockImplementation(async ({ rulesJson }) => {
        const result = buildSaveRulesResult({ saved: JSON.parse(rulesJson) as PresenceSyncRule[] });
        serverRules = [
            ...serverRules.filter((r) => !result.saved.some((s) => s.id === r.id)),
            ...result.saved
        ];
        return result;
    });
    jest.mocked(saveRuleBatch).mockImplementation(async ({ rulesJson, deleteRuleIds }) => {
        const result = buildSaveRulesResult({ saved: JSON.parse(rulesJson) as PresenceSyncRule[] });
        serverRules = [
            ...serverRules.filter(
                (r) => !deleteRuleIds.includes(r.id) && !result.saved.some((s) => s.id === r.id)
            ),
            ...result.saved
        ];
        return result;
    });
    jest.mocked(deleteRules).mockImplementation(async ({ ruleIds }) => {
        serverRules = serverRules.filter((r) => !ruleIds.includes(r.id));
    });
    jest.mocked(setRulesActive).mockImplementation(async ({ ruleIds, active }) => {
        serverRules = serverRules.map((r) => (ruleIds.includes(r.id) ? { ...r, active } : r));
    });
    jest.mocked(reorderRules).mockImplementation(async ({ orderedRuleIds }) => {
        serverRules = orderedRuleIds.map((id, i) => ({
            ...(serverRules.find((r) => r.id === id) as PresenceSyncRule),
            order: (i + 1) * 10
        }));
    });
    confirmOpen.mockReset();
    confirmOpen.mockResolvedValue(false);
});

afterEach(() => {
    clearBody();
    jest.clearAllMocks();
});

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
        serverRules = [];
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
        serverRules = [
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
        serverRules = Array.from({ length: 500 }, (_, i) =>
            buildRule({ id: `a0CHs${String(i).padStart(10, '0')}AAA`, name: `Rule ${i}`, order: i })
        );
        const el = await mount();
        expect(q(el, '[data-id="new-rule"]').disabled).toBe(true);
        expect(q(el, '[data-id="limit"]').textContent).toBe(
            'This rule set holds 500 rules, the most a rule set can hold. Delete rules to add others, or put them in another rule set.'
        );
        await fire(list(el), 'clone', { ruleId: serverRules[0].id });
        expect(q(el, 'c-presence-sync-rule-editor')).toBeNull();
        expect(q(el, '[data-id="action-error"]').textContent).toContain('the most a rule set can hold');
    });

    it('reads the rules again after a failed save, so the list shows what the org holds', async () => {
        jest.mocked(saveRules).mockImplementationOnce(async () => {
            serverRules = serverRules.slice(1);
            throw buildApexError('Request timed out.');
        });
        const el = await mount();
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
        serverRules = [
            ...buildSeedRules(),
            { ...first, id: 'a0CHs0000000077AAA', name: `${first.name} (copy)`, order: 70 }
        ];
        const el = await mount();
        await fire(list(el), 'clone', { ruleId: first.id });
        expect((q(el, 'c-presence-sync-rule-editor').rule as PresenceSyncRule).name).toBe(
            `${first.name} (copy 2)`
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

    it('switches to a rule set created in the rule set panel, and keeps one org default', async () => {
        const el = await mount();
        serverRules = [];
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
