/**
 * The timeline: correlations in order with their steps and latencies, and the filters that keep whole correlations.
 */
import {
    buildTimeline,
    entriesOf,
    entryMatches,
    filterTimeline,
    isFilterEmpty
} from 'c/presenceSyncTraceView';
import type { TimelineGroup } from 'c/presenceSyncTraceView';
import type {} from 'c/presenceSyncEngine';
import { CALL_LATENCY_MS, LUNCH_RULE_ID, OMNI_REFUSAL } from '../../../../../test/traceScenarios';
import { groupStartingWith, shift, useRecordedShift } from '../../../../../test/traceViewHarness';

useRecordedShift();

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
