/**
 * What the browser smoke test does inside Presence Sync's own components, shared by the real
 * scratch org (scripts/org-smoke.mjs) and the workbench (check-workbench.mjs, part of npm test):
 * the components' DOM is the same in both, so every selector here is proven offline. Each step
 * takes a Playwright Page or Locator that contains the component.
 */

/** The agent utility: rendered, and ready when the session reports it (data-sync-ready). */
export const AGENT = 'c-presence-sync-agent';
export const RULE_BUILDER = 'c-presence-sync-rule-builder';
export const HEALTH_CHECK = 'c-presence-sync-health-check';

/** Waits until the agent component is on the page; returns its locator. */
export async function agentShown(scope, { timeout = 60_000 } = {}) {
    const agent = scope.locator(AGENT).first();
    await agent.waitFor({ state: 'attached', timeout });
    await agent.locator('[data-id="sync-status"]').first().waitFor({ timeout });
    return agent;
}

/** The Omni-Channel status the agent component shows. */
export async function agentOmniStatus(scope) {
    return ((await scope.locator(`${AGENT} [data-id="omni-status"]`).first().textContent()) ?? '').trim();
}

/** Picks an option in a lightning-combobox by its value. */
async function pickCombobox(combobox, value) {
    await combobox.locator('[role="combobox"]').first().click();
    await combobox.locator(`[role="option"][data-value="${value}"]`).first().click();
}

/**
 * In the rule builder's mapping table: adds a row (Connect state ↔ Omni-Channel status by
 * developer name) and saves the table. Returns once the save button is usable again.
 */
export async function saveMappingRow(scope, { connectState, omniStatus }, { timeout = 60_000 } = {}) {
    const builder = scope.locator(RULE_BUILDER).first();
    await builder.waitFor({ timeout });
    await builder.locator('[role="tab"]', { hasText: 'Mapping table' }).first().click();
    const table = builder.locator('c-presence-sync-mapping-table').first();
    await table.locator('lightning-button[data-id="add-row"] button').click();
    const row = table.locator('tr[data-row-id]').last();
    await pickCombobox(
        row.locator('c-presence-sync-rule-value-field').nth(0).locator('lightning-combobox'),
        connectState
    );
    await pickCombobox(
        row.locator('c-presence-sync-rule-value-field').nth(1).locator('lightning-combobox'),
        omniStatus
    );
    const save = table.locator('lightning-button[data-id="save-table"] button');
    await save.click();
    await save.waitFor({ state: 'visible', timeout });
}

/** The health check's rows once it has rendered: [{id, status}]. */
export async function healthCheckRows(scope, { timeout = 60_000 } = {}) {
    const health = scope.locator(HEALTH_CHECK).first();
    const rows = health.locator('ul.checks li[data-id]');
    await rows.first().waitFor({ timeout });
    return rows.evaluateAll((items) => items.map((li) => ({ id: li.dataset.id, status: li.dataset.status })));
}
