import { createElement } from 'lwc';
import PresenceSyncAssignments from 'c/presenceSyncAssignments';
import searchAssignees from '@salesforce/apex/PresenceSyncRuleController.searchAssignees';
import saveRuleSet from '@salesforce/apex/PresenceSyncRuleController.saveRuleSet';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import type { RuleSet } from 'presence-sync/contracts';
import {
    buildApexError,
    buildAssigneeOptions,
    buildAssignment,
    buildRuleSets
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises, q } from '../../../../../test/domTestUtils';

jest.mock('@salesforce/apex/PresenceSyncRuleController.searchAssignees', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});

type AssignmentsElement = HTMLElement & {
    ruleSet: RuleSet;
    ruleSets: RuleSet[];
    readOnly: boolean;
    activeRuleCount: number;
};

const [defaultSet, teamSet] = buildRuleSets();

function mount(ruleSet: RuleSet = teamSet, readOnly = false, activeRuleCount = 4): AssignmentsElement {
    const el = createElement('c-presence-sync-assignments', {
        is: PresenceSyncAssignments
    }) as AssignmentsElement;
    el.activeRuleCount = activeRuleCount;
    el.ruleSets = buildRuleSets();
    el.ruleSet = ruleSet;
    el.readOnly = readOnly;
    document.body.appendChild(el);
    return el;
}

function rowTexts(el: Element): string[] {
    return [...(el.shadowRoot?.querySelectorAll('[data-id="assignments"] tbody tr') ?? [])].map((tr) =>
        [...tr.querySelectorAll('td')]
            .slice(0, 3)
            .map((td) => td.textContent?.trim())
            .join(' | ')
    );
}

beforeEach(() => {
    jest.mocked(searchAssignees).mockImplementation(async ({ type }) => buildAssigneeOptions(type));
    jest.mocked(saveRuleSet).mockImplementation(async ({ ruleSetJson }) => {
        const set = JSON.parse(ruleSetJson) as RuleSet;
        return { ...set, assignments: set.assignments.map((a, i) => ({ ...a, id: a.id ?? `new-${i}` })) };
    });
});

afterEach(() => {
    clearBody();
    jest.clearAllMocks();
});

