import { createElement } from 'lwc';
import PresenceSyncMappingTable from 'c/presenceSyncMappingTable';
import { expandMappings, SEED_EXAMPLE_MAPPINGS } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildStatuses,
    DEFAULT_RULE_SET_ID,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, eventDetails, flushPromises, q } from '../../../../../test/domTestUtils';

type TableElement = HTMLElement & {
    rules: PresenceSyncRule[];
    ruleSetId: string;
    statuses: unknown;
    connectStates: string[];
    orgFacts: unknown;
    readOnly: boolean;
    showRejections(rejected: unknown[]): void;
};

interface Batch {
    rules: PresenceSyncRule[];
    deleteIds: string[];
    label: string;
}

function mount(rules: PresenceSyncRule[] = []): { el: TableElement; batches: Batch[] } {
    const el = createElement('c-presence-sync-mapping-table', {
        is: PresenceSyncMappingTable
    }) as TableElement;
    el.rules = rules;
    el.ruleSetId = DEFAULT_RULE_SET_ID;
    el.statuses = buildStatuses();
    el.connectStates = [...SEED_CONNECT_STATES];
    const batches = eventDetails<Batch>(el, 'savebatch');
    document.body.appendChild(el);
    return { el, batches };
}

function rows(el: Element): Element[] {
    return [...(el.shadowRoot?.querySelectorAll('tr[data-row-id]') ?? [])];
}

function cellValue(row: Element, name: string): unknown {
    const field = [...row.querySelectorAll('c-presence-sync-rule-value-field')].find(
        (f) => (f as unknown as { name: string }).name === name
    ) as unknown as { value: unknown };
    return field.value;
}

function setCell(row: Element, name: string, value: string): void {
    const field = [...row.querySelectorAll('c-presence-sync-rule-value-field')].find(
        (f) => (f as unknown as { name: string }).name === name
    ) as Element;
    field.dispatchEvent(new CustomEvent('valuechange', { detail: { name, value } }));
}

async function click(el: Element, id: string): Promise<void> {
    q(el, `lightning-button[data-id="${id}"]`).click();
    await flushPromises();
}

