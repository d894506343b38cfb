import { FlapGuard } from '../flapGuard';
import { sanitiseSettings } from '../sessionSettings';
import { eventForState, readActivity } from '../sessionInputs';
import { TraceWriter } from '../traceWriter';
import type { TraceEntry } from 'c/presenceSyncEngine';

describe('flapping guard', () => {
    it('allows at most the limit within the window, slides, and resets', () => {
        const guard = new FlapGuard(2, 1000);
        expect([guard.allow(0), guard.allow(10), guard.allow(20)]).toEqual([true, true, false]);
        expect(guard.allow(1001)).toBe(true);
        guard.reset();
        expect([guard.allow(1002), guard.allow(1003)]).toEqual([true, true]);
    });
});

describe('session settings', () => {
    it('repairs nonsense values with the defaults and rounds down', () => {
        expect(
            sanitiseSettings({
                flapMaxChanges: 0,
                flapWindowMs: 2500.7,
                traceLimit: Number.NaN,
                onContact: 'x' as never
            })
        ).toMatchObject({ flapMaxChanges: 8, flapWindowMs: 2500, traceLimit: 500, onContact: 'queue-next' });
    });
});

describe('session inputs', () => {
    it('keeps only well-typed activity fields', () => {
        expect(readActivity({ onContact: 'yes' as never, availabilityState: '', nextState: null })).toEqual({
            nextState: null
        });
    });

    it('turns a current state into the event of a change to it', () => {
        expect(eventForState('omni', 'Offline')).toEqual({
            type: 'SalesforceLogout',
            salesforceNewState: 'Offline'
        });
        expect(eventForState('connect', 'Lunch')).toEqual({
            type: 'ConnectStateChange',
            connectNewState: 'Lunch',
            connectOldState: 'Lunch'
        });
    });
});

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
