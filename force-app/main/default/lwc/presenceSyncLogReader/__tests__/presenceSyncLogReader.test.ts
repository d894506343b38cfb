import { createElement } from 'lwc';
import PresenceSyncLogReader, { SYNCS_PER_PAGE } from 'c/presenceSyncLogReader';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import purgeLogs from '@salesforce/apex/PresenceSyncLogController.purgeLogs';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import { CurrentPageReference } from 'lightning/navigation';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';
import {
    buildApexError,
    buildAssigneeOptions,
    buildLogPage
} from '../../../../../test/jest-mocks/apex/fixtures';
import { OMNI_REFUSAL, asStoredEntries, recordLunchIncidentShift } from '../../../../../test/traceScenarios';
import type { RecordedShift } from '../../../../../test/traceScenarios';
import type { SyncLogEntry } from 'presence-sync/contracts';

jest.mock('@salesforce/apex/PresenceSyncLogController.readLogs', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncLogController.searchAgents', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncLogController.purgeLogs', () => ({ default: jest.fn() }), {
    virtual: true
});
let confirmOpen: jest.SpyInstance;

let shift: RecordedShift;
let stored: SyncLogEntry[];

beforeAll(async () => {
    shift = await recordLunchIncidentShift();
    stored = asStoredEntries(shift.entries);
});

/** Newest first, as the org pages them. */
function page(entries: SyncLogEntry[], overrides = {}) {
    return buildLogPage({ entries: [...entries].reverse(), ...overrides });
}

async function flush(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        // Microtask turns one after another (timers are fake): Apex promise, then re-render.
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

let element: HTMLElement & { agentId?: string; agentName?: string };
let visibility: DocumentVisibilityState = 'visible';

function $(selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function $$(selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

function change(selector: string, detail: object): void {
    $(selector)!.dispatchEvent(new CustomEvent('change', { detail }));
}

async function mount(props: { agentId?: string; agentName?: string } = {}): Promise<void> {
    element = createElement('c-presence-sync-log-reader', { is: PresenceSyncLogReader });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
}

async function mountWithAgent(): Promise<void> {
    await mount({ agentId: stored[0].userId, agentName: 'Avery Agent' });
}

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

describe('picking an agent and a time range', () => {
    it('searches users, loads the picked agent’s last hour and draws the timeline', async () => {
        await mount();
        expect(readLogs).not.toHaveBeenCalled();

        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(300);
        await flush();
        expect(searchAgents).toHaveBeenCalledWith({ term: 'av' });
        const options = $$('button.agent-option');
        expect(options.map((o) => o.textContent!.trim())).toEqual(['Avery Agent', 'Blake Backup']);

        options[0].click();
        await flush();
        // Fake time moved on by the search pause.
        const now = shift.endAt + 60 * 1000 + 300;
        expect(readLogs).toHaveBeenCalledWith({
            userId: buildAssigneeOptions('User')[0].id,
            fromMs: now - 60 * 60 * 1000,
            toMs: now,
            pageSize: 500,
            pageToken: null
        });
        const correlations = new Set(stored.map((e) => e.correlationId));
        expect($$('li.correlation')).toHaveLength(correlations.size);
        expect($('.agent-picked')!.textContent).toContain('Avery Agent');
        expect($('.announcement')!.textContent).toBe(
            `Loaded ${stored.length} log entries in ${correlations.size} syncs for Avery Agent.`
        );
    });

    it('moves through the suggestions with the arrow keys, and back to the field with Escape', async () => {
        await mount();
        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(300);
        await flush();
        const options = $$('button.agent-option');
        const field = $('lightning-input.agent-search')!;
        const focused: Element[] = [];
        for (const target of [...options, field]) {
            jest.spyOn(target as HTMLElement, 'focus').mockImplementation(() => focused.push(target));
        }
        const press = (from: Element, key: string): void => {
            from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        };
        press(field, 'ArrowDown');
        expect(focused.at(-1)).toBe(options[0]);
        options[0].focus = HTMLElement.prototype.focus;
        options[0].setAttribute('tabindex', '0');
        HTMLElement.prototype.focus.call(options[0]);
        press(options[0], 'ArrowDown');
        expect(focused.at(-1)).toBe(options[1]);
        HTMLElement.prototype.focus.call(options[1]);
        press(options[1], 'Escape');
        expect(focused.at(-1)).toBe(field);
    });

    it('opens on the agent a link names (from the health check)', async () => {
        await mount();
        // The Jest stub is a test wire adapter: emitting is how a test changes the page.
        // eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
        (CurrentPageReference as unknown as { emit(value: unknown): void }).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Presence_Sync_Log_Reader' },
            state: { c__agentId: stored[0].userId, c__agentName: 'Avery Agent' }
        });
        await flush();
        expect(jest.mocked(readLogs).mock.calls[0][0].userId).toBe(stored[0].userId);
        expect($('.agent-picked')!.textContent).toContain('Avery Agent');
        expect($$('li.correlation').length).toBeGreaterThan(0);
    });

    it('types one search per pause, not one per key', async () => {
        await mount();
        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(100);
        change('lightning-input.agent-search', { value: 'ave' });
        jest.advanceTimersByTime(300);
        await flush();
        expect(searchAgents).toHaveBeenCalledTimes(1);
        expect(searchAgents).toHaveBeenCalledWith({ term: 'ave' });
    });

    it('says so when nobody matches', async () => {
        jest.mocked(searchAgents).mockResolvedValue([]);
        await mount();
        change('lightning-input.agent-search', { value: 'zz' });
        jest.advanceTimersByTime(300);
        await flush();
        expect($('.no-agent')!.textContent).toBe('No agent matches "zz".');
    });

    it('reloads with another range and follows page tokens to older pages', async () => {
        const older = stored.slice(0, 10);
        const newer = stored.slice(10);
        jest.mocked(readLogs)
            .mockResolvedValueOnce(page(newer, { nextPageToken: 'page-2' }))
            .mockResolvedValueOnce(page(older));
        await mountWithAgent();
        expect(readLogs).toHaveBeenCalledTimes(2);
        expect(jest.mocked(readLogs).mock.calls[1][0].pageToken).toBe('page-2');
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);

        change('lightning-combobox.range', { value: '1440' });
        await flush();
        const last = jest.mocked(readLogs).mock.calls.at(-1)![0];
        expect(last.toMs - last.fromMs).toBe(24 * 60 * 60 * 1000);
    });

    it('refuses a custom range that ends before it starts', async () => {
        await mountWithAgent();
        jest.mocked(readLogs).mockClear();
        change('lightning-combobox.range', { value: 'custom' });
        await flush();
        change('lightning-input.custom-from', { value: '2026-01-05T10:00:00.000Z' });
        change('lightning-input.custom-to', { value: '2026-01-05T09:00:00.000Z' });
        ($('lightning-button.load') as HTMLElement).click();
        await flush();
        expect(readLogs).not.toHaveBeenCalled();
        expect($('.error-text')!.textContent).toBe('Choose a start time before the end time.');
    });
});

