import { createElement } from 'lwc';
import PresenceSyncRuleTransfer from 'c/presenceSyncRuleTransfer';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { parseRuleFile, serializeRuleFile } from '../ruleFile';
import {
    buildRule,
    buildRuleSet,
    buildSeedRules,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, eventDetails, flushPromises, q } from '../../../../../test/domTestUtils';

type TransferElement = HTMLElement & {
    rules: PresenceSyncRule[];
    ruleSet: unknown;
    orgFacts: unknown;
    readOnly: boolean;
    showRejections(rejected: unknown[], saved?: number): void;
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
    el.orgFacts = {
        statusNames: buildStatuses().map((s) => s.developerName),
        connectStates: [...SEED_CONNECT_STATES]
    };
    const batches = eventDetails<Batch>(el, 'savebatch');
    document.body.appendChild(el);
    return { el, batches };
}

async function chooseFile(el: Element, name: string, text: string, size?: number): Promise<jest.Mock> {
    const file = new File([text], name, { type: 'application/json' });
    // jsdom's File lacks text() in some versions; the component only needs that.
    const read = jest.fn(() => Promise.resolve(text));
    Object.defineProperty(file, 'text', { value: read });
    if (size !== undefined) {
        Object.defineProperty(file, 'size', { value: size });
    }
    q(el, 'lightning-input[data-id="file"]').dispatchEvent(
        new CustomEvent('change', { detail: { files: [file] } })
    );
    await flushPromises();
    await flushPromises();
    return read;
}

