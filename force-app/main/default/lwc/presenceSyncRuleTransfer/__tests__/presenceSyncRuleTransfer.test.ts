import { createElement } from 'lwc';
import PresenceSyncRuleTransfer from 'c/presenceSyncRuleTransfer';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { parseRuleFile, serializeRuleFile } from '../ruleFile';
import { buildRule, buildRuleSet, buildSeedRules } from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from '../../../../../test/domTestUtils';

type TransferElement = HTMLElement & {
    rules: PresenceSyncRule[];
    ruleSet: unknown;
    readOnly: boolean;
    showRejections(rejected: unknown[]): void;
};

interface Batch {
    rules: PresenceSyncRule[];
    deleteIds: string[];
    label: string;
}

function mount(): { el: TransferElement; batches: Batch[] } {
    const el = createElement('c-presence-sync-rule-transfer', {
        is: PresenceSyncRuleTransfer
    }) as TransferElement;
    el.rules = buildSeedRules();
    el.ruleSet = buildRuleSet();
    const batches: Batch[] = [];
    el.addEventListener('savebatch', (e) => batches.push((e as CustomEvent<Batch>).detail));
    document.body.appendChild(el);
    return { el, batches };
}

function q(el: Element, selector: string): HTMLElement & Record<string, unknown> {
    return el.shadowRoot?.querySelector(selector) as HTMLElement & Record<string, unknown>;
}

async function chooseFile(el: Element, name: string, text: string): Promise<void> {
    const file = new File([text], name, { type: 'application/json' });
    // jsdom's File lacks text() in some versions; the component only needs that.
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
    q(el, 'lightning-input[data-id="file"]').dispatchEvent(
        new CustomEvent('change', { detail: { files: [file] } })
    );
    await flushPromises();
    await flushPromises();
}

const NOW = new Date('2026-11-21T12:00:00Z');

afterEach(() => {
    clearBody();
});

describe('rule files', () => {
    it('round-trips an export', () => {
        const text = serializeRuleFile('Default', buildSeedRules(), NOW);
        const parsed = parseRuleFile(text);
        expect(parsed.fileError).toBeNull();
        expect(parsed.rejected).toEqual([]);
        expect(parsed.accepted).toEqual(buildSeedRules().map(({ ruleSetId: _ruleSetId, ...rule }) => rule));
        expect(JSON.parse(text)).toMatchObject({
            format: 'presence-sync-rules',
            version: 1,
            exportedAt: NOW.toISOString()
        });
    });

    it('stamps version 2 only when a rule uses interruptible workload, and reads both versions', () => {
        const interruptible = buildRule({
            id: 'chat-full',
            name: 'Interruptible work full',
            order: 50,
            source: 'SalesforceWorkloadChanged',
            operandA: 'StaticValue',
            operandAValue: '100',
            comparator: 'LessThanOrEqual',
            operandB: 'SalesforceNewInterruptibleWorkloadPct',
            destination: 'ConnectAgentState',
            destinationValue: 'Working - Media'
        });
        const withIt = serializeRuleFile('Default', [...buildSeedRules(), interruptible], NOW);
        expect(JSON.parse(withIt).version).toBe(2);
        const parsed = parseRuleFile(withIt);
        expect(parsed.fileError).toBeNull();
        expect(parsed.accepted.map((r) => r.id)).toContain('chat-full');
        // A version 1 file, as every earlier package wrote it, reads as before.
        const older = JSON.stringify({
            format: 'presence-sync-rules',
            version: 1,
            ruleSetName: 'Default',
            exportedAt: NOW.toISOString(),
            rules: buildSeedRules()
        });
        expect(parseRuleFile(older).accepted).toHaveLength(4);
        expect(parseRuleFile(JSON.stringify({ ...JSON.parse(withIt), version: 3 })).fileError).toContain(
            'format version 3'
        );
    });

    it('accepts a bare array of rules', () => {
        expect(parseRuleFile(JSON.stringify(buildSeedRules())).accepted).toHaveLength(4);
    });

    it.each([
        ['not JSON', '{rules: [', 'The file is not valid JSON'],
        ['another format', JSON.stringify({ format: 'flow', rules: [] }), 'not a Presence Sync rules export'],
        [
            'a newer version',
            JSON.stringify({ format: 'presence-sync-rules', version: 9, rules: [] }),
            'newer Presence Sync'
        ],
        ['no rules', JSON.stringify({ hello: 1 }), 'holds no rules'],
        ['rules that are not a list', JSON.stringify({ rules: 'x' }), 'is not a list'],
        ['an empty list', '[]', 'holds no rules']
    ])('refuses %s as a whole', (_what, text, words) => {
        const parsed = parseRuleFile(text);
        expect(parsed.fileError).toContain(words);
        expect(parsed.accepted).toEqual([]);
    });

    it('rejects each bad rule with the engine’s reasons and keeps the good ones', () => {
        const [good] = buildSeedRules();
        const parsed = parseRuleFile(
            JSON.stringify([
                good,
                {
                    ...good,
                    name: 'To Busy',
                    source: 'SalesforceStateChange',
                    operandA: 'SalesforceNewState',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Busy'
                },
                42,
                { ...good, name: 'Twin' }
            ])
        );
        expect(parsed.accepted.map((r) => r.name)).toEqual([good.name]);
        expect(parsed.rejected.map((r) => [r.position, r.name])).toEqual([
            [2, 'To Busy'],
            [3, '(no name)'],
            [4, 'Twin']
        ]);
        expect(parsed.rejected[0].reasons.join(' ')).toContain('system state');
        expect(parsed.rejected[1].reasons).toEqual(['It is not a rule (an object with the rule fields).']);
        expect(parsed.rejected[2].reasons.join(' ')).toContain('appears earlier in the file');
    });
});

