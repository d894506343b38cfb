/**
 * End-to-end scenarios for the platforms' real semantics (issue 12): what the strict emulators
 * refuse, and what the agent component does about it. Each is one "Done when" of the issue.
 */
import assert from 'node:assert/strict';
import { eventually, openTab, untilReady } from './harness.mjs';
import { agentText, putStates, row, settle, sides, toolkitSets, wb } from './steps.mjs';

const statusText = (page) => agentText(page, 'sync-status').then((t) => t.trim());
const ruleCount = (page, n) =>
    eventually(async () => (await agentText(page, 'rule-set')).includes(`(${n} rules)`), {
        what: `the agent to load ${n} rules`
    });
/** Every write a page made: Connect state requests and Omni-Channel toolkit writes. */
const writes = (page) =>
    wb(page, () => [
        ...window.workbench.connect
            .calls()
            .filter((c) => c.method === 'putAgentState')
            .map((c) => `connect ${c.params.state.name}${c.params.enqueueNextState ? ' (next)' : ''}`),
        ...window.workbench.omni
            .calls()
            .filter((c) => c.method === 'setServicePresenceStatus' || c.method === 'logout')
            .map((c) => `omni ${c.method}`)
    ]);

/** Chrome's intensive throttling of hidden tabs, compressed: once on, a timer fires at most once a minute. */
function throttleableTimers() {
    const realSetTimeout = window.setTimeout.bind(window);
    const realSetInterval = window.setInterval.bind(window);
    let throttled = false;
    window.throttleTimers = () => {
        throttled = true;
    };
    window.setTimeout = (handler, ms, ...args) =>
        realSetTimeout(handler, throttled ? Math.max(ms ?? 0, 60000) : ms, ...args);
    window.setInterval = (handler, ms, ...args) => {
        let last = 0;
        return realSetInterval(() => {
            if (!throttled || Date.now() - last >= 60000) {
                last = Date.now();
                handler(...args);
            }
        }, ms);
    };
}

function withoutWebLocks() {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
}

/** Two tabs of one browser; the first (the writer) is throttled; the agent plays in the second. */
async function twoTabsOneThrottled(environment, opened, initScript) {
    const { context, errors } = opened;
    await opened.page.close();
    const { page: first } = await openTab(environment, context, {
        errors,
        initScript: `(${initScript})();(${throttleableTimers})();`
    });
    const { page: second } = await openTab(environment, context, {
        errors,
        initScript: `(${initScript})();`
    });
    await settle(second);
    await wb(first, () => window.throttleTimers());
    // Longer than the fallback lease (2 s): a throttled lease holder's lease runs out meanwhile.
    await second.waitForTimeout(3000);
    await wb(second, () => window.workbench.omni.setStatus('Working_Media'));
    await eventually(async () => (await sides(second)).connect === 'Working - Media', {
        what: 'Connect to follow Omni-Channel in some tab',
        timeoutMs: 8000
    });
    await wb(second, () => window.workbench.connect.setState('Working - Phone'));
    await eventually(async () => (await sides(second)).omni === 'Working_Phone', {
        what: 'Omni-Channel to follow Connect in some tab',
        timeoutMs: 8000
    });
    await second.waitForTimeout(1500);
    const done = { first: await writes(first), second: await writes(second) };
    assert.deepEqual(
        [...done.first, ...done.second].sort(),
        ['connect Working - Media', 'omni setServicePresenceStatus'],
        `each change written exactly once: ${JSON.stringify(done)}`
    );
    return done;
}

