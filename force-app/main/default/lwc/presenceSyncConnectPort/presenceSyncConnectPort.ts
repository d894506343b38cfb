/**
 * The Amazon Connect side of a sync session: everything that knows about amazon-connect-streams
 * lives here. It loads the locked Streams bundle from the static resource, starts the CCP in the
 * container it is given, turns agent state snapshots into session inputs and carries out the
 * session's state changes. Hosting the CCP elsewhere (a Visualforce page, as Amazon's CTI adapter
 * does) means replacing this module only: the component depends on `ConnectAdapter` alone.
 */
import { loadScript } from 'lightning/platformResourceLoader';
import STREAMS_URL from '@salesforce/resourceUrl/amazonConnectStreams';
import type { ConnectPort, ConnectWriteResult, SessionInput, SessionSettings } from 'c/presenceSyncEngine';
import { resendUncloneableMessages } from 'c/presenceSyncStreamsConduit';

/** The slice of amazon-connect-streams this port uses (see the package's index.d.ts). */
interface StreamsAgentState {
    name: string;
    type: string;
    agentStateARN?: string | null;
}
interface StreamsSubscription {
    unsubscribe(): void;
}
interface StreamsAgent {
    getState(): StreamsAgentState;
    getContacts(): unknown[];
    getNextState(): StreamsAgentState | null;
    getAgentStates(): StreamsAgentState[];
    setState(
        state: StreamsAgentState,
        callbacks: { success?: () => void; failure?: (error: unknown) => void },
        options?: { enqueueNextState?: boolean }
    ): void;
    onStateChange(f: (change: { oldState: string; newState: string }) => void): StreamsSubscription;
    onRefresh(f: (agent: StreamsAgent) => void): StreamsSubscription;
}
/** Streams internals whose timers outlive `terminate()` (amazon-connect-streams 2.28.2). */
interface StreamsTimers {
    keepaliveManager?: {
        synTimer?: number | null;
        ackTimer?: number | null;
        ackSub?: StreamsSubscription | null;
    } | null;
    iframeRefreshTimeout?: number | null;
    ccpLoadTimeoutInstance?: number | null;
}
interface Streams {
    core: StreamsTimers & {
        initCCP(container: HTMLElement, params: Record<string, unknown>): void;
        terminate(): void;
        onAccessDenied?(f: () => void): StreamsSubscription;
    };
    agent(f: (agent: StreamsAgent) => void): StreamsSubscription;
}
type StreamsWindow = Window & { connect?: Streams };

export type ConnectProblemCode =
    'streams-not-loaded' | 'ccp-not-acknowledged' | 'access-denied' | 'ccp-in-use';

export interface ConnectProblem {
    code: ConnectProblemCode;
    message: string;
}

export interface ConnectPortOptions {
    /** The component that loads the script (platformResourceLoader needs it). */
    host: object;
    /** An element in the component's template (`lwc:dom="manual"`) that will hold the CCP iframe. */
    container: HTMLElement;
    ccpUrl: string;
    /**
     * The session's on-contact setting. A plain change Connect refuses because the agent went on
     * a contact the session had not heard of yet is asked again as the next state with
     * 'queue-next', and stays refused with 'skip'.
     */
    onContact: SessionSettings['onContact'];
    /** A state change after the first snapshot. */
    onInput(input: SessionInput): void;
    /** The first snapshot arrived: Connect's current state. */
    onReady(state: string): void;
    /** The state Connect will go to when the current contact ends, or null. */
    onNextState(stateName: string | null): void;
    /** The CCP cannot be used (null once a previous problem is over). */
    onProblem(problem: ConnectProblem | null): void;
    /** How long the CCP may take to send its first snapshot. */
    ackTimeoutMs?: number;
    /** The window Streams defines `connect` on (tests pass their own). */
    streamsWindow?: Window;
}

export interface ConnectAdapter extends ConnectPort {
    start(): Promise<void>;
    /** Connect's current state, null before the first snapshot. */
    currentState(): string | null;
    dispose(): void;
}

const DEFAULT_ACK_TIMEOUT_MS = 20000;

/**
 * Streams allows one CCP per page, and its own duplicate check cannot look inside a shadow root:
 * this port keeps the page's one "initialised" flag itself.
 */
const ccpOwners = new WeakMap<Window, object>();

