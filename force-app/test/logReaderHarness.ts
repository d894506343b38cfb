/**
 * The log reader in jsdom, for its tests: a recorded shift (the lunch incident) as the org stores
 * it, Apex answered by jest.fns, fake timers from a minute after the shift, and the page's
 * visibility under the test's control. Each test file imports
 * `jest-mocks/apex/logControllerMocks` first and calls `useLogReaderHarness()`.
 */
import { createElement } from 'lwc';
import PresenceSyncLogReader from 'c/presenceSyncLogReader';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import type { SyncLogEntry } from 'presence-sync/contracts';
import { toasts } from './jest-mocks/lightning/toast';
import { buildAssigneeOptions, buildLogPage } from './jest-mocks/apex/fixtures';
import { asStoredEntries, recordLunchIncidentShift } from './traceScenarios';
import type { RecordedShift } from './traceScenarios';

/* Set by the hooks below, read by the tests through live bindings. */
export let shift: RecordedShift;
/** The shift's entries as the org stores them, oldest first. */
export let stored: SyncLogEntry[];
export let element: HTMLElement & { agentId?: string; agentName?: string };
export let confirmOpen: jest.SpyInstance;

let visibility: DocumentVisibilityState = 'visible';

/** The tab is hidden or shown again. */
export function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new CustomEvent('visibilitychange'));
}

/** Newest first, as the org pages them. */
export function page(entries: SyncLogEntry[], overrides = {}) {
    return buildLogPage({ entries: [...entries].reverse(), ...overrides });
}

export async function flush(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        // Microtask turns one after another (timers are fake): Apex promise, then re-render.
        await Promise.resolve();
    }
}

export function $(selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

export function $$(selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

export function change(selector: string, detail: object): void {
    $(selector)!.dispatchEvent(new CustomEvent('change', { detail }));
}

export async function mount(props: { agentId?: string; agentName?: string } = {}): Promise<void> {
    element = createElement('c-presence-sync-log-reader', { is: PresenceSyncLogReader });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
}

export async function mountWithAgent(): Promise<void> {
    await mount({ agentId: stored[0].userId, agentName: 'Avery Agent' });
}

export function useLogReaderHarness(): void {
    beforeAll(async () => {
        shift = await recordLunchIncidentShift();
        stored = asStoredEntries(shift.entries);
    });

    beforeEach(() => {
        jest.useFakeTimers({ now: shift.endAt + 60 * 1000 });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
        visibility = 'visible';
        jest.mocked(readLogs).mockResolvedValue(page(stored));
        jest.mocked(searchAgents).mockResolvedValue(buildAssigneeOptions('User'));
        confirmOpen = jest.spyOn(PresenceSyncConfirm, 'ask');
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
        jest.clearAllMocks();
        toasts.reset();
    });
}
