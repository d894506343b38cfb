/** Steps the admin scenarios share: the rule builder's tabs and buttons, its dialogs, rule files, layout checks. */
import { wb } from './steps.mjs';

export const apex = (page, endpoint, params = {}) =>
    wb(page, ([e, p]) => window.workbench.apex(e, p), [endpoint, params]);

/** Raw keys of the platform's labels, as the build printed them before it knew their words. */
export const RAW_LABEL = /Lightning[A-Z][A-Za-z]*\.[a-z][A-Za-z]*/g;

export function builderOf(page) {
    return page.locator('c-presence-sync-rule-builder');
}

export async function clickButton(scope, id) {
    await scope.locator(`lightning-button[data-id="${id}"] button`).click();
}

export async function openTab(builder, label) {
    await builder.locator('[role="tab"]', { hasText: label }).click();
}

/**
 * The confirmation dialog once it is open: c-presence-sync-confirm, which the platform's overlay
 * hosts as a lightning-modal element.
 */
export async function dialog(page) {
    const found = page.locator('lightning-overlay-container lightning-modal');
    await found.waitFor({ timeout: 5000 });
    return found;
}

export async function dialogButtons(confirm) {
    return (await confirm.locator('lightning-modal-footer button').allTextContents()).map((t) => t.trim());
}

/** Answers the warnings question if the change raises one (it depends on the rules). */
export async function goAheadIfAsked(page) {
    const confirm = page.locator('lightning-overlay-container lightning-modal');
    await page.waitForTimeout(500);
    if (await confirm.isVisible().catch(() => false)) {
        await clickButton(confirm, 'confirm');
    }
}

export function rulesFile(name, rules) {
    return {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'presence-sync-rules', version: 1, rules }))
    };
}

export function connectRule(name, state, status, order) {
    return {
        name,
        active: true,
        order,
        source: 'ConnectStateChange',
        operandA: 'ConnectNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: state,
        destination: 'SalesforceAgentState',
        destinationValue: status
    };
}

/** Whether an element's content fits its width (nothing cut off or scrolled sideways). */
export function overflowing(locator) {
    return locator.evaluateAll((elements) =>
        elements
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth} > ${e.clientWidth}`)
    );
}