describe('reading the trace', () => {
    it('shows each step with its latency and the platform’s error in words', async () => {
        await mountWithAgent();
        const lunch = $$('li.correlation').find((li) => li.textContent!.includes('from Available to Lunch'))!;
        const rows = Array.from(lunch.querySelectorAll('tbody tr'));
        expect(rows.map((r) => r.getAttribute('data-step'))).toEqual([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result'
        ]);
        expect(rows[4].textContent).toContain(OMNI_REFUSAL);
        expect(rows[4].className).toContain('slds-text-color_error');
        expect(lunch.querySelector('.slds-badge')!.textContent).toBe('Failed');

        const phone = $$('li.correlation').find((li) => li.textContent!.includes('to Working - Phone'))!;
        const result = phone.querySelector('tr[data-step="call-result"]')!;
        expect(result.querySelectorAll('td')[2].textContent).toBe('185 ms');
    });

    it('draws both sides as swimlanes with the out-of-sync intervals, also in words', async () => {
        await mountWithAgent();
        const connect = $$('.lane-track-connect .lane-segment');
        expect(connect.map((s) => s.textContent!.trim())).toEqual([
            'Available',
            'Lunch',
            'Available',
            'Working - Phone',
            'Working - Media',
            'Busy',
            'Available'
        ]);
        expect(connect[1].getAttribute('style')).toMatch(/left:\s*[\d.]+%;\s*width:\s*[\d.]+%/);
        expect($$('.lane-track-oos .lane-segment')).toHaveLength(2);
        const words = $$('.out-of-sync-list li').map((li) => li.textContent);
        expect(words[0]).toContain('Amazon Connect Lunch while Omni-Channel stayed Available');
        expect(words[0]).toContain('for 40 s');
        expect(words[0]).toContain(OMNI_REFUSAL);
        expect($$('.lane-alt-connect li')).toHaveLength(7);
        expect($('.swimlane-summary')!.textContent).toContain('out of sync 2 times, 1 min in all');
    });

    it('filters by level, result and step, and clears', async () => {
        await mountWithAgent();
        const total = $$('li.correlation').length;

        change('lightning-checkbox-group.filter-level', { value: ['error'] });
        await flush();
        expect($$('li.correlation')).toHaveLength(1);
        expect($('.visible-summary')!.textContent).toBe(`1 of ${total} syncs match the filters`);

        change('lightning-checkbox-group.filter-level', { value: [] });
        change('lightning-checkbox-group.filter-result', { value: ['queued'] });
        await flush();
        expect($$('li.correlation .slds-badge').map((b) => b.textContent)).toEqual(['Queued']);

        change('lightning-dual-listbox.filter-step', { value: ['sync-paused'] });
        await flush();
        expect($('.filtered-out')!.textContent).toBe('No sync matches the filters.');

        ($('lightning-button.clear-filters') as HTMLElement).click();
        await flush();
        expect($$('li.correlation')).toHaveLength(total);
    });

    it('draws the newest syncs of a busy day first and the earlier ones on request', async () => {
        // Thirty shifts in a row (the same trace, later each time): 270 syncs.
        const span = shift.endAt - shift.startAt + 1000;
        const busy = Array.from({ length: 30 }, (_, copy) =>
            asStoredEntries(
                shift.entries.map((e) => ({
                    ...e,
                    at: e.at - (29 - copy) * span,
                    correlationId: `${e.correlationId}-${copy}`
                }))
            ).map((e, i) => ({ ...e, id: `${copy}-${i}` }))
        ).flat();
        const syncs = new Set(busy.map((e) => e.correlationId)).size;
        jest.mocked(readLogs).mockResolvedValue(page(busy));
        await mountWithAgent();

        expect($$('li.correlation')).toHaveLength(SYNCS_PER_PAGE);
        expect($('.visible-summary')!.textContent).toBe(
            `${syncs} syncs; showing the newest ${SYNCS_PER_PAGE}`
        );
        const last = $$('li.correlation').at(-1)!;
        expect(last.dataset.correlation).toBe(`${shift.entries.at(-1)!.correlationId}-29`);

        const more = $('lightning-button.show-earlier') as HTMLElement & { label: string };
        expect(more.label).toBe(`Show ${syncs - SYNCS_PER_PAGE} earlier syncs`);
        more.click();
        await flush();
        expect($$('li.correlation')).toHaveLength(syncs);
        expect($('lightning-button.show-earlier')).toBeNull();
    });

    it('says what to check when the range is empty', async () => {
        jest.mocked(readLogs).mockResolvedValue(buildLogPage({ entries: [] }));
        await mountWithAgent();
        expect($('.empty')!.textContent).toContain('No log entries for Avery Agent in this time range');
    });

    it('shows the org’s refusal in plain words', async () => {
        jest.mocked(readLogs).mockRejectedValue(
            buildApexError(
                'Reading sync logs needs the Presence_Sync_View_Logs custom permission. Ask your admin for the Presence Sync Supervisor permission set.'
            )
        );
        await mountWithAgent();
        expect($('.error-text')!.textContent).toContain(
            'needs the Presence_Sync_View_Logs custom permission'
        );
    });

    it('is accessible', async () => {
        jest.useRealTimers();
        await mountWithAgent();
        await expect(element).toBeAccessible();
    });
});

