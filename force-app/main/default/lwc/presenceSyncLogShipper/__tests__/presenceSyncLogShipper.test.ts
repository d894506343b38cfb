/* eslint-disable no-await-in-loop -- fake time advances step by step, each step's promises settle before the next */
import { createHeartbeat, createLogShipper } from 'c/presenceSyncLogShipper';
import type { LiveStateReport, LogShipperOptions } from 'c/presenceSyncLogShipper';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { buildTraceEntries } from '../../../../../test/jest-mocks/apex/fixtures';
import { OMNI_REFUSAL, recordLunchIncidentShift } from '../../../../../test/traceScenarios';

let lunchShift: TraceEntry[];

beforeAll(async () => {
    lunchShift = (await recordLunchIncidentShift()).entries;
});

const template = buildTraceEntries()[0];
let seq = 0;
function entry(level: TraceEntry['level'] = 'error', correlationId = `c-${seq + 1}`): TraceEntry {
    seq += 1;
    return { ...template, seq, level, correlationId, at: Date.now() };
}

/** Lets the promise callbacks of a settled send run under fake timers. */
async function drain(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
}

async function advance(ms: number): Promise<void> {
    jest.advanceTimersByTime(ms);
    await drain();
}

type Sent = Array<TraceEntry & { tabId: string }>;
const sentIn = (send: jest.Mock, call: number): Sent => JSON.parse(send.mock.calls[call][0]) as Sent;

function shipper(overrides: Partial<LogShipperOptions> & Pick<LogShipperOptions, 'send'>) {
    const created = createLogShipper({ level: 'All', tabId: 'tab-1', ...overrides });
    created.setWriter(true);
    return created;
}

beforeEach(() => {
    jest.useFakeTimers();
});
afterEach(() => {
    jest.useRealTimers();
});

describe('at the All level', () => {
    it('sends every entry in one batch per interval, with the tab id', async () => {
        const send = jest.fn().mockResolvedValue({ accepted: 3, dropped: 0 });
        const shipping = shipper({ send, detailIntervalMs: 5000 });
        shipping.write(entry());
        shipping.write(entry('info'));
        await advance(4999);
        expect(send).not.toHaveBeenCalled();
        shipping.write(entry());
        await advance(1);
        expect(send).toHaveBeenCalledTimes(1);
        const sent = sentIn(send, 0);
        expect(sent).toHaveLength(3);
        expect(sent.every((e) => e.tabId === 'tab-1')).toBe(true);
    });

    it('sends a full batch early but never more than one call per interval', async () => {
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({ send, batchSize: 10, detailIntervalMs: 5000 });
        for (let i = 0; i < 10; i++) {
            shipping.write(entry());
        }
        await advance(0);
        expect(send).toHaveBeenCalledTimes(1);
        for (let i = 0; i < 10; i++) {
            shipping.write(entry());
        }
        await advance(4000);
        expect(send).toHaveBeenCalledTimes(1);
        await advance(1000);
        expect(send).toHaveBeenCalledTimes(2);
    });
});

describe('at the Summary level (the default)', () => {
    it('stores a sync that went well as one summary, and a refused one in one entry with every step inside', async () => {
        const entries = lunchShift;
        jest.setSystemTime(entries[entries.length - 1].at);
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({ send, level: 'Summary', settleMs: 5000, intervalMs: 60000 });
        entries.forEach((e) => shipping.write(e));
        await advance(5000);
        expect(send).toHaveBeenCalledTimes(1);
        const sent = sentIn(send, 0);
        const summaries = sent.filter((e) => e.step === 'sync-summary');
        const refused = sent.filter((e) => e.step !== 'sync-summary');
        expect(refused.map((e) => e.step)).toEqual(['sync-detail']);
        expect(refused[0].message).toBe(OMNI_REFUSAL);
        expect(refused[0].summary?.detail?.map((e) => e.step)).toEqual([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result'
        ]);
        expect(new Set(summaries.map((e) => e.correlationId)).size).toBe(summaries.length);
        // One row per sync, whatever happened in it.
        expect(sent.length).toBe(new Set(entries.map((e) => e.correlationId)).size);
    });

    it('waits until a sync is finished: its call answered and its echo back', async () => {
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({ send, level: 'Summary', settleMs: 5000, intervalMs: 60000 });
        const issued = { ...entry('info', 'sync-1'), step: 'call-issued' as const };
        shipping.write(issued);
        await advance(30000);
        expect(send).not.toHaveBeenCalled();
        shipping.write({ ...entry('info', 'sync-1'), step: 'call-result', result: 'success' });
        await advance(5000);
        expect(send).toHaveBeenCalledTimes(1);
        expect(sentIn(send, 0).map((e) => e.step)).toEqual(['sync-summary']);
        expect(sentIn(send, 0)[0].summary?.steps).toBe(2);
    });

    it('calls at most once a minute, and sends everything at once when the page is hidden', async () => {
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({ send, level: 'Summary', settleMs: 5000, intervalMs: 60000 });
        shipping.write(entry('info'));
        await advance(5000);
        expect(send).toHaveBeenCalledTimes(1);
        for (let i = 0; i < 20; i++) {
            shipping.write(entry('info'));
            await advance(2000);
        }
        expect(send).toHaveBeenCalledTimes(1);
        await advance(20000);
        expect(send).toHaveBeenCalledTimes(2);
        expect(sentIn(send, 1)).toHaveLength(20);
        shipping.write(entry('info'));
        await shipping.flush();
        expect(send).toHaveBeenCalledTimes(3);
        expect(shipping.stats().buffered).toBe(0);
    });

    it('stores nothing from a tab that only watches (the writer tab stores the same syncs)', async () => {
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({ send, level: 'Summary' });
        shipping.setWriter(false);
        shipping.write(entry('info'));
        shipping.write(entry('warn'));
        await shipping.flush();
        expect(send).not.toHaveBeenCalled();
    });
});