/**
 * Windows whose CCP was disposed but whose Streams core is not reset yet. Streams still has a
 * timer or two running right after a start that expect its upstream conduit, so the reset
 * (`terminate()`) waits for the next start in that window.
 */
const retired = new WeakSet<Window>();

/** Streams' failure callbacks hand over JSON text such as {"type":"InvalidStateException","message":"…"}. */
export function describeStreamsError(error: unknown): string {
    let type = '';
    let message = '';
    let parsed: unknown = error;
    if (typeof error === 'string') {
        try {
            parsed = JSON.parse(error);
        } catch {
            return error || 'Amazon Connect refused the change without saying why.';
        }
    }
    if (parsed && typeof parsed === 'object') {
        const fields = parsed as {
            type?: unknown;
            errorType?: unknown;
            message?: unknown;
            errorMessage?: unknown;
        };
        type = String(fields.type ?? fields.errorType ?? '');
        message = String(fields.message ?? fields.errorMessage ?? '');
    }
    if (type === 'InvalidStateException') {
        return `Amazon Connect cannot change your state right now${message ? ` (${message})` : ''}.`;
    }
    const words = [type, message].filter(Boolean).join(': ');
    return words
        ? `Amazon Connect refused the change: ${words}`
        : 'Amazon Connect refused the change without saying why.';
}

/**
 * `terminate()` leaves Streams' keepalive and iframe-refresh timers running; with the CCP iframe
 * gone they would throw every few seconds for as long as the page lives.
 */
function stopStreamsTimers(core: StreamsTimers): void {
    const keepalive = core.keepaliveManager;
    if (keepalive) {
        clearTimeout(keepalive.synTimer ?? undefined);
        clearTimeout(keepalive.ackTimer ?? undefined);
        keepalive.ackSub?.unsubscribe();
        // A SYN already on its way would restart the loop: make its start a no-op.
        (keepalive as { start?: () => void }).start = () => undefined;
    }
    clearTimeout(core.iframeRefreshTimeout ?? undefined);
    clearTimeout(core.ccpLoadTimeoutInstance ?? undefined);
}

/** What Streams' latest snapshot says: the agent is in a system state (Busy, AfterCallWork…) or has a contact. */
function onContact(agent: StreamsAgent): boolean {
    return agent.getState().type === 'system' || agent.getContacts().length > 0;
}

function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return url;
    }
}