describe('live mode', () => {
    const cut = (): number => shift.startAt + 50 * 1000;

    async function goLive(): Promise<void> {
        jest.mocked(readLogs).mockResolvedValueOnce(page(stored.filter((e) => e.at < cut())));
        await mountWithAgent();
        // The server answers "since the newest entry you have", inclusive: the overlap must not double up.
        jest.mocked(readLogs).mockResolvedValue(
            page(stored.filter((e) => e.at >= shift.startAt + 45 * 1000))
        );
        change('lightning-input.live', { checked: true });
        await flush();
    }

    it('polls every few seconds for entries newer than the newest shown and appends them once', async () => {
        await goLive();
        const before = $$('tbody tr[data-step]').length;
        expect(before).toBe(stored.filter((e) => e.at < cut()).length);
        jest.mocked(readLogs).mockClear();

        jest.advanceTimersByTime(5000);
        await flush();
        expect(readLogs).toHaveBeenCalledTimes(1);
        const call = jest.mocked(readLogs).mock.calls[0][0];
        expect(call.fromMs).toBe(Math.max(...stored.filter((e) => e.at < cut()).map((e) => e.at)));
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);
        const added = stored.length - before;
        expect($('.announcement')!.textContent).toBe(`${added} new log entries.`);

        jest.advanceTimersByTime(5000);
        await flush();
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);
    });

    it('stops while the page is hidden and resumes when it is shown again', async () => {
        await goLive();
        jest.mocked(readLogs).mockClear();
        visibility = 'hidden';
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();

        visibility = 'visible';
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        jest.advanceTimersByTime(5000);
        await flush();
        expect(readLogs).toHaveBeenCalledTimes(1);
    });

    it('stops when turned off and when the component goes away', async () => {
        await goLive();
        jest.mocked(readLogs).mockClear();
        change('lightning-input.live', { checked: false });
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();

        change('lightning-input.live', { checked: true });
        document.body.removeChild(element);
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();
    });

    it('turns itself off with the reason when a poll fails', async () => {
        await goLive();
        jest.mocked(readLogs).mockRejectedValue(buildApexError('Session expired.'));
        jest.advanceTimersByTime(5000);
        await flush();
        expect($('.error-text')!.textContent).toBe('Live mode stopped: Session expired.');
        jest.mocked(readLogs).mockClear();
        jest.advanceTimersByTime(20000);
        expect(readLogs).not.toHaveBeenCalled();
    });
});