describe('c-presence-sync-assignments', () => {
    it('shows the assignments most specific first, with the precedence spelled out', async () => {
        const el = mount();
        await flushPromises();
        expect(q(el, '[data-id="precedence"]').textContent).toBe(
            'When several rule sets cover an agent, the most specific assignment wins: User > Team (public group) > Permission set > Profile > org default.'
        );
        expect(rowTexts(el)).toEqual([
            'Blake Backup | User | Wins over every other assignment',
            'Phone Team | Team (public group) | Wins over permission sets, profiles and the org default'
        ]);
    });

    it('names a search result and its kind apart, not one inside the other', async () => {
        const el = mount();
        await flushPromises();
        q(el, 'lightning-button[data-id="search"]').click();
        await flushPromises();
        const first = el.shadowRoot?.querySelector('[data-id="results"] li');
        expect(first?.textContent).not.toMatch(/\(Team \(public group\)\)/);
        expect(first?.querySelector('.slds-badge')?.textContent).toBe('Team (public group)');
    });

    it('warns before assigning a rule set without active rules, and saves only when told to', async () => {
        const ask = jest
            .spyOn(PresenceSyncConfirm, 'ask')
            .mockResolvedValueOnce(false)
            .mockResolvedValueOnce(true);
        const el = mount(teamSet, false, 0);
        await flushPromises();
        expect(q(el, '[data-id="empty-warning"]').textContent).toContain(
            '“Phone team” has no active rules: the agents assigned to it get no rules at all'
        );
        q(el, 'lightning-button[data-id="search"]').click();
        await flushPromises();
        // Phone Team is assigned already; Chat Team is new.
        (el.shadowRoot?.querySelectorAll('[data-id="results"] lightning-button')[1] as HTMLElement).click();
        await flushPromises();
        q(el, 'lightning-button[data-id="save"]').click();
        await flushPromises();
        expect(ask).toHaveBeenCalledWith(
            expect.objectContaining({
                label: 'Assign “Phone team”? It has no active rules.',
                confirmLabel: 'Assign anyway'
            })
        );
        expect(saveRuleSet).not.toHaveBeenCalled();
        q(el, 'lightning-button[data-id="save"]').click();
        await flushPromises();
        expect(saveRuleSet).toHaveBeenCalledTimes(1);
    });

    it('says what the org default rule set means', async () => {
        const el = mount(defaultSet);
        await flushPromises();
        expect(q(el, '[data-id="default-note"]').textContent).toContain('applies to every agent');
        expect(q(el, '[data-id="no-assignments"]')).not.toBeNull();
        expect(q(el, 'lightning-button[data-id="search"]')).toBeNull();
    });

    it('adds a permission set and a profile found by search, and saves the rule set', async () => {
        const el = mount();
        const saved = jest.fn();
        el.addEventListener('saved', (e) => saved((e as CustomEvent).detail.ruleSet));
        await flushPromises();
        q(el, '[data-id="search-type"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'PermissionSet' } })
        );
        q(el, '[data-id="search-term"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: ' Agent ' } })
        );
        q(el, 'lightning-button[data-id="search"]').click();
        await flushPromises();
        expect(searchAssignees).toHaveBeenCalledWith({ type: 'PermissionSet', term: 'Agent' });
        (q(el, '[data-id="results"] lightning-button') as HTMLElement).click();
        await flushPromises();
        expect(rowTexts(el).map((row) => row.split(' | ')[0])).toEqual([
            'Blake Backup',
            'Phone Team',
            'Presence Sync Agent'
        ]);
        q(el, 'lightning-button[data-id="save"]').click();
        await flushPromises();
        const sent = JSON.parse(jest.mocked(saveRuleSet).mock.calls[0][0].ruleSetJson) as RuleSet;
        expect(sent.id).toBe(teamSet.id);
        expect(sent.assignments.map((a) => a.targetName)).toEqual([
            'Phone Team',
            'Blake Backup',
            'Presence Sync Agent'
        ]);
        expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: teamSet.id }));
    });

    it('removes an assignment', async () => {
        const el = mount();
        await flushPromises();
        (q(el, 'tr[data-target-id] lightning-button-icon') as HTMLElement).click();
        await flushPromises();
        expect(rowTexts(el).map((row) => row.split(' | ')[0])).toEqual(['Phone Team']);
        expect(q(el, 'lightning-button[data-id="save"]').disabled).toBe(false);
    });

    it('notes a target that another rule set already covers', async () => {
        const other = {
            ...teamSet,
            id: 'other',
            name: 'Chat team',
            assignments: [buildAssignment({ ruleSetId: 'other' })]
        };
        const el = mount(other);
        await flushPromises();
        expect(rowTexts(el)[0]).toContain('Also assigned to “Phone team”.');
    });

    it('explains a failed save', async () => {
        jest.mocked(saveRuleSet).mockRejectedValue(buildApexError('Group not found.'));
        const el = mount();
        await flushPromises();
        (q(el, 'tr[data-target-id] lightning-button-icon') as HTMLElement).click();
        await flushPromises();
        q(el, 'lightning-button[data-id="save"]').click();
        await flushPromises();
        expect(q(el, '[data-id="error"]').textContent).toBe(
            'The assignments were not saved: Group not found.'
        );
    });

    it('only shows the assignments in read-only mode', async () => {
        const el = mount(teamSet, true);
        await flushPromises();
        expect(rowTexts(el)).toHaveLength(2);
        expect(q(el, 'lightning-button[data-id="search"]')).toBeNull();
        expect(q(el, 'tr[data-target-id] lightning-button-icon')).toBeNull();
    });

    it('is accessible', async () => {
        const el = mount();
        await flushPromises();
        await expect(el).toBeAccessible();
    });
});