describe('live debugging', () => {
    it('sends every step until the time is up, then summaries again by itself', async () => {
        const send = jest.fn().mockResolvedValue({});
        const shipping = shipper({
            send,
            level: 'Summary',
            settleMs: 5000,
            intervalMs: 60000,
            detailIntervalMs: 5000
        });
        shipping.debugUntil(Date.now() + 60000);
        expect(shipping.level()).toBe('All');
        shipping.write(entry('info', 'debugged'));
        shipping.write(entry('info', 'debugged'));
        await advance(5000);
        expect(sentIn(send, 0).map((e) => e.step)).toEqual(['event-received', 'event-received']);
        await advance(60000);
        expect(shipping.level()).toBe('Summary');
        shipping.write(entry('info', 'after'));
        shipping.write(entry('info', 'after'));
        await advance(65000);
        expect(sentIn(send, send.mock.calls.length - 1).map((e) => e.step)).toEqual(['sync-summary']);
    });

    it('ends early when told so', () => {
        const shipping = shipper({ send: jest.fn().mockResolvedValue({}), level: 'Errors' });
        shipping.debugUntil(Date.now() + 60000);
        shipping.debugUntil(null);
        expect(shipping.level()).toBe('Errors');
    });
});

it('keeps only problem syncs at the Errors level, and nothing at Off', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipping = shipper({ send, level: 'Errors', settleMs: 1000, intervalMs: 1000 });
    shipping.write(entry('info', 'quiet'));
    shipping.write(entry('info', 'trouble'));
    shipping.write(entry('warn', 'trouble'));
    await shipping.flush();
    const sent = sentIn(send, 0);
    expect(sent.map((e) => `${e.correlationId}:${e.step}`)).toEqual(['trouble:sync-detail']);
    expect(sent[0].summary?.detail).toHaveLength(2);
    shipping.setLevel('Off');
    shipping.write(entry('error'));
    expect(shipping.stats().buffered).toBe(0);
});

it('carries the live state when it changed, and hands back the org answer', async () => {
    const send = jest.fn().mockResolvedValue({ accepted: 1, dropped: 0, debugUntil: 123 });
    const takeState = jest.fn().mockReturnValueOnce('{"status":"in-sync"}').mockReturnValue(null);
    const onAnswer = jest.fn();
    const shipping = shipper({ send, takeState, onAnswer });
    shipping.write(entry());
    await shipping.flush();
    shipping.write(entry());
    await shipping.flush();
    expect(send.mock.calls.map((c) => c[1])).toEqual(['{"status":"in-sync"}', null]);
    expect(onAnswer).toHaveBeenCalledWith({ accepted: 1, dropped: 0, debugUntil: 123 });
});