describe('export', () => {
    let downloads: Array<{ href: string; download: string }>;

    beforeEach(() => {
        downloads = [];
        jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
            this: HTMLAnchorElement
        ) {
            downloads.push({ href: this.href, download: this.download });
        });
    });

    afterEach(() => jest.restoreAllMocks());

    function content(href: string, mime: string): string {
        const prefix = `data:${mime};charset=utf-8,`;
        expect(href.startsWith(prefix)).toBe(true);
        return decodeURIComponent(href.slice(prefix.length));
    }

    it('downloads the visible correlations as CSV', async () => {
        await mountWithAgent();
        change('lightning-checkbox-group.filter-level', { value: ['error'] });
        await flush();
        ($('lightning-button.export-csv') as HTMLElement).click();
        expect(downloads).toHaveLength(1);
        expect(downloads[0].download).toMatch(
            /^presence-sync-log_avery-agent_\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv$/
        );
        const lines = content(downloads[0].href, 'text/csv').trim().split('\r\n');
        expect(lines).toHaveLength(1 + 5);
        expect(lines[0].startsWith('time,epochMs,seq,correlationId,userName')).toBe(true);
        expect(lines[5]).toContain(OMNI_REFUSAL);
    });

    it('downloads every entry as JSON', async () => {
        await mountWithAgent();
        ($('lightning-button.export-json') as HTMLElement).click();
        const json = JSON.parse(content(downloads[0].href, 'application/json')) as SyncLogEntry[];
        expect(json).toHaveLength(stored.length);
        expect(json.map((e) => e.id).sort()).toEqual(stored.map((e) => e.id).sort());
        expect(downloads[0].download.endsWith('.json')).toBe(true);
    });
});

describe('retention and purge', () => {
    it('shows the retention and offers no purge to non-admins', async () => {
        await mountWithAgent();
        expect($('.retention-text')!.textContent).toBe(
            'Sync summaries are kept for 1 day, the steps of syncs that went wrong or were debugged live for 14 days, then purged.'
        );
        expect($('lightning-button.purge')).toBeNull();
    });

    it('purges after confirmation, says how many went, and reloads', async () => {
        jest.mocked(readLogs).mockResolvedValue(page(stored, { canPurge: true }));
        jest.mocked(purgeLogs).mockResolvedValue({ deleted: 1250 });
        confirmOpen.mockResolvedValue(true);
        await mountWithAgent();
        jest.mocked(readLogs).mockClear();

        ($('lightning-button.purge') as HTMLElement).click();
        await flush();
        expect(confirmOpen).toHaveBeenCalledWith(
            expect.objectContaining({
                label: 'Purge sync logs?',
                confirmLabel: 'Purge old entries',
                destructive: true
            })
        );
        expect(purgeLogs).toHaveBeenCalledTimes(1);
        expect(toasts.shown()).toEqual([
            expect.objectContaining({
                label: 'Logs purged',
                message: '1250 old log entries were deleted.',
                variant: 'success'
            })
        ]);
        expect(readLogs).toHaveBeenCalledTimes(1);
    });

    it('does nothing when the admin cancels', async () => {
        jest.mocked(readLogs).mockResolvedValue(page(stored, { canPurge: true }));
        confirmOpen.mockResolvedValue(false);
        await mountWithAgent();
        ($('lightning-button.purge') as HTMLElement).click();
        await flush();
        expect(purgeLogs).not.toHaveBeenCalled();
    });
});
