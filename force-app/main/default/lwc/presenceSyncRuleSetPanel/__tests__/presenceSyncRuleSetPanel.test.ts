import { createElement } from 'lwc';
import PresenceSyncRuleSetPanel from 'c/presenceSyncRuleSetPanel';
import saveRuleSet from '@salesforce/apex/PresenceSyncRuleController.saveRuleSet';
import deleteRuleSet from '@salesforce/apex/PresenceSyncRuleController.deleteRuleSet';
import type { RuleSet } from 'presence-sync/contracts';
import { buildApexError, buildRuleSets } from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises, q } from '../../../../../test/domTestUtils';

jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.deleteRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});

type PanelElement = HTMLElement & {
    ruleSets: RuleSet[];
    ruleSetId: string | null;
    ruleCount: number;
    readOnly: boolean;
};

const [defaultSet, teamSet] = buildRuleSets();

function mount(
    selected: RuleSet | null = teamSet,
    ruleSets = buildRuleSets()
): { el: PanelElement; events: CustomEvent[] } {
    const el = createElement('c-presence-sync-rule-set-panel', {
        is: PresenceSyncRuleSetPanel
    }) as PanelElement;
    el.ruleSets = ruleSets;
    el.ruleSetId = selected?.id ?? null;
    el.ruleCount = 3;
    const events: CustomEvent[] = [];
    for (const name of ['select', 'saved', 'deleted']) {
        el.addEventListener(name, (e) => events.push(e as CustomEvent));
    }
    document.body.appendChild(el);
    return { el, events };
}

async function click(el: Element, id: string): Promise<void> {
    q(el, `lightning-button[data-id="${id}"]`).click();
    await flushPromises();
    await flushPromises();
}

async function typeName(el: Element, value: string): Promise<void> {
    q(el, 'lightning-input[data-field="ruleSetName"]').dispatchEvent(
        new CustomEvent('change', { detail: { value } })
    );
    await flushPromises();
}

afterEach(() => {
    clearBody();
    jest.clearAllMocks();
});