describe('c-presence-sync-rule-transfer', () => {
    it('offers the rule set as a JSON download', async () => {
        const { el } = mount();
        await flushPromises();
        const link = q(el, 'a[data-id="export"]');
        expect(link.getAttribute('download')).toBe('presence-sync-Default-presence-sync-rules.json');
        const json = decodeURIComponent(
            (link.getAttribute('href') ?? '').replace('data:application/json;charset=utf-8,', '')
        );
        expect(parseRuleFile(json).accepted).toHaveLength(4);
        expect(link.textContent).toBe('Export 4 rules as JSON');
    });

    it('imports a good file as new rules after the existing ones', async () => {
        const { el, batches } = mount();
        await chooseFile(
            el,
            'team.json',
            serializeRuleFile('Team', [buildRule({ name: 'Lunch', order: 3 })], NOW)
        );
        expect(q(el, '[data-id="report-summary"]').textContent).toBe(
            'team.json: 1 rule can be imported, 0 rejected.'
        );
        q(el, 'lightning-button[data-id="import"]').click();
        await flushPromises();
        expect(batches).toHaveLength(1);
        expect(batches[0].deleteIds).toEqual([]);
        expect(batches[0].label).toBe('Import of team.json');
        const [imported] = batches[0].rules;
        expect(imported.name).toBe('Lunch');
        expect(imported.order).toBe(4 + 3);
        expect(imported.id).not.toBe(buildRule().id);
        expect(imported.ruleSetId).toBe(buildRuleSet().id);
    });

    it('replaces the rule set when asked', async () => {
        const { el, batches } = mount();
        await chooseFile(el, 'team.json', JSON.stringify([buildRule({ name: 'Lunch' })]));
        q(el, 'lightning-radio-group').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'replace' } })
        );
        await flushPromises();
        q(el, 'lightning-button[data-id="import"]').click();
        await flushPromises();
        expect(batches[0].deleteIds).toEqual(buildSeedRules().map((r) => r.id));
    });

    it('reports a bad file clearly and imports nothing', async () => {
        const { el, batches } = mount();
        await chooseFile(el, 'broken.json', '{"rules": [');
        expect(q(el, '[data-id="file-error"]').textContent).toContain('The file is not valid JSON');
        expect(q(el, 'lightning-button[data-id="import"]').disabled).toBe(true);
        expect(batches).toEqual([]);
    });

    it('lists every rejected rule with its reasons next to what can be imported', async () => {
        const { el } = mount();
        await chooseFile(
            el,
            'mixed.json',
            JSON.stringify([buildRule({ name: 'Good' }), buildRule({ name: '', destinationValue: '' })])
        );
        expect(q(el, '[data-id="report-summary"]').textContent).toBe(
            'mixed.json: 1 rule can be imported, 1 rejected.'
        );
        const rejected = q(el, '[data-id="rejected"]').textContent ?? '';
        expect(rejected).toContain('Entry 2: (no name)');
        expect(rejected).toContain('The rule has no name');
        expect(rejected).toContain('does not say which state to set');
        expect(q(el, 'lightning-button[data-id="import"]').label).toBe('Import 1 rule');
    });

    it('shows what the server refused', async () => {
        const { el } = mount();
        await chooseFile(el, 'team.json', JSON.stringify([buildRule({ name: 'Lunch' })]));
        el.showRejections([
            { id: 'x', issues: [{ field: 'destinationValue', message: 'Status Lunch does not exist.' }] }
        ]);
        await flushPromises();
        expect(q(el, '[data-id="server-rejected"]').textContent).toContain('Status Lunch does not exist.');
    });

    it('cannot import in read-only mode', async () => {
        const { el } = mount();
        el.readOnly = true;
        await chooseFile(el, 'team.json', JSON.stringify([buildRule({ name: 'Lunch' })]));
        expect(q(el, 'lightning-button[data-id="import"]').disabled).toBe(true);
    });

    it('is accessible', async () => {
        const { el } = mount();
        await chooseFile(el, 'mixed.json', JSON.stringify([buildRule({ name: '' })]));
        await expect(el).toBeAccessible();
    });
});
