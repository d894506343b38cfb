/**
 * Elects one writer among the agent's Salesforce tabs. Every tab runs Streams and sees Omni
 * events, so without this each tab would push the same change. The writer holds a lease in
 * localStorage that it renews every heartbeat; the others watch. A writer that closes releases
 * the lease and says so on a BroadcastChannel, so another tab takes over at once; a writer that
 * dies silently loses the lease when it expires (heartbeat + lease stay under 3 s).
 */

/** The part of localStorage the leader uses. */
export interface LeaseStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

/** The part of BroadcastChannel the leader uses. */
export interface LeaderChannel {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    close(): void;
}

export interface TabLeaderOptions {
    tabId: string;
    /** Called whenever this tab becomes or stops being the writer. */
    onChange(isWriter: boolean): void;
    storage?: LeaseStorage | null;
    /** Creates the channel tabs announce releases on; null where BroadcastChannel is missing. */
    openChannel?: ((name: string) => LeaderChannel | null) | null;
    now?: () => number;
    /** Runs `beat` every `ms` until the returned function is called (setInterval by default). */
    every?: (beat: () => void, ms: number) => () => void;
    heartbeatMs?: number;
    leaseMs?: number;
    /** Storage key and channel name; one per user and org is enough. */
    key?: string;
}

export interface TabLeader {
    start(): void;
    isWriter(): boolean;
    /** Gives up the lease (if held) so another tab takes over at once. */
    stop(): void;
}

interface Lease {
    tabId: string;
    expiresAt: number;
}

const DEFAULT_KEY = 'presenceSync.writerLease';
const DEFAULT_HEARTBEAT_MS = 500;
const DEFAULT_LEASE_MS = 2000;

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

export function createTabLeader(options: TabLeaderOptions): TabLeader {
    const key = options.key ?? DEFAULT_KEY;
    const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    const now = options.now ?? (() => Date.now());
    const storage = options.storage === undefined ? defaultStorage() : options.storage;
    const openChannel = options.openChannel === undefined ? defaultChannel : options.openChannel;
    let channel: LeaderChannel | null = null;
    const every = options.every ?? defaultEvery;
    let stopBeating: (() => void) | null = null;
    let writer = false;
    let running = false;

    function readLease(): Lease | null {
        try {
            const raw = storage?.getItem(key);
            const lease = raw ? (JSON.parse(raw) as Lease) : null;
            return lease && typeof lease.tabId === 'string' && typeof lease.expiresAt === 'number'
                ? lease
                : null;
        } catch {
            return null;
        }
    }

    function setWriter(next: boolean): void {
        if (next !== writer) {
            writer = next;
            options.onChange(next);
        }
    }

    function beat(): void {
        if (!running) {
            return;
        }
        if (!storage) {
            // No shared storage: nothing to coordinate with, this tab writes alone.
            setWriter(true);
            return;
        }
        const lease = readLease();
        const free = !lease || lease.expiresAt <= now() || lease.tabId === options.tabId;
        if (free) {
            storage.setItem(key, JSON.stringify({ tabId: options.tabId, expiresAt: now() + leaseMs }));
        }
        // Read back: of two tabs that found the lease free at once, the last write wins.
        setWriter(readLease()?.tabId === options.tabId);
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

        isWriter(): boolean {
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
            setWriter(false);
        }
    };
}

/** A tab id that is unique enough across the agent's tabs and readable in logs. */
export function newTabId(): string {
    return `tab-${Math.random().toString(36).slice(2, 8)}`;
}
