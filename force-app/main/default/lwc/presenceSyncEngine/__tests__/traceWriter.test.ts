import { TraceWriter } from '../traceWriter';
import type { TraceEntry } from 'c/presenceSyncEngine';

describe('trace writer', () => {
    it('numbers, stamps and keeps entries, and survives a failing sink', () => {
        const written: TraceEntry[] = [];
        let fail = false;
        const writer = new TraceWriter(
            { now: () => 42 },
            {
                write: (e) => {
                    if (fail) {
                        throw new Error('log full');
                    }
                    written.push(e);
                }
            },
            2,
            'tab1',
            (side) => (side === 'connect' ? 'Lunch' : null)
        );
        writer.control('rules-loaded', 'loaded');
        fail = true;
        writer.write(
            { correlationId: 'x', eventType: 'ConnectStateChange' },
            'decision',
            'info',
            {},
            'skipped',
            'why'
        );
        writer.control('writer-changed', 'changed');
        expect(written).toHaveLength(1);
        expect(written[0]).toMatchObject({ at: 42, seq: 1, correlationId: 'tab1-1', connectState: 'Lunch' });
        expect(written[0].omniStatus).toBeUndefined();
        expect(writer.entries().map((e) => e.seq)).toEqual([2, 3]);
        expect(writer.entries()[0]).toMatchObject({
            result: 'skipped',
            message: 'why',
            eventType: 'ConnectStateChange'
        });
    });
});
