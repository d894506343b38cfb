/**
 * The swimlanes: both sides' states, and the intervals they disagreed with their cause.
 */
import { buildSwimlanes } from 'c/presenceSyncTraceView';
import type {} from 'c/presenceSyncTraceView';
import type {} from 'c/presenceSyncEngine';
import { CALL_LATENCY_MS, OMNI_REFUSAL } from '../../../../../test/traceScenarios';
import { S, shift, useRecordedShift } from '../../../../../test/traceViewHarness';

useRecordedShift();

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
