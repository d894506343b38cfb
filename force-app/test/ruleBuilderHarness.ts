/**
 * The rule builder in jsdom, for its tests: a server that keeps the rule set's rules between
 * calls, the confirmation dialog answered by the test, and helpers to reach the children. Each
 * test file mocks the controller's methods (jest.mock is per file) and calls
 * `useRuleBuilderHarness()`.
 */
import { createElement } from 'lwc';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import PresenceSyncRuleBuilder from 'c/presenceSyncRuleBuilder';
import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import saveRuleBatch from '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRuleBuilderData, buildSaveRulesResult, buildSeedRules } from './jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from './domTestUtils';
export const confirmOpen = jest.spyOn(PresenceSyncConfirm, 'ask');

export type ChildElement = HTMLElement & Record<string, unknown>;

export async function mount(): Promise<HTMLElement> {
    const el = createElement('c-presence-sync-rule-builder', { is: PresenceSyncRuleBuilder });
    document.body.appendChild(el);
    await flushPromises();
    await flushPromises();
    return el;
}

export function q(el: Element, selector: string): ChildElement {
    return el.shadowRoot?.querySelector(selector) as ChildElement;
}

export function panel(el: Element): ChildElement {
    return q(el, 'c-presence-sync-rule-set-panel');
}

export function list(el: Element): ChildElement {
    return q(el, 'c-presence-sync-rule-list');
}

export function listed(el: Element): string[] {
    return (list(el).rules as PresenceSyncRule[]).map((r) => r.name);
}

export async function fire(target: Element, name: string, detail: unknown): Promise<void> {
    target.dispatchEvent(new CustomEvent(name, { detail }));
    await flushPromises();
    await flushPromises();
}

/** The rules the emulated server holds; a test may set them. */
export const server: { rules: PresenceSyncRule[] } = { rules: [] };

/** A server holding the seed rules, answering every call, before each test; nothing left after. */
export function useRuleBuilderHarness(): void {
    beforeEach(() => {
        server.rules = buildSeedRules();
        jest.mocked(getRuleBuilderData).mockResolvedValue(buildRuleBuilderData());
        jest.mocked(getRules).mockImplementation(async () => server.rules.map((r) => ({ ...r })));
        jest.mocked(saveRules).mockImplementation(async ({ rulesJson }) => {
            const result = buildSaveRulesResult({ saved: JSON.parse(rulesJson) as PresenceSyncRule[] });
            server.rules = [
                ...server.rules.filter((r) => !result.saved.some((s) => s.id === r.id)),
                ...result.saved
            ];
            return result;
        });
        jest.mocked(saveRuleBatch).mockImplementation(async ({ rulesJson, deleteRuleIds }) => {
            const result = buildSaveRulesResult({ saved: JSON.parse(rulesJson) as PresenceSyncRule[] });
            server.rules = [
                ...server.rules.filter(
                    (r) => !deleteRuleIds.includes(r.id) && !result.saved.some((s) => s.id === r.id)
                ),
                ...result.saved
            ];
            return result;
        });
        jest.mocked(deleteRules).mockImplementation(async ({ ruleIds }) => {
            server.rules = server.rules.filter((r) => !ruleIds.includes(r.id));
        });
        jest.mocked(setRulesActive).mockImplementation(async ({ ruleIds, active }) => {
            server.rules = server.rules.map((r) => (ruleIds.includes(r.id) ? { ...r, active } : r));
        });
        jest.mocked(reorderRules).mockImplementation(async ({ orderedRuleIds }) => {
            server.rules = orderedRuleIds.map((id, i) => ({
                ...(server.rules.find((r) => r.id === id) as PresenceSyncRule),
                order: (i + 1) * 10
            }));
        });
        confirmOpen.mockReset();
        confirmOpen.mockResolvedValue(false);
    });

    afterEach(() => {
        clearBody();
        jest.clearAllMocks();
    });
}
