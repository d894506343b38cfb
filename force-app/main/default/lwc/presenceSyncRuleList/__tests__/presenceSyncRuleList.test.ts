import { createElement } from 'lwc';
import PresenceSyncRuleList from 'c/presenceSyncRuleList';
import { findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRule, buildSeedRules, buildStatuses } from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from '../../../../../test/domTestUtils';

type ListElement = HTMLElement & {
    rules: PresenceSyncRule[];
    statuses: unknown;
    findings: unknown;
    readOnly: boolean;
};

function mount(rules: PresenceSyncRule[] = buildSeedRules(), readOnly = false): ListElement {
    const el = createElement('c-presence-sync-rule-list', { is: PresenceSyncRuleList }) as ListElement;
    el.rules = rules;
    el.statuses = buildStatuses();
    el.findings = findRuleProblems(rules);
    el.readOnly = readOnly;
    document.body.appendChild(el);
    return el;
}

function all(el: Element, selector: string): (HTMLElement & Record<string, unknown>)[] {
    return [...(el.shadowRoot?.querySelectorAll(selector) ?? [])] as (HTMLElement &
        Record<string, unknown>)[];
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-rule-list', () => {
    it('lists each rule in order, in words, with status labels', async () => {
        const el = mount();
        await flushPromises();
        expect(all(el, '[data-id="sentence"]').map((p) => p.textContent)).toEqual([
            "When the Connect agent's new state equals Available, set the Omni-Channel status to Available.",
            "When the agent's new Omni-Channel status equals Available, set the Connect agent state to Available.",
            "When the Connect agent's new state equals Working - Phone, set the Omni-Channel status to Working – Phone.",
            "When the agent's new Omni-Channel status equals Working – Media, set the Connect agent state to Working - Media."
        ]);
    });

    it('fires an event for each action with the rule id', async () => {
        const el = mount();
        const seen: [string, unknown][] = [];
        for (const name of ['toggleactive', 'move', 'edit', 'clone', 'delete']) {
            el.addEventListener(name, (e) => seen.push([name, (e as CustomEvent).detail]));
        }
        await flushPromises();
        const [, second] = buildSeedRules();
        all(el, `lightning-input[data-rule-id="${second.id}"]`)[0].dispatchEvent(
            new CustomEvent('change', { detail: { checked: false } })
        );
        for (const action of ['up', 'down', 'edit', 'clone', 'delete']) {
            all(el, `lightning-button-icon[data-rule-id="${second.id}"][data-action="${action}"]`)[0].click();
        }
        expect(seen).toEqual([
            ['toggleactive', { ruleId: second.id, active: false }],
            ['move', { ruleId: second.id, offset: -1 }],
            ['move', { ruleId: second.id, offset: 1 }],
            ['edit', { ruleId: second.id }],
            ['clone', { ruleId: second.id }],
            ['delete', { ruleId: second.id }]
        ]);
    });

    it('cannot move the first rule up or the last one down', async () => {
        const el = mount();
        await flushPromises();
        const ups = all(el, 'lightning-button-icon[data-action="up"]');
        const downs = all(el, 'lightning-button-icon[data-action="down"]');
        expect(ups.map((b) => b.disabled)).toEqual([true, false, false, false]);
        expect(downs.map((b) => b.disabled)).toEqual([false, false, false, true]);
    });

    it('shows the analysis warning on the rule it concerns', async () => {
        const rules = [...buildSeedRules(), buildRule({ id: 'dup', name: 'Duplicate', order: 9 })];
        const el = mount(rules);
        await flushPromises();
        const warned = all(el, 'li[data-rule-id]').filter((li) => li.querySelector('[data-id="warnings"]'));
        expect(warned.map((li) => li.dataset.ruleId)).toEqual(['dup']);
        expect(warned[0].textContent).toContain('never takes effect');
    });

    it('disables every action in read-only mode', async () => {
        const el = mount(buildSeedRules(), true);
        await flushPromises();
        const controls = [...all(el, 'lightning-button-icon'), ...all(el, 'lightning-input')];
        expect(controls.length).toBe(24);
        expect(controls.every((c) => c.disabled === true)).toBe(true);
    });

    it('says when there are no rules', async () => {
        const el = mount([]);
        await flushPromises();
        expect(all(el, '[data-id="empty"]')).toHaveLength(1);
    });

    it('is accessible', async () => {
        const el = mount();
        await flushPromises();
        await expect(el).toBeAccessible();
    });

    it('draws a long rule set a page at a time, says how many it shows, and finds rules by their words', async () => {
        const rules = Array.from({ length: 60 }, (_, i) =>
            buildRule({
                id: `r${i}`,
                name: `Rule ${i + 1}`,
                order: i + 1,
                operandBValue: i === 41 ? 'Training' : 'Lunch'
            })
        );
        const el = mount(rules);
        await flushPromises();
        expect(all(el, 'li[data-rule-id]')).toHaveLength(25);
        expect(all(el, '[data-id="shown"]')[0].textContent?.trim()).toBe(
            'Showing 25 of 60 rules, in the order they are evaluated.'
        );
        const more = all(el, 'lightning-button[data-id="show-more"]')[0];
        expect(more.label).toBe('Show 25 more (35 not shown yet)');
        more.click();
        await flushPromises();
        expect(all(el, 'li[data-rule-id]')).toHaveLength(50);

        all(el, 'lightning-input[data-id="filter"]')[0].dispatchEvent(
            new CustomEvent('change', { detail: { value: 'training' } })
        );
        await flushPromises();
        expect(all(el, '[data-id="name"]').map((n) => n.textContent)).toEqual(['Rule 42']);
        expect(all(el, '[data-id="shown"]')[0].textContent?.trim()).toBe('1 of 60 rules match; showing 1.');
        expect(all(el, 'li[data-rule-id] span')[0].textContent).toBe('42.');
    });
});
