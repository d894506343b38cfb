/**
 * End-to-end scenarios under Lightning Web Security: the `c` namespace evaluated in the real
 * `@locker/sandbox`, the real Streams bundle loaded through `loadScript` into the same sandbox,
 * and the emulated CCP on another origin than the page, as a real CCP is (`?lws=1`).
 *
 * `withLwsScenarios(scenarios)` returns the plain scenarios, then again in LWS mode each scenario
 * marked `lws: true`, then the scenarios below. Every LWS scenario first checks that the code
 * really runs in the sandbox, and then asserts what the agent sees.
 */
import assert from 'node:assert/strict';
import { eventually, openTab } from './harness.mjs';
import { agentText, answerCall, endCall, putStates, settle, sides, wb } from './steps.mjs';

/**
 * The agent component, the Connect port and Streams run in the `c` sandbox: the namespace's
 * modules were evaluated by the sandbox host, Streams defined `connect` inside the sandbox (not on
 * the page), the CCP frame is on another origin, and Streams answered the MessagePort the CCP
 * handed it.
 */
async function assertSandboxed(page) {
    const facts = await wb(page, () => ({
        key: window.workbenchLws?.key,
        evaluated: window.workbenchLws?.evaluated() ?? [],
        pageHasStreams: 'connect' in window
    }));
    assert.equal(facts.key, 'c', 'the page runs the LWS host');
    for (const module of ['c/presenceSyncAgent', 'c/presenceSyncConnectPort', 'c/presenceSyncEngine']) {
        assert.ok(facts.evaluated.includes(module), `${module} evaluated in the sandbox: ${facts.evaluated}`);
    }
    const frame = page.locator('c-presence-sync-agent iframe');
    await frame.waitFor({ state: 'attached', timeout: 10000 });
    const frameOrigin = new URL(await frame.getAttribute('src')).origin;
    assert.notEqual(frameOrigin, new URL(page.url()).origin, 'the CCP is on another origin');
    await eventually(() => wb(page, () => window.workbench.emulators.ccp()?.sitePortReady() === true), {
        what: "Streams' answer on the CCP's MessagePort"
    });
    assert.equal(facts.pageHasStreams, false, 'Streams was evaluated in the sandbox, not in the page');
}

function inLws(scenario) {
    return {
        ...scenario,
        name: `LWS: ${scenario.name}`,
        open: { ...scenario.open, lws: true },
        async run(page, environment) {
            await assertSandboxed(page);
            await scenario.run(page, environment);
        }
    };
}

/** Omni-Channel Lunch sets Connect Lunch: a custom not-routable state, which Connect queues during a contact. */
const LUNCH_RULE = {
    id: 'lws-lunch',
    name: 'Omni Lunch to Connect Lunch',
    active: true,
    order: 50,
    source: 'SalesforceStateChange',
    operandA: 'SalesforceNewState',
    comparator: 'Equal',
    operandB: 'StaticValue',
    operandBValue: 'Lunch',
    destination: 'ConnectAgentState',
    destinationValue: 'Lunch'
};

const scenarios = [
    {
        name: 'LWS: during a call an Omni-Channel change to Lunch is queued as next state, applied after the call',
        open: { lws: true },
        async run(page) {
            await assertSandboxed(page);
            const seed = await wb(page, () => window.workbench.rules.list());
            const result = await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...seed,
                LUNCH_RULE
            ]);
            assert.deepEqual(result.rejected, []);
            await eventually(async () => (await agentText(page, 'rule-set')).includes('5 rules'), {
                what: 'the agent to load 5 rules'
            });
            await answerCall(page);
            await wb(page, () => window.workbench.omni.setStatus('Lunch'));
            await settle(page);
            assert.equal(await wb(page, () => window.workbench.connect.nextState()), 'Lunch');
            assert.equal((await sides(page)).connect, 'Busy', 'a live call is not interrupted');
            const [put] = (await putStates(page)).slice(-1);
            assert.equal(put.params.state.name, 'Lunch');
            assert.equal(put.params.enqueueNextState, true, 'asked as the next state, and Connect said yes');
            assert.match(await agentText(page, 'next-state'), /Lunch/);
            assert.match(await page.locator('[data-id="connect-next-state"]').textContent(), /Lunch/);
            await endCall(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
            assert.equal(await wb(page, () => window.workbench.connect.nextState()), null);
            assert.match(await agentText(page, 'sync-status'), /In sync/);
            assert.match(await page.locator('[data-id="utility-label"]').textContent(), /in sync/);
            // Streams' keep-alive kept going: a synchronize is sent a second after each acknowledge.
            await eventually(() => wb(page, () => window.workbench.emulators.ccp().keepalives() >= 2), {
                what: "Streams' keep-alive synchronize/acknowledge rounds"
            });
        }
    },
    {
        name: 'LWS: the tab lock: a second tab watches, writes nothing, and takes over when the writer tab closes',
        open: { lws: true },
        async run(writer, environment) {
            await assertSandboxed(writer);
            // Not watching: the first tab holds the writer role (its status names the states: with
            // both sides Offline and no rule for Offline it says so rather than "In sync").
            await eventually(async () => !/Watching/.test(await agentText(writer, 'sync-status')), {
                what: 'the first tab to write'
            });
            const second = await openTab(environment, writer.context(), { lws: true });
            const page = second.page;
            await eventually(async () => /Watching/.test(await agentText(page, 'sync-status')), {
                what: 'the second tab to watch'
            });
            assert.match(await agentText(page, 'watching'), /another .*tab/i);
            await wb(page, () => window.workbench.omni.setStatus('Available'));
            await settle(page);
            assert.deepEqual(await putStates(page), [], 'a watching tab does not write to Connect');
            // The writer tab follows in its own page: settled there too before its status is read (under load it lagged).
            await settle(writer);
            assert.match(await agentText(writer, 'sync-status'), /In sync/, 'the first tab still writes');

            await writer.close();
            await eventually(async () => !/Watching/.test(await agentText(page, 'sync-status')), {
                timeoutMs: 5000,
                what: 'the second tab to take over'
            });
            await wb(page, () => window.workbench.omni.setStatus('Working_Media'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Working_Media' });
            assert.deepEqual(second.errors, [], 'no uncaught errors in the second tab');
        }
    }
];

/** The plain scenarios, those marked `lws: true` again under LWS, and the LWS-only scenarios. */
export function withLwsScenarios(plain) {
    return [...plain, ...plain.filter((s) => s.lws).map(inLws), ...scenarios];
}
