/**
 * The exports: CSV and JSON of the visible correlations, and their file names.
 */
import { buildTimeline, exportFileName, sortEntries, toCsv, toJson } from 'c/presenceSyncTraceView';
import type {} from 'c/presenceSyncTraceView';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { CALL_LATENCY_MS, OMNI_REFUSAL, asStoredEntries } from '../../../../../test/traceScenarios';
import { S, shift, useRecordedShift } from '../../../../../test/traceViewHarness';

useRecordedShift();

describe('export', () => {
    function parseCsv(text: string): string[][] {
        const rows: string[][] = [];
        let row: string[] = [];
        let cell = '';
        let quoted = false;
        for (let i = 0; i < text.length; i++) {
            const c = text[i];
            if (quoted) {
                if (c === '"' && text[i + 1] === '"') {
                    cell += '"';
                    i++;
                } else if (c === '"') {
                    quoted = false;
                } else {
                    cell += c;
                }
            } else if (c === '"') {
                quoted = true;
            } else if (c === ',') {
                row.push(cell);
                cell = '';
            } else if (c === '\r' && text[i + 1] === '\n') {
                row.push(cell);
                rows.push(row);
                row = [];
                cell = '';
                i++;
            } else {
                cell += c;
            }
        }
        return rows;
    }

    it('writes one CSV row per stored entry, with who, when and why', () => {
        const stored = asStoredEntries(sortEntries(shift.entries));
        const rows = parseCsv(toCsv(stored));
        const header = rows[0];
        expect(rows).toHaveLength(stored.length + 1);
        const col = (name: string): number => header.indexOf(name);
        const failure = rows.find((r) => r[col('result')] === 'failure') as string[];
        expect(failure[col('message')]).toBe(OMNI_REFUSAL);
        expect(failure[col('userName')]).toBe('Avery Agent');
        expect(failure[col('time')]).toBe(new Date(shift.startAt + 5 * S).toISOString());
        expect(failure[col('ruleName')]).toBe('Connect Lunch sets Omni-Channel Lunch');
        const phone = rows.find(
            (r) => r[col('value')] === 'Working_Phone' && r[col('step')] === 'call-result'
        ) as string[];
        expect(phone[col('latencyMs')]).toBe(String(CALL_LATENCY_MS));
    });

    it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
        const [entry] = shift.entries;
        const tricky: TraceEntry[] = [
            { ...entry, message: 'He said "no", then\nleft' },
            { ...entry, message: '=HYPERLINK("http://evil")' }
        ];
        const text = toCsv(tricky);
        expect(text.endsWith('\r\n')).toBe(true);
        const rows = parseCsv(text);
        const col = rows[0].indexOf('message');
        expect(rows[1][col]).toBe('He said "no", then\nleft');
        expect(rows[2][col]).toBe('\'=HYPERLINK("http://evil")');
    });

    it('writes JSON that reads back into the same timeline', () => {
        const stored = asStoredEntries(shift.entries);
        const parsed = JSON.parse(toJson(stored)) as typeof stored;
        expect(parsed).toEqual(stored);
        expect(buildTimeline(parsed).map((g) => g.title)).toEqual(
            buildTimeline(shift.entries).map((g) => g.title)
        );
    });

    it('names files after the agent and the range', () => {
        const range = { from: Date.UTC(2026, 10, 21, 9, 30), to: Date.UTC(2026, 10, 21, 10, 30) };
        expect(exportFileName('Avery Agent', range, 'csv')).toBe(
            'presence-sync-log_avery-agent_20261121T093000Z-20261121T103000Z.csv'
        );
        expect(exportFileName('  ', range, 'json')).toMatch(/^presence-sync-log_agent_.*\.json$/);
    });
});
