/**
 * Exports of a trace: RFC 4180 CSV for spreadsheets, JSON that reads back into the same timeline,
 * and file names that say whose log and which range. Pure.
 */
import type { TraceEntry } from 'c/presenceSyncEngine';
import { describeEntry } from './traceWords';
import type { TimeRange } from './swimlanes';

/** A stored entry may carry who and where; exports include those columns when present. */
export type ExportableEntry = TraceEntry & {
    id?: string;
    userId?: string;
    userName?: string;
    tabId?: string | null;
};

type Column = [header: string, value: (entry: ExportableEntry) => string | number | undefined | null];

const CSV_COLUMNS: Column[] = [
    ['time', (e) => new Date(e.at).toISOString()],
    ['epochMs', (e) => e.at],
    ['seq', (e) => e.seq],
    ['correlationId', (e) => e.correlationId],
    ['userName', (e) => e.userName],
    ['userId', (e) => e.userId],
    ['tabId', (e) => e.tabId],
    ['step', (e) => e.step],
    ['level', (e) => e.level],
    ['side', (e) => e.side],
    ['eventType', (e) => e.eventType],
    ['connectState', (e) => e.connectState],
    ['omniStatus', (e) => e.omniStatus],
    ['ruleId', (e) => e.ruleId],
    ['ruleName', (e) => e.ruleName],
    ['matchedRuleIds', (e) => e.matchedRuleIds?.join(' ')],
    ['destination', (e) => e.destination],
    ['value', (e) => e.value],
    ['result', (e) => e.result],
    ['latencyMs', (e) => e.latencyMs],
    ['description', (e) => describeEntry(e)],
    ['message', (e) => e.message]
];

function csvCell(value: string | number | undefined | null): string {
    if (value === undefined || value === null) {
        return '';
    }
    if (typeof value === 'number') {
        return String(value);
    }
    // Platform error texts end up here: a leading = + - @ would run as a formula in a spreadsheet.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends), one row per entry in the given order, with a header row. */
export function toCsv(entries: readonly ExportableEntry[]): string {
    const rows = [CSV_COLUMNS.map(([header]) => header).join(',')];
    for (const entry of entries) {
        rows.push(CSV_COLUMNS.map(([, value]) => csvCell(value(entry))).join(','));
    }
    return rows.join('\r\n') + '\r\n';
}

/** The entries as stored, pretty-printed: re-readable by tools and by `buildTimeline`. */
export function toJson(entries: readonly ExportableEntry[]): string {
    return JSON.stringify(entries, null, 2);
}

function compactStamp(at: number): string {
    return new Date(at)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}

/** e.g. `presence-sync-log_avery-agent_20261121T093000Z-20261121T103000Z.csv`. */
export function exportFileName(who: string, range: TimeRange, extension: 'csv' | 'json'): string {
    const slug =
        who
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'agent';
    return `presence-sync-log_${slug}_${compactStamp(range.from)}-${compactStamp(range.to)}.${extension}`;
}
