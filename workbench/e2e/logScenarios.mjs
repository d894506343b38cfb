/**
 * Browser scenarios of the log at scale (issue 14): at the default Summary level the log reader
 * still answers "why is this agent in this state?"; a supervisor debugs one agent live for a set
 * time and the agent's utility picks it up at once and goes back by itself; a flooding client is
 * held by the org's rate limit, what it dropped is counted and shown, and it costs no events.
 */
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';
import { connectPanelSet, omniPanelSet, settle, sides, wb } from './steps.mjs';

const apex = (page, endpoint, params = {}) =>
    wb(page, ([e, p]) => window.workbench.apex(e, p), [endpoint, params]);

const AGENT = 'Avery Agent';

async function agentId(page) {
    const found = await apex(page, 'PresenceSyncLogController.searchAgents', { term: 'Avery' });
    const agent = found.find((a) => a.name === AGENT);
    assert.ok(agent, `${AGENT} among ${JSON.stringify(found)}`);
    return agent.id;
}

/** What the org stored for the agent, oldest first (the reader's own Apex). */
async function stored(page, userId) {
    const result = await apex(page, 'PresenceSyncLogController.readLogs', {
        userId,
        fromMs: 0,
        toMs: Date.now() + 86_400_000,
        pageSize: 500,
        pageToken: null
    });
    return { entries: [...result.entries].sort((a, b) => a.at - b.at || a.seq - b.seq), page: result };
}

/** The correlation id of the agent's latest decision (from what the session traced). */
async function latestSync(page) {
    const log = await wb(page, () => window.workbench.log());
    const decision = log.filter((e) => e.step === 'decision').at(-1);
    assert.ok(decision, `a decision in workbench.log(): ${JSON.stringify(log.map((e) => e.step))}`);
    return decision;
}

async function openAgentInReader(page) {
    const reader = page.locator('c-presence-sync-log-reader');
    await reader.locator('lightning-input.agent-search input').fill('Avery');
    await reader.locator('button.agent-option', { hasText: AGENT }).click();
    await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
    return reader;
}

/**
 * Lets the page's clock (Date.now) jump ahead, as the time a supervisor chose passes. The
 * emulated org takes its time from the page's requests, so both sides see the jump.
 */
function movableClock() {
    const realNow = Date.now.bind(Date);
    window.workbenchClockOffset = 0;
    Date.now = () => realNow() + window.workbenchClockOffset;
}

