import { createElement } from 'lwc';
import PresenceSyncRuleCoverage from 'c/presenceSyncRuleCoverage';
import { findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildRule,
    buildSeedRules,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from '../../../../../test/domTestUtils';
import { workloadAtLeast } from '../../../../../test/ruleShapes';

type CoverageElement = HTMLElement & {
    rules: PresenceSyncRule[];
    statuses: unknown;
    connectStates: string[];
    findings: unknown;
};

function mount(rules: PresenceSyncRule[]): CoverageElement {
    const el = createElement('c-presence-sync-rule-coverage', {
        is: PresenceSyncRuleCoverage
    }) as CoverageElement;
    el.rules = rules;
    el.statuses = buildStatuses();
    el.connectStates = [...SEED_CONNECT_STATES];
    el.findings = findRuleProblems(rules);
    document.body.appendChild(el);
    return el;
}

function text(el: Element, selector: string): string {
    return el.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-rule-coverage', () => {
    it("draws the seed's coverage: directions per pair and what is not synced", async () => {
        const el = mount(buildSeedRules());
        await flushPromises();
        const headers = [...(el.shadowRoot?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
        expect(headers).toContain('Working – Phone (Working_Phone)');
        const cells = [...(el.shadowRoot?.querySelectorAll('td[data-direction]') ?? [])];
        const mapped = cells
            .filter((td) => td.getAttribute('data-direction') !== 'none')
            .map((td) => td.querySelector('.slds-assistive-text')?.textContent);
        expect(mapped).toEqual([
            'Available and Available: both ways (bi-directional)',
            'Working - Phone and Working_Phone: Connect sets Omni-Channel (publisher)',
            'Working - Media and Working_Media: Omni-Channel sets Connect (subscriber)'
        ]);
        expect(text(el, '[data-id="unmapped-connect"]')).toBe('Offline, Lunch, Working - Media');
        expect(text(el, '[data-id="unmapped-omni"]')).toBe('Busy, Lunch, Working_Phone');
        expect(text(el, '[data-id="no-findings"]')).toContain('No conflicts');
    });

    it('lists the work and workload rules the matrix cannot show, interruptible workload included', async () => {
        const workload = buildRule({
            id: 'chat-full',
            name: 'Interruptible work full',
            order: 5,
            ...workloadAtLeast('SalesforceNewInterruptibleWorkloadPct', '100', 'Working - Media')
        });
        const el = mount([...buildSeedRules(), workload, { ...workload, id: 'off', active: false }]);
        await flushPromises();
        const items = [...(el.shadowRoot?.querySelectorAll('[data-id="work-rules"] li') ?? [])].map((li) =>
            li.textContent?.trim()
        );
        expect(items).toEqual([
            'When the Omni-Channel workload changes and the new interruptible workload as a percentage of interruptible capacity is at least 100%, set the Connect agent state to Working - Media.'
        ]);
        el.rules = buildSeedRules();
        await flushPromises();
        expect(el.shadowRoot?.querySelector('[data-id="work-rules"]')).toBeNull();
    });

    it('lists the analysis warnings grouped by kind and counted', async () => {
        const el = mount([
            ...buildSeedRules(),
            buildRule({
                id: 'twin',
                name: 'Connect Available sets Omni-Channel Busy',
                order: 9,
                destinationValue: 'Busy'
            })
        ]);
        await flushPromises();
        expect(text(el, '[data-id="findings-summary"]')).toBe('1 warning (Conflict 1)');
        expect(text(el, '[data-kind="conflict"] h3')).toBe('Conflict (1)');
        expect(text(el, '[data-kind="conflict"] [data-id="findings"]')).toContain('react to the same events');
    });

    it('shows 20 findings of a kind and the rest on request', async () => {
        const rules = Array.from({ length: 30 }, (_, i) =>
            buildRule({ id: `r${i}`, name: `Available again ${i}`, order: 100 + i })
        );
        const el = mount([...buildSeedRules(), ...rules]);
        await flushPromises();
        const big = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('section[data-kind]') ?? [])].find(
            (section) => section.querySelector('lightning-button')
        ) as HTMLElement;
        const kind = big.dataset.kind;
        const listed = () => el.shadowRoot?.querySelectorAll(`[data-kind="${kind}"] li`).length;
        expect(listed()).toBe(20);
        const count = Number(/\((\d+)\)/.exec(big.querySelector('h3')?.textContent ?? '')?.[1]);
        expect(count).toBeGreaterThan(20);
        (big.querySelector('lightning-button') as HTMLElement).click();
        await flushPromises();
        expect(listed()).toBe(count);
    });

    it('is accessible', async () => {
        const el = mount(buildSeedRules());
        await flushPromises();
        await expect(el).toBeAccessible();
    });
});
