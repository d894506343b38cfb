/* eslint-disable no-await-in-loop -- fake time advances step by step, each step's promises settle before the next */
import { createHeartbeat, createLogShipper } from 'c/presenceSyncLogShipper';
import type { LiveStateReport } from 'c/presenceSyncLogShipper';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { buildTraceEntries } from '../../../../../test/jest-mocks/apex/fixtures';

const template = buildTraceEntries()[0];
let seq = 0;
function entry(level: TraceEntry['level'] = 'error'): TraceEntry {
    seq += 1;
    return { ...template, seq, level };
}

/** Lets the promise callbacks of a settled send run under fake timers. */
async function drain(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
}

beforeEach(() => {
    jest.useFakeTimers();
});
afterEach(() => {
    jest.useRealTimers();
});

it('sends entries in one batch per interval, with the tab id', async () => {
    const send = jest.fn().mockResolvedValue({ accepted: 3, dropped: 0 });
    const shipper = createLogShipper({ send, level: 'All', tabId: 'tab-1', intervalMs: 5000 });
    shipper.write(entry());
    shipper.write(entry('info'));
    jest.advanceTimersByTime(4999);
    expect(send).not.toHaveBeenCalled();
    shipper.write(entry());
    jest.advanceTimersByTime(1);
    await drain();
    expect(send).toHaveBeenCalledTimes(1);
    const sent = JSON.parse(send.mock.calls[0][0]) as Array<TraceEntry & { tabId: string }>;
    expect(sent).toHaveLength(3);
    expect(sent.every((e) => e.tabId === 'tab-1')).toBe(true);
});

it('sends a full batch early but never more than one call per interval', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipper = createLogShipper({ send, level: 'All', tabId: 't', batchSize: 10, intervalMs: 5000 });
    for (let i = 0; i < 10; i++) {
        shipper.write(entry());
    }
    jest.advanceTimersByTime(0);
    await drain();
    expect(send).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
        shipper.write(entry());
    }
    jest.advanceTimersByTime(4000);
    await drain();
    expect(send).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    await drain();
    expect(send).toHaveBeenCalledTimes(2);
});

it('keeps only what the log level asks for', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipper = createLogShipper({ send, level: 'Errors', tabId: 't', intervalMs: 1000 });
    shipper.write(entry('info'));
    shipper.write(entry('warn'));
    shipper.write(entry('error'));
    expect(shipper.stats().buffered).toBe(2);
    shipper.setLevel('Off');
    shipper.write(entry('error'));
    expect(shipper.stats().buffered).toBe(2);
});

it('flushes at once when asked (page hidden)', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipper = createLogShipper({ send, level: 'All', tabId: 't' });
    shipper.write(entry());
    await shipper.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(shipper.stats().buffered).toBe(0);
});

it('survives failing calls: bounded memory, one report, backs off, delivers later', async () => {
    const send = jest.fn().mockRejectedValue(new Error('Apex down'));
    const onFailure = jest.fn();
    const shipper = createLogShipper({
        send,
        onFailure,
        level: 'All',
        tabId: 't',
        batchSize: 10,
        bufferLimit: 20,
        intervalMs: 1000,
        maxBackoffMs: 8000
    });
    for (let i = 0; i < 100; i++) {
        expect(() => shipper.write(entry())).not.toThrow();
    }
    for (let i = 0; i < 30; i++) {
        jest.advanceTimersByTime(1000);
        await drain();
    }
    expect(shipper.stats().buffered).toBeLessThanOrEqual(20);
    expect(shipper.stats().dropped).toBeGreaterThanOrEqual(80);
    expect(onFailure).toHaveBeenCalledTimes(1);
    // 30 s at a pause doubling from 1 s up to 8 s: far fewer calls than seconds.
    expect(send.mock.calls.length).toBeLessThan(10);

    send.mockResolvedValue({});
    for (let i = 0; i < 12; i++) {
        jest.advanceTimersByTime(1000);
        await drain();
    }
    expect(shipper.stats().buffered).toBe(0);
    const delivered = send.mock.calls.slice(-2).flatMap(([json]) => JSON.parse(json) as TraceEntry[]);
    expect(delivered.map((e) => e.seq)).toEqual([...delivered.map((e) => e.seq)].sort((a, b) => a - b));
});

