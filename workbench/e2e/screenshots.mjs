/**
 * Screenshots for the README and the docs (`npm run screenshots`), every one taken from the
 * current workbench page, so none can drift from what the components draw:
 *
 * - agent.png, workbench*.png: a Connect change synced to Omni-Channel, then a call during which
 *   Omni-Channel changes; the whole page, the agent, the rule builder, the health check and the
 *   log reader;
 * - rule-builder.png: the seed's rules plus a Lunch pair whose two sides disagree (a warning);
 * - rule-builder-warnings.png: the question before a change that adds warnings, grouped and counted;
 * - rule-builder-import.png: an import's report, entry by entry;
 * - rule-builder-rule-sets.png: deleting a rule set, with the choice about its assignments;
 * - workbench-reset.png: Reset both sides, asking first;
 * - workbench-health-check-half.png: the health check in half of a 1,024 px page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.mjs';
import { findChromium, openWorkbench, startEnvironment, untilReady } from './harness.mjs';

const IMAGES = join(ROOT, 'docs', 'images');

async function clickButton(scope, id) {
    await scope.locator(`lightning-button[data-id="${id}"] button`).click();
}

/** The whole page in the viewport: the fixed utility bar then sits below what is shot. */
async function fullHeight(page) {
    const { width } = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
}

async function shoot(locator, file) {
    await fullHeight(locator.page());
    await locator.screenshot({ path: join(IMAGES, file) });
    console.log(`docs/images/${file}`);
}

function lunchRule(name, source, order) {
    const fromConnect = source === 'ConnectStateChange';
    return {
        id: `lunch-${order}`,
        name,
        active: true,
        order,
        source,
        operandA: fromConnect ? 'ConnectNewState' : 'SalesforceNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: 'Lunch',
        destination: fromConnect ? 'SalesforceAgentState' : 'ConnectAgentState',
        destinationValue: fromConnect ? 'Lunch' : 'Offline'
    };
}

/** Until the health check shows the agent's report after the changes just played (it checks again by itself). */
async function inSync(page) {
    const health = page.locator('c-presence-sync-health-check');
    await health.evaluate((element) => {
        element.refreshSeconds = 1;
    });
    const agent = health.locator('li.live-agent [data-field="last-sync"]');
    for (
        let i = 0;
        i < 100 && (await agent.textContent().catch(() => 'No sync yet')).includes('No sync yet');
        i++
    ) {
        await page.waitForTimeout(100);
    }
    await health.evaluate((element) => {
        element.refreshSeconds = 60;
    });
    await page.waitForTimeout(300);
}

/** The page a newcomer sees after playing a few changes: the workbench, agent, builder, health, log. */
async function thePage(environment) {
    await environment.post('/workbench/reset');
    const { page, context } = await openWorkbench(environment, { viewport: { width: 1440, height: 1000 } });
    await page.evaluate(async () => {
        const wb = window.workbench;
        await wb.connect.setState('Available');
        await wb.settle();
        await wb.connect.setState('PendingBusy');
        await wb.connect.setState('Busy');
        await wb.settle();
        await wb.omni.setStatus('Working_Media');
        await wb.settle();
    });
    const reader = page.locator('c-presence-sync-log-reader');
    await reader.locator('lightning-input.agent-search input').fill('Avery');
    await reader.locator('button.agent-option', { hasText: 'Avery Agent' }).click();
    await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
    await reader.locator('li.correlation').first().waitFor({ timeout: 10000 });
    await inSync(page);
    // Tall enough for the whole page: the fixed utility bar then sits below every component.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1440, height });
    await shoot(page.locator('#wb-agent'), 'workbench-agent.png');
    await shoot(page.locator('c-presence-sync-agent'), 'agent.png');
    await shoot(page.locator('#wb-rule-builder'), 'workbench-rule-builder.png');
    await shoot(page.locator('#wb-health-check'), 'workbench-health-check.png');
    await shoot(page.locator('#wb-log-reader'), 'workbench-log-reader.png');
    await page.screenshot({ path: join(IMAGES, 'workbench.png') });
    console.log('docs/images/workbench.png');
    await context.close();
}

