/* eslint-disable no-await-in-loop, @lwc/lwc/no-async-operation -- the test plays the browser, whose tabs have timers */
import { createTabLeader } from 'c/presenceSyncTabLeader';
import type { LeaderChannel, LeaseStorage, TabLeader, WriterLocks } from 'c/presenceSyncTabLeader';

/** localStorage and BroadcastChannel as the agent's browser shares them between tabs. */
function browser() {
    const items = new Map<string, string>();
    const storage: LeaseStorage = {
        getItem: (k) => items.get(k) ?? null,
        setItem: (k, v) => {
            items.set(k, v);
        },
        removeItem: (k) => {
            items.delete(k);
        }
    };
    const channels = new Set<{ listeners: Array<(e: { data: unknown }) => void> }>();
    const openChannel = (): LeaderChannel => {
        const self = { listeners: [] as Array<(e: { data: unknown }) => void> };
        channels.add(self);
        return {
            postMessage: (data) => {
                // BroadcastChannel delivers to every other channel of that name, asynchronously.
                for (const other of channels) {
                    if (other !== self) {
                        other.listeners.forEach((l) => setTimeout(() => l({ data }), 0));
                    }
                }
            },
            addEventListener: (_type, listener) => self.listeners.push(listener),
            close: () => channels.delete(self)
        };
    };
    return { storage, openChannel };
}

/**
 * A tab whose timers stop when it crashes, like a killed renderer process; `throttle` makes them
 * fire at most once a minute, as Chrome does in a tab hidden for over 5 minutes.
 */
function tab(tabId: string, shared: ReturnType<typeof browser>) {
    const timers: Array<ReturnType<typeof setInterval>> = [];
    const changes: boolean[] = [];
    let throttled = false;
    let lastBeat = 0;
    const leader: TabLeader = createTabLeader({
        tabId,
        ...shared,
        locks: null,
        onChange: (w) => changes.push(w),
        every: (beat, ms) => {
            const id = setInterval(() => {
                if (!throttled || Date.now() - lastBeat >= 60_000) {
                    lastBeat = Date.now();
                    beat();
                }
            }, ms);
            timers.push(id);
            return () => clearInterval(id);
        }
    });
    return {
        leader,
        changes,
        crash: () => timers.forEach((id) => clearInterval(id)),
        throttle: () => {
            throttled = true;
            lastBeat = Date.now();
        }
    };
}

beforeEach(() => {
    jest.useFakeTimers();
});
afterEach(() => {
    jest.useRealTimers();
});

it('makes exactly one of several tabs the writer', () => {
    const shared = browser();
    const tabs = [tab('a', shared), tab('b', shared), tab('c', shared)];
    tabs.forEach((t) => t.leader.start());
    jest.advanceTimersByTime(10_000);
    expect(tabs.map((t) => t.leader.isWriter())).toEqual([true, false, false]);
    expect(tabs.map((t) => t.changes)).toEqual([[true], [], []]);
});

it('hands over at once when the writer tab closes', () => {
    const shared = browser();
    const a = tab('a', shared);
    const b = tab('b', shared);
    a.leader.start();
    b.leader.start();
    a.leader.stop();
    jest.advanceTimersByTime(1);
    expect(b.leader.isWriter()).toBe(true);
    expect(a.changes).toEqual([true, false]);
});

it('replaces a writer tab that dies without saying so within 3 seconds', () => {
    const shared = browser();
    const a = tab('a', shared);
    const b = tab('b', shared);
    a.leader.start();
    b.leader.start();
    jest.advanceTimersByTime(5_000);
    a.crash();
    jest.advanceTimersByTime(2_999);
    expect(b.leader.isWriter()).toBe(true);
    expect(b.changes).toEqual([true]);
});