/** Rules as the server returns them after saving: record ids instead of the generated ones. */
function asSaved(rules: PresenceSyncRule[]): PresenceSyncRule[] {
    return rules.map((r, i) => ({ ...r, id: `a0CHs00000000${String(i).padStart(2, '0')}AAA` }));
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-mapping-table', () => {
    it("turns the seed's four-row table into four rows and four valid rules", async () => {
        const { el, batches } = mount();
        await flushPromises();
        expect(q(el, '[data-id="no-rows"]')).not.toBeNull();
        await click(el, 'use-example');
        expect(rows(el)).toHaveLength(4);
        expect(rows(el).map((r) => cellValue(r, 'connectState'))).toEqual([
            'Available',
            'Available',
            'Working - Phone',
            'Working - Media'
        ]);
        expect(q(el, '[data-id="rule-count"]').textContent).toBe('4 rows make 4 rules.');

        await click(el, 'save-table');
        expect(batches).toHaveLength(1);
        const [batch] = batches;
        expect(batch.label).toBe('Save the mapping table');
        expect(batch.deleteIds).toEqual([]);
        expect(batch.rules.map((r) => [r.source, r.operandBValue, r.destinationValue])).toEqual([
            ['ConnectStateChange', 'Available', 'Available'],
            ['SalesforceStateChange', 'Available', 'Available'],
            ['ConnectStateChange', 'Working - Phone', 'Working_Phone'],
            ['SalesforceStateChange', 'Working_Media', 'Working - Media']
        ]);
        expect(new Set(batch.rules.map((r) => r.mappingId)).size).toBe(4);
        expect(batch.rules.every((r) => r.ruleSetId === DEFAULT_RULE_SET_ID)).toBe(true);
    });

    it('rebuilds the rows from saved rules and keeps their record ids when saved again', async () => {
        const saved = asSaved(
            expandMappings([
                { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' },
                { id: 'avail', connectState: 'Available', salesforceStatus: 'Available', type: 'Publisher' }
            ])
        );
        const { el, batches } = mount(saved);
        await flushPromises();
        expect(rows(el)).toHaveLength(2);
        expect(
            (q(el, 'tr[data-row-id="lunch"] lightning-combobox') as unknown as { value: string }).value
        ).toBe('BiDirectional');

        // Lunch becomes publisher only: its subscriber rule goes, its publisher rule keeps its id.
        q(el, 'tr[data-row-id="lunch"] lightning-combobox').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Publisher' } })
        );
        await flushPromises();
        await click(el, 'save-table');
        const [batch] = batches;
        const lunchSubscriber = saved.find(
            (r) => r.mappingId === 'lunch' && r.source === 'SalesforceStateChange'
        );
        expect(batch.deleteIds).toEqual([lunchSubscriber?.id]);
        expect(batch.rules.map((r) => r.id)).toEqual([saved[0].id, saved[2].id]);
    });

    it('deletes the rules of a removed row', async () => {
        const saved = asSaved(
            expandMappings([
                { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' }
            ])
        );
        const { el, batches } = mount(saved);
        await flushPromises();
        q(el, 'tr[data-row-id="lunch"] lightning-button-icon').click();
        await flushPromises();
        await click(el, 'save-table');
        expect(batches[0]).toMatchObject({
            rules: [],
            deleteIds: saved.map((r) => r.id),
            label: 'Save the mapping table',
            confirmLabel: 'Save table anyway'
        });
    });

    it('lets a table rule turned into a workload rule leave the table instead of deleting it', async () => {
        const saved = asSaved(
            expandMappings([
                {
                    id: 'media',
                    connectState: 'Working - Media',
                    salesforceStatus: 'Working_Media',
                    type: 'BiDirectional'
                }
            ])
        );
        // The subscriber rule was rewritten in the rule editor into an interruptible workload rule.
        const subscriber = saved.findIndex((r) => r.source === 'SalesforceStateChange');
        saved[subscriber] = {
            ...saved[subscriber],
            source: 'SalesforceWorkloadChanged',
            operandA: 'SalesforceNewInterruptibleWorkloadPct',
            comparator: 'GreaterThanOrEqual',
            operandBValue: '100'
        };
        const { el, batches } = mount(saved);
        await flushPromises();
        const [row] = rows(el);
        expect(rows(el)).toHaveLength(1);
        expect(
            (q(el, 'tr[data-row-id="media"] lightning-combobox') as unknown as { value: string }).value
        ).toBe('Publisher');
        setCell(row, 'salesforceStatus', 'Working_Phone');
        await flushPromises();
        await click(el, 'save-table');
        expect(batches[0].deleteIds).toEqual([]);
        expect(batches[0].rules.map((r) => r.id)).toEqual([
            saved.find((r) => r.source === 'ConnectStateChange')?.id
        ]);
    });

    it('refuses rows the engine would refuse, on the row, and sends nothing', async () => {
        const { el, batches } = mount();
        await flushPromises();
        await click(el, 'add-row');
        const [row] = rows(el);
        setCell(row, 'connectState', 'AfterCallWork');
        setCell(row, 'salesforceStatus', 'Busy');
        await flushPromises();
        await click(el, 'save-table');
        expect(batches).toEqual([]);
        const error = el.shadowRoot?.querySelector('[data-error-row]')?.textContent ?? '';
        expect(error).toContain('AfterCallWork');
        expect(error).toContain('system state');
    });

    it('shows the server’s rejections on the rows they belong to', async () => {
        const { el, batches } = mount();
        await flushPromises();
        await click(el, 'use-example');
        await click(el, 'save-table');
        const rejectedId = batches[0].rules[2].id;
        el.showRejections([
            {
                id: rejectedId,
                position: 3,
                name: batches[0].rules[2].name,
                issues: [{ field: 'destinationValue', message: 'No such status.' }]
            }
        ]);
        await flushPromises();
        const errors = [...(el.shadowRoot?.querySelectorAll('[data-error-row]') ?? [])];
        expect(errors).toHaveLength(1);
        expect(errors[0].textContent?.trim()).toBe('No such status.');
        expect(errors[0].getAttribute('data-error-row')).toBe(batches[0].rules[2].mappingId);
    });

    it('says a refusal once, though a Bi-directional row makes two rules, and wraps it inside the table', async () => {
        const { el, batches } = mount();
        await flushPromises();
        await click(el, 'add-row');
        const [row] = rows(el);
        setCell(row, 'connectState', 'Break');
        setCell(row, 'salesforceStatus', 'Lunch');
        await flushPromises();
        await click(el, 'save-table');
        const message = 'There is no such thing. A long explanation follows. '.repeat(8);
        el.showRejections(
            batches[0].rules.map((r, i) => ({
                id: r.id,
                position: i + 1,
                name: r.name,
                issues: [{ field: 'destinationValue', message }]
            }))
        );
        await flushPromises();
        const error = q(el, '[data-error-row]');
        expect(error.textContent?.trim()).toBe(message.trim());
        expect(error.classList.contains('slds-cell-wrap')).toBe(true);
        expect(q(el, 'table').classList.contains('mapping-grid')).toBe(true);
    });

    it('refuses a Connect state the admin did not list, and two rows that sync the same way, before sending', async () => {
        const { el, batches } = mount();
        el.orgFacts = {
            statusNames: buildStatuses().map((s) => s.developerName),
            connectStates: [...SEED_CONNECT_STATES]
        };
        await flushPromises();
        await click(el, 'add-row');
        await click(el, 'add-row');
        const [first, second] = rows(el);
        for (const row of [first, second]) {
            setCell(row, 'connectState', 'Break');
            setCell(row, 'salesforceStatus', 'Lunch');
        }
        await flushPromises();
        await click(el, 'save-table');
        expect(batches).toEqual([]);
        const errors = [...(el.shadowRoot?.querySelectorAll('[data-error-row]') ?? [])].map((e) =>
            e.textContent?.trim()
        );
        expect(errors[0]).toBe(
            '"Break" is not among the Amazon Connect states listed in Presence Sync Settings. Add it there, or choose one of: Available, Offline, Lunch, Working - Phone, Working - Media.'
        );
        expect(errors[1]).toMatch(
            /^Row 2 syncs the same states the same way as row 1\. Remove one of them\./
        );
    });

    it('notes a row whose rule was edited outside the table', async () => {
        const saved = asSaved(
            expandMappings([
                { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'Publisher' }
            ])
        );
        saved[0] = { ...saved[0], comparator: 'NotEqual' };
        const { el } = mount(saved);
        await flushPromises();
        expect(q(el, '[data-note-row="lunch"]').textContent).toContain('changed in the rule editor');
    });

    it('offers no editing in read-only mode', async () => {
        const { el } = mount(asSaved(expandMappings(SEED_EXAMPLE_MAPPINGS)));
        el.readOnly = true;
        await flushPromises();
        expect(q(el, 'lightning-button[data-id="add-row"]').disabled).toBe(true);
        expect(q(el, 'lightning-button[data-id="save-table"]').disabled).toBe(true);
    });

    it('is accessible', async () => {
        const { el } = mount(asSaved(expandMappings(SEED_EXAMPLE_MAPPINGS)));
        await flushPromises();
        await expect(el).toBeAccessible();
    });
});