it('survives failing calls: bounded memory, one report, backs off, delivers later', async () => {
    const send = jest.fn().mockRejectedValue(new Error('Apex down'));
    const onFailure = jest.fn();
    const stateLost = jest.fn();
    const shipping = shipper({
        send,
        onFailure,
        stateLost,
        takeState: () => '{}',
        batchSize: 10,
        bufferLimit: 20,
        detailIntervalMs: 1000,
        maxBackoffMs: 8000
    });
    for (let i = 0; i < 100; i++) {
        expect(() => shipping.write(entry())).not.toThrow();
    }
    for (let i = 0; i < 30; i++) {
        await advance(1000);
    }
    expect(shipping.stats().buffered).toBeLessThanOrEqual(20);
    expect(shipping.stats().dropped).toBeGreaterThanOrEqual(80);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(stateLost).toHaveBeenCalledTimes(send.mock.calls.length);
    // 30 s at a pause doubling from 1 s up to 8 s: far fewer calls than seconds.
    expect(send.mock.calls.length).toBeLessThan(10);

    send.mockResolvedValue({});
    for (let i = 0; i < 20; i++) {
        await advance(1000);
    }
    expect(shipping.stats().buffered).toBe(0);
    const delivered = send.mock.calls.slice(-2).flatMap(([json]) => JSON.parse(json) as TraceEntry[]);
    expect(delivered.map((e) => e.seq)).toEqual([...delivered.map((e) => e.seq)].sort((a, b) => a - b));
});

it('sends nothing after dispose', async () => {
    const send = jest.fn().mockResolvedValue({});
    const shipping = shipper({ send });
    shipping.write(entry());
    shipping.dispose();
    await advance(60_000);
    await shipping.flush();
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

    it('reports at start, then ordinary changes at most once a minute and a keep-alive every five', () => {
        const send = jest.fn().mockResolvedValue({ debugUntil: null });
        let current = { ...state };
        const beat = createHeartbeat({ send, read: () => current });
        beat.start();
        expect(JSON.parse(send.mock.calls[0][0])).toEqual(state);
        current = { ...state, connectState: 'Lunch', omniStatus: 'Lunch', lastSyncAt: 1 };
        beat.changed();
        current = { ...current, connectState: 'Available', omniStatus: 'Available', lastSyncAt: 2 };
        beat.changed();
        jest.advanceTimersByTime(59_999);
        expect(send).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0]).lastSyncAt).toBe(2);
        // Nothing changes for a while: one keep-alive five minutes after the last report.
        jest.advanceTimersByTime(299_999);
        expect(send).toHaveBeenCalledTimes(2);
        jest.advanceTimersByTime(1);
        expect(send).toHaveBeenCalledTimes(3);
        beat.dispose();
        jest.advanceTimersByTime(3_600_000);
        expect(send).toHaveBeenCalledTimes(3);
    });

    it('reports a problem appearing or ending within seconds', () => {
        const send = jest.fn().mockResolvedValue(undefined);
        let current: LiveStateReport = { ...state };
        const beat = createHeartbeat({ send, read: () => current });
        beat.start();
        jest.advanceTimersByTime(500);
        current = { ...state, omniStatus: 'Lunch', status: 'syncing' };
        beat.changed();
        current = { ...state, omniStatus: 'Lunch', status: 'out-of-sync', lastError: 'refused' };
        beat.changed();
        // Two seconds after the last report at most.
        jest.advanceTimersByTime(1_499);
        expect(send).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0])).toMatchObject({
            status: 'out-of-sync',
            lastError: 'refused'
        });
        current = { ...state, lastError: 'refused' };
        beat.changed();
        jest.advanceTimersByTime(2_000);
        expect(send).toHaveBeenCalledTimes(3);
        beat.dispose();
    });

    it('rides on a log call when one goes anyway, and reports again when that call fails', () => {
        const send = jest.fn().mockResolvedValue(undefined);
        let current: LiveStateReport = { ...state };
        const beat = createHeartbeat({ send, read: () => current });
        beat.start();
        expect(beat.take()).toBeNull();
        current = { ...state, connectState: 'Lunch' };
        beat.changed();
        expect(JSON.parse(beat.take() as string).connectState).toBe('Lunch');
        jest.advanceTimersByTime(120_000);
        expect(send).toHaveBeenCalledTimes(1);
        beat.lost();
        jest.advanceTimersByTime(2_000);
        expect(send).toHaveBeenCalledTimes(2);
        expect(JSON.parse(send.mock.calls[1][0]).connectState).toBe('Lunch');
        beat.dispose();
    });

    it('reports again after a failed report, and hands the org answer on', async () => {
        const send = jest
            .fn()
            .mockRejectedValueOnce(new Error('offline'))
            .mockResolvedValue({ debugUntil: 42 });
        const onAnswer = jest.fn();
        let current = { ...state, status: 'not-ready' };
        const beat = createHeartbeat({ send, read: () => current, onAnswer });
        beat.start();
        await drain();
        current = { ...state, status: 'not-ready', connectState: 'Lunch' };
        beat.changed();
        jest.advanceTimersByTime(2_000);
        await drain();
        expect(send).toHaveBeenCalledTimes(2);
        expect(onAnswer).toHaveBeenCalledWith({ debugUntil: 42 });
        beat.dispose();
    });
});
