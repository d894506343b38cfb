/**
 * What the browser end-to-end tests, the benchmark and the screenshot script share: finding
 * Debian's Chromium, starting the workbench server on a free port with its own data folder,
 * opening the workbench page in a fresh browser context, and waiting for conditions.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startWorkbench } from '../serve.mjs';

const CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** `CHROMIUM_PATH`, else Debian's /usr/bin/chromium; null when neither exists. */
export function findChromium() {
    const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
        Boolean
    );
    return candidates.find((path) => existsSync(path)) ?? null;
}

/** Starts the server (built once, no rebuild on load) and the browser. */
export async function startEnvironment({ log = () => undefined } = {}) {
    const executablePath = findChromium();
    if (!executablePath) {
        return null;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'presence-sync-workbench-'));
    const server = await startWorkbench({
        port: 0,
        dataDir,
        rebuildOnLoad: false,
        reuseFreshBuild: process.env.WORKBENCH_REUSE_BUILD === 'true',
        log
    });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
    return {
        server,
        browser,
        /** POSTs to the workbench server's own endpoints (reset, settings). */
        async post(path, body = {}) {
            const response = await fetch(new URL(path, server.url), {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body)
            });
            if (!response.ok) {
                throw new Error(`${path}: ${response.status} ${await response.text()}`);
            }
            return response.json();
        },
        async close() {
            await browser.close();
            await server.close();
            rmSync(dataDir, { recursive: true, force: true });
        }
    };
}

/**
 * The workbench's address for a query string, e.g. `?ccpTimeoutSeconds=1`; `lws` adds `lws=1`
 * (the components in the Lightning Web Security sandbox, the CCP on another origin).
 */
export function workbenchUrl(environment, { query = '', lws = false } = {}) {
    const url = new URL(query, environment.server.url);
    if (lws) {
        url.searchParams.set('lws', '1');
    }
    return url.href;
}

/**
 * Awaits `window.workbench.ready`, after the page opened, reloaded or navigated. While an LWS page
 * starts (the sandbox's frame and the CCP frame come and go), Chromium's DevTools protocol now and
 * then reports the awaited promise as garbage collected although the page still holds it; asking
 * again then works.
 */
export async function untilReady(page) {
    for (let attempt = 1; ; attempt++) {
        try {
            return await page.evaluate(() => window.workbench.ready);
        } catch (error) {
            if (attempt >= 5 || !/garbage collected/.test(error.message)) {
                throw error;
            }
        }
    }
}

/**
 * Opens the workbench in a tab of `context` (the agent's browser: its tabs share localStorage,
 * Web Locks and the emulated sides) and waits until the agent component reports sync ready
 * (unless `waitForReady` is false, for a start that is meant to fail). `initScript` runs in the
 * tab before its own scripts (e.g. to throttle its timers). Page errors are collected in
 * `errors` (a new list unless one is given) for the caller to check.
 */
export async function openTab(
    environment,
    context,
    { query = '', lws = false, waitForReady = true, errors = [], initScript } = {}
) {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    if (initScript) {
        await page.addInitScript(initScript);
    }
    const started = Date.now();
    await page.goto(workbenchUrl(environment, { query, lws }));
    // Under LWS the page's module awaits the sandbox before it defines window.workbench, and the
    // load event does not wait for a module's top-level await.
    await page.waitForFunction(() => window.workbench !== undefined, null, { timeout: 20000 });
    if (waitForReady) {
        await untilReady(page);
    }
    return { page, errors, readyMs: Date.now() - started };
}

/**
 * Opens the workbench in a fresh browser context (its own tabs, storage and CCP); see openTab
 * for the options.
 */
export async function openWorkbench(
    environment,
    { viewport = { width: 1440, height: 1000 }, ...options } = {}
) {
    const context = await environment.browser.newContext({ viewport });
    return { context, ...(await openTab(environment, context, options)) };
}

/** Polls `condition` (an async function) until it returns a truthy value or `timeoutMs` passes. */
export async function eventually(condition, { timeoutMs = 5000, what = 'the condition' } = {}) {
    const started = Date.now();
    let last;
    for (;;) {
        last = await condition();
        if (last) {
            return last;
        }
        if (Date.now() - started > timeoutMs) {
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/**
 * Plays one scenario (`{ name, run(page, environment, opened), settings?, open? }`) on a fresh page
 * of an org reset to the seed, and to the scenario's settings if it has any. Says ✓ or ✗ with the
 * first lines of what went wrong; true when it passed with no uncaught error on the page.
 */
export async function playScenario(environment, scenario) {
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
        console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
        return true;
    } catch (error) {
        console.log(
            `  ✗ ${scenario.name}\n      ${String(error.stack ?? error)
                .split('\n')
                .slice(0, 4)
                .join('\n      ')}`
        );
        return false;
    } finally {
        await opened?.context.close();
    }
}

/**
 * Plays the scenarios one by one in one environment and ends the process, failing if one failed.
 * The last line is always `N passed, M failed`. Without a Chromium it says `noChromium` and exits 0,
 * unless PRESENCE_SYNC_REQUIRE_E2E=true makes that a failure. `notRun(scenario)` returns why a
 * scenario is passed over, or nothing; `starting` is said before the workbench starts.
 */
export async function runScenarios(scenarios, { noChromium, starting, notRun = () => undefined }) {
    try {
        if (!findChromium()) {
            if (process.env.PRESENCE_SYNC_REQUIRE_E2E === 'true') {
                console.error(`${noChromium} PRESENCE_SYNC_REQUIRE_E2E=true makes that a failure.`);
                console.log('0 passed, 1 failed');
                process.exit(1);
            }
            console.log(noChromium);
            console.log('0 passed, 0 failed');
            return;
        }
        if (starting) {
            console.log(starting);
        }
        const environment = await startEnvironment();
        let passed = 0;
        let failed = 0;
        try {
            for (const scenario of scenarios) {
                const reason = notRun(scenario);
                if (reason) {
                    console.log(`  - ${scenario.name}: not run, ${reason}`);
                } else if (await playScenario(environment, scenario)) {
                    passed += 1;
                } else {
                    failed += 1;
                }
            }
        } finally {
            await environment.close();
        }
        console.log(`${passed} passed, ${failed} failed`);
        process.exit(failed > 0 ? 1 : 0);
    } catch (error) {
        console.error(error);
        console.log('0 passed, 1 failed');
        process.exit(1);
    }
}
