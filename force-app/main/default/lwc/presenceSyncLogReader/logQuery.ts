/**
 * What the log reader asks the org for, and when: the range a choice means, the pages of a
 * range, and live mode's polls for what is newer than the newest entry shown. No platform
 * imports: the component passes the Apex method in.
 */
import type { LogPage, SyncLogEntry } from 'presence-sync/contracts';

const PAGE_SIZE = 500;
/** Enough for a working day of one busy agent; beyond that the range should be narrowed. */
const MAX_PAGES = 10;
export const LIVE_POLL_MS = 5000;
const MINUTE = 60 * 1000;
export const RANGE_OPTIONS = [
    { label: 'Last 15 minutes', value: '15' },
    { label: 'Last hour', value: '60' },
    { label: 'Last 4 hours', value: '240' },
    { label: 'Last 24 hours', value: '1440' },
    { label: 'Last 7 days', value: '10080' },
    { label: 'Custom range', value: 'custom' }
];

export interface TimeWindow {
    from: number;
    to: number;
}

/** A custom range starts as the last hour, in the date-time inputs' format. */
export function initialCustomRange(now: number): { customFrom: string; customTo: string } {
    return { customFrom: new Date(now - 60 * MINUTE).toISOString(), customTo: new Date(now).toISOString() };
}

/** The start of a rolling range ("Last hour") at `now`. */
export function rollingStart(choice: string, now: number): number {
    return now - Number(choice) * MINUTE;
}

/** The range a choice means now: the last N minutes, or the custom inputs; a string says what is wrong. */
export function rangeFor(
    choice: string,
    customFrom: string,
    customTo: string,
    now: number
): TimeWindow | string {
    if (choice !== 'custom') {
        return { from: rollingStart(choice, now), to: now };
    }
    const from = Date.parse(customFrom);
    const to = Date.parse(customTo);
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
        return 'Choose a start time before the end time.';
    }
    return { from, to };
}

export interface LogPageRequest {
    userId: string;
    fromMs: number;
    toMs: number;
    pageSize: number;
    pageToken: string | null;
}

/**
 * Every page of an agent's range, newest first, up to MAX_PAGES (`truncated`: more were left).
 * Pages are sequential by design: each token comes from the previous page. `onPage` sees each.
 */
export async function readPages(
    read: (request: LogPageRequest) => Promise<LogPage>,
    userId: string,
    range: TimeWindow,
    onPage: (page: LogPage) => void
): Promise<{ entries: SyncLogEntry[]; truncated: boolean }> {
    const entries: SyncLogEntry[] = [];
    let pageToken: string | null = null;
    let pages = 0;
    do {
        // eslint-disable-next-line no-await-in-loop
        const page: LogPage = await read({
            userId,
            fromMs: range.from,
            toMs: range.to,
            pageSize: PAGE_SIZE,
            pageToken
        });
        entries.push(...page.entries);
        onPage(page);
        pageToken = page.nextPageToken;
        pages++;
    } while (pageToken && pages < MAX_PAGES);
    return { entries, truncated: pageToken !== null };
}

/**
 * What one live poll asks for: everything from the newest entry shown (or the range start when
 * there is none) until now.
 */
export function pollRequest(
    userId: string,
    shown: readonly SyncLogEntry[],
    rangeFrom: number,
    now: number
): LogPageRequest {
    const from = shown.reduce((latest, entry) => Math.max(latest, entry.at), rangeFrom);
    return { userId, fromMs: from, toMs: now, pageSize: PAGE_SIZE, pageToken: null };
}

/** What a page says about the agent's log besides its entries. */
export function pageFacts(
    page: LogPage
): Pick<LogPage, 'retentionDays' | 'summaryRetentionDays' | 'agentState' | 'canPurge'> {
    const { retentionDays, summaryRetentionDays, agentState, canPurge } = page;
    return { retentionDays, summaryRetentionDays, agentState, canPurge };
}

/** The entries of a poll not shown yet (a poll overlaps the newest entry shown). */
export function freshEntries(
    shown: readonly SyncLogEntry[],
    polled: readonly SyncLogEntry[]
): SyncLogEntry[] {
    const known = new Set(shown.map((entry) => entry.id));
    return polled.filter((entry) => !known.has(entry.id));
}