async function importNow(el: Element): Promise<void> {
    q(el, 'lightning-button[data-id="import"]').click();
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

    it('says where a file stops being JSON without repeating what it holds', () => {
        const parsed = parseRuleFile('{\n  "rules": [\n    {"name": "a", oops}\n  ]\n}');
        expect(parsed.fileError).toMatch(
            /^The file is not valid JSON \(at line 3, column \d+\)\. Export a rule set/
        );
        expect(parsed.fileError).not.toContain('oops');
    });

    it('refuses a binary file (an image) without echoing its bytes', () => {
        const png = '\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000';
        const parsed = parseRuleFile(png);
        expect(parsed.fileError).toBe(
            'The file is not a text file (an image or a document, perhaps), so it cannot be a rules export. Choose the .json file Export wrote.'
        );
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
            serializeRuleFile('Team', [buildRule({ id: 'e1', name: 'Lunch', order: 3 })], NOW)
        );
        expect(q(el, '[data-id="report-summary"]').textContent).toBe(
            'team.json: all 1 entry can be imported.'
        );
        await importNow(el);
        expect(batches).toHaveLength(1);
        expect(batches[0].deleteIds).toEqual([]);
        expect(batches[0]).toMatchObject({
            label: 'Import 1 rule from team.json',
            confirmLabel: 'Import anyway'
        });
        const [imported] = batches[0].rules;
        expect(imported.name).toBe('Lunch');
        expect(imported.order).toBe(4 + 3);
        expect(imported.id).not.toBe(buildRule().id);
        expect(imported.ruleSetId).toBe(buildRuleSet().id);
    });

    it('replaces the rule set when asked, and then the file may reuse the names it replaces', async () => {
        const { el, batches } = mount();
        await chooseFile(el, 'seed.json', JSON.stringify(buildSeedRules()));
        expect(q(el, '[data-id="file-error"]')).toBeNull();
        expect(q(el, 'lightning-button[data-id="import"]').label).toBe('Import 0 rules, leave out 4');
        q(el, 'lightning-radio-group').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'replace' } })
        );
        await flushPromises();
        expect(q(el, 'lightning-button[data-id="import"]').label).toBe('Import 4 rules');
        await importNow(el);
        expect(batches[0].deleteIds).toEqual(buildSeedRules().map((r) => r.id));
    });

    it('reports a bad file clearly and imports nothing', async () => {
        const { el, batches } = mount();
        await chooseFile(el, 'broken.json', '{"rules": [');
        expect(q(el, '[data-id="file-error"]').textContent).toContain('The file is not valid JSON');
        expect(q(el, 'lightning-button[data-id="import"]')).toBeNull();
        expect(batches).toEqual([]);
    });

    it('checks the size of a file before reading it', async () => {
        const { el } = mount();
        const read = await chooseFile(el, 'huge.json', '[]', 40 * 1024 * 1024);
        expect(read).not.toHaveBeenCalled();
        expect(q(el, '[data-id="file-error"]').textContent).toBe(
            '“huge.json” is 40.0 MB; a rules file of a whole rule set (500 rules at most) is well under 1 MB, so this is not one. Choose the .json file Export wrote. Nothing was read.'
        );
    });

    it('applies every check the org applies, and lists what is left out entry by entry', async () => {
        const { el } = mount();
        await chooseFile(
            el,
            'mixed.json',
            JSON.stringify([
                buildRule({ id: 'e2', name: 'Good' }),
                buildRule({ id: 'e3', name: '', destinationValue: '' }),
                buildRule({ id: 'e4', name: 'x'.repeat(81) }),
                buildRule({ id: 'e5', name: 'Unknown status', destinationValue: 'Lunch_Break' }),
                buildRule({ id: 'e6', name: 'good' }),
                buildRule({ id: 'e7', name: 'Also good', order: 9 })
            ])
        );
        expect(q(el, '[data-id="report-summary"]').textContent).toBe(
            'mixed.json: entries 1 and 6 can be imported; 4 entries are left out (listed below).'
        );
        const items = [...(el.shadowRoot?.querySelectorAll('[data-id="rejected"] > ul > li') ?? [])].map(
            (li) => li.textContent ?? ''
        );
        expect(items.map((t) => /^Entry \d+: “[^”]*”/.exec(t)?.[0])).toEqual([
            'Entry 2: “(no name)”',
            `Entry 3: “${'x'.repeat(81)}”`,
            'Entry 4: “Unknown status”',
            'Entry 5: “good”'
        ]);
        expect(items[0]).toContain('The rule has no name');
        expect(items[0]).toContain('does not say which Omni-Channel presence status to set');
        expect(items[1]).toContain('The rule name has 81 characters; at most 80 fit.');
        expect(items[2]).toContain('no Omni-Channel presence status with the developer name "Lunch_Break"');
        expect(items[3]).toContain('Another rule of this rule set is already called "good"');
        expect(q(el, 'lightning-button[data-id="import"]').label).toBe('Import 2 rules, leave out 4');
    });

    it('refuses a file that would take the rule set past 500 rules, as a whole (a 20,000-rule file is refused unread by its size)', async () => {
        const { el } = mount();
        const many = Array.from({ length: 600 }, (_, i) =>
            buildRule({ id: `r${i}`, name: `Rule ${i}`, order: i })
        );
        await chooseFile(el, 'many.json', JSON.stringify(many));
        expect(q(el, '[data-id="file-error"]').textContent).toBe(
            'A rule set holds at most 500 rules, and this change would leave 604 in it. Delete rules first, or split them into several rule sets.'
        );
        expect(q(el, 'lightning-button[data-id="import"]').disabled).toBe(true);
    });

    it('is disabled while the import runs and once it is done, and says what was kept', async () => {
        const { el, batches } = mount();
        await chooseFile(
            el,
            'team.json',
            JSON.stringify([
                buildRule({ id: 'e8', name: 'Lunch' }),
                buildRule({ id: 'e9', name: '' }),
                buildRule({ id: 'e10', name: 'Break' })
            ])
        );
        await importNow(el);
        await importNow(el);
        expect(batches).toHaveLength(1);
        // The builder has read the rule set again before it answers: it holds the imported rules now.
        el.rules = [...buildSeedRules(), ...batches[0].rules];
        el.showRejections([], 2);
        await flushPromises();
        const button = q(el, 'lightning-button[data-id="import"]');
        expect([button.disabled, button.label]).toEqual([true, 'Imported']);
        expect(q(el, '[data-id="outcome"]').textContent).toBe(
            'Imported 2 rules from team.json: entries 1 and 3. Left out: entry 2 “(no name)”. Choose another file to import more.'
        );
        await importNow(el);
        expect(batches).toHaveLength(1);
    });

    it('names the entries the server refused by their place in the file, and imports nothing', async () => {
        const { el } = mount();
        await chooseFile(
            el,
            'team.json',
            JSON.stringify([
                buildRule({ id: 'e11', name: '' }),
                buildRule({ id: 'e12', name: 'Lunch' }),
                buildRule({ id: 'e13', name: 'Break' })
            ])
        );
        await importNow(el);
        el.showRejections(
            [
                {
                    id: 'x',
                    position: 2,
                    name: 'Break',
                    issues: [{ field: 'destinationValue', message: 'Status Lunch does not exist.' }]
                }
            ],
            0
        );
        await flushPromises();
        const refused = q(el, '[data-id="server-rejected"]').textContent ?? '';
        expect(refused).toContain('nothing was imported');
        expect(refused).toContain('Entry 3: “Break”');
        expect(refused).toContain('Status Lunch does not exist.');
        expect(q(el, 'lightning-button[data-id="import"]').disabled).toBe(false);
    });

    it('cannot import in read-only mode', async () => {
        const { el } = mount();
        el.readOnly = true;
        await chooseFile(el, 'team.json', JSON.stringify([buildRule({ id: 'e14', name: 'Lunch' })]));
        expect(q(el, 'lightning-button[data-id="import"]').disabled).toBe(true);
    });

    it('is accessible', async () => {
        const { el } = mount();
        await chooseFile(el, 'mixed.json', JSON.stringify([buildRule({ id: 'e15', name: '' })]));
        await expect(el).toBeAccessible();
    });
});