it('sends nothing after dispose', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipper = createLogShipper({ send, level: 'All', tabId: 't' });
    shipper.write(entry());
    shipper.dispose();
    jest.advanceTimersByTime(60_000);
    await shipper.flush();
    expect(send).not.toHaveBeenCalled();
});

describe('heartbeat', () => {
    const state: LiveStateReport = {
        connectState: 'Available',
        omniStatus: 'Available',
        status: 'in-sync',
        lastSyncAt: null,
        lastError: null,
        paused: false
    };

    it('reports at start, every interval, and a change of states alone no more than once per gap', () => {
        const send = jest.fn().mockResolvedValue(undefined);
        let current = { ...state };
        const beat = createHeartbeat({ send, read: () => current, intervalMs: 60_000, minGapMs: 10_000 });
        beat.start();
        expect(JSON.parse(send.mock.calls[0][0])).toEqual(state);
        current = { ...state, connectState: 'Lunch', omniStatus: 'Lunch' };
        beat.changed();
        beat.changed();
        jest.advanceTimersByTime(9_999);
        expect(send).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0]).omniStatus).toBe('Lunch');
        jest.advanceTimersByTime(50_000);
        expect(send).toHaveBeenCalledTimes(3);
        beat.dispose();
        jest.advanceTimersByTime(600_000);
        expect(send).toHaveBeenCalledTimes(3);
    });

    it('reports a new sync status within the status gap, not only on the next beat', () => {
        const send = jest.fn().mockResolvedValue(undefined);
        let current: LiveStateReport = {
            ...state,
            status: 'not-ready',
            connectState: null,
            omniStatus: null
        };
        const beat = createHeartbeat({ send, read: () => current, intervalMs: 60_000 });
        beat.start();
        expect(JSON.parse(send.mock.calls[0][0]).status).toBe('not-ready');
        // The session becomes ready half a second after the start.
        jest.advanceTimersByTime(500);
        current = { ...state };
        beat.changed();
        jest.advanceTimersByTime(1_499);
        expect(send).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0])).toEqual(state);

        // Long after: a refusal is reported after a short quiet time, with the states of that moment.
        jest.advanceTimersByTime(20_000);
        current = { ...state, omniStatus: 'Lunch', status: 'syncing' };
        beat.changed();
        current = { ...state, omniStatus: 'Lunch', status: 'out-of-sync', lastError: 'refused' };
        beat.changed();
        jest.advanceTimersByTime(300);
        expect(send).toHaveBeenCalledTimes(3);
        expect(JSON.parse(send.mock.calls[2][0])).toMatchObject({
            status: 'out-of-sync',
            omniStatus: 'Lunch',
            lastError: 'refused'
        });

        // Status changes in quick succession: at most one report per status gap.
        current = { ...state, status: 'paused', paused: true };
        beat.changed();
        jest.advanceTimersByTime(300);
        current = { ...state };
        beat.changed();
        jest.advanceTimersByTime(1_000);
        expect(send).toHaveBeenCalledTimes(3);
        jest.advanceTimersByTime(1_000);
        expect(send).toHaveBeenCalledTimes(4);
        expect(JSON.parse(send.mock.calls[3][0]).status).toBe('in-sync');
        beat.dispose();
    });

    it('reports a status again after a failed report', async () => {
        const send = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
        let current = { ...state, status: 'not-ready' };
        const beat = createHeartbeat({ send, read: () => current, intervalMs: 60_000 });
        beat.start();
        await drain();
        current = { ...state, status: 'not-ready', connectState: 'Lunch' };
        beat.changed();
        jest.advanceTimersByTime(2_000);
        // The failed status counts as not reported: the new states go out with the status gap.
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0]).connectState).toBe('Lunch');
        beat.dispose();
    });
});
