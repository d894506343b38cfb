import type { ConnectMode } from '../contactPolicy';
import type { Write } from '../sessionWrites';
import { TraceWriter } from '../traceWriter';
import { SideWriter } from '../writeScheduler';
import type { WriteParts } from '../writeScheduler';
import type { TraceEntry } from 'c/presenceSyncEngine';

/** The test's handles on the writer's parts: Connect's mode, and what the session hears. */
interface Host {
    mode: ConnectMode;
    applied: jest.Mock;
    failed: jest.Mock;
}

interface Rig {
    writer: SideWriter;
    entries: TraceEntry[];
    sent: Array<{ value: string; enqueue: boolean }>;
    answer(error?: unknown): Promise<void>;
    host: Host;
}

function rig(side: 'connect' | 'omni' = 'omni'): Rig {
    const entries: TraceEntry[] = [];
    const sent: Rig['sent'] = [];
    const pending: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
    const trace = new TraceWriter({ now: () => 0 }, { write: (e) => entries.push(e) }, 100, 't', () => null);
    const host: Host = { mode: { mode: 'write' }, applied: jest.fn(), failed: jest.fn() };
    const parts: WriteParts = {
        trace,
        clock: { now: () => 0 },
        gate: { blocked: () => undefined, beforeCall: () => undefined, onPause: () => undefined },
        contacts: {
            mode: () => host.mode,
            contactStarted: () => {
                host.mode = { mode: 'queue', reason: 'on a contact' };
            }
        },
        call: (value: string, enqueue: boolean) => {
            sent.push({ value, enqueue });
            return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
        },
        outcome: {
            applied: host.applied,
            failed: host.failed,
            callFinished: () => undefined,
            disposed: () => false
        }
    };
    const writer = new SideWriter(side, parts, 5000);
    writer.known = 'Available';
    return {
        writer,
        entries,
        sent,
        host,
        async answer(error?: unknown) {
            const next = pending.shift();
            if (error === undefined) {
                next?.resolve();
            } else {
                next?.reject(error);
            }
            await Promise.resolve();
            await Promise.resolve();
        }
    };
}

const write = (value: string, correlationId = value): Write => ({
    value,
    correlationId,
    ruleId: `r-${value}`,
    ruleName: `Rule ${value}`
});

describe('side writer (write scheduler)', () => {
    it('sends one call at a time and lets only the latest wish wait', async () => {
        const r = rig();
        r.writer.want(write('Lunch'), false);
        r.writer.want(write('Break'), false);
        r.writer.want(write('Offline'), false);
        expect(r.sent.map((s) => s.value)).toEqual(['Lunch']);
        expect(r.writer.intended()).toBe('Offline');
        await r.answer();
        expect(r.sent.map((s) => s.value)).toEqual(['Lunch', 'Offline']);
        expect(r.entries.filter((e) => e.message?.startsWith('Superseded')).map((e) => e.value)).toEqual([
            'Break'
        ]);
        expect(r.host.applied).toHaveBeenCalledTimes(1);
    });

    it('never sends the state the side has or is being set to', () => {
        const r = rig();
        r.writer.want(write('Available'), false);
        expect(r.sent).toEqual([]);
        expect(r.entries[0]).toMatchObject({
            result: 'skipped',
            message: 'Omni-Channel is already Available.'
        });
    });

    it('holds a Connect wish until the contact ends, then sends it', () => {
        const r = rig('connect');
        r.host.mode = { mode: 'defer', reason: 'later' };
        r.writer.want(write('Available2'), false);
        expect(r.sent).toEqual([]);
        expect(r.writer.deferred?.value).toBe('Available2');
        r.host.mode = { mode: 'write' };
        r.writer.releaseDeferred();
        expect(r.sent).toEqual([{ value: 'Available2', enqueue: false }]);
    });

    it('asks Connect again as the next state when a plain change met a contact that just started', async () => {
        const r = rig('connect');
        r.writer.want(write('Lunch'), false);
        await r.answer(Object.assign(new Error('on a contact'), { contactStarted: true }));
        expect(r.sent).toEqual([
            { value: 'Lunch', enqueue: false },
            { value: 'Lunch', enqueue: true }
        ]);
        expect(r.host.failed).not.toHaveBeenCalled();
    });

    it('records a refusal once, with the platform’s words, and does not retry', async () => {
        const r = rig();
        r.writer.want(write('Lunch'), false);
        await r.answer(new Error('not granted'));
        expect(r.writer.failed).toBe('not granted');
        expect(r.host.failed).toHaveBeenCalledWith('omni', 'not granted');
        expect(r.sent).toHaveLength(1);
    });
});
