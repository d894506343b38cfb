/**
 * Browser end-to-end tests: the real components, the real amazon-connect-streams bundle and the
 * emulators, in Debian's Chromium driven by playwright-core. Each scenario gets a fresh browser
 * context (its own page, CCP and Omni-Channel) on an org reset to the seed.
 *
 * Without a Chromium the run says it skipped and exits 0, unless PRESENCE_SYNC_REQUIRE_E2E=true.
 * The last line is always `N passed, M failed`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTED, ROOT } from '../build.mjs';
import { adminScenarios } from './adminScenarios.mjs';
import { logScenarios } from './logScenarios.mjs';
import { eventually, findChromium, openWorkbench, startEnvironment } from './harness.mjs';
import { withLwsScenarios } from './lws.mjs';

const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const hosted = (key) => {
    const component = HOSTED.find((c) => c.key === key);
    return existsSync(join(LWC_DIR, component.folder, `${component.folder}.ts`));
};

import {
    agentText,
    connectPanelSet,
    omniPanelSet,
    pickCombobox,
    putStates,
    row,
    settle,
    sides,
    toolkitSets,
    wb
} from './steps.mjs';
import { platformScenarios } from './platformScenarios.mjs';

const scenarios = [
    {
        name: 'seed table, Connect to Omni-Channel, played through the panels',
        lws: true,
        async run(page) {
            await connectPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            await connectPanelSet(page, 'Working - Phone');
            assert.deepEqual(await sides(page), { connect: 'Working - Phone', omni: 'Working_Phone' });
            assert.match(await agentText(page, 'omni-status'), /Working – Phone|Working_Phone/);
            // No rule for Lunch: Omni-Channel stays where it is and no toolkit call is made.
            await connectPanelSet(page, 'Lunch');
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Working_Phone' });
            assert.equal(await toolkitSets(page), 2);
            assert.deepEqual(await putStates(page), [], 'Connect changes must not write back to Connect');
        }
    },
    {
        name: 'seed table, Omni-Channel to Connect, played through the panels',
        lws: true,
        async run(page) {
            await omniPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            await omniPanelSet(page, 'Working_Media');
            assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Working_Media' });
            assert.match(await agentText(page, 'connect-state'), /Working - Media/);
            // No rule for Working_Phone as a Salesforce change: Connect stays.
            await omniPanelSet(page, 'Working_Phone');
            assert.equal((await sides(page)).connect, 'Working - Media');
            const puts = await putStates(page);
            assert.deepEqual(
                puts.map((c) => c.params.state.name),
                ['Available', 'Working - Media']
            );
            assert.equal(
                await toolkitSets(page),
                0,
                'Connect changes the sync caused must not be echoed to Omni-Channel'
            );
        }
    },
    {
        name: 'bi-directional mapping settles with no ping-pong',
        async run(page) {
            const result = await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...row('bi-available', 'Available', 'Available', 'BiDirectional', 10),
                ...row('bi-lunch', 'Lunch', 'Lunch', 'BiDirectional', 20)
            ]);
            assert.deepEqual(result, { saved: 4, rejected: [] });
            await eventually(async () => (await agentText(page, 'rule-set')).includes('4 rules'), {
                what: 'the agent to load 4 rules'
            });
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
            await wb(page, () => window.workbench.omni.setStatus('Available'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            await page.waitForTimeout(500);
            await settle(page);
            assert.equal(await toolkitSets(page), 1, 'exactly one Omni-Channel write');
            assert.equal((await putStates(page)).length, 1, 'exactly one Connect write');
        }
    },
    {
        name: 'rules replaced with their own ids keep them: in rules.list() and in the trace',
        async run(page) {
            const [available] = row('g', 'Available', 'Available', 'Publisher', 10);
            const [media] = row('g', 'Working - Media', 'Working_Media', 'Subscriber', 20);
            const result = await wb(page, (rules) => window.workbench.rules.replace(rules), [
                { ...available, id: 'g1' },
                { ...media, id: 'g2' }
            ]);
            assert.deepEqual(result, { saved: 2, rejected: [] });
            assert.deepEqual(
                (await wb(page, () => window.workbench.rules.list())).map((r) => r.id),
                ['g1', 'g2']
            );
            await eventually(async () => (await agentText(page, 'rule-set')).includes('2 rules'), {
                what: 'the agent to load 2 rules'
            });
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Working_Media' });
            const log = await wb(page, () => window.workbench.log());
            const decided = log.filter((e) => e.step === 'decision').map((e) => e.ruleId);
            assert.deepEqual(decided, ['g1', 'g2']);
            const ruleIds = new Set(log.filter((e) => e.ruleId).map((e) => e.ruleId));
            assert.deepEqual([...ruleIds].sort(), ['g1', 'g2']);
        }
    },
    {
        name: 'log() shows what the agent traced without waiting for its log shipper',
        lws: true,
        async run(page) {
            const log = await wb(page, async () => {
                await window.workbench.connect.setState('Available');
                return window.workbench.log();
            });
            const received = log.find(
                (e) => e.step === 'event-received' && e.side === 'connect' && e.connectState === 'Available'
            );
            assert.ok(received, `an event-received entry: ${JSON.stringify(log.map((e) => e.step))}`);
            assert.deepEqual(
                log.map((e) => e.at),
                [...log.map((e) => e.at)].sort((a, b) => a - b),
                'oldest first'
            );
            await settle(page);
            const settled = await wb(page, () => window.workbench.log());
            const keys = settled.map((e) => `${e.correlationId}#${e.seq}`);
            assert.equal(new Set(keys).size, keys.length, 'shipped entries are not repeated');
            assert.ok(keys.includes(`${received.correlationId}#${received.seq}`));
        }
    },
    {
        name: 'a call: an Omni-Channel change is queued as next state and applied after the call',
        async run(page) {
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            await page.locator('[data-id="connect-ring"]').click();
            await page.locator('[data-id="connect-answer"]').click();
            await settle(page);
            assert.equal((await sides(page)).connect, 'Busy');
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.equal(await wb(page, () => window.workbench.connect.nextState()), 'Working - Media');
            assert.equal((await sides(page)).connect, 'Busy', 'a live call is not interrupted');
            const [put] = (await putStates(page)).slice(-1);
            assert.equal(put.params.enqueueNextState, true);
            assert.match(await agentText(page, 'next-state'), /Working - Media/);
            await page.locator('[data-id="connect-hang-up"]').click();
            await page.locator('[data-id="connect-close-contact"]').click();
            await settle(page);
            assert.equal((await sides(page)).connect, 'Working - Media');
            assert.equal(await wb(page, () => window.workbench.connect.nextState()), null);
        }
    },
    {
        name: 'Omni-Channel logout sets Connect Offline through a logout rule',
        async run(page) {
            const seed = await wb(page, () => window.workbench.rules.list());
            const result = await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...seed,
                ...row('offline', 'Offline', 'Offline', 'Subscriber', 50)
            ]);
            assert.equal(result.rejected.length, 0, JSON.stringify(result.rejected));
            await eventually(async () => (await agentText(page, 'rule-set')).includes('6 rules'), {
                what: 'the agent to load 6 rules'
            });
            await omniPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            await page.locator('[data-id="omni-logout"]').click();
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Offline', omni: 'Offline' });
        }
    },
    {
        name: 'Omni-Channel refuses a status: the agent sees the error and a toast, with no retry storm',
        lws: true,
        async run(page) {
            const seed = await wb(page, () => window.workbench.rules.list());
            await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...seed,
                ...row('lunch', 'Lunch', 'Lunch', 'Publisher', 50)
            ]);
            await eventually(async () => (await agentText(page, 'rule-set')).includes('5 rules'), {
                what: 'the agent to load 5 rules'
            });
            // SLDS draws its own box over the native checkbox: click the label, as a person does.
            await page.locator('label[for="wb-grant-Lunch"]').click();
            assert.equal(await page.locator('[data-id="omni-grant-Lunch"]').isChecked(), false);
            await connectPanelSet(page, 'Available');
            await connectPanelSet(page, 'Lunch');
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Available' });
            const error = await eventually(
                async () =>
                    page
                        .locator(
                            'c-presence-sync-agent [role="alert"], c-presence-sync-agent [data-id="last-error"]'
                        )
                        .allTextContents()
                        .then((t) => t.join(' ')),
                {
                    what: 'an error in the agent component'
                }
            );
            assert.match(error, /Lunch/);
            const toasts = await wb(page, () => window.workbench.toasts());
            assert.ok(
                toasts.some((t) => t.variant === 'error' || t.variant === 'warning'),
                `a toast: ${JSON.stringify(toasts)}`
            );
            await page.waitForTimeout(1000);
            const lunchCalls = await wb(
                page,
                () =>
                    window.workbench.omni.calls().filter((c) => c.method === 'setServicePresenceStatus')
                        .length
            );
            assert.equal(lunchCalls, 2, 'one call for Available, one refused call for Lunch, no retries');
        }
    },
    {
        name: 'accepted phone work and a full workload reach Connect through rules, played through the Omni panel',
        async run(page) {
            const seed = await wb(page, () => window.workbench.rules.list());
            const common = {
                active: true,
                comparator: 'Equal',
                operandB: 'StaticValue',
                destination: 'ConnectAgentState'
            };
            const result = await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...seed,
                {
                    ...common,
                    id: 'phone-work',
                    name: 'Phone work sets Connect Working - Phone',
                    order: 50,
                    source: 'SalesforceWorkAccepted',
                    operandA: 'SalesforceServiceChannel',
                    operandBValue: 'sfdc_phone',
                    destinationValue: 'Working - Phone'
                },
                {
                    ...common,
                    id: 'full-load',
                    name: 'A full workload sets Connect Lunch',
                    order: 60,
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewWorkloadPct',
                    comparator: 'GreaterThanOrEqual',
                    operandBValue: '100',
                    destinationValue: 'Lunch'
                }
            ]);
            assert.deepEqual(result.rejected, []);
            await eventually(async () => (await agentText(page, 'rule-set')).includes('6 rules'), {
                what: 'the agent to load 6 rules'
            });
            await omniPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            // The work item's channel is known only by its id's key prefix (500 Case, 0LQ VoiceCall…).
            await page.locator('[data-id="omni-accept-sfdc_case"]').click();
            await settle(page);
            assert.equal((await sides(page)).connect, 'Available', 'case work matches no rule');
            await page.locator('[data-id="omni-accept-sfdc_phone"]').click();
            await settle(page);
            assert.equal((await sides(page)).connect, 'Working - Phone');
            await page.locator('[data-id="omni-workload-input"]').fill('10');
            await page.locator('[data-id="omni-capacity-input"]').fill('10');
            await page.locator('[data-id="omni-set-workload"]').click();
            await settle(page);
            assert.equal((await sides(page)).connect, 'Lunch');
        }
    },
    {
        name: 'a rule on interruptible workload percent, built in the wizard, moves Connect when chats fill the agent, and the dry run agrees',
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = page.locator('c-presence-sync-rule-builder');
            await builder.locator('lightning-button[data-id="new-rule"] button').click();
            const editor = builder.locator('c-presence-sync-rule-editor');
            const next = () => editor.locator('lightning-button[data-id="next"] button').click();
            await editor.locator('lightning-input[data-field="name"] input').fill('Chats fill the agent');
            await next();
            await editor
                .locator('lightning-radio-group[data-field="source"] label', {
                    hasText: 'Salesforce Workload Changed'
                })
                .click();
            await next();
            await pickCombobox(
                editor.locator('lightning-combobox[data-field="operandA"]'),
                'SalesforceNewInterruptibleWorkloadPct'
            );
            await pickCombobox(
                editor.locator('lightning-combobox[data-field="comparator"]'),
                'GreaterThanOrEqual'
            );
            await pickCombobox(editor.locator('lightning-combobox[data-field="operandB"]'), 'StaticValue');
            assert.match(
                await editor.locator('[data-hint-for="operandA"]').textContent(),
                /percentage of the agent’s interruptible capacity/
            );
            await editor.locator('c-presence-sync-rule-value-field lightning-input input').fill('100');
            await next();
            await pickCombobox(
                editor.locator('c-presence-sync-rule-value-field lightning-combobox'),
                'Working - Media'
            );
            await next();
            assert.equal(
                (await editor.locator('[data-id="sentence"]').textContent()).trim(),
                'When the Omni-Channel workload changes and the new interruptible workload as a percentage of interruptible capacity is at least 100%, set the Connect agent state to Working - Media.'
            );
            await editor.locator('lightning-button[data-id="save"] button').click();
            await eventually(
                async () =>
                    (await wb(page, () => window.workbench.rules.list())).some(
                        (r) =>
                            r.operandA === 'SalesforceNewInterruptibleWorkloadPct' &&
                            r.operandBValue === '100'
                    ),
                { what: 'the org to hold the interruptible workload rule' }
            );
            await eventually(async () => (await agentText(page, 'rule-set')).includes('5 rules'), {
                what: 'the agent to load 5 rules'
            });

            await omniPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            const interruptible = async (workload, capacity) => {
                await page.locator('[data-id="omni-interruptible-workload-input"]').fill(String(workload));
                await page.locator('[data-id="omni-interruptible-capacity-input"]').fill(String(capacity));
                await page.locator('[data-id="omni-set-interruptible-workload"]').click();
                await settle(page);
            };
            // No interruptible capacity: there is no percentage, so the rule does not match.
            await interruptible(4, 0);
            assert.equal((await sides(page)).connect, 'Available');
            await interruptible(2, 4);
            assert.equal((await sides(page)).connect, 'Available', '50 % is not full');
            await interruptible(4, 4);
            assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Available' });
            assert.match(
                await page.locator('[data-id="omni-workload"]').textContent(),
                /interruptible 4 of 4/
            );
            const log = await wb(page, () => window.workbench.log());
            const received = log.filter(
                (e) => e.step === 'event-received' && e.eventType === 'SalesforceWorkloadChanged'
            );
            assert.deepEqual(
                received.map((e) => e.event.newInterruptibleWorkload),
                [4, 2, 4],
                'the agent received the interruptible numbers Omni-Channel sent'
            );
            const decision = log.find(
                (e) =>
                    e.step === 'decision' &&
                    e.destination === 'ConnectAgentState' &&
                    e.value === 'Working - Media'
            );
            assert.equal(decision?.ruleName, 'Chats fill the agent');

            await builder.locator('[role="tab"]', { hasText: 'Dry run' }).click();
            const dryRun = builder.locator('c-presence-sync-rule-dry-run');
            await pickCombobox(dryRun.locator('lightning-combobox[data-id="kind"]'), 'omni-workload');
            const number = (field, value) =>
                dryRun.locator(`lightning-input[data-field="${field}"] input`).fill(value);
            await number('previousInterruptibleWorkload', '3');
            await number('newInterruptibleWorkload', '3');
            await number('configuredInterruptibleCapacity', '4');
            await dryRun.locator('lightning-button[data-id="add"] button').click();
            await number('newInterruptibleWorkload', '4');
            await dryRun.locator('lightning-button[data-id="add"] button').click();
            await dryRun.locator('lightning-button[data-id="run"] button').click();
            const step = (n) => dryRun.locator(`tr[data-step="${n}"]`);
            await step(2).waitFor({ timeout: 10000 });
            assert.equal(
                (await step(1).locator('[data-id="fired"]').textContent()).trim(),
                'No rule changed anything'
            );
            assert.equal(
                (await step(2).locator('[data-id="fired"]').textContent()).trim(),
                'Chats fill the agent'
            );
            assert.equal(
                (await step(2).locator('[data-id="connect"]').textContent()).trim(),
                'Working - Media'
            );
        }
    },
    {
        name: "a row added in the rule builder's mapping table takes effect on the agent without a reload",
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = page.locator('c-presence-sync-rule-builder');
            await builder.locator('[role="tab"]', { hasText: 'Mapping table' }).click();
            const table = builder.locator('c-presence-sync-mapping-table');
            await table.locator('lightning-button[data-id="add-row"] button').click();
            const newRow = table.locator('tr[data-row-id]').last();
            await pickCombobox(
                newRow.locator('c-presence-sync-rule-value-field').nth(0).locator('lightning-combobox'),
                'Lunch'
            );
            await pickCombobox(
                newRow.locator('c-presence-sync-rule-value-field').nth(1).locator('lightning-combobox'),
                'Lunch'
            );
            await table.locator('lightning-button[data-id="save-table"] button').click();
            await eventually(
                async () =>
                    (await wb(page, () => window.workbench.rules.list())).some(
                        (r) => r.destinationValue === 'Lunch'
                    ),
                { what: 'the org to hold the new Lunch rules' }
            );
            await eventually(async () => !(await agentText(page, 'rule-set')).includes('(4 rules)'), {
                what: 'the agent to pick up the saved rules'
            });
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
        }
    },
    {
        name: 'the log reader shows the trace of the sync just played',
        needs: ['agent', 'logReader'],
        async run(page) {
            await connectPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            const log = await wb(page, () => window.workbench.log());
            const decision = log.find(
                (e) => e.step === 'decision' && e.destination === 'SalesforceAgentState'
            );
            assert.ok(decision, `a decision in workbench.log(): ${JSON.stringify(log.map((e) => e.step))}`);
            assert.ok(
                log.some(
                    (e) =>
                        e.step === 'call-result' &&
                        e.result === 'success' &&
                        e.correlationId === decision.correlationId
                )
            );
            const reader = page.locator('c-presence-sync-log-reader');
            await reader.locator('lightning-input.agent-search input').fill('Avery');
            await reader.locator('button.agent-option', { hasText: 'Avery Agent' }).click();
            await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
            const sync = reader.locator(`li.correlation[data-correlation="${decision.correlationId}"]`);
            await sync.waitFor({ timeout: 10000 });
            assert.match(await sync.textContent(), new RegExp(decision.ruleName ?? 'Available'));
        }
    },
    {
        name: 'a CCP that never answers: the agent is told in words what to check',
        lws: true,
        // Stored before the page loads, as an admin would; the reset before the next scenario restores it.
        settings: { ccpUrl: 'http://localhost/ccp-v2/?acknowledge=false' },
        open: { query: '?ccpTimeoutSeconds=1', waitForReady: false },
        async run(page) {
            const problem = page.locator('c-presence-sync-agent [data-problem="connect"]');
            await problem.waitFor({ timeout: 5000 });
            const words = await problem.textContent();
            assert.match(words, /The Amazon Connect softphone does not load/);
            assert.match(words, /did not answer within 1 s/);
            assert.match(words, /CSP Trusted Site \(frame-src\)/);
            assert.match(words, /approved origins/);
            assert.equal(await problem.getAttribute('role'), 'alert');
            const toasts = await wb(page, () => window.workbench.toasts());
            assert.ok(
                toasts.some((t) => t.variant === 'error' && /does not load/.test(t.label ?? t.title ?? '')),
                `an error toast: ${JSON.stringify(toasts)}`
            );
            assert.match(await page.locator('[data-id="utility-label"]').textContent(), /problem/);
            assert.equal(await page.locator('c-presence-sync-agent').getAttribute('data-sync-ready'), null);
            assert.equal(
                (await wb(page, () => window.workbench.connect.calls())).length,
                0,
                'nothing reached a CCP that never answered'
            );
        }
    },
    {
        name: 'reset puts both sides Offline, clears calls and log, restores the seed rules',
        async run(page) {
            await wb(
                page,
                (rules) => window.workbench.rules.replace(rules),
                row('only', 'Lunch', 'Lunch', 'BiDirectional', 10)
            );
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            assert.equal((await sides(page)).omni, 'Lunch');
            const key = (e) => `${e.correlationId}#${e.seq}`;
            const before = new Set((await wb(page, () => window.workbench.log())).map(key));
            assert.ok(before.size > 0);
            await wb(page, () => window.workbench.reset());
            assert.deepEqual(await sides(page), { connect: 'Offline', omni: 'Offline' });
            assert.deepEqual(await wb(page, () => window.workbench.connect.calls()), []);
            assert.deepEqual(await wb(page, () => window.workbench.omni.calls()), []);
            assert.deepEqual(await wb(page, () => window.workbench.log()), []);
            assert.equal((await wb(page, () => window.workbench.rules.list())).length, 4);
            // What happens after the reset is logged again, and nothing from before comes back.
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            const after = await wb(page, () => window.workbench.log());
            assert.ok(after.some((e) => e.step === 'event-received' && e.connectState === 'Available'));
            assert.deepEqual(
                after.filter((e) => before.has(key(e))),
                []
            );
        }
    }
];

scenarios.push(...adminScenarios);
scenarios.push(...logScenarios);

async function main() {
    const requireE2e = process.env.PRESENCE_SYNC_REQUIRE_E2E === 'true';
    if (!findChromium()) {
        const message =
            'E2E tests skipped: no Chromium found (install it with `apt-get install -y chromium` or set CHROMIUM_PATH).';
        if (requireE2e) {
            console.error(`${message} PRESENCE_SYNC_REQUIRE_E2E=true makes that a failure.`);
            console.log('0 passed, 1 failed');
            process.exit(1);
        }
        console.log(message);
        console.log('0 passed, 0 failed');
        return;
    }
    console.log('Building and starting the workbench…');
    const environment = await startEnvironment();
    let passed = 0;
    let failed = 0;
    try {
        // E2E_ONLY=words runs only the scenarios whose name contains them (while working on one).
        const only = process.env.E2E_ONLY ?? '';
        for (const scenario of withLwsScenarios([...scenarios, ...platformScenarios]).filter((s) =>
            s.name.includes(only)
        )) {
            const needs = scenario.needs ?? ['agent'];
            const missing = needs.filter((key) => !hosted(key));
            if (missing.length > 0) {
                console.log(`  - ${scenario.name}: not run, ${missing.join(' and ')} not written yet`);
                continue;
            }
            const started = Date.now();
            let opened = null;
            try {
                await environment.post('/workbench/reset');
                if (scenario.settings) {
                    await environment.post('/workbench/settings', scenario.settings);
                }
                opened = await openWorkbench(environment, scenario.open);
                await scenario.run(opened.page, environment, opened);
                assert.deepEqual(opened.errors, [], 'no uncaught errors on the page');
                passed += 1;
                console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
            } catch (error) {
                failed += 1;
                console.log(
                    `  ✗ ${scenario.name}\n      ${String(error.stack ?? error)
                        .split('\n')
                        .slice(0, 4)
                        .join('\n      ')}`
                );
            } finally {
                await opened?.context.close();
            }
        }
    } finally {
        await environment.close();
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
});
