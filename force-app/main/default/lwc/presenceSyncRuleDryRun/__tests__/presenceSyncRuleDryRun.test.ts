import { createElement } from 'lwc';
import PresenceSyncRuleDryRun from 'c/presenceSyncRuleDryRun';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildRule,
    buildSeedRules,
    buildServiceChannels,
    buildSettings,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises, q } from '../../../../../test/domTestUtils';
import { workAccepted, workloadAtLeast } from '../../../../../test/ruleShapes';

type DryRunElement = HTMLElement & {
    rules: PresenceSyncRule[];
    statuses: unknown;
    connectStates: string[];
    serviceChannels: unknown;
    settings: unknown;
};

const RULES: PresenceSyncRule[] = [
    ...buildSeedRules(),
    buildRule({
        id: 'busy',
        name: 'Connect Busy sets Omni-Channel Busy',
        order: 5,
        operandBValue: 'Busy',
        destinationValue: 'Busy'
    }),
    buildRule({
        id: 'chat',
        name: 'Chat work sets Connect Working - Media',
        order: 6,
        ...workAccepted('sfdc_chat', 'Working - Media')
    })
];

function mount(settings: unknown = buildSettings()): DryRunElement {
    const el = createElement('c-presence-sync-rule-dry-run', { is: PresenceSyncRuleDryRun }) as DryRunElement;
    el.rules = RULES;
    el.settings = settings;
    el.statuses = buildStatuses();
    el.connectStates = [...SEED_CONNECT_STATES];
    el.serviceChannels = buildServiceChannels();
    document.body.appendChild(el);
    return el;
}

