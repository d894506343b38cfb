import {
    LogReaderViewModel,
    exportFile,
    freshAnnouncement,
    loadedAnnouncement,
    purgeQuestion,
    purgedMessage
} from '../logReaderModel';
import type { LogViewState } from '../logReaderModel';
import { OMNI_REFUSAL, asStoredEntries, recordLunchIncidentShift } from '../../../../../test/traceScenarios';
import type { RecordedShift } from '../../../../../test/traceScenarios';
import type { SyncLogEntry } from 'presence-sync/contracts';

let shift: RecordedShift;
let stored: SyncLogEntry[];

beforeAll(async () => {
    shift = await recordLunchIncidentShift();
    stored = asStoredEntries(shift.entries);
});

function state(overrides: Partial<LogViewState> = {}): LogViewState {
    return {
        entries: stored,
        loaded: true,
        range: { from: shift.startAt - 60 * 1000, to: shift.endAt + 60 * 1000 },
        filter: { levels: [], steps: [], results: [] },
        shownLimit: 200,
        retentionDays: 14,
        summaryRetentionDays: null,
        ...overrides
    };
}

const syncCount = (): number => new Set(stored.map((e) => e.correlationId)).size;

describe('the timeline', () => {
    it('draws every sync of the shift, the refused one marked as an error', () => {
        const view = new LogReaderViewModel().view(state());
        expect(view.timeline).toHaveLength(syncCount());
        expect(view.visibleSummary).toBe(`${syncCount()} syncs`);
        const refused = view.timeline.find((group) =>
            group.steps.some((s) => s.detail.includes(OMNI_REFUSAL))
        )!;
        expect(refused.badgeClass).toContain('slds-theme_error');
        expect(refused.steps.find((s) => s.detail.includes(OMNI_REFUSAL))!.rowClass).toBe(
            'slds-text-color_error'
        );
        expect(refused.steps[0].sinceStartText).toBe('+0 ms');
    });

    it('keeps the syncs the filters match, and says how many of all', () => {
        const view = new LogReaderViewModel().view(state({ filter: { results: ['failure'] } }));
        expect(view.matching).toHaveLength(1);
        expect(view.visibleSummary).toBe(`1 of ${syncCount()} syncs match the filters`);
        expect(view.filteredOut).toBe(false);
        expect(view.exportDisabled).toBe(false);
    });

    it('draws the newest syncs first and counts the earlier ones', () => {
        const view = new LogReaderViewModel().view(state({ shownLimit: 2 }));
        const all = new LogReaderViewModel().view(state()).timeline;
        expect(view.timeline.map((g) => g.key)).toEqual(all.slice(-2).map((g) => g.key));
        expect(view.hiddenCount).toBe(syncCount() - 2);
        expect(view.visibleSummary).toBe(`${syncCount()} syncs; showing the newest 2`);
        expect(view.showEarlierLabel).toBe(`Show ${syncCount() - 2} earlier syncs`);
    });

    it('tells an empty range from one the filters emptied', () => {
        const empty = new LogReaderViewModel().view(state({ entries: [] }));
        expect([empty.isEmpty, empty.hasEntries, empty.exportDisabled]).toEqual([true, false, true]);
        const none = new LogReaderViewModel().view(
            state({ filter: { levels: ['error'], steps: ['side-ready'] } })
        );
        expect([none.isEmpty, none.filteredOut, none.exportDisabled]).toEqual([false, true, true]);
    });

    it('works the view out once per state, again when the state changes', () => {
        const model = new LogReaderViewModel();
        const filter = { levels: [], steps: [], results: [] };
        const first = model.view(state({ filter }));
        expect(model.view(state({ filter }))).toBe(first);
        expect(model.view(state({ filter: { ...filter, results: ['failure'] } }))).not.toBe(first);
    });
});

describe('the swimlanes', () => {
    it('draws both sides, Connect first, and the refusal as an interval out of sync', () => {
        const view = new LogReaderViewModel().view(state());
        expect(view.stateLanes.map((lane) => lane.label)).toEqual(['Amazon Connect', 'Omni-Channel']);
        expect(view.stateLanes[0].segments[0].style).toMatch(/^left:[\d.]+%;width:[\d.]+%$/);
        expect(view.stateLanes[0].segments[0].className).toBe('lane-segment lane-connect');
        expect(view.hasOutOfSync).toBe(true);
        expect(view.outOfSyncIntervals[0].label).toContain(OMNI_REFUSAL);
        // Lunch refused (40 s), then Available held during the call until it ended (20 s).
        expect(view.swimlaneSummary).toBe(
            'Amazon Connect: 7 states, Omni-Channel: 4 states; out of sync 2 times, 1 min in all.'
        );
    });

    it('starts the picture at the first entry, not at an empty range start', () => {
        const view = new LogReaderViewModel().view(state());
        const first = new Date(Math.min(...stored.map((e) => e.at)));
        expect(view.rangeStartText.startsWith(String(first.getHours()).padStart(2, '0'))).toBe(true);
        expect(view.stateLanes[0].segments[0].leftPct).toBe(0);
    });
});

describe('the sentences', () => {
    it('says how long entries are kept, with or without summaries', () => {
        expect(new LogReaderViewModel().view(state()).retentionText).toBe(
            'Log entries are kept for 14 days, then purged.'
        );
        expect(
            new LogReaderViewModel().view(state({ retentionDays: 1, summaryRetentionDays: 30 })).retentionText
        ).toBe(
            'Sync summaries are kept for 30 days, the steps of syncs that went wrong or were debugged live for 1 day, then purged.'
        );
        expect(new LogReaderViewModel().view(state({ retentionDays: null })).retentionText).toBe('');
    });

    it('counts in words, one and many', () => {
        expect(loadedAnnouncement(12, 1, 'Avery Agent')).toBe(
            'Loaded 12 log entries in 1 sync for Avery Agent.'
        );
        expect(freshAnnouncement(1)).toBe('1 new log entry.');
        expect(freshAnnouncement(3)).toBe('3 new log entries.');
        expect(purgedMessage(1)).toBe('1 old log entry was deleted.');
        expect(purgedMessage(1250)).toBe('1250 old log entries were deleted.');
        expect(purgeQuestion(null)).toContain('(? days)');
    });
});

describe('exports', () => {
    it('downloads what the filters keep as CSV or JSON, named after the agent and the range', () => {
        const view = new LogReaderViewModel().view(state({ filter: { results: ['failure'] } }));
        const range = { from: Date.UTC(2026, 0, 5, 9), to: Date.UTC(2026, 0, 5, 10) };
        const csv = exportFile(view.matching, 'csv', 'Avery Agent', range);
        expect(csv.fileName).toBe('presence-sync-log_avery-agent_20260105T090000Z-20260105T100000Z.csv');
        const prefix = 'data:text/csv;charset=utf-8,';
        expect(csv.href.startsWith(prefix)).toBe(true);
        const rows = decodeURIComponent(csv.href.slice(prefix.length)).trim().split('\r\n');
        expect(rows).toHaveLength(1 + view.matching[0].steps.length);
        const json = exportFile(view.matching, 'json', 'Avery Agent', range);
        const entries = JSON.parse(
            decodeURIComponent(json.href.replace('data:application/json;charset=utf-8,', ''))
        );
        expect(entries.map((e: SyncLogEntry) => e.correlationId)).toEqual(
            view.matching[0].steps.map(() => view.matching[0].correlationId)
        );
    });
});
