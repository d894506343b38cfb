// `npm run org:smoke`: a browser smoke test in a real org set up by `npm run org:setup`. Chromium
// (playwright-core) opens the Presence Sync Console through `sf org open --url-only` and checks,
// one step each, with a screenshot after each: the Presence Sync utility loads without errors;
// the rule builder saves a rule (read back from the org); the health check renders; a status
// picked in the Omni-Channel widget reaches the agent and the session's trace (read back from
// Presence_Sync_Log__c). With PRESENCE_SYNC_CONNECT_USERNAME and PRESENCE_SYNC_CONNECT_PASSWORD
// it also signs the agent in to Amazon Connect; without them it says that part was skipped.
// Steps inside Presence Sync's components come from scripts/smoke/steps.mjs, which npm test
// runs against the workbench; the Salesforce parts (utility bar, Omni-Channel widget, Connect
// login page) are only proven here.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { fail, info, main, parseArgs, plan, requireTargetOrg, root, sfJson, step } from './lib/sf.mjs';
import { agentOmniStatus, agentShown, healthCheckRows, saveMappingRow } from './smoke/steps.mjs';

const USAGE = `Usage: npm run org:smoke -- [options]
  --target-org <alias>   org set up by npm run org:setup (default: the CLI's default org)
  --status <label>       Omni-Channel status to pick in the widget (default: Available)
  --output-dir <dir>     screenshots (default: smoke-results)
  --dry-run              print the steps and open nothing
Environment: CHROMIUM_PATH (else /usr/bin/chromium or /usr/bin/google-chrome);
  PRESENCE_SYNC_CONNECT_USERNAME, PRESENCE_SYNC_CONNECT_PASSWORD: a Connect test agent (optional).`;

const CONSOLE_PATH = 'lightning/app/c__Presence_Sync_Console';
const RULES_PATH = 'lightning/n/Presence_Sync_Rules';
const HEALTH_PATH = 'lightning/n/Presence_Sync_Health_Check';
/** The sample rules' Connect states and the sample statuses both have Lunch. */
const SAVED_ROW = { connectState: 'Lunch', omniStatus: 'Lunch' };

export const STEPS = [
    'Open the Presence Sync Console (sf org open --url-only)',
    'The Presence Sync utility loads without errors',
    'The rule builder saves a rule',
    'The health check renders',
    'A status picked in the Omni-Channel widget reaches the agent and the trace',
    'Amazon Connect sign-in (only with PRESENCE_SYNC_CONNECT_USERNAME/PASSWORD)'
];

function chromiumPath() {
    const candidates = [
        process.env.CHROMIUM_PATH,
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome'
    ].filter(Boolean);
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) fail('No Chromium or Chrome found: install one or set CHROMIUM_PATH.');
    return found;
}

function query(org, soql) {
    return sfJson(['data', 'query', '--target-org', org, '--query', soql], { timeoutSeconds: 120 }).records;
}

/** Waits until the query finds a record (what the components wrote reaches the org). */
function recordAppears(org, soql, what) {
    return eventually(() => query(org, soql).length > 0, what);
}

async function eventually(check, what, timeoutMs = 90_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    fail(`Timed out waiting for ${what}.`);
}

/** Opens a utility bar item by its label (Salesforce's DOM: a button in the utility bar). */
async function openUtility(page, label) {
    await page.getByRole('button', { name: label, exact: false }).first().click();
}

/** Step 2: the utility renders the agent component, with no uncaught error of ours. */
async function utilityRenders({ page, shot, ourErrors }) {
    step(STEPS[1]);
    await openUtility(page, 'Presence Sync');
    await agentShown(page, { timeout: 120_000 });
    await shot('2-utility');
    if (ourErrors.length > 0) fail(`The Presence Sync utility threw: ${ourErrors.join(' | ')}`);
    info('The agent component rendered with no uncaught error of ours.');
}

/** Step 3: a mapping row saved in the rule builder reaches the org. */
async function savesARule({ page, shot, org, base, startedIso }) {
    step(STEPS[2]);
    await page.goto(`${base}/${RULES_PATH}`, { timeout: 120_000 });
    await saveMappingRow(page, SAVED_ROW, { timeout: 120_000 });
    await shot('3-rule-builder');
    await recordAppears(
        org,
        `SELECT Id FROM Presence_Sync_Rule__c WHERE Destination__c = 'SalesforceAgentState' AND Destination_Value__c = '${SAVED_ROW.omniStatus}' AND CreatedDate >= ${startedIso}`,
        'the saved rule in the org'
    );
    info('The rule is in the org.');
}

