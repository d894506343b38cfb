/**
 * The log reader reading a trace: steps with their latency, swimlanes, filters, a busy day, empty ranges and refusals.
 */
import '../../../../../test/jest-mocks/apex/logControllerMocks';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import { SYNCS_PER_PAGE } from 'c/presenceSyncLogReader';
import { buildApexError, buildLogPage } from '../../../../../test/jest-mocks/apex/fixtures';
import { OMNI_REFUSAL, asStoredEntries } from '../../../../../test/traceScenarios';
import {
    $,
    $$,
    change,
    element,
    flush,
    mountWithAgent,
    page,
    shift,
    useLogReaderHarness
} from '../../../../../test/logReaderHarness';

useLogReaderHarness();

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