it('never has two writers while tabs come and go', () => {
    const shared = browser();
    const tabs = ['a', 'b', 'c', 'd'].map((id) => tab(id, shared));
    let overlaps = 0;
    tabs[0].leader.start();
    for (let step = 0; step < 40; step++) {
        const t = tabs[step % tabs.length];
        if (step % 3 === 0) {
            t.leader.stop();
        } else {
            t.leader.start();
        }
        for (let ms = 0; ms < 1000; ms += 100) {
            jest.advanceTimersByTime(100);
            if (tabs.filter((x) => x.leader.isWriter()).length > 1) {
                overlaps += 1;
            }
        }
    }
    expect(overlaps).toBe(0);
});

it('lets a throttled writer whose lease ran out between heartbeats write no more, so two tabs never both write', () => {
    const shared = browser();
    const a = tab('a', shared);
    const b = tab('b', shared);
    a.leader.start();
    b.leader.start();
    jest.advanceTimersByTime(1_000);
    a.throttle();
    jest.advanceTimersByTime(5_000);
    // b took over; a has not had a heartbeat since and still thinks it writes…
    expect(b.leader.mayWrite()).toBe(true);
    expect(a.leader.isWriter()).toBe(true);
    // …until it asks before writing.
    expect(a.leader.mayWrite()).toBe(false);
    expect(a.changes).toEqual([true, false]);
});

/** The Web Locks API as one browser gives it to its tabs: an exclusive lock, requests queue. */
function lockManager(): WriterLocks {
    const queue: Array<{ run: () => void; signal?: AbortSignal }> = [];
    let held = false;
    const next = (): void => {
        while (!held && queue.length > 0) {
            const waiting = queue.shift()!;
            if (!waiting.signal?.aborted) {
                waiting.run();
            }
        }
    };
    return {
        request(_name, options, callback) {
            return new Promise((resolve, reject) => {
                options.signal?.addEventListener('abort', () =>
                    reject(new DOMException('aborted', 'AbortError'))
                );
                queue.push({
                    signal: options.signal,
                    run: () => {
                        held = true;
                        callback({}).then((value) => {
                            held = false;
                            resolve(value);
                            next();
                        });
                    }
                });
                next();
            });
        }
    };
}

describe('with the Web Locks API', () => {
    function lockTab(tabId: string, locks: WriterLocks) {
        const changes: boolean[] = [];
        const leader = createTabLeader({ tabId, locks, onChange: (w) => changes.push(w) });
        return { leader, changes };
    }

    it('makes the tab holding the lock the writer, however long its timers sleep, and hands over when it stops', async () => {
        const locks = lockManager();
        const a = lockTab('a', locks);
        const b = lockTab('b', locks);
        a.leader.start();
        b.leader.start();
        await Promise.resolve();
        // No timer keeps the lock: an hour of a throttled (or frozen) tab changes nothing.
        jest.advanceTimersByTime(3_600_000);
        expect([a.leader.mayWrite(), b.leader.mayWrite()]).toEqual([true, false]);
        a.leader.stop();
        for (let i = 0; i < 5; i++) {
            await Promise.resolve();
        }
        expect([a.leader.mayWrite(), b.leader.mayWrite()]).toEqual([false, true]);
        expect(a.changes).toEqual([true, false]);
        expect(b.changes).toEqual([true]);
    });

    it('gives up its place in the queue when a waiting tab stops', async () => {
        const locks = lockManager();
        const a = lockTab('a', locks);
        const b = lockTab('b', locks);
        const c = lockTab('c', locks);
        [a, b, c].forEach((t) => t.leader.start());
        b.leader.stop();
        a.leader.stop();
        for (let i = 0; i < 5; i++) {
            await Promise.resolve();
        }
        expect([a, b, c].map((t) => t.leader.isWriter())).toEqual([false, false, true]);
        expect(b.changes).toEqual([]);
    });
});

it('writes alone where there is no storage to share', () => {
    const changes: boolean[] = [];
    const leader = createTabLeader({
        tabId: 'solo',
        locks: null,
        storage: null,
        openChannel: null,
        onChange: (w) => changes.push(w)
    });
    leader.start();
    expect(leader.isWriter()).toBe(true);
    leader.stop();
    expect(changes).toEqual([true, false]);
});
