/**
 * `npm run test:smoke`: the steps of the scratch-org smoke test (steps.mjs) run against the
 * workbench in Chromium, where Presence Sync's components have the DOM they have in an org.
 * What only an org has (the console's utility bar, the Omni-Channel widget, the org's log) is
 * played through the workbench's panels instead and stays for the real run to prove.
 * The last line is `N passed, M failed`.
 */
import assert from 'node:assert/strict';
import { eventually, runScenarios } from '../../workbench/e2e/harness.mjs';
import { agentOmniStatus, agentShown, healthCheckRows, saveMappingRow } from './steps.mjs';

const checks = [
    {
        name: 'the agent utility renders and its Omni-Channel status follows a change in the widget',
        async run(page) {
            await agentShown(page);
            await page.locator('[data-id="omni-status-select"]').selectOption('Lunch');
            await page.locator('[data-id="omni-set-status"]').click();
            await eventually(async () => /Lunch/.test(await agentOmniStatus(page)), {
                what: 'the agent to show Lunch'
            });
            const log = await page.evaluate(() => window.workbench.log());
            assert.ok(
                log.some((e) => e.eventType === 'SalesforceStateChange' && e.omniStatus === 'Lunch'),
                `the session traced the change: ${JSON.stringify(log.map((e) => [e.step, e.eventType, e.omniStatus]))}`
            );
        }
    },
    {
        name: 'the rule builder saves a mapping row',
        async run(page) {
            await saveMappingRow(page, { connectState: 'Lunch', omniStatus: 'Lunch' });
            await eventually(
                async () =>
                    (await page.evaluate(() => window.workbench.rules.list())).some(
                        (r) => r.destination === 'SalesforceAgentState' && r.destinationValue === 'Lunch'
                    ),
                { what: 'the saved Lunch rule' }
            );
        }
    },
    {
        name: 'the health check renders its checks',
        async run(page) {
            const rows = await healthCheckRows(page);
            assert.ok(rows.length >= 10, `checks: ${JSON.stringify(rows)}`);
            assert.ok(rows.every((r) => ['green', 'amber', 'red'].includes(r.status)));
        }
    }
];

runScenarios(checks, { noChromium: 'Smoke selectors not checked: no Chromium found (set CHROMIUM_PATH).' });
