/**
 * `window.workbench`: what tests (and curious people in the console) use to drive and read the
 * workbench. The shape is the contract of issue 5; every method that changes something resolves
 * once the emulator applied the change and raised its events.
 */
import type { PresenceSyncRule, RuleIssue, SyncSession, TraceEntry } from 'c/presenceSyncEngine';
import type { EmulatedOmni } from '../../force-app/test/emulators/omni';
import { begin, busy, touch, whenQuiet } from '../platform/activity';
import { callApex, onApexCall } from '../platform/apex';
import { componentInstance } from './componentInstance';
import type { CcpHandle } from './remoteCcp';
import { subscribe, subscriberCount } from '../platform/empApi';
import type { ToastRequest } from '../platform/shellEvents';

export interface WorkbenchApiOptions {
    omni: EmulatedOmni;
    ccp: () => CcpHandle | null;
    ccpLoaded: Promise<CcpHandle>;
    agentElement: HTMLElement | null;
    rulesCache: { rules: PresenceSyncRule[] };
    toasts: ToastRequest[];
}

const RULES_CHANGED = '/event/Presence_Sync_Rules_Changed__e';
const READY_TIMEOUT_MS = 20000;

/** The workbench server's own endpoints (not Apex): rules, reset. */
async function server<T>(path: string, body?: unknown): Promise<T> {
    const end = begin();
    try {
        const response = await fetch(path, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        if (!response.ok) {
            throw new Error(`${path}: ${response.status} ${await response.text()}`);
        }
        return (await response.json()) as T;
    } finally {
        end();
    }
}

/**
 * The agent component is ready once it reports sync ready: the session has its rules and both
 * sides' first states. It marks its host element `data-sync-ready="true"` then.
 */
function agentReady(agent: HTMLElement | null): Promise<void> {
    if (!agent) {
        return Promise.reject(new Error('The agent component (c-presence-sync-agent) does not exist yet.'));
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const check = (): void => {
            if (agent.getAttribute('data-sync-ready') === 'true') {
                resolve();
            } else if (performance.now() - started > READY_TIMEOUT_MS) {
                reject(
                    new Error(
                        `The agent component did not report sync ready within ${READY_TIMEOUT_MS / 1000} s.`
                    )
                );
            } else {
                setTimeout(check, 2);
            }
        };
        check();
    });
}

let deliveryCount = 0;

/**
 * Resolves once the messages posted to this page so far have been handled. The CCP page posts
 * its updates here; messages to one window are delivered in the order they were posted, so a
 * message the page posts to itself arrives after them (Streams ignores it: it is not from the CCP).
 */
function messagesDelivered(): Promise<void> {
    const token = `workbench-delivered-${++deliveryCount}`;
    return new Promise((resolve) => {
        const onMessage = (event: MessageEvent): void => {
            if (event.source === window && (event.data as { workbench?: unknown })?.workbench === token) {
                window.removeEventListener('message', onMessage);
                resolve();
            }
        };
        window.addEventListener('message', onMessage);
        window.postMessage({ workbench: token }, '*');
    });
}

/** One trace entry, whether read from the session or from what was shipped. */
function traceKey(entry: TraceEntry): string {
    return `${entry.correlationId}|${entry.seq}|${entry.at}`;
}

/**
 * The agent component's running session (its `session` field), or null before it started or
 * when the component is not there. Read through the component instance, so the component needs
 * no accessor of its own.
 */
function agentSession(agent: HTMLElement | null): Pick<SyncSession, 'traceEntries'> | null {
    const instance = agent ? (componentInstance(agent) as { session?: unknown } | null) : null;
    const session = instance?.session as Partial<SyncSession> | null | undefined;
    return session && typeof session.traceEntries === 'function'
        ? (session as Pick<SyncSession, 'traceEntries'>)
        : null;
}