export const platformScenarios = [
    {
        name: 'a page reload keeps both sides and writes nothing, also where the old start-up overwrote Connect',
        lws: true,
        async run(page) {
            await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...row('lunch', 'Lunch', 'Lunch', 'BiDirectional', 10),
                ...row('avail', 'Available', 'Available', 'BiDirectional', 20)
            ]);
            await ruleCount(page, 4);
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
            await page.reload();
            await untilReady(page);
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
            assert.deepEqual(await writes(page), [], 'nothing written after the reload');
            assert.equal(await statusText(page), 'In sync');

            // The probe of issue 12: Connect Lunch, Omni-Channel Available when the console reloads.
            await wb(page, () => window.workbench.omni.supervisorSetStatus('Available'));
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            await wb(
                page,
                (rules) => window.workbench.rules.replace(rules),
                row('lunch', 'Lunch', 'Lunch', 'Publisher', 10)
            );
            await ruleCount(page, 1);
            await wb(page, () => window.workbench.omni.supervisorSetStatus('Available'));
            await settle(page);
            await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...row('lunch', 'Lunch', 'Lunch', 'BiDirectional', 10),
                ...row('avail', 'Available', 'Available', 'BiDirectional', 20)
            ]);
            await ruleCount(page, 4);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Available' });
            // Omni-Channel logs the agent in 2 s after the console loads: surely after the agent's
            // first read (refused), however slow the machine, so the login is the state at load.
            const later = new URL(page.url());
            later.searchParams.set('omniLoginMs', '2000');
            await page.goto(later.href);
            await untilReady(page);
            await settle(page);
            assert.deepEqual(
                await sides(page),
                { connect: 'Lunch', omni: 'Available' },
                'Connect kept Lunch'
            );
            assert.deepEqual(await writes(page), []);
            assert.match(await statusText(page), /^Out of sync: rules want /);
            const log = await wb(page, () => window.workbench.log());
            assert.ok(
                log.some((e) => /^Omni-Channel at load: /.test(e.message ?? '')),
                'Omni-Channel’s login at load taken as the state at load'
            );
        }
    },
    {
        name: 'a routable decision during a call is held and applied when the contact ends',
        lws: true,
        async run(page) {
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.equal((await sides(page)).connect, 'Working - Media');
            await wb(page, () => window.workbench.connect.setState('PendingBusy'));
            await wb(page, () => window.workbench.connect.setState('Busy'));
            await settle(page);
            await wb(page, () => window.workbench.omni.setStatus('Available'));
            await settle(page);
            assert.equal((await sides(page)).connect, 'Busy', 'the call goes on');
            assert.equal(
                await wb(page, () => window.workbench.connect.nextState()),
                null,
                'Connect cannot queue Available'
            );
            assert.match(
                await agentText(page, 'next-state'),
                /Available \(set by Presence Sync when the contact ends\)/
            );
            assert.equal(await statusText(page), 'Waiting for the contact to end: Connect will be Available');
            await wb(page, () => window.workbench.connect.setState('AfterCallWork'));
            await wb(page, () => window.workbench.connect.endCall());
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            assert.deepEqual(
                (await putStates(page)).map((c) => [c.params.state.name, c.params.enqueueNextState]),
                [
                    ['Working - Media', false],
                    ['Available', false]
                ]
            );
            assert.equal(await statusText(page), 'In sync');
        }
    },
    {
        name: 'an error state (MissedCallAgent) is not a contact: a change is written at once',
        lws: true,
        async run(page) {
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('PendingBusy'));
            await wb(page, () => window.workbench.connect.setState('MissedCallAgent'));
            await settle(page);
            assert.equal(await agentText(page, 'connect-state'), 'MissedCallAgent');
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            const [put] = (await putStates(page)).slice(-1);
            assert.deepEqual(
                [put.params.state.name, put.params.enqueueNextState],
                ['Working - Media', false]
            );
            assert.equal((await sides(page)).connect, 'Working - Media');
        }
    },
    {
        name: 'an unanswered Connect request ends in a "sign in" problem within the timeout; the Sign in button signs in',
        lws: true,
        open: { query: '?requestTimeoutSeconds=2' },
        async run(page) {
            await wb(page, () => window.workbench.connect.answerRequests(false));
            const started = Date.now();
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            const problem = page.locator('c-presence-sync-agent [data-problem="connect"]');
            await problem.waitFor({ timeout: 4000 });
            assert.ok(Date.now() - started < 3500, `within the 2 s timeout (${Date.now() - started} ms)`);
            assert.match(await problem.textContent(), /Sign in to Amazon Connect/);
            assert.match(await problem.textContent(), /did not answer a state change within 2 s/);
            assert.ok(
                (await wb(page, () => window.workbench.toasts())).some(
                    (t) => t.label === 'Sign in to Amazon Connect'
                )
            );

            // The session expires instead: Connect answers with auth_fail, and the agent signs in.
            await wb(page, () => window.workbench.connect.answerRequests(true));
            await wb(page, () => window.workbench.connect.signOut());
            await wb(page, () => window.workbench.omni.setStatus('Available'));
            await eventually(async () => /session has ended/.test(await problem.textContent()), {
                what: 'the sign-in problem of an ended session'
            });
            // The agent closes the toasts that cover the panel, then presses Sign in.
            for (const close of await page.locator('[data-id="toast"] button[title="Close"]').all()) {
                await close.click();
            }
            const [popup] = await Promise.all([
                page.waitForEvent('popup'),
                page.locator('c-presence-sync-agent lightning-button[data-id="sign-in"] button').click()
            ]);
            await popup.locator('[data-id="ccp-sign-in"]').click();
            await eventually(async () => (await problem.count()) === 0, {
                what: 'the sign-in problem to clear'
            });
            // Signed in for real: Connect takes the next change.
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.equal((await sides(page)).connect, 'Working - Media');
        }
    },
    {
        name: 'two tabs, the writer throttled, never both write: with Web Locks',
        async run(page, environment, opened) {
            const done = await twoTabsOneThrottled(environment, opened, () => undefined);
            assert.equal(done.second.length, 0, 'the throttled tab keeps the lock and writes');
        }
    },
    {
        name: 'two tabs, the writer throttled, never both write: with the lease of browsers without Web Locks',
        async run(page, environment, opened) {
            const done = await twoTabsOneThrottled(environment, opened, withoutWebLocks);
            assert.equal(
                done.first.length,
                0,
                'the throttled tab, its lease run out, asks before writing and stops'
            );
        }
    },
    {
        name: 'the status never says In sync while the sides differ from what the rules want',
        lws: true,
        settings: { flapMaxChanges: 1, flapWindowSeconds: 60 },
        async run(page) {
            const seen = [];
            const look = async (what) => seen.push([what, await statusText(page), await sides(page)]);
            await wb(page, () => window.workbench.connect.setState('Training'));
            await settle(page);
            await look('a state no rule covers');
            assert.equal(await statusText(page), 'No rule for Training');

            await page.locator('label[for="wb-grant-Available"]').click();
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            await look('a refused status');
            assert.equal(await statusText(page), 'Out of sync: Omni refused Available');
            assert.equal(await agentText(page, 'last-rule'), 'None yet', 'a refused change is not "applied"');
            await page.locator('label[for="wb-grant-Available"]').click();

            await wb(page, () => window.workbench.connect.setState('Working - Phone'));
            await settle(page);
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            await look('paused by the flapping guard');
            assert.equal(await statusText(page), 'Paused: sides differ');
            assert.deepEqual(await sides(page), { connect: 'Working - Phone', omni: 'Working_Media' });

            await page.locator('c-presence-sync-agent [data-id="resume"] button').click();
            await settle(page);
            await look('resumed');
            assert.deepEqual(
                await sides(page),
                { connect: 'Working - Media', omni: 'Working_Media' },
                'Resume applied the rules'
            );
            assert.equal(await statusText(page), 'In sync');
            assert.match(await agentText(page, 'last-rule'), /Working_Media|Working - Media/);
            // Only the last look, with both sides what the rules want, may say In sync.
            assert.deepEqual(
                seen.filter(([, text]) => text === 'In sync').map(([what]) => what),
                ['resumed']
            );
        }
    },
    {
        name: 'the utility stays off the softphone unless it is the agent’s softphone, and reset gives a fresh session',
        lws: true,
        async run(page) {
            await wb(page, () => window.workbench.connect.openOwnSoftphone());
            const before = await wb(page, () => window.workbench.connect.softphone());
            assert.deepEqual(before, { master: 'agent-softphone', takeovers: [] });
            // Reset: a fresh agent component, signed in, nothing carried over.
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await wb(page, () => window.workbench.reset());
            assert.deepEqual(await writes(page), []);
            assert.deepEqual(await wb(page, () => window.workbench.log()), []);
            assert.equal(await statusText(page), 'No rule for Offline');
            assert.equal(await toolkitSets(page), 0);
        }
    }
];
