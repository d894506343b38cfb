/** Steps the end-to-end scenarios share: rules of a status table row, reading and playing both sides. */
import assert from 'node:assert/strict';

/** The rules of one status-table row, as the engine's expandMapping writes them. */
export function row(id, connectState, salesforceStatus, type, order) {
    const common = { active: true, order, comparator: 'Equal', operandB: 'StaticValue', mappingId: id };
    const rules = [];
    if (type !== 'Subscriber') {
        rules.push({
            ...common,
            id: `${id}:publisher`,
            name: `Connect ${connectState} to Omni ${salesforceStatus}`,
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            operandBValue: connectState,
            destination: 'SalesforceAgentState',
            destinationValue: salesforceStatus
        });
    }
    if (type !== 'Publisher') {
        const subscriber = {
            ...common,
            name: `Omni ${salesforceStatus} to Connect ${connectState}`,
            operandA: 'SalesforceNewState',
            operandBValue: salesforceStatus,
            destination: 'ConnectAgentState',
            destinationValue: connectState
        };
        rules.push({ ...subscriber, id: `${id}:subscriber`, source: 'SalesforceStateChange' });
        if (salesforceStatus === 'Offline') {
            rules.push({
                ...subscriber,
                id: `${id}:logout`,
                source: 'SalesforceLogout',
                name: `Omni logout to Connect ${connectState}`
            });
        }
    }
    return rules;
}

export const wb = (page, body, arg) => page.evaluate(body, arg);
export const settle = (page) => wb(page, () => window.workbench.settle());
export const sides = (page) =>
    wb(page, () => ({ connect: window.workbench.connect.state(), omni: window.workbench.omni.status() }));
export const toolkitSets = (page) =>
    wb(
        page,
        () => window.workbench.omni.calls().filter((c) => c.method === 'setServicePresenceStatus').length
    );
export const putStates = (page) =>
    wb(page, () => window.workbench.connect.calls().filter((c) => c.method === 'putAgentState'));
export const agentText = (page, id) =>
    page.locator(`c-presence-sync-agent [data-id="${id}"]`).first().textContent();

/** From Available, a call rings and the agent answers it through the Connect panel: Connect is Busy. */
export async function answerCall(page) {
    await wb(page, () => window.workbench.connect.setState('Available'));
    await settle(page);
    await page.locator('[data-id="connect-ring"]').click();
    await page.locator('[data-id="connect-answer"]').click();
    await settle(page);
    assert.equal((await sides(page)).connect, 'Busy');
}

/** The agent hangs up and closes the contact through the Connect panel. */
export async function endCall(page) {
    await page.locator('[data-id="connect-hang-up"]').click();
    await page.locator('[data-id="connect-close-contact"]').click();
    await settle(page);
}

/** Plays the agent in the emulated CCP through the Connect panel. */
export async function connectPanelSet(page, state) {
    await page.locator('[data-id="connect-state-select"]').selectOption(state);
    await page.locator('[data-id="connect-set-state"]').click();
    await settle(page);
}

/** Plays the agent in the Omni-Channel widget through the Omni panel. */
export async function omniPanelSet(page, status) {
    await page.locator('[data-id="omni-status-select"]').selectOption(status);
    await page.locator('[data-id="omni-set-status"]').click();
    await settle(page);
}

/** Picks an option in a lightning-combobox (synthetic shadow: its parts are plain DOM). */
export async function pickCombobox(combobox, value) {
    await combobox.locator('[role="combobox"]').first().click();
    await combobox.locator(`[role="option"][data-value="${value}"]`).first().click();
}