export function createWorkbenchApi(options: WorkbenchApiOptions) {
    const { omni, ccp, ccpLoaded, agentElement, rulesCache, toasts } = options;
    /** What the agent shipped to the org, as it shipped it (oldest first). */
    let shipped: TraceEntry[] = [];
    /** Entries written before the last reset, which log() no longer shows. */
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
    function everyEntry(): TraceEntry[] {
        return [...shipped, ...(agentSession(agentElement)?.traceEntries() ?? [])];
    }

    /**
     * The agent's trace, oldest first: what it shipped merged with what its session holds in
     * memory, which includes the entries still waiting for the shipper's next batch. Shipped
     * entries cover those the session's bounded memory has let go.
     */
    function log(): TraceEntry[] {
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
    }

    let readyAt: number | null = null;
    const ready = agentReady(agentElement).then(() => {
        readyAt = performance.now();
    });
    // An unhandled rejection would be noise when nobody awaits `ready` (e.g. a person at the page).
    ready.catch(() => undefined);

    async function loadedCcp(): Promise<CcpHandle> {
        const current = ccp();
        if (current) {
            return current;
        }
        const timeout = new Promise<never>((_, reject) =>
            setTimeout(
                () => reject(new Error('The CCP did not load: has the agent component started it?')),
                READY_TIMEOUT_MS
            )
        );
        return Promise.race([ccpLoaded, timeout]);
    }

    async function refreshRules(): Promise<PresenceSyncRule[]> {
        rulesCache.rules = await server<PresenceSyncRule[]>('/workbench/rules');
        return rulesCache.rules;
    }

    // Rules saved anywhere (the rule builder, another tab) reach the list as they reach the agent.
    void subscribe(RULES_CHANGED, -1, () => void refreshRules());

    /**
     * The agent ships its trace in batches every few seconds, and at once when the page is hidden.
     * To make `log()` current, settle reports the page hidden for an instant (as when the agent
     * glances at another tab) and then visible again.
     */
    function flushAgentLog(): void {
        const flip = (state: DocumentVisibilityState): void => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            document.dispatchEvent(new Event('visibilitychange'));
        };
        flip('hidden');
        flip('visible');
        // Back to the browser's own getter.
        delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }

    async function settle(): Promise<void> {
        await whenQuiet();
        // A CCP on another origin answers from another process, maybe after the quiet spell.
        const remote = ccp();
        if (remote?.drain) {
            await remote.drain();
            await whenQuiet();
        }
        if (agentElement) {
            flushAgentLog();
            await whenQuiet();
        }
    }

    const api = {
        ready,
        connect: {
            async setState(name: string): Promise<void> {
                const current = await loadedCcp();
                await current.setState(name);
                touch();
                // The agent has the CCP's update once this resolves: log() shows its event-received.
                await messagesDelivered();
            },
            state(): string {
                return ccp()?.state() ?? 'Offline';
            },
            nextState(): string | null {
                return ccp()?.nextState() ?? null;
            },
            calls(): { method: string; params: unknown }[] {
                return ccp()?.calls() ?? [];
            },
            /** Beyond the contract: the agent closes the contact after call work. */
            async endCall(): Promise<void> {
                await (await loadedCcp()).endContact();
                touch();
                await messagesDelivered();
            }
        },
        omni: {
            setStatus: (developerName: string): Promise<void> => omni.setStatus(developerName),
            status: (): string => omni.status(),
            logout: (): Promise<void> => omni.logout(),
            async acceptWork(channelDeveloperName: string): Promise<void> {
                await omni.acceptWork(channelDeveloperName);
            },
            setWorkload: (newWorkload: number, configuredCapacity: number): Promise<void> =>
                omni.setWorkload(newWorkload, configuredCapacity),
            /** Beyond the contract: interruptible work routed or closed, or the interruptible capacity changed. */
            setInterruptibleWorkload: (
                newInterruptibleWorkload: number,
                configuredInterruptibleCapacity: number
            ): Promise<void> =>
                omni.setInterruptibleWorkload(newInterruptibleWorkload, configuredInterruptibleCapacity),
            calls: (): { method: string; args: unknown }[] => omni.calls(),
            /** Beyond the contract: withdraw or restore a status from the agent's presence configuration. */
            grant: (developerName: string, granted: boolean): void => omni.grant(developerName, granted)
        },
        rules: {
            async replace(
                rules: PresenceSyncRule[]
            ): Promise<{ saved: number; rejected: { id: string; issues: RuleIssue[] }[] }> {
                const result = await server<{
                    saved: PresenceSyncRule[];
                    rejected: { id: string; issues: RuleIssue[] }[];
                }>('/workbench/rules/replace', { rules });
                await refreshRules();
                // The org has published the change; let the agent fetch and apply the new rules.
                await whenQuiet();
                return { saved: result.saved.length, rejected: result.rejected };
            },
            list: (): PresenceSyncRule[] => rulesCache.rules.map((r) => ({ ...r }))
        },
        log,
        settle,
        async reset(): Promise<void> {
            await server('/workbench/reset', {});
            await refreshRules();
            await settle();
            await omni.reset();
            const current = ccp();
            await current?.reset();
            await settle();
            omni.clearCalls();
            await current?.clearCalls();
            cleared = new Set(everyEntry().map(traceKey));
            shipped = [];
            toasts.length = 0;
        },
        /** Beyond the contract: milliseconds from navigation start to sync ready (null before). */
        readyAt: (): number | null => readyAt,
        /** Beyond the contract: the emulators themselves, for measurements. */
        emulators: { omni, ccp },
        /** Beyond the contract: toasts the components raised, oldest first. */
        toasts: (): ToastRequest[] => toasts.map((t) => ({ ...t })),
        /** Beyond the contract: whether the agent listens for rule changes, and the org's Apex by name. */
        rulesSubscribers: (): number => subscriberCount(RULES_CHANGED),
        apex: (endpoint: string, params: Record<string, unknown> = {}): Promise<unknown> =>
            callApex(endpoint, params),
        busy,
        refreshRules
    };

    return api;
}