/** The rule builder: a Lunch pair whose sides disagree, the warnings question, an import report. */
async function theRuleBuilder(environment) {
    await environment.post('/workbench/reset');
    const { page, context } = await openWorkbench(environment, { viewport: { width: 1280, height: 1000 } });
    const seed = await page.evaluate(() => window.workbench.rules.list());
    await page.evaluate(
        (rules) => window.workbench.rules.replace(rules),
        [
            ...seed,
            lunchRule('Connect Lunch sets Omni-Channel Lunch', 'ConnectStateChange', 50),
            lunchRule('Omni-Channel Lunch sets Connect Offline', 'SalesforceStateChange', 60)
        ]
    );
    await page.reload();
    await untilReady(page);
    const builder = page.locator('c-presence-sync-rule-builder');
    await builder.locator('c-presence-sync-rule-list li[data-rule-id]').nth(5).waitFor();
    await shoot(builder, 'rule-builder.png');

    // Activating a rule that conflicts asks first, naming the action.
    await page.evaluate(
        (rules) => window.workbench.rules.replace(rules),
        [
            ...seed,
            { ...lunchRule('Connect Lunch sets Omni-Channel Lunch', 'ConnectStateChange', 50) },
            {
                ...lunchRule('Connect Lunch sets Omni-Channel Busy', 'ConnectStateChange', 55),
                destinationValue: 'Busy',
                active: false
            },
            {
                ...seed[0],
                id: 'again',
                name: 'Connect Available sets Omni-Channel Busy',
                order: 56,
                destinationValue: 'Busy',
                active: false
            }
        ]
    );
    await page.reload();
    await untilReady(page);
    const list = builder.locator('c-presence-sync-rule-list');
    await list.locator('li[data-rule-id="lunch-55"]').waitFor();
    await list.locator('li[data-rule-id="lunch-55"] lightning-input label').first().click();
    const question = page.locator('lightning-overlay-container lightning-modal');
    await question.waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(IMAGES, 'rule-builder-warnings.png') });
    console.log('docs/images/rule-builder-warnings.png');
    await clickButton(question, 'cancel');
    await question.waitFor({ state: 'detached' });

    await builder.locator('[role="tab"]', { hasText: 'Import and export' }).click();
    const transfer = builder.locator('c-presence-sync-rule-transfer');
    const entry = (name, state, status) => ({
        ...lunchRule(name, 'ConnectStateChange', 10),
        id: name,
        operandBValue: state,
        destinationValue: status
    });
    const rules = [
        entry('Training sets Omni-Channel Busy', 'Training', 'Busy'),
        entry(
            'A name far too long for the field, pasted from the long description of the new rule',
            'Training',
            'Busy'
        ),
        entry('Break sets Lunch_Break', 'Break', 'Lunch_Break'),
        entry('Lunch sets Omni-Channel Lunch', 'Lunch', 'Lunch')
    ];
    await transfer.locator('input[type="file"]').setInputFiles({
        name: 'team-rules.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'presence-sync-rules', version: 1, rules }))
    });
    await transfer.locator('[data-id="rejected"]').waitFor();
    await shoot(transfer, 'rule-builder-import.png');
    await context.close();
}

/** Rule sets: deleting one asks what becomes of its assignments. */
async function theRuleSets(environment) {
    await environment.post('/workbench/reset');
    const { page, context } = await openWorkbench(environment, { viewport: { width: 1280, height: 1000 } });
    const { userId } = await page.evaluate(() =>
        window.workbench.apex('PresenceSyncAgentController.getAgentConfiguration')
    );
    const phone = await page.evaluate(
        (id) =>
            window.workbench.apex('PresenceSyncRuleController.saveRuleSet', {
                ruleSetJson: JSON.stringify({
                    name: 'Phone team',
                    isDefault: false,
                    assignments: [{ type: 'User', targetId: id, targetName: 'Avery Agent' }]
                })
            }),
        userId
    );
    await page.reload();
    await untilReady(page);
    const panel = page.locator('c-presence-sync-rule-builder c-presence-sync-rule-set-panel');
    const picker = panel.locator('lightning-combobox[data-id="rule-set"]');
    await picker.locator('[role="combobox"]').first().click();
    await picker.locator(`[role="option"][data-value="${phone.id}"]`).first().click();
    await clickButton(panel, 'delete-rule-set');
    await panel.locator('[data-id="delete-form"]').waitFor();
    await shoot(page.locator('c-presence-sync-rule-builder'), 'rule-builder-rule-sets.png');
    await context.close();
}

/** Reset both sides asks first; the health check in half of a 1,024 px page. */
async function theResetAndTheHalfPage(environment) {
    await environment.post('/workbench/reset');
    const { page, context } = await openWorkbench(environment, { viewport: { width: 1024, height: 800 } });
    await page.locator('[data-id="workbench-reset"]').click();
    await page.locator('[data-id="workbench-reset-dialog"] section[role="dialog"]').waitFor();
    await page.screenshot({ path: join(IMAGES, 'workbench-reset.png') });
    console.log('docs/images/workbench-reset.png');
    await page.locator('[data-id="workbench-reset-cancel"]').click();
    await page.evaluate(async () => {
        await window.workbench.connect.setState('Available');
        await window.workbench.settle();
    });
    await inSync(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1024, height });
    await shoot(page.locator('#wb-health-check'), 'workbench-health-check-half.png');
    await context.close();
}

async function main() {
    if (!findChromium()) {
        console.error('Screenshots need Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
        process.exit(1);
    }
    mkdirSync(IMAGES, { recursive: true });
    const environment = await startEnvironment();
    try {
        await thePage(environment);
        await theRuleBuilder(environment);
        await theRuleSets(environment);
        await theResetAndTheHalfPage(environment);
    } finally {
        await environment.close();
    }
}

main().catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
});
