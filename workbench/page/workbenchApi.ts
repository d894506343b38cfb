/**
 * `window.workbench`: what tests (and curious people in the console) use to drive and read the
 * workbench. The shape is the contract of issue 5 (names are only ever added); every method that
 * changes something resolves once the emulator applied the change and raised its events.
 */
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import type { EmulatedOmni } from '../../force-app/test/emulators/omni';
import { begin, busy, touch, whenQuiet } from '../platform/activity';
import { callApex } from '../platform/apex';
import { subscribe, subscriberCount } from '../platform/empApi';
import type { ToastRequest } from '../platform/shellEvents';
import { createAgentLog } from './agentLog';
import type { CcpHandle } from './remoteCcp';

export interface WorkbenchApiOptions {
    omni: EmulatedOmni;
    ccp: () => CcpHandle | null;
    /** Calls the listener with each CCP the agent component loads. */
    onCcpLoaded: (listener: (ccp: CcpHandle) => void) => () => void;
    agentElement: () => HTMLElement | null;
    /** Replaces the agent component with a fresh one (a new session). */
    remountAgent: () => HTMLElement | null;
    /** Omni-Channel's widget has loaded and logged the agent back in, as the console does at load. */
    consoleLoaded: Promise<void>;
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

/**
 * The agent ships its trace in batches every few seconds, and at once when the page is hidden.
 * To make `log()` current, settle reports the page hidden for an instant (as when the agent
 * glances at another tab) and then visible again.
 */
function flushAgentLog(): void {
    // On the prototype: under LWS the sandbox reads the page's document through its prototype's getter.
    const own = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    const flip = (state: DocumentVisibilityState): void => {
        Object.defineProperty(Document.prototype, 'visibilityState', {
            configurable: true,
            get: () => state
        });
        document.dispatchEvent(new Event('visibilitychange'));
    };
    flip('hidden');
    flip('visible');
    // Back to the browser's own getter.
    if (own) {
        Object.defineProperty(Document.prototype, 'visibilityState', own);
    }
}

/** The next CCP the agent component loads (the current one, if loaded). */
function nextLoadedCcp(onCcpLoaded: WorkbenchApiOptions['onCcpLoaded']): Promise<CcpHandle> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(
            () => reject(new Error('The CCP did not load: has the agent component started it?')),
            READY_TIMEOUT_MS
        );
        const stop = onCcpLoaded((loaded) => {
            clearTimeout(timer);
            queueMicrotask(() => stop());
            resolve(loaded);
        });
    });
}

/**
 * The agent's action in the CCP, resolved once this page has the CCP's update (a CCP on
 * another origin answers once it has carried the action out and its messages arrived).
 */
async function actInCcp(
    loadedCcp: () => Promise<CcpHandle>,
    action: (current: CcpHandle) => void | Promise<void>
): Promise<void> {
    await action(await loadedCcp());
    touch();
    await messagesDelivered();
}

/** Waits until nothing is in flight: Apex calls, the CCP's messages, the agent's log. */
async function settleAll(ccp: () => CcpHandle | null, agentElement: () => HTMLElement | null): Promise<void> {
    await whenQuiet();
    // A CCP on another origin answers from another process, maybe after the quiet spell.
    const remote = ccp();
    if (remote?.drain) {
        await remote.drain();
        await whenQuiet();
    }
    if (agentElement()) {
        flushAgentLog();
        await whenQuiet();
    }
}

/** `window.workbench.rules`: the org's default rule set, replaced through the workbench server. */
function rulesApi(
    rulesCache: { rules: PresenceSyncRule[] },
    refreshRules: () => Promise<PresenceSyncRule[]>
) {
    return {
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
    };
}

