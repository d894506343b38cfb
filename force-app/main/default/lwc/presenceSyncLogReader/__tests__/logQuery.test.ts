import { freshEntries, initialCustomRange, pageFacts, pollRequest, rangeFor, readPages } from '../logQuery';
import type { LogPageRequest } from '../logQuery';
import {
    buildLogPage,
    buildSyncLogEntry,
    buildTraceEntries
} from '../../../../../test/jest-mocks/apex/fixtures';
import type { LogPage, SyncLogEntry } from 'presence-sync/contracts';

const NOW = Date.parse('2026-11-21T10:30:00Z');
const MINUTE = 60 * 1000;

function entries(count: number): SyncLogEntry[] {
    const traces = buildTraceEntries();
    return Array.from({ length: count }, (_, i) => buildSyncLogEntry(traces[i % traces.length], i + 1));
}

describe('the range a choice means', () => {
    it('reads a rolling choice as the last minutes until now', () => {
        expect(rangeFor('60', '', '', NOW)).toEqual({ from: NOW - 60 * MINUTE, to: NOW });
        expect(rangeFor('10080', '', '', NOW)).toEqual({ from: NOW - 7 * 24 * 60 * MINUTE, to: NOW });
    });

    it('starts a custom range as the last hour, and reads it back', () => {
        const { customFrom, customTo } = initialCustomRange(NOW);
        expect(rangeFor('custom', customFrom, customTo, NOW + 5 * MINUTE)).toEqual({
            from: NOW - 60 * MINUTE,
            to: NOW
        });
    });

    it('says what is wrong with a custom range that ends before it starts or is not a time', () => {
        const refusal = 'Choose a start time before the end time.';
        expect(rangeFor('custom', '2026-11-21T10:00:00Z', '2026-11-21T09:00:00Z', NOW)).toBe(refusal);
        expect(rangeFor('custom', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z', NOW)).toBe(refusal);
        expect(rangeFor('custom', 'soon', '2026-11-21T10:00:00Z', NOW)).toBe(refusal);
    });
});

describe('reading the pages of a range', () => {
    it('follows the page tokens in turn and tells each page', async () => {
        const pages = [
            buildLogPage({ entries: entries(2), nextPageToken: 'p2', retentionDays: 14 }),
            buildLogPage({ entries: entries(1), nextPageToken: null, retentionDays: 7 })
        ];
        const read = jest.fn(
            async (request: LogPageRequest): Promise<LogPage> => pages[request.pageToken ? 1 : 0]
        );
        const seen: number[] = [];
        const result = await readPages(read, 'user-1', { from: 1, to: 2 }, (page) =>
            seen.push(page.retentionDays)
        );
        expect(read.mock.calls.map(([request]) => request)).toEqual([
            { userId: 'user-1', fromMs: 1, toMs: 2, pageSize: 500, pageToken: null },
            { userId: 'user-1', fromMs: 1, toMs: 2, pageSize: 500, pageToken: 'p2' }
        ]);
        expect(result).toEqual({ entries: [...pages[0].entries, ...pages[1].entries], truncated: false });
        expect(seen).toEqual([14, 7]);
    });

    it('stops after ten pages and says the rest was left', async () => {
        const read = jest.fn(async (): Promise<LogPage> =>
            buildLogPage({ entries: entries(1), nextPageToken: 'more' })
        );
        const result = await readPages(read, 'user-1', { from: 1, to: 2 }, () => undefined);
        expect(read).toHaveBeenCalledTimes(10);
        expect(result.entries).toHaveLength(10);
        expect(result.truncated).toBe(true);
    });

    it('keeps what a page says about the log besides its entries', () => {
        const page = buildLogPage({ retentionDays: 3, summaryRetentionDays: 30, canPurge: true });
        expect(pageFacts(page)).toEqual({
            retentionDays: 3,
            summaryRetentionDays: 30,
            canPurge: true,
            agentState: page.agentState
        });
    });
});

describe('live polls', () => {
    it('asks from the newest entry shown, or from the range start when none is', () => {
        const shown = entries(3);
        const newest = Math.max(...shown.map((e) => e.at));
        expect(pollRequest('user-1', shown, 0, NOW)).toEqual({
            userId: 'user-1',
            fromMs: newest,
            toMs: NOW,
            pageSize: 500,
            pageToken: null
        });
        expect(pollRequest('user-1', [], NOW - MINUTE, NOW).fromMs).toBe(NOW - MINUTE);
    });

    it('adds only the entries not shown yet (a poll overlaps the newest one)', () => {
        const all = entries(4);
        expect(freshEntries(all.slice(0, 3), all.slice(2))).toEqual([all[3]]);
        expect(freshEntries(all, all)).toEqual([]);
    });
});