export const logScenarios = [
    {
        name: 'at the default Summary level the log reader answers why the agent is in this state',
        needs: ['agent', 'logReader'],
        lws: true,
        settings: { logLevel: 'Summary' },
        async run(page) {
            await connectPanelSet(page, 'Available');
            await omniPanelSet(page, 'Working_Media');
            assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Working_Media' });
            const why = await latestSync(page);
            const userId = await agentId(page);
            const { entries } = await eventually(
                async () => {
                    const found = await stored(page, userId);
                    return found.entries.some((e) => e.correlationId === why.correlationId) ? found : null;
                },
                { timeoutMs: 10000, what: 'the org to store the syncs' }
            );
            assert.deepEqual(
                [...new Set(entries.map((e) => e.step))],
                ['sync-summary'],
                'one summary row per sync that went well, no steps'
            );
            const summary = entries.find((e) => e.correlationId === why.correlationId);
            assert.ok(summary?.summary, `a summary of ${why.correlationId}`);
            assert.equal(summary.ruleName, why.ruleName);

            const reader = await openAgentInReader(page);
            const sync = reader.locator(`li.correlation[data-correlation="${why.correlationId}"]`);
            await sync.waitFor({ timeout: 10000 });
            const text = await sync.textContent();
            // What happened, which rule, what it did, and that only a summary was stored.
            assert.match(text, /Working_Media|Working – Media/);
            assert.match(text, new RegExp(why.ruleName));
            assert.match(text, /Working - Media/);
            assert.match(text, /stored as a summary/);
        }
    },
    {
        name: 'live debugging of one agent: every step for the time the supervisor chose, then back to summaries by itself',
        needs: ['agent', 'logReader'],
        lws: true,
        settings: { logLevel: 'Summary' },
        open: { initScript: movableClock },
        async run(page) {
            const userId = await agentId(page);
            await connectPanelSet(page, 'Available');
            const before = await latestSync(page);

            // The supervisor opens the agent's log and debugs them live for the panel's default 15 minutes.
            const reader = await openAgentInReader(page);
            const panel = reader.locator('c-presence-sync-live-debug-panel');
            await panel.locator('.debug-status').waitFor({ timeout: 10000 });
            assert.match(
                await panel.locator('.debug-status').textContent(),
                /Debug live to store every step/
            );
            await panel.locator('lightning-button.start-debug button').click();
            await eventually(
                async () => /is stored until/.test(await panel.locator('.debug-status').textContent()),
                {
                    what: 'the panel to say every step is stored'
                }
            );
            assert.match(await panel.locator('.debug-status').textContent(), /started by Sam Supervisor/);

            // The agent's utility heard it on Presence_Sync_Debug__e: the next sync ships every
            // step within the debugging interval (seconds), without the page being hidden.
            await page.locator('[data-id="omni-status-select"]').selectOption('Working_Media');
            await page.locator('[data-id="omni-set-status"]').click();
            const debugged = await eventually(
                async () => {
                    const decision = (await wb(page, () => window.workbench.log())).filter(
                        (e) => e.step === 'decision'
                    );
                    const last = decision.at(-1);
                    if (!last || last.correlationId === before.correlationId) {
                        return null;
                    }
                    const { entries } = await stored(page, userId);
                    const steps = entries.filter((e) => e.correlationId === last.correlationId);
                    return steps.some((e) => e.step === 'decision') ? { last, steps } : null;
                },
                { timeoutMs: 15000, what: 'every step of the debugged sync in the org' }
            );
            assert.ok(
                debugged.steps.some((e) => e.step === 'call-result'),
                `every step stored: ${debugged.steps.map((e) => e.step)}`
            );
            assert.ok(!debugged.steps.some((e) => e.step === 'sync-summary'), 'steps instead of a summary');
            await settle(page);

            // The 15 minutes pass: the utility goes back to summaries by itself.
            await wb(page, () => {
                window.workbenchClockOffset += 16 * 60_000;
            });
            await connectPanelSet(page, 'Lunch');
            await omniPanelSet(page, 'Available');
            const after = await latestSync(page);
            assert.notEqual(after.correlationId, debugged.last.correlationId);
            const { entries, page: logPage } = await stored(page, userId);
            const afterRows = entries.filter((e) => e.correlationId === after.correlationId);
            assert.deepEqual(
                afterRows.map((e) => e.step),
                ['sync-summary'],
                `after the window, a summary again: ${afterRows.map((e) => e.step)}`
            );
            const pageNow = await wb(page, () => Date.now());
            assert.ok(
                logPage.agentState.debugUntil < pageNow,
                'the window the org keeps is over by the page clock'
            );

            // The reader shows the debugged sync in full and the others as summaries.
            await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
            const full = reader.locator(`li.correlation[data-correlation="${debugged.last.correlationId}"]`);
            await full.waitFor({ timeout: 10000 });
            assert.doesNotMatch(await full.textContent(), /stored as a summary/);
            const summarized = reader.locator(`li.correlation[data-correlation="${after.correlationId}"]`);
            await summarized.waitFor({ timeout: 10000 });
            assert.match(await summarized.textContent(), /stored as a summary/);
        }
    },
    {
        name: 'a flooding client is held by the rate limit: the dropped entries are counted and shown, and cost no events',
        needs: ['agent', 'logReader'],
        lws: true,
        async run(page, environment) {
            const userId = await agentId(page);
            await settle(page);
            await environment.post('/workbench/meter/reset');
            // Four calls of 500 summaries each (the most one call may carry), all kept by the
            // default level: only the rate limit (1,000 entries a minute) stands in the way.
            const results = await wb(page, async () => {
                const at = Date.now();
                const batch = (n) =>
                    JSON.stringify(
                        Array.from({ length: 500 }, (_, i) => ({
                            correlationId: `flood-${n}-${i}`,
                            seq: 0,
                            at: at + i,
                            step: 'sync-summary',
                            level: 'info',
                            source: 'connect',
                            connectState: 'Available',
                            message: 'x'.repeat(200),
                            summary: { outcome: 'applied' },
                            tabId: 'flood'
                        }))
                    );
                const answers = [];
                for (let n = 0; n < 4; n++) {
                    answers.push(
                        await window.workbench.apex('PresenceSyncAgentController.writeLogEntries', {
                            entriesJson: batch(n)
                        })
                    );
                }
                return answers;
            });
            const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
            const dropped = results.reduce((sum, r) => sum + r.dropped, 0);
            assert.ok(accepted > 0 && accepted <= 1000, `at most 1,000 a minute stored, ${accepted} were`);
            assert.equal(accepted + dropped, 2000);
            const meter = await (await fetch(new URL('/workbench/meter', environment.server.url))).json();
            const writes = meter['PresenceSyncAgentController.writeLogEntries'];
            assert.equal(writes.eventsPublished, 0, 'log writes publish no platform events');
            assert.equal(writes.logRows, accepted, 'only what was admitted costs storage');

            const { page: logPage } = await stored(page, userId);
            assert.ok(logPage.agentState.droppedEntries >= dropped);
            const reader = await openAgentInReader(page);
            const shown = reader.locator('c-presence-sync-live-debug-panel .dropped');
            await shown.waitFor({ timeout: 10000 });
            assert.match(
                await shown.textContent(),
                /The rate limit dropped [\d,]+ of Avery Agent's log entries/
            );

            // The agent itself keeps syncing.
            await connectPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
        }
    }
];