/** `window.workbench.connect`: the agent's actions in the CCP, each resolved once this page has its update. */
function connectApi(
    ccp: () => CcpHandle | null,
    inCcp: (action: (current: CcpHandle) => void | Promise<void>) => Promise<void>,
    loadedCcp: () => Promise<CcpHandle>
) {
    return {
        /** The agent picks a state (the next status during a contact), plays a call phase, or Connect sets an error state. */
        setState: (name: string): Promise<void> => inCcp((c) => c.setState(name)),
        state: (): string => ccp()?.state() ?? 'Offline',
        nextState: (): string | null => ccp()?.nextState() ?? null,
        calls: (): { method: string; params: unknown }[] => ccp()?.calls() ?? [],
        /** Beyond the contract: the agent clears the newest contact. */
        endCall: (): Promise<void> => inCcp((c) => c.endContact()),
        /** Beyond the contract: a chat or task is routed to the agent (a contact without a system state). */
        startContact: (kind: 'chat' | 'task'): Promise<void> => inCcp((c) => c.startContact(kind)),
        /** Beyond the contract: the agent's Amazon Connect session ends, or the agent signs in again. */
        signOut: (): Promise<void> => inCcp((c) => c.signOut()),
        signIn: (): Promise<void> => inCcp((c) => c.signIn()),
        /** Beyond the contract: false makes the CCP take requests and never answer them. */
        answerRequests: async (answering: boolean): Promise<void> =>
            (await loadedCcp()).answerRequests(answering),
        /** Beyond the contract: the agent's own softphone (another CCP) opens and takes the softphone role. */
        openOwnSoftphone: (): Promise<void> => inCcp((c) => c.openOwnSoftphone()),
        /** Beyond the contract: who holds the softphone role, and every time it moved. */
        softphone: () => ccp()?.softphone() ?? { master: null, takeovers: [] }
    };
}

/** `window.workbench.omni`: the agent, the router and a supervisor in Omni-Channel. */
function omniApi(omni: EmulatedOmni) {
    return {
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
        grant: (developerName: string, granted: boolean): void => omni.grant(developerName, granted),
        /** Beyond the contract: a supervisor changes the agent's status, or logs the agent out. */
        supervisorSetStatus: (developerName: string): Promise<void> =>
            omni.supervisorSetStatus(developerName),
        supervisorLogout: (): Promise<void> => omni.supervisorLogout()
    };
}

export function createWorkbenchApi(options: WorkbenchApiOptions) {
    const { omni, ccp, onCcpLoaded, agentElement, rulesCache, toasts } = options;
    const agentLog = createAgentLog(agentElement);
    let readyAt: number | null = null;
    /** The agent component is ready and the console has loaded (Omni-Channel's widget logged in). */
    const whenReady = (): Promise<void> => {
        const started = Promise.all([agentReady(agentElement()), options.consoleLoaded]).then(() => {
            readyAt = performance.now();
        });
        // An unhandled rejection would be noise when nobody awaits `ready` (e.g. a person at the page).
        started.catch(() => undefined);
        return started;
    };

    const loadedCcp = (): Promise<CcpHandle> => nextLoadedCcp(onCcpLoaded);
    const inCcp = (action: (current: CcpHandle) => void | Promise<void>): Promise<void> =>
        actInCcp(loadedCcp, action);

    async function refreshRules(): Promise<PresenceSyncRule[]> {
        rulesCache.rules = await server<PresenceSyncRule[]>('/workbench/rules');
        return rulesCache.rules;
    }

    // Rules saved anywhere (the rule builder, another tab) reach the list as they reach the agent.
    void subscribe(RULES_CHANGED, -1, () => void refreshRules());

    const settle = (): Promise<void> => settleAll(ccp, agentElement);

    const api = {
        ready: whenReady(),
        connect: connectApi(ccp, inCcp, loadedCcp),
        omni: omniApi(omni),
        rules: rulesApi(rulesCache, refreshRules),
        log: () => agentLog.entries(),
        settle,
        /**
         * The seed rules, both sides Offline and signed in, calls, log and toasts cleared, and a
         * fresh agent component: a new session with nothing carried over (its flapping guard too).
         */
        async reset(): Promise<void> {
            await server('/workbench/reset', {});
            await refreshRules();
            await settle();
            await omni.reset();
            await ccp()?.reset();
            await ccp()?.answerRequests(true);
            await settle();
            agentLog.clear();
            options.remountAgent();
            api.ready = whenReady();
            await api.ready;
            await settle();
            omni.clearCalls();
            await ccp()?.clearCalls();
            agentLog.clear();
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