export function createConnectPort(options: ConnectPortOptions): ConnectAdapter {
    const win = (options.streamsWindow ?? window) as StreamsWindow;
    const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    const subscriptions: StreamsSubscription[] = [];
    let agent: StreamsAgent | null = null;
    let state: string | null = null;
    let nextState: string | null = null;
    let ackTimer: ReturnType<typeof setTimeout> | null = null;
    let ownsCcp = false;
    let disposed = false;
    const token = {};

    function streams(): Streams {
        if (!win.connect) {
            throw new Error('amazon-connect-streams did not load.');
        }
        return win.connect;
    }

    function clearAckTimer(): void {
        if (ackTimer !== null) {
            clearTimeout(ackTimer);
            ackTimer = null;
        }
    }

    function notAcknowledgedMessage(): string {
        const seconds = Math.round(ackTimeoutMs / 1000);
        return (
            `The Amazon Connect softphone did not answer within ${seconds} s. ` +
            `Log in to Amazon Connect if a login window opened. Otherwise ask your admin to add ${originOf(options.ccpUrl)} ` +
            'as a CSP Trusted Site (frame-src) in Salesforce Setup, and to add this Salesforce domain ' +
            `(${win.location.origin}) to the approved origins of the Amazon Connect instance.`
        );
    }

    function onAgent(found: StreamsAgent): void {
        if (disposed) {
            return;
        }
        agent = found;
        clearAckTimer();
        subscriptions.push(
            found.onStateChange(({ oldState, newState }) => {
                if (disposed) {
                    return;
                }
                const previous = state;
                state = newState;
                // Streams reports the first snapshot as Init → current, and again after a
                // Global Resiliency failover: only a real change is an input.
                if (previous === null) {
                    options.onProblem(null);
                    options.onReady(newState);
                } else if (previous !== newState) {
                    options.onInput({
                        kind: 'connect-state',
                        oldState: oldState === 'Init' ? previous : oldState,
                        newState
                    });
                }
            }),
            found.onRefresh((current) => {
                if (disposed) {
                    return;
                }
                const next = current.getNextState()?.name ?? null;
                if (next !== nextState) {
                    nextState = next;
                    options.onNextState(next);
                }
            })
        );
    }

    return {
        async start(): Promise<void> {
            const owner = ccpOwners.get(win);
            if (owner && owner !== token) {
                options.onProblem({
                    code: 'ccp-in-use',
                    message:
                        'The Amazon Connect softphone already runs in another Presence Sync component on this page. ' +
                        'Keep one Presence Sync utility per app.'
                });
                return;
            }
            try {
                await loadScript(options.host as never, STREAMS_URL);
                streams();
            } catch {
                options.onProblem({
                    code: 'streams-not-loaded',
                    message:
                        'The Amazon Connect library (static resource amazonConnectStreams) could not be loaded. ' +
                        'Ask your admin to reinstall or redeploy Presence Sync.'
                });
                return;
            }
            if (disposed) {
                return;
            }
            const connect = streams();
            // Lightning Web Security can leave Streams unable to post to the CCP: see the module.
            resendUncloneableMessages(connect as never);
            if (retired.has(win)) {
                retired.delete(win);
                connect.core.terminate();
            }
            ccpOwners.set(win, token);
            ownsCcp = true;
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- a CCP that never answers must become an error
            ackTimer = setTimeout(() => {
                ackTimer = null;
                if (!disposed && state === null) {
                    options.onProblem({ code: 'ccp-not-acknowledged', message: notAcknowledgedMessage() });
                }
            }, ackTimeoutMs);
            connect.core.initCCP(options.container, {
                ccpUrl: options.ccpUrl,
                loginPopup: true,
                loginPopupAutoClose: true,
                softphone: { allowFramedSoftphone: true },
                ccpLoadTimeout: Math.min(10000, ackTimeoutMs)
            });
            const denied = connect.core.onAccessDenied?.(() => {
                options.onProblem({
                    code: 'access-denied',
                    message:
                        'Amazon Connect denied access to the softphone. Check that your Amazon Connect user may use the CCP.'
                });
            });
            if (denied) {
                subscriptions.push(denied);
            }
            subscriptions.push(connect.agent(onAgent));
        },

        currentState(): string | null {
            return state;
        },

        setState(
            stateName: string,
            { enqueueNextState }: { enqueueNextState: boolean }
        ): Promise<ConnectWriteResult> {
            if (!agent || disposed) {
                return Promise.reject(new Error('The Amazon Connect softphone is not ready yet.'));
            }
            const target = agent.getAgentStates().find((s) => s.name === stateName);
            if (!target) {
                const names = agent
                    .getAgentStates()
                    .map((s) => s.name)
                    .join(', ');
                return Promise.reject(
                    new Error(
                        `Amazon Connect has no agent state "${stateName}" you may choose. ` +
                            `States you may choose: ${names || 'none'}. Ask your admin to check the rule.`
                    )
                );
            }
            const current = agent;
            const put = (enqueue: boolean): Promise<void> =>
                new Promise((resolve, reject) => {
                    current.setState(
                        target,
                        { success: () => resolve(), failure: (error) => reject(error) },
                        { enqueueNextState: enqueue }
                    );
                });
            return put(enqueueNextState).then(
                (): ConnectWriteResult => ({ queued: enqueueNextState }),
                (error: unknown) => {
                    // The session asked for a plain change before it saw the contact start: ask once
                    // more for the next state. A refusal of that one is final.
                    if (
                        enqueueNextState ||
                        disposed ||
                        options.onContact !== 'queue-next' ||
                        !onContact(current)
                    ) {
                        throw new Error(describeStreamsError(error));
                    }
                    return put(true).then(
                        (): ConnectWriteResult => ({ queued: true }),
                        (retryError: unknown) => {
                            throw new Error(describeStreamsError(retryError));
                        }
                    );
                }
            );
        },

        dispose(): void {
            if (disposed) {
                return;
            }
            disposed = true;
            clearAckTimer();
            subscriptions.splice(0).forEach((s) => s.unsubscribe());
            if (ownsCcp) {
                ccpOwners.delete(win);
                try {
                    stopStreamsTimers(streams().core);
                    retired.add(win);
                } catch {
                    // Nothing to stop: Streams never loaded.
                }
                options.container.replaceChildren();
            }
            agent = null;
        }
    };
}
