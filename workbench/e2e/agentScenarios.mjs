/**
 * The agent utility end to end: the seed table both ways, bi-directional rules, rules with their
 * own ids, the log, a call, a logout, a refused status, work and workload, a CCP that never
 * answers, the workbench's reset. Each runs on a fresh page of an org reset to the seed.
 */
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';
import {
    agentText,
    answerCall,
    connectPanelSet,
    endCall,
    omniPanelSet,
    putStates,
    row,
    settle,
    sides,
    toolkitSets,
    wb
} from './steps.mjs';

export const agentScenarios = [
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
            await answerCall(page);
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.equal(await wb(page, () => window.workbench.connect.nextState()), 'Working - Media');
            assert.equal((await sides(page)).connect, 'Busy', 'a live call is not interrupted');
            const [put] = (await putStates(page)).slice(-1);
            assert.equal(put.params.enqueueNextState, true);
            assert.match(await agentText(page, 'next-state'), /Working - Media/);
            await endCall(page);
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
