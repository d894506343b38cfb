/**
 * `workbench.log()`: the agent's trace as the org received it, merged with what the running
 * session still holds in memory (the entries waiting for the log shipper's next batch).
 */
import type { SyncSession, TraceEntry } from 'c/presenceSyncEngine';
import { onApexCall } from '../platform/apex';
import { componentInstance } from './componentInstance';

/** One trace entry, whether read from the session or from what was shipped. */
function traceKey(entry: TraceEntry): string {
    return `${entry.correlationId}|${entry.seq}|${entry.at}`;
}

/**
 * The agent component's running session (its runtime's `session`), or null before it started or
 * when the component is not there. Read through the component instance, so the component needs
 * no accessor of its own.
 */
function agentSession(agent: HTMLElement | null): Pick<SyncSession, 'traceEntries'> | null {
    const instance = agent
        ? (componentInstance(agent) as { runtime?: { session?: unknown } | null } | null)
        : null;
    const session = instance?.runtime?.session as Partial<SyncSession> | null | undefined;
    return session && typeof session.traceEntries === 'function'
        ? (session as Pick<SyncSession, 'traceEntries'>)
        : null;
}

export interface AgentLog {
    /** Oldest first, without repeats, none from before the last `clear()`. */
    entries(): TraceEntry[];
    /** Forgets everything so far: entries written before are not shown again. */
    clear(): void;
}

export function createAgentLog(agentElement: () => HTMLElement | null): AgentLog {
    /** What the agent shipped to the org, as it shipped it (oldest first). */
    let shipped: TraceEntry[] = [];
    /** Entries written before the last clear, which entries() no longer shows. */
    let cleared = new Set<string>();

    onApexCall((endpoint, params) => {
        if (
            endpoint === 'PresenceSyncAgentController.writeLogEntries' &&
            typeof params.entriesJson === 'string'
        ) {
            const entries = JSON.parse(params.entriesJson) as Array<TraceEntry & { tabId?: string }>;
            shipped = [...shipped, ...entries.map(({ tabId: _tabId, ...entry }) => entry as TraceEntry)];
        }
    });

    /** Shipped entries, then the session's (which repeat the shipped ones it still holds). */
    const everyEntry = (): TraceEntry[] => [
        ...shipped,
        ...(agentSession(agentElement())?.traceEntries() ?? [])
    ];

    return {
        entries(): TraceEntry[] {
            const seen = new Set(cleared);
            const entries: TraceEntry[] = [];
            for (const entry of everyEntry()) {
                const key = traceKey(entry);
                if (!seen.has(key)) {
                    seen.add(key);
                    entries.push({ ...entry });
                }
            }
            return entries.sort((a, b) => a.at - b.at || a.seq - b.seq);
        },
        clear(): void {
            cleared = new Set(everyEntry().map(traceKey));
            shipped = [];
        }
    };
}
