import {
    buildSwimlanes,
    buildTimeline,
    describeEntry,
    entriesOf,
    entryMatches,
    exportFileName,
    filterTimeline,
    formatDuration,
    isFilterEmpty,
    sortEntries,
    toCsv,
    toJson
} from 'c/presenceSyncTraceView';
import type { TimelineGroup } from 'c/presenceSyncTraceView';
import type { TraceEntry } from 'c/presenceSyncEngine';
import {
    CALL_LATENCY_MS,
    LUNCH_RULE_ID,
    OMNI_REFUSAL,
    asStoredEntries,
    recordLunchIncidentShift
} from '../../../../../test/traceScenarios';
import type { RecordedShift } from '../../../../../test/traceScenarios';

let shift: RecordedShift;

beforeAll(async () => {
    shift = await recordLunchIncidentShift();
});

const S = 1000;

function groupStartingWith(groups: TimelineGroup[], title: string): TimelineGroup {
    const group = groups.find((g) => g.title.startsWith(title));
    if (!group) {
        throw new Error(`No group titled "${title}…" in: ${groups.map((g) => g.title).join(' | ')}`);
    }
    return group;
}

describe('buildTimeline', () => {
    it('groups every entry of one external event under its correlation id, in order', () => {
        const groups = buildTimeline(shift.entries);
        const lunch = groupStartingWith(groups, 'Amazon Connect changed from Available to Lunch');

        expect(lunch.steps.map((s) => s.step)).toEqual([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result'
        ]);
        expect(new Set(lunch.steps.map((s) => s.entry.correlationId))).toEqual(
            new Set([lunch.correlationId])
        );
        expect(lunch.outcome).toBe('failure');
        expect(lunch.outcomeLabel).toBe('Failed');
        expect(lunch.level).toBe('error');
        expect(lunch.ruleNames).toEqual(['Connect Lunch sets Omni-Channel Lunch']);
        expect(lunch.steps[2].detail).toBe(
            'Set Omni-Channel to Lunch (rule "Connect Lunch sets Omni-Channel Lunch")'
        );
        expect(lunch.steps[4].detail).toBe(`Failure after 0 ms: ${OMNI_REFUSAL}`);
        expect(lunch.steps[2].entry.ruleId).toBe(LUNCH_RULE_ID);
    });

    it('accounts for every entry exactly once, whatever order they arrive in', () => {
        const reversed = [...shift.entries].reverse();
        const groups = buildTimeline(reversed);
        const seqs = groups.flatMap((g) => g.steps.map((s) => s.entry.seq));
        expect(seqs.sort((a, b) => a - b)).toEqual(shift.entries.map((e) => e.seq));
        expect(buildTimeline(reversed)).toEqual(buildTimeline(shift.entries));
        // Groups start in time order.
        const starts = groups.map((g) => g.startAt);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('shows the latency of each step: the platform round trip on the result', () => {
        const phone = groupStartingWith(
            buildTimeline(shift.entries),
            'Amazon Connect changed from Available to Working - Phone'
        );
        const result = phone.steps.find((s) => s.step === 'call-result');
        expect(result?.latencyMs).toBe(CALL_LATENCY_MS);
        expect(result?.sinceStartMs).toBe(CALL_LATENCY_MS);
        expect(phone.durationMs).toBe(CALL_LATENCY_MS);
        expect(phone.outcome).toBe('success');
        // The platform's echo joins the correlation that caused it, marked suppressed.
        const echo = phone.steps[phone.steps.length - 1];
        expect(echo.step).toBe('event-received');
        expect(echo.result).toBe('suppressed');
        expect(echo.detail).toMatch(/^Omni-Channel changed to Working_Phone: .*no rules run on an echo/);
    });

    it('names what each correlation came to: no match, skipped, queued', () => {
        const groups = buildTimeline(shift.entries);
        expect(groupStartingWith(groups, 'Amazon Connect changed from Working - Media to Busy').outcome).toBe(
            'no-match'
        );
        const back = groupStartingWith(groups, 'Amazon Connect changed from Lunch to Available');
        expect(back.outcome).toBe('skipped');
        expect(back.steps.find((s) => s.step === 'decision')?.detail).toMatch(
            /skipped: Omni-Channel is already Available/
        );
        expect(groupStartingWith(groups, 'Omni-Channel changed to Available').outcome).toBe('queued');
        const start = groups[0];
        expect(start.steps[0].step).toBe('rules-loaded');
        expect(start.outcome).toBe('info');
    });
});

describe('describeEntry', () => {
    const received = (event: TraceEntry['event']): TraceEntry => ({
        at: 0,
        seq: 1,
        correlationId: 'c-1',
        step: 'event-received',
        level: 'info',
        connectState: 'Available',
        omniStatus: 'Available',
        side: 'omni',
        eventType: 'SalesforceWorkloadChanged',
        event
    });

    it('reads a workload change with its interruptible numbers when Omni-Channel sent them', () => {
        expect(
            describeEntry(
                received({
                    type: 'SalesforceWorkloadChanged',
                    previousWorkload: 2,
                    newWorkload: 2,
                    configuredCapacity: 10
                })
            )
        ).toBe('Omni-Channel workload changed from 2 to 2 of 10');
        expect(
            describeEntry(
                received({
                    type: 'SalesforceWorkloadChanged',
                    previousWorkload: 2,
                    newWorkload: 2,
                    configuredCapacity: 10,
                    previousInterruptibleWorkload: 3,
                    newInterruptibleWorkload: 4,
                    configuredInterruptibleCapacity: 4
                })
            )
        ).toBe('Omni-Channel workload changed from 2 to 2 of 10, interruptible from 3 to 4 of 4');
    });
});

describe('buildSwimlanes', () => {
    function lanes(options = {}) {
        return buildSwimlanes(shift.entries, { from: shift.startAt, to: shift.endAt + 10 * S }, options);
    }

    it('draws each side as consecutive segments of its states', () => {
        const { connect, omni, range } = lanes();
        expect(connect.map((s) => [s.state, s.from - shift.startAt, s.to - shift.startAt])).toEqual([
            ['Available', 0, 5 * S],
            ['Lunch', 5 * S, 45 * S],
            ['Available', 45 * S, 55 * S],
            ['Working - Phone', 55 * S, 58 * S + CALL_LATENCY_MS],
            ['Working - Media', 58 * S + CALL_LATENCY_MS, 88 * S + CALL_LATENCY_MS],
            ['Busy', 88 * S + CALL_LATENCY_MS, 108 * S + CALL_LATENCY_MS],
            ['Available', 108 * S + CALL_LATENCY_MS, range.to - shift.startAt]
        ]);
        expect(omni.map((s) => s.state)).toEqual([
            'Available',
            'Working_Phone',
            'Working_Media',
            'Available'
        ]);
        // Segments tile the lane: each ends where the next begins, percentages add up to 100.
        for (const lane of [connect, omni]) {
            for (let i = 1; i < lane.length; i++) {
                expect(lane[i].from).toBe(lane[i - 1].to);
            }
            expect(lane.reduce((sum, s) => sum + s.widthPct, 0)).toBeCloseTo(100, 1);
        }
        expect(connect[1].label).toMatch(/^Amazon Connect Lunch from \d\d:\d\d:\d\d\.\d{3} for 40 s$/);
    });

    it('shows "Connect Lunch while Omni-Channel stayed Available for 40 s" as an out-of-sync interval with its cause', () => {
        const [lunch] = lanes().outOfSync;
        expect(lunch.from - shift.startAt).toBe(5 * S);
        expect(lunch.durationMs).toBe(40 * S);
        expect(lunch.expectedSide).toBe('omni');
        expect(lunch.expectedValue).toBe('Lunch');
        expect(lunch.actualValue).toBe('Available');
        expect(lunch.leadingValue).toBe('Lunch');
        expect(lunch.ruleName).toBe('Connect Lunch sets Omni-Channel Lunch');
        expect(lunch.cause).toBe(OMNI_REFUSAL);
        expect(lunch.ongoing).toBe(false);
        expect(lunch.label).toContain('Amazon Connect Lunch while Omni-Channel stayed Available');
        expect(lunch.label).toContain('for 40 s');
        expect(lunch.label).toContain(OMNI_REFUSAL);
    });

    it('counts a change queued during a contact as out of sync until the contact ends', () => {
        const intervals = lanes().outOfSync;
        expect(intervals).toHaveLength(2);
        const queued = intervals[1];
        expect(queued.expectedSide).toBe('connect');
        expect(queued.expectedValue).toBe('Available');
        expect(queued.actualValue).toBe('Busy');
        expect(queued.durationMs).toBe(20 * S);
        expect(queued.cause).toMatch(/^queued until the contact ends/);
    });

    it('leaves out the normal round trip of a successful sync, unless asked', () => {
        const all = lanes({ minOutOfSyncMs: 0 }).outOfSync;
        expect(all.some((i) => i.expectedValue === 'Working_Phone' && i.durationMs === CALL_LATENCY_MS)).toBe(
            true
        );
        expect(lanes().outOfSync.some((i) => i.expectedValue === 'Working_Phone')).toBe(false);
    });

    it('clips to the range and marks an interval still open at its end', () => {
        const to = shift.startAt + 25 * S;
        const clipped = buildSwimlanes(shift.entries, { from: shift.startAt + 2 * S, to });
        expect(clipped.connect.map((s) => s.state)).toEqual(['Available', 'Lunch']);
        expect(clipped.connect[0].from).toBe(shift.startAt + 2 * S);
        expect(clipped.connect[1].to).toBe(to);
        expect(clipped.outOfSync).toHaveLength(1);
        expect(clipped.outOfSync[0].ongoing).toBe(true);
        expect(clipped.outOfSync[0].durationMs).toBe(20 * S);
        expect(clipped.outOfSync[0].label).toContain('still at the end of the range');
    });
});

describe('filters', () => {
    const groups = (): TimelineGroup[] => buildTimeline(shift.entries);

    it('keeps whole correlations that contain a matching step', () => {
        const errors = filterTimeline(groups(), { levels: ['error'] });
        expect(errors.map((g) => g.title)).toEqual(['Amazon Connect changed from Available to Lunch']);
        // The whole story stays: event, rules, decision, call and the failed result.
        expect(errors[0].steps).toHaveLength(5);
    });

    it('filters by result and by step, combined', () => {
        expect(filterTimeline(groups(), { results: ['queued'] }).map((g) => g.outcome)).toEqual(['queued']);
        const skippedDecisions = filterTimeline(groups(), { steps: ['decision'], results: ['skipped'] });
        expect(skippedDecisions.map((g) => g.title)).toEqual([
            'Amazon Connect changed from Lunch to Available'
        ]);
        expect(filterTimeline(groups(), { steps: ['sync-paused'] })).toEqual([]);
    });

    it('shows everything with an empty filter', () => {
        expect(isFilterEmpty({ levels: [], steps: [], results: [] })).toBe(true);
        expect(filterTimeline(groups(), {})).toHaveLength(groups().length);
        expect(entryMatches(shift.entries[0], { results: ['success'] })).toBe(false);
    });

    it('exports exactly the entries of the visible correlations', () => {
        const visible = filterTimeline(groups(), { levels: ['error'] });
        expect(entriesOf(visible).map((e) => e.step)).toEqual([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result'
        ]);
    });
});

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

describe('wording', () => {
    it('formats durations people read at a glance', () => {
        expect(formatDuration(185)).toBe('185 ms');
        expect(formatDuration(40 * S)).toBe('40 s');
        expect(formatDuration(125 * S)).toBe('2 min 5 s');
        expect(formatDuration(120 * S)).toBe('2 min');
        expect(formatDuration(63 * 60 * S)).toBe('1 h 3 min');
    });

    it('describes every entry of the shift in words, never an empty string', () => {
        for (const entry of shift.entries) {
            expect(describeEntry(entry).length).toBeGreaterThan(3);
        }
    });
});
