/* eslint-disable @lwc/lwc/no-async-operation -- the test plays the browser, whose tabs have timers */
import { createTabLeader } from 'c/presenceSyncTabLeader';
import type { LeaderChannel, LeaseStorage, TabLeader } from 'c/presenceSyncTabLeader';

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

/** A tab whose timers stop when it crashes, like a killed renderer process. */
function tab(tabId: string, shared: ReturnType<typeof browser>) {
    const timers: Array<ReturnType<typeof setInterval>> = [];
    const changes: boolean[] = [];
    const leader: TabLeader = createTabLeader({
        tabId,
        ...shared,
        onChange: (w) => changes.push(w),
        every: (beat, ms) => {
            const id = setInterval(beat, ms);
            timers.push(id);
            return () => clearInterval(id);
        }
    });
    return { leader, changes, crash: () => timers.forEach((id) => clearInterval(id)) };
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

it('writes alone where there is no storage to share', () => {
    const changes: boolean[] = [];
    const leader = createTabLeader({
        tabId: 'solo',
        storage: null,
        openChannel: null,
        onChange: (w) => changes.push(w)
    });
    leader.start();
    expect(leader.isWriter()).toBe(true);
    leader.stop();
    expect(changes).toEqual([true, false]);
});
