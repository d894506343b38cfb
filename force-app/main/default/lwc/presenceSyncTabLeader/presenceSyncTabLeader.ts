/**
 * Elects one writer among the agent's Salesforce tabs. Every tab runs Streams and sees Omni
 * events, so without this each tab would push the same change.
 *
 * Where the browser has the Web Locks API (`navigator.locks`), the writer is the tab holding an
 * exclusive lock; the others wait in the lock's queue. A lock needs no timers, so a tab Chrome
 * throttles in the background (one timer wake-up a minute after 5 minutes hidden) keeps it and no
 * other tab writes meanwhile; the browser frees it when the tab closes or dies.
 *
 * Elsewhere, a lease in localStorage renewed on a heartbeat, with a BroadcastChannel to hand it
 * over at once. A throttled writer's lease may run out between its heartbeats, so `mayWrite()`
 * reads the lease again right before every write: an expired writer stops before it writes.
 */

/** The part of localStorage the fallback lease uses. */
export interface LeaseStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

/** The part of BroadcastChannel the fallback lease uses. */
export interface LeaderChannel {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    close(): void;
}

/** The part of the Web Locks API (`navigator.locks`) the leader uses. */
export interface WriterLocks {
    request(
        name: string,
        options: { mode: 'exclusive'; signal?: AbortSignal },
        callback: (lock: unknown) => Promise<void>
    ): Promise<unknown>;
}

export interface TabLeaderOptions {
    tabId: string;
    /** Called whenever this tab becomes or stops being the writer. */
    onChange(isWriter: boolean): void;
    /** The Web Locks API; `null` forces the lease (browsers without it). Default: `navigator.locks`. */
    locks?: WriterLocks | null;
    storage?: LeaseStorage | null;
    /** Creates the channel tabs announce releases on; null where BroadcastChannel is missing. */
    openChannel?: ((name: string) => LeaderChannel | null) | null;
    now?: () => number;
    /** Runs `beat` every `ms` until the returned function is called (setInterval by default). */
    every?: (beat: () => void, ms: number) => () => void;
    heartbeatMs?: number;
    leaseMs?: number;
    /** Lock name, storage key and channel name; one per user and org is enough. */
    key?: string;
}

export interface TabLeader {
    start(): void;
    isWriter(): boolean;
    /** Asked right before every write: whether this tab still holds the writer role. */
    mayWrite(): boolean;
    /** Gives up the role (if held) so another tab takes over at once. */
    stop(): void;
}

interface Lease {
    tabId: string;
    expiresAt: number;
}

const DEFAULT_KEY = 'presenceSync.writer';
const DEFAULT_HEARTBEAT_MS = 500;
const DEFAULT_LEASE_MS = 2000;

function defaultLocks(): WriterLocks | null {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as { locks?: WriterLocks }).locks;
    return locks && typeof locks.request === 'function' ? locks : null;
}

function defaultStorage(): LeaseStorage | null {
    try {
        return window.localStorage;
    } catch {
        return null;
    }
}

function defaultEvery(beat: () => void, ms: number): () => void {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the lease must be renewed while the tab lives
    const id = setInterval(beat, ms);
    return () => clearInterval(id);
}

function defaultChannel(name: string): LeaderChannel | null {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
}

/** The writer role held as an exclusive Web Lock. */
function lockLeader(locks: WriterLocks, key: string, setWriter: (writer: boolean) => void): TabLeader {
    let writer = false;
    let release: (() => void) | null = null;
    let abort: AbortController | null = null;
    const become = (next: boolean): void => {
        writer = next;
        setWriter(next);
    };
    return {
        start(): void {
            if (abort) {
                return;
            }
            const controller = new AbortController();
            abort = controller;
            locks
                .request(key, { mode: 'exclusive', signal: controller.signal }, () => {
                    if (controller.signal.aborted) {
                        return Promise.resolve();
                    }
                    become(true);
                    // Held until stop(): the promise keeps the lock.
                    return new Promise<void>((resolve) => {
                        release = resolve;
                    });
                })
                .catch(() => {
                    // Aborted while waiting: this tab stopped before its turn came.
                });
        },
        isWriter: () => writer,
        mayWrite: () => writer,
        stop(): void {
            abort?.abort();
            abort = null;
            release?.();
            release = null;
            if (writer) {
                become(false);
            }
        }
    };
}

