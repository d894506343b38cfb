// npm run bench:org: what Presence Sync costs an org, measured and projected. Plays scripted
// agent days (workbench/e2e/agentDays.mjs: calls, digital work, workload changes, breaks and
// manual changes) in the workbench, with the page's clock run fast (Playwright's clock) and the
// emulated org metering every Apex call (queries, rows, DML, platform events, log rows and
// bytes); then projects 1,000, 10,000 and 50,000 agents against the published allocations of
// Enterprise and Unlimited Edition (scripts/lib/org-budget.js, docs/scale.md). Prints the tables,
// writes .bench/org.json, and exits 1 when the defaults do not fit 10,000 agents in an
// Enterprise org with 2× headroom.
//
// Options: --hours=N (length of each day, default 8), --profiles=voice,digital,blended.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentDays, CONTACT_CENTER_RULES } from '../workbench/e2e/agentDays.mjs';
import { findChromium, startEnvironment, untilReady, workbenchUrl } from '../workbench/e2e/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const budget = require('./lib/org-budget.js');

const argument = (name, fallback) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const HOURS = Number(argument('hours', '8'));
const PROFILES = argument('profiles', 'voice,digital,blended').split(',');
/** The page's clock moves in steps this long; between steps the page's messages and requests settle. */
const STEP_MS = 1000;
const DAY_START = Date.UTC(2026, 10, 23, 8, 0, 0);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function quiet(page) {
    for (let i = 0; i < 500; i++) {
        if (!(await page.evaluate(() => window.workbench.busy()))) {
            return;
        }
        await sleep(2);
    }
}

/** Runs the page's clock to `target` in steps, letting what the page sent come back in between. */
async function advance(page, clock, target) {
    while (clock.now < target) {
        const step = Math.min(STEP_MS, target - clock.now);
        await page.clock.runFor(step);
        clock.now += step;
        await quiet(page);
    }
}

/** Starts one step of the day in the page without waiting for it (its timers only run as the clock runs). */
function act(page, step) {
    return page.evaluate(
        ({ act: name, args }) => {
            const [side, method] = name.split('.');
            window.benchFailures ??= [];
            Promise.resolve()
                .then(() => window.workbench[side][method](...args))
                .catch((error) =>
                    window.benchFailures.push(`${name}(${args.join(', ')}): ${error.message ?? error}`)
                );
        },
        { act: step.act, args: step.args }
    );
}

async function storedRows(environment) {
    const response = await fetch(
        new URL('/workbench/apex/PresenceSyncLogController.readLogs', environment.server.url),
        {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
                userId: '',
                fromMs: 0,
                toMs: DAY_START + 2 * 86400000,
                pageSize: 2000,
                pageToken: null
            })
        }
    );
    const page = await response.json();
    const summary = page.entries.filter((e) => e.step === 'sync-summary').length;
    return { summary, detail: page.entries.length - summary, truncated: page.nextPageToken !== null };
}

async function meter(environment) {
    return (await fetch(new URL('/workbench/meter', environment.server.url))).json();
}

async function playDay(environment, day) {
    await environment.post('/workbench/reset');
    await environment.post('/workbench/settings', {
        logLevel: budget.DEFAULTS.logLevel,
        logSummaryRetentionDays: budget.DEFAULTS.summaryRetentionDays,
        logRetentionDays: budget.DEFAULTS.retentionDays
    });
    await environment.post('/workbench/rules/replace', { rules: CONTACT_CENTER_RULES });
    await environment.post('/workbench/meter/reset');
    const context = await environment.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install({ time: DAY_START - 60_000 });
    await page.goto(workbenchUrl(environment, {}));
    await page.waitForFunction(() => window.workbench !== undefined, null, { timeout: 30000 });
    await untilReady(page);
    await page.clock.pauseAt(DAY_START);
    const clock = { now: DAY_START };
    const started = Date.now();
    for (const step of day.steps) {
        await advance(page, clock, DAY_START + step.at);
        await act(page, step);
        await quiet(page);
    }
    // Ten minutes after the shift: what waits is shipped, the keep-alive has gone out once more.
    await advance(page, clock, DAY_START + day.endsAt + 10 * 60_000);
    const failures = await page.evaluate(() => window.benchFailures ?? []);
    await page.close({ runBeforeUnload: true });
    await context.close();
    await sleep(200);
    return {
        profile: day.profile,
        steps: day.steps.length,
        seconds: Math.round((Date.now() - started) / 1000),
        meter: await meter(environment),
        rows: await storedRows(environment),
        failures,
        errors
    };
}