/** Step 4: the health check shows its checks. */
async function healthCheckShows({ page, shot, base }) {
    step(STEPS[3]);
    await page.goto(`${base}/${HEALTH_PATH}`, { timeout: 120_000 });
    const rows = await healthCheckRows(page, { timeout: 120_000 });
    await shot('4-health-check');
    if (rows.length < 10) fail(`The health check shows ${rows.length} checks, expected 10 or more.`);
    info(rows.map((row) => `${row.id}: ${row.status}`).join(', '));
}

/** Step 5: an Omni-Channel status picked in the widget reaches the agent and the trace. */
async function omniChangeTraced({ page, shot, org, opened, status, user, startedIso }) {
    step(STEPS[4]);
    await page.goto(opened.url, { timeout: 120_000 });
    await openUtility(page, 'Omni-Channel');
    // Salesforce's widget: a status menu button, then the status by its label.
    await page
        .getByRole('button', { name: /status/i })
        .first()
        .click();
    await page.getByRole('menuitem', { name: status }).first().click();
    await shot('5-omni-widget');
    await openUtility(page, 'Presence Sync');
    await eventually(
        async () => (await agentOmniStatus(page)).includes(status),
        `the agent to show ${status}`
    );
    await recordAppears(
        org,
        `SELECT Id FROM Presence_Sync_Log__c WHERE User__c = '${user.id}' AND Event_Type__c = 'SalesforceStateChange' AND CreatedDate >= ${startedIso}`,
        'the Omni-Channel change in the Presence Sync log'
    );
    await shot('6-traced');
    info(`${status} reached the agent and the trace.`);
}

/** Step 6: the agent signs in to Amazon Connect (when the workflow has a Connect user). */
async function connectSignsIn({ page, shot }) {
    step(STEPS[5]);
    const username = process.env.PRESENCE_SYNC_CONNECT_USERNAME;
    const password = process.env.PRESENCE_SYNC_CONNECT_PASSWORD;
    if (!username || !password) {
        console.log('::notice::Connect side skipped: no PRESENCE_SYNC_CONNECT_USERNAME/PASSWORD.');
    } else {
        const popup = page.context().waitForEvent('page', { timeout: 60_000 });
        await page
            .locator('c-presence-sync-agent')
            .getByRole('button', { name: /sign in/i })
            .first()
            .click();
        const login = await popup;
        await login.locator('#wdc_username').fill(username);
        await login.locator('#wdc_password').fill(password);
        await login.locator('#wdc_login_button').click();
        await eventually(async () => {
            const text = await page
                .locator('c-presence-sync-agent [data-id="connect-state"]')
                .first()
                .textContent();
            return Boolean(text && text.trim() && !/—|unknown/i.test(text));
        }, 'a Connect state in the agent utility');
        await shot('7-connect');
        info('The agent is signed in to Amazon Connect.');
    }
}

async function run(options) {
    const org = requireTargetOrg(options['target-org']);
    const status = options.status ?? 'Available';
    const outputDir = join(root, options['output-dir'] ?? 'smoke-results');
    mkdirSync(outputDir, { recursive: true });
    const user = sfJson(['org', 'display', 'user', '--target-org', org], { timeoutSeconds: 60 });

    step(STEPS[0]);
    const opened = sfJson(['org', 'open', '--url-only', '--path', CONSOLE_PATH, '--target-org', org]);
    const base = new URL(opened.url).origin;
    const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: ['--headless', '--no-sandbox']
    });
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const ourErrors = [];
    page.on('pageerror', (error) => {
        if (/presenceSync|presence-sync/i.test(`${error.message}\n${error.stack}`))
            ourErrors.push(error.message);
    });
    const shot = (name) => page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
    try {
        await page.goto(opened.url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
        await page.waitForURL(/lightning\/app\/c__Presence_Sync_Console|lightning\/page/, {
            timeout: 120_000
        });
        await shot('1-console');

        const context = { page, shot, org, base, opened, ourErrors, status, user };
        await utilityRenders(context);
        context.startedIso = new Date(Date.now() - 60_000).toISOString();
        await savesARule(context);
        await healthCheckShows(context);
        await omniChangeTraced(context);
        await connectSignsIn(context);
    } catch (error) {
        await shot('failed').catch(() => undefined);
        throw error;
    } finally {
        await browser.close();
    }
    console.log(`\n✔ Smoke test passed in ${org}; screenshots in ${outputDir}.`);
}

await main(async () => {
    if (process.argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    const options = parseArgs(process.argv.slice(2), {
        flags: ['dry-run'],
        options: ['target-org', 'status', 'output-dir']
    });
    plan(STEPS.length);
    if (options['dry-run']) {
        for (const title of STEPS) {
            step(title);
            info('(dry run: nothing opened)');
        }
        return;
    }
    await run(options);
});
