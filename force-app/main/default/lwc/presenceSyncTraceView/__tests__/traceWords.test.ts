/**
 * The trace in words: one sentence per entry, durations people read at a glance.
 */
import { describeEntry, formatDuration } from 'c/presenceSyncTraceView';
import type {} from 'c/presenceSyncTraceView';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { S, shift, useRecordedShift } from '../../../../../test/traceViewHarness';

useRecordedShift();

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