function all(el: Element, selector: string): Element[] {
    return [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
}

async function click(el: Element, id: string): Promise<void> {
    q(el, `lightning-button[data-id="${id}"]`).click();
    await flushPromises();
    await flushPromises();
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-rule-dry-run', () => {
    it('runs the example sequence and shows each step with the rule that fired and both sides after', async () => {
        const el = mount();
        await flushPromises();
        await click(el, 'example');
        expect(all(el, '[data-id="events"] li').map((li) => li.textContent?.trim())).toEqual([
            '1. Connect: the agent becomes Busy',
            '2. Connect: the agent becomes AfterCallWork',
            '3. Connect: the agent becomes Available',
            '4. Omni-Channel: the agent accepts sfdc_chat work'
        ]);
        await click(el, 'run');
        const rows = all(el, 'tr[data-step]');
        expect(rows).toHaveLength(4);
        const cells = rows.map((row) => [
            row.querySelector('[data-id="fired"]')?.textContent,
            row.querySelector('[data-id="connect"]')?.textContent,
            row.querySelector('[data-id="omni"]')?.textContent
        ]);
        expect(cells).toEqual([
            ['Connect Busy sets Omni-Channel Busy', 'Busy', 'Busy'],
            ['No rule changed anything', 'AfterCallWork', 'Busy'],
            ['Connect Available sets Omni-Channel Available', 'Available', 'Available'],
            ['Chat work sets Connect Working - Media', 'Working - Media', 'Available']
        ]);
        expect(q(el, '[data-id="status"]').textContent).toBe(
            'Dry run finished: Connect ends Working - Media, Omni-Channel ends Available.'
        );
    });

    it('builds a sequence from entered events', async () => {
        const el = mount();
        await flushPromises();
        q(el, 'lightning-combobox[data-id="kind"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'omni-status' } })
        );
        await flushPromises();
        await click(el, 'add');
        expect(q(el, '[data-id="input-error"]').textContent).toBe('Choose the Omni-Channel status.');
        const valueField = all(el, 'c-presence-sync-rule-value-field').find(
            (f) => (f as unknown as { name: string }).name === 'value'
        ) as Element;
        valueField.dispatchEvent(
            new CustomEvent('valuechange', { detail: { name: 'value', value: 'Working_Media' } })
        );
        await flushPromises();
        await click(el, 'add');
        expect(q(el, '[data-id="input-error"]')).toBeNull();
        await click(el, 'run');
        const [row] = all(el, 'tr[data-step]');
        expect(row.querySelector('[data-id="fired"]')?.textContent).toBe(
            'Omni-Channel Working – Media sets Connect Working - Media'
        );
        expect(row.querySelector('[data-id="connect"]')?.textContent).toBe('Working - Media');
    });

    it('takes workload changes and logouts, refuses bad numbers, and removes events', async () => {
        const el = mount();
        el.rules = [
            buildRule({
                id: 'full',
                name: 'Full workload sets Connect Offline',
                ...workloadAtLeast('SalesforceNewWorkloadPct', '100', 'Offline')
            })
        ];
        await flushPromises();
        const kind = q(el, 'lightning-combobox[data-id="kind"]');
        kind.dispatchEvent(new CustomEvent('change', { detail: { value: 'omni-workload' } }));
        await flushPromises();
        const number = (field: string, value: string) =>
            q(el, `lightning-input[data-field="${field}"]`).dispatchEvent(
                new CustomEvent('change', { detail: { value } })
            );
        number('newWorkload', 'lots');
        await click(el, 'add');
        expect(q(el, '[data-id="input-error"]').textContent).toContain('as numbers');
        number('newWorkload', '4');
        number('configuredCapacity', '4');
        await click(el, 'add');
        kind.dispatchEvent(new CustomEvent('change', { detail: { value: 'omni-logout' } }));
        await flushPromises();
        await click(el, 'add');
        kind.dispatchEvent(new CustomEvent('change', { detail: { value: 'omni-logout' } }));
        await flushPromises();
        await click(el, 'add');
        expect(all(el, '[data-id="events"] li')).toHaveLength(3);
        (all(el, '[data-id="events"] lightning-button-icon')[2] as HTMLElement).click();
        await flushPromises();
        expect(all(el, '[data-id="events"] li').map((li) => li.textContent?.trim())).toEqual([
            '1. Omni-Channel: workload 0 → 4 of 4',
            '2. Omni-Channel: the agent logs out'
        ]);
        await click(el, 'run');
        const rows = all(el, 'tr[data-step]');
        expect(rows[0].querySelector('[data-id="fired"]')?.textContent).toBe(
            'Full workload sets Connect Offline'
        );
        expect(rows[0].querySelector('[data-id="connect"]')?.textContent).toBe('Offline');
        expect(rows[1].querySelector('[data-id="omni"]')?.textContent).toBe('Offline');
        await click(el, 'clear');
        expect(all(el, 'tr[data-step]')).toHaveLength(0);
    });

    it('plays interruptible workload: a rule on its percentage fires, and only when Omni-Channel sends it', async () => {
        const el = mount();
        el.rules = [
            buildRule({
                id: 'interruptible-full',
                name: 'Full interruptible workload sets Connect Working - Media',
                ...workloadAtLeast('SalesforceNewInterruptibleWorkloadPct', '100', 'Working - Media')
            })
        ];
        await flushPromises();
        q(el, 'lightning-combobox[data-id="kind"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'omni-workload' } })
        );
        await flushPromises();
        const number = (field: string, value: string) =>
            q(el, `lightning-input[data-field="${field}"]`).dispatchEvent(
                new CustomEvent('change', { detail: { value } })
            );
        // No interruptible numbers: an org that routes no interruptible work.
        await click(el, 'add');
        number('newInterruptibleWorkload', '4');
        await click(el, 'add');
        expect(q(el, '[data-id="input-error"]').textContent).toContain('all three interruptible numbers');
        number('previousInterruptibleWorkload', '2');
        number('configuredInterruptibleCapacity', '0');
        await click(el, 'add');
        number('configuredInterruptibleCapacity', '4');
        await click(el, 'add');
        expect(all(el, '[data-id="events"] li').map((li) => li.textContent?.trim())).toEqual([
            '1. Omni-Channel: workload 0 → 1 of 100',
            '2. Omni-Channel: workload 0 → 1 of 100, interruptible 2 → 4 of 0',
            '3. Omni-Channel: workload 0 → 1 of 100, interruptible 2 → 4 of 4'
        ]);
        await click(el, 'run');
        const rows = all(el, 'tr[data-step]');
        expect(rows.map((row) => row.querySelector('[data-id="fired"]')?.textContent)).toEqual([
            'No rule changed anything',
            'No rule changed anything',
            'Full interruptible workload sets Connect Working - Media'
        ]);
        expect(rows[2].querySelector('[data-id="connect"]')?.textContent).toBe('Working - Media');
    });

    it('uses the org’s on-contact policy: with skip, a Connect change during a call is dropped, not queued', async () => {
        const el = mount(buildSettings({ onContact: 'skip', flapMaxChanges: 8, flapWindowSeconds: 10 }));
        await flushPromises();
        expect(q(el, '[data-id="settings"]').textContent?.trim()).toBe(
            "Using your org's settings: on a contact, skip Connect changes; pause sync after more than 8 automated changes in 10 s."
        );
        const field = (name: string) =>
            all(el, 'c-presence-sync-rule-value-field').find(
                (f) => (f as unknown as { name: string }).name === name
            ) as Element;
        field('startOmni').dispatchEvent(new CustomEvent('valuechange', { detail: { value: 'Lunch' } }));
        field('value').dispatchEvent(new CustomEvent('valuechange', { detail: { value: 'Busy' } }));
        await click(el, 'add');
        const kind = q(el, 'lightning-combobox[data-id="kind"]');
        kind.dispatchEvent(new CustomEvent('change', { detail: { value: 'omni-status' } }));
        await flushPromises();
        field('value').dispatchEvent(new CustomEvent('valuechange', { detail: { value: 'Available' } }));
        await click(el, 'add');
        await click(el, 'run');
        const call = all(el, 'tr[data-step]')[1];
        expect(call.querySelector('[data-id="connect"]')?.textContent).toBe('Busy');
        expect(call.textContent).toContain('skipped');
        expect(call.textContent).toContain('the on-contact setting is skip');
    });

    it('says when it cannot use the org’s settings', async () => {
        const el = mount(null);
        await flushPromises();
        expect(q(el, '[data-id="settings"]').textContent).toContain("uses Presence Sync's defaults");
    });

    it('cannot run without events', async () => {
        const el = mount();
        await flushPromises();
        expect(q(el, 'lightning-button[data-id="run"]').disabled).toBe(true);
    });

    it('is accessible with results shown', async () => {
        const el = mount();
        await flushPromises();
        await click(el, 'example');
        await click(el, 'run');
        await expect(el).toBeAccessible();
    });
});