describe('c-presence-sync-rule-set-panel', () => {
    it('lists the rule sets, the default marked, and tells the builder which one is chosen', async () => {
        const { el, events } = mount();
        await flushPromises();
        expect((q(el, '[data-id="rule-set"]').options as { label: string }[]).map((o) => o.label)).toEqual([
            'Default presence sync rules (org default)',
            'Phone team'
        ]);
        q(el, '[data-id="rule-set"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: defaultSet.id } })
        );
        expect(events.map((e) => [e.type, e.detail])).toEqual([['select', { ruleSetId: defaultSet.id }]]);
    });

    it('refuses a second rule set of the same name as it is typed, and creates one with a new name', async () => {
        jest.mocked(saveRuleSet).mockImplementation(async ({ ruleSetJson }) => ({
            ...JSON.parse(ruleSetJson),
            id: 'a0BHs0000000009AAA'
        }));
        const { el, events } = mount();
        await click(el, 'new-rule-set');
        await click(el, 'submit-rule-set');
        expect(q(el, '[data-id="name-error"]').textContent?.trim()).toBe(
            'Give the rule set a name, for example Phone team.'
        );
        await typeName(el, 'default PRESENCE sync rules');
        expect(q(el, '[data-id="name-error"]').textContent?.trim()).toBe(
            'Another rule set is already called "default PRESENCE sync rules". Choose another name.'
        );
        await click(el, 'submit-rule-set');
        expect(saveRuleSet).not.toHaveBeenCalled();

        await typeName(el, ' Chat team ');
        expect(q(el, '[data-id="name-error"]')).toBeNull();
        await click(el, 'submit-rule-set');
        expect(JSON.parse(jest.mocked(saveRuleSet).mock.calls[0][0].ruleSetJson)).toEqual({
            id: null,
            name: 'Chat team',
            description: null,
            isDefault: false,
            assignments: []
        });
        expect(events.map((e) => e.type)).toEqual(['saved']);
        expect(events[0].detail).toMatchObject({ created: true, ruleSet: { id: 'a0BHs0000000009AAA' } });
        expect(q(el, '[data-id="rule-set-form"]')).toBeNull();
    });

    it('says a pasted name is too long, with its length, instead of cutting it', async () => {
        const { el } = mount();
        await click(el, 'new-rule-set');
        await typeName(el, 'p'.repeat(95));
        expect(q(el, '[data-id="name-error"]').textContent?.trim()).toBe(
            'The rule set name has 95 characters; at most 80 fit. Shorten it.'
        );
        expect(q(el, '[data-id="name-length"]').textContent).toBe('95 of 80 characters.');
    });

    it('makes the first rule set of an org its default', async () => {
        const { el } = mount(null, []);
        await click(el, 'new-rule-set');
        expect(q(el, 'lightning-input[data-field="ruleSetDefault"]').checked).toBe(true);
    });

    it('renames a rule set, keeping its assignments, and keeps its own name allowed', async () => {
        jest.mocked(saveRuleSet).mockImplementation(async ({ ruleSetJson }) => JSON.parse(ruleSetJson));
        const { el, events } = mount();
        await click(el, 'rename-rule-set');
        expect(q(el, 'lightning-input[data-field="ruleSetName"]').value).toBe('Phone team');
        await typeName(el, 'Phone team');
        expect(q(el, '[data-id="name-error"]')).toBeNull();
        await typeName(el, 'Phone team (days)');
        await click(el, 'submit-rule-set');
        const sent = JSON.parse(jest.mocked(saveRuleSet).mock.calls[0][0].ruleSetJson) as RuleSet;
        expect([sent.id, sent.name, sent.assignments]).toEqual([
            teamSet.id,
            'Phone team (days)',
            teamSet.assignments
        ]);
        expect(events[0].detail).toMatchObject({ created: false });
    });

    it('keeps the org default the default while it is renamed', async () => {
        const { el } = mount(defaultSet);
        await click(el, 'rename-rule-set');
        expect(q(el, 'lightning-input[data-field="ruleSetDefault"]').disabled).toBe(true);
        expect(q(el, '[data-id="default-help"]').textContent).toContain(
            'make another rule set the org default'
        );
    });

    it('asks what becomes of the assignments of a deleted rule set, and moves them where chosen', async () => {
        jest.mocked(deleteRuleSet).mockResolvedValue({
            deletedRules: 3,
            movedAssignments: 2,
            removedAssignments: 0
        });
        const { el, events } = mount();
        await click(el, 'delete-rule-set');
        expect(q(el, '[data-id="delete-question"]').textContent).toBe(
            'Deleting “Phone team” deletes its 3 rules too. This cannot be undone.'
        );
        expect(q(el, '[data-id="assignment-question"]').textContent).toBe(
            'It is assigned to 1 user and 1 team. What should happen to these assignments?'
        );
        expect(q(el, '[data-id="move-to"]').value).toBe(defaultSet.id);
        await click(el, 'confirm-delete');
        expect(deleteRuleSet).toHaveBeenCalledWith({
            ruleSetId: teamSet.id,
            moveAssignmentsToId: defaultSet.id
        });
        expect(events[0].type).toBe('deleted');
        expect(events[0].detail).toMatchObject({ ruleSetId: teamSet.id, movedTo: defaultSet.id });
    });

    it('says so when the rule set to delete has no rules', async () => {
        const { el } = mount();
        el.ruleCount = 0;
        await click(el, 'delete-rule-set');
        expect(q(el, '[data-id="delete-question"]').textContent).toBe(
            '“Phone team” has no rules. Deleting it cannot be undone.'
        );
    });

    it('deletes the assignments with the rule set when the admin chooses so', async () => {
        jest.mocked(deleteRuleSet).mockResolvedValue({
            deletedRules: 3,
            movedAssignments: 0,
            removedAssignments: 2
        });
        const { el } = mount();
        await click(el, 'delete-rule-set');
        q(el, '[data-id="assignment-choice"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'remove' } })
        );
        await flushPromises();
        expect(q(el, '[data-id="move-to"]')).toBeNull();
        await click(el, 'confirm-delete');
        expect(deleteRuleSet).toHaveBeenCalledWith({ ruleSetId: teamSet.id, moveAssignmentsToId: null });
    });

    it('explains why the org default cannot be deleted, and what to do instead', async () => {
        const { el } = mount(defaultSet);
        await click(el, 'delete-rule-set');
        expect(q(el, '[data-id="default-undeletable"]').textContent).toContain(
            'Make another rule set the org default first'
        );
        expect(q(el, 'lightning-button[data-id="confirm-delete"]')).toBeNull();
    });

    it('says why a delete failed and keeps the question open', async () => {
        jest.mocked(deleteRuleSet).mockRejectedValue(buildApexError('Insufficient access.'));
        const { el } = mount();
        await click(el, 'delete-rule-set');
        await click(el, 'confirm-delete');
        expect(q(el, '[data-id="rule-set-error"]').textContent?.trim()).toBe(
            'The rule set was not deleted: Insufficient access.'
        );
        expect(q(el, '[data-id="delete-form"]')).not.toBeNull();
    });

    it('offers no changes in read-only mode', async () => {
        const { el } = mount();
        el.readOnly = true;
        await flushPromises();
        expect(q(el, 'lightning-button[data-id="new-rule-set"]')).toBeNull();
        expect(q(el, 'lightning-button[data-id="delete-rule-set"]')).toBeNull();
    });

    it('is accessible', async () => {
        const { el } = mount();
        await click(el, 'delete-rule-set');
        await expect(el).toBeAccessible();
    });
});
