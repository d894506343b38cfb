import { sanitiseSettings } from '../sessionSettings';
import { TraceWriter } from '../traceWriter';
import { WriteGate } from '../writeGate';
import type { TraceEntry } from 'c/presenceSyncEngine';

function gate(lease?: () => boolean): { gate: WriteGate; entries: TraceEntry[] } {
    const entries: TraceEntry[] = [];
    const trace = new TraceWriter({ now: () => 0 }, { write: (e) => entries.push(e) }, 10, 't', () => null);
    const settings = sanitiseSettings({ flapMaxChanges: 2, flapWindowMs: 1000 });
    return { gate: new WriteGate(settings, lease, trace), entries };
}

describe('write gate', () => {
    it('lets a writer tab write, and says why a watching tab may not', () => {
        const { gate: g } = gate();
        expect(g.blocked()).toBeUndefined();
        g.writer = false;
        expect(g.blocked()).toBe('This tab only watches; the writer tab applies decisions.');
    });

    it('asks the lease right before every call', () => {
        let held = true;
        const { gate: g } = gate(() => held);
        expect(g.beforeCall(0, { correlationId: 'c1' })).toBeUndefined();
        held = false;
        expect(g.beforeCall(1, { correlationId: 'c2' })).toBe(
            'This tab no longer holds the writer role; another tab applies decisions.'
        );
    });

    it('pauses beyond the flapping limit: traces why under the call, tells its listeners, blocks, and resumes', () => {
        const { gate: g, entries } = gate();
        const heard: string[] = [];
        g.onPause(() => heard.push('connect'));
        g.onPause(() => heard.push('omni'));
        expect([g.beforeCall(0, { correlationId: 'a' }), g.beforeCall(1, { correlationId: 'b' })]).toEqual([
            undefined,
            undefined
        ]);
        expect(g.beforeCall(2, { correlationId: 'c' })).toBe('Sync was paused by the flapping guard.');
        expect(entries).toEqual([
            expect.objectContaining({ step: 'sync-paused', level: 'warn', correlationId: 'c' })
        ]);
        expect(entries[0].message).toBe(g.pausedReason);
        expect(g.pausedReason).toMatch(/^More than 2 automated changes within 1 seconds/);
        expect(heard).toEqual(['connect', 'omni']);
        expect(g.blocked()).toBe('Sync is paused by the flapping guard; resume it to apply decisions.');
        expect(g.resume()).toBe(true);
        expect(g.resume()).toBe(false);
        expect(g.blocked()).toBeUndefined();
        expect(g.beforeCall(3, { correlationId: 'd' })).toBeUndefined();
    });
});