/** The lease stored under `key`, null when there is none (or it is not one). */
function leaseIn(storage: LeaseStorage | null, key: string): Lease | null {
    try {
        const raw = storage?.getItem(key);
        const lease = raw ? (JSON.parse(raw) as Lease) : null;
        return lease && typeof lease.tabId === 'string' && typeof lease.expiresAt === 'number' ? lease : null;
    } catch {
        return null;
    }
}

/** The lease leader's timings and the browser parts it uses, the defaults where not given. */
function leaseParts(options: TabLeaderOptions) {
    return {
        heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
        leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
        now: options.now ?? (() => Date.now()),
        storage: options.storage === undefined ? defaultStorage() : options.storage,
        openChannel: options.openChannel === undefined ? defaultChannel : options.openChannel,
        every: options.every ?? defaultEvery
    };
}

/** The writer role held as a lease in shared storage (browsers without Web Locks). */
function leaseLeader(
    options: TabLeaderOptions,
    key: string,
    setWriter: (writer: boolean) => void
): TabLeader {
    const { heartbeatMs, leaseMs, now, storage, openChannel, every } = leaseParts(options);
    let channel: LeaderChannel | null = null;
    let stopBeating: (() => void) | null = null;
    let writer = false;
    let running = false;

    const readLease = (): Lease | null => leaseIn(storage, key);

    function become(next: boolean): void {
        if (next !== writer) {
            writer = next;
            setWriter(next);
        }
    }

    function beat(): void {
        if (!running) {
            return;
        }
        if (!storage) {
            // No shared storage: nothing to coordinate with, this tab writes alone.
            become(true);
            return;
        }
        const lease = readLease();
        if (!lease || lease.expiresAt <= now() || lease.tabId === options.tabId) {
            storage.setItem(key, JSON.stringify({ tabId: options.tabId, expiresAt: now() + leaseMs }));
        }
        // Read back: of two tabs that found the lease free at once, the last write wins.
        become(readLease()?.tabId === options.tabId);
    }

    return {
        start(): void {
            if (running) {
                return;
            }
            running = true;
            channel = openChannel ? openChannel(key) : null;
            channel?.addEventListener('message', (event) => {
                if ((event.data as { type?: string } | null)?.type === 'released') {
                    beat();
                }
            });
            beat();
            stopBeating = every(beat, heartbeatMs);
        },
        isWriter: () => writer,
        mayWrite(): boolean {
            if (writer && storage) {
                const lease = readLease();
                become(lease?.tabId === options.tabId && lease.expiresAt > now());
            }
            return writer;
        },
        stop(): void {
            if (!running) {
                return;
            }
            running = false;
            stopBeating?.();
            stopBeating = null;
            if (writer && readLease()?.tabId === options.tabId) {
                storage?.removeItem(key);
                channel?.postMessage({ type: 'released', tabId: options.tabId });
            }
            channel?.close();
            channel = null;
            become(false);
        }
    };
}

export function createTabLeader(options: TabLeaderOptions): TabLeader {
    const key = options.key ?? DEFAULT_KEY;
    const locks = options.locks === undefined ? defaultLocks() : options.locks;
    const setWriter = (writer: boolean): void => options.onChange(writer);
    return locks ? lockLeader(locks, key, setWriter) : leaseLeader(options, key, setWriter);
}

/** A tab id that is unique enough across the agent's tabs and readable in logs. */
export function newTabId(): string {
    return `tab-${Math.random().toString(36).slice(2, 8)}`;
}