function fmt(n, digits = 0) {
    return Number(n).toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits
    });
}

function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
    return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join(
        '\n'
    );
}

/** Plays each profile's day in the workbench, one after the other, on a fresh emulated org. */
async function playDays() {
    console.log(`Playing ${PROFILES.join(', ')} agent days of ${HOURS} hours in the workbench…`);
    const environment = await startEnvironment();
    const days = [];
    try {
        for (const day of agentDays(HOURS).filter((d) => PROFILES.includes(d.profile))) {
            const played = await playDay(environment, day);
            console.log(
                `  ${day.profile}: ${played.steps} steps in ${played.seconds} s; ${played.rows.summary + played.rows.detail} log rows; ${played.failures.length} steps refused, ${played.errors.length} page errors`
            );
            days.push(played);
        }
    } finally {
        await environment.close();
    }
    return days;
}

/** Per agent-day: each played day scaled to an 8-hour shift, then their mean. */
function perAgentDays(days) {
    const perDay = days.map((d) => ({
        profile: d.profile,
        ...budget.perAgentDay(d.meter, d.rows, HOURS / 8)
    }));
    const mean = Object.fromEntries(
        Object.keys(perDay[0])
            .filter((k) => k !== 'profile')
            .map((k) => [k, perDay.reduce((s, d) => s + d[k], 0) / perDay.length])
    );
    return { perDay, mean };
}

function printPerAgentDay({ perDay, mean }) {
    const headers = [
        'Per agent-day',
        'log rows (summary + steps)',
        'log KB',
        'events published',
        'Apex calls',
        'SOQL',
        'query rows',
        'DML statements',
        'DML rows'
    ];
    const dayRow = (name, d) => [
        name,
        `${fmt(d.logRows)} (${fmt(d.summaryRows)} + ${fmt(d.detailRows)})`,
        fmt(d.logBytes / 1024),
        fmt(d.eventsPublished),
        fmt(d.apexCalls),
        fmt(d.soql),
        fmt(d.queryRows),
        fmt(d.dmlStatements),
        fmt(d.dmlRows)
    ];
    console.log(`\n${table(headers, [...perDay.map((d) => dayRow(d.profile, d)), dayRow('mean', mean)])}\n`);
}

function printProjections(projections) {
    const rows = projections.flatMap((p) =>
        p.checks.map((c) => [
            `${p.edition} ${fmt(p.agents)}`,
            c.name,
            `${fmt(c.used, c.used < 10 ? 1 : 0)} ${c.unit}`,
            `${fmt(c.allocation)} ${c.unit}`,
            `${(c.share * 100).toFixed(1)}%`,
            c.fits ? 'yes' : 'NO',
            c.note ?? ''
        ])
    );
    const headers = [
        'Org',
        'Allocation',
        'Presence Sync uses',
        'Allocation (log share for storage)',
        'Used',
        'Fits 2×',
        'Note'
    ];
    console.log(table(headers, rows));
}

async function main() {
    if (!findChromium()) {
        console.error('bench:org needs Chromium (apt-get install -y chromium, or CHROMIUM_PATH).');
        process.exit(1);
    }
    const days = await playDays();
    const perAgentDay = perAgentDays(days);
    printPerAgentDay(perAgentDay);
    const projections = ['Enterprise', 'Unlimited'].flatMap((edition) =>
        budget.AGENT_COUNTS.map((agents) => budget.project(perAgentDay.mean, agents, edition))
    );
    printProjections(projections);

    const ok = budget.fits(budget.project(perAgentDay.mean, 10000, 'Enterprise'));
    mkdirSync(join(root, '.bench'), { recursive: true });
    const report = {
        hours: HOURS,
        defaults: budget.DEFAULTS,
        assumptions: budget.ASSUMPTIONS,
        allocations: budget.ALLOCATIONS,
        days,
        perAgentDay,
        projections,
        fitsTenThousandEnterprise: ok
    };
    writeFileSync(join(root, '.bench', 'org.json'), JSON.stringify(report, null, 2));
    console.log(
        `\n${ok ? 'The defaults fit' : 'The defaults do NOT fit'} 10,000 agents in an Enterprise org with 2× headroom. Written .bench/org.json.`
    );
    const pageErrors = days.flatMap((d) => d.errors);
    if (pageErrors.length > 0) {
        console.log(`Page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
    }
    process.exit(ok && pageErrors.length === 0 ? 0 : 1);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
