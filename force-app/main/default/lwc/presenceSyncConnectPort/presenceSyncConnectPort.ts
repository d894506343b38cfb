/**
 * The Amazon Connect side of a sync session: everything that knows about amazon-connect-streams
 * lives here. It loads the locked Streams bundle from the static resource, starts the CCP in the
 * container it is given as a guest beside the agent's own softphone (no audio, no ringtones,
 * unless the admin makes this utility the softphone), turns agent snapshots into session inputs
 * with what they say about contacts, and carries out the session's state changes with a
 * timeout. Hosting the CCP elsewhere (a Visualforce page, as Amazon's CTI adapter does) means
 * replacing this module only: the component depends on `ConnectAdapter` alone.
 */
import { loadScript } from 'lightning/platformResourceLoader';
import STREAMS_URL from '@salesforce/resourceUrl/amazonConnectStreams';
import type { ConnectActivity, ConnectPort, ConnectSelectableType, SessionInput } from 'c/presenceSyncEngine';
import {
    describeStreamsError,
    MULTIPLE_BROWSERS_MESSAGE,
    notAcknowledgedMessage,
    parseStreamsError,
    signInMessage
} from './connectMessages';
import { resendUncloneableMessages } from 'c/presenceSyncStreamsConduit';
import { stopStreamsTimers } from './streamsTypes';
import type { Streams, StreamsAgent, StreamsSubscription, StreamsWindow } from './streamsTypes';

export { describeStreamsError } from './connectMessages';

export type ConnectProblemCode =
    | 'streams-not-loaded'
    | 'ccp-not-acknowledged'
    | 'access-denied'
    | 'ccp-in-use'
    | 'sign-in'
    | 'multiple-browsers';

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
    /** The instance's SAML sign-in URL (Streams' `loginUrl`); the CCP URL signs in otherwise. */
    loginUrl?: string | null;
    /**
     * This CCP is the agent's softphone: it may carry call audio and ring. Off, it is an
     * audio-free observer beside the agent's own softphone (Streams' default would take the audio).
     */
    softphone?: boolean;
    /** Ask the browser for storage access (Streams' opt-in flow) where third-party cookies are blocked. */
    storageAccess?: boolean;
    /** A change after the first snapshot, with what the snapshot says about contacts. */
    onInput(input: SessionInput): void;
    /** The first snapshot arrived: Connect's current state. */
    onReady(state: string, activity: ConnectActivity): void;
    /** The CCP cannot be used, or the agent must act (`null` once a problem of that code is over). */
    onProblem(problem: ConnectProblem | null, code?: ConnectProblemCode): void;
    /** How long the CCP may take to send its first snapshot. */
    ackTimeoutMs?: number;
    /** How long a state change may wait for Connect's answer. */
    requestTimeoutMs?: number;
    /** The window Streams defines `connect` on (tests pass their own). */
    streamsWindow?: Window;
}

export interface ConnectAdapter extends ConnectPort {
    start(): Promise<void>;
    /** Connect's current state, null before the first snapshot. */
    currentState(): string | null;
    /** Opens Amazon Connect's sign-in page. Call it from a click: browsers block pop-ups opened by timers. */
    signIn(): void;
    dispose(): void;
}

const DEFAULT_ACK_TIMEOUT_MS = 20000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10000;

/**
 * Streams allows one CCP per window, and its own duplicate check cannot look inside a shadow
 * root: this port keeps the window's one "initialised" flag itself.
 */
const ccpOwners = new WeakMap<Window, object>();

/**
 * Windows whose CCP was disposed but whose Streams core is not reset yet. Streams still has a
 * timer or two running right after a start that expect its upstream conduit, so the reset
 * (`terminate()`) waits for the next start in that window.
 */
const retired = new WeakSet<Window>();

/**
 * What Streams' latest snapshot says about contacts: "on a contact" from the contacts and the
 * state's type (a voice contact puts the agent in a `system` state; chat and task contacts do
 * not; error states carry none), never from a list of state names.
 */
function activityOf(agent: StreamsAgent): ConnectActivity {
    const state = agent.getState();
    const selectable = ['routable', 'not_routable', 'offline'].includes(state.type);
    return {
        onContact: agent.getContacts().length > 0 || state.type === 'system',
        availabilityState: agent.getAvailabilityState?.()?.state ?? (selectable ? state.name : null),
        nextState: agent.getNextState()?.name ?? null
    };
}

function sameActivity(a: ConnectActivity | null, b: ConnectActivity): boolean {
    return (
        a !== null &&
        a.onContact === b.onContact &&
        a.availabilityState === b.availabilityState &&
        a.nextState === b.nextState
    );
}

/** The parameters of `connect.core.initCCP`: a guest unless it is the agent's softphone. */
export function initCcpParams(options: ConnectPortOptions, ackTimeoutMs: number): Record<string, unknown> {
    const audio = options.softphone === true;
    const params: Record<string, unknown> = {
        ccpUrl: options.ccpUrl,
        // Streams opens its login pop-up from a timer, which browsers block: the agent gets a Sign in button.
        loginPopup: false,
        softphone: { allowFramedSoftphone: audio, disableRingtone: !audio },
        chat: { disableRingtone: true },
        task: { disableRingtone: true },
        ccpLoadTimeout: Math.min(10000, ackTimeoutMs)
    };
    if (options.loginUrl) {
        params.loginUrl = options.loginUrl;
    }
    if (options.storageAccess) {
        params.storageAccess = { canRequest: true, mode: 'default' };
    }
    return params;
}

export function createConnectPort(options: ConnectPortOptions): ConnectAdapter {
    const win = (options.streamsWindow ?? window) as StreamsWindow;
    const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const subscriptions: StreamsSubscription[] = [];
    let agent: StreamsAgent | null = null;
    let state: string | null = null;
    let activity: ConnectActivity | null = null;
    let ackTimer: ReturnType<typeof setTimeout> | null = null;
    const raised = new Set<string>();
    let ownsCcp = false;
    let disposed = false;
    const token = {};

    function streams(): Streams {
        if (!win.connect) {
            throw new Error('amazon-connect-streams did not load.');
        }
        return win.connect;
    }

    function raise(problem: ConnectProblem): void {
        raised.add(problem.code);
        options.onProblem(problem, problem.code);
    }

    function clear(code: string): void {
        if (raised.delete(code)) {
            options.onProblem(null, code as ConnectProblemCode);
        }
    }

    function clearAckTimer(): void {
        if (ackTimer !== null) {
            clearTimeout(ackTimer);
            ackTimer = null;
        }
    }

    /** Every snapshot: the first is the initial state; later ones are inputs when something changed. */
    function onSnapshot(current: StreamsAgent): void {
        if (disposed) {
            return;
        }
        agent = current;
        const name = current.getState().name;
        const now = activityOf(current);
        // Connect answers again: whatever stopped it (sign-in, a slow load) is over.
        clear('sign-in');
        clear('ccp-not-acknowledged');
        if (name === 'MultipleCcpWindows') {
            raise({ code: 'multiple-browsers', message: MULTIPLE_BROWSERS_MESSAGE });
        } else {
            clear('multiple-browsers');
        }
        const previous = state;
        const changed = previous !== name || !sameActivity(activity, now);
        state = name;
        activity = now;
        if (previous === null) {
            options.onReady(name, now);
        } else if (changed) {
            options.onInput({ kind: 'connect-state', oldState: previous, newState: name, ...now });
        }
    }

    function watch(connect: Streams): void {
        const denied = connect.core.onAccessDenied?.(() =>
            raise({
                code: 'access-denied',
                message:
                    'Amazon Connect denied access to the softphone. Check that your Amazon Connect user may use the CCP.'
            })
        );
        const authFail = connect.core.onAuthFail?.(() =>
            raise({ code: 'sign-in', message: signInMessage('auth-fail', requestTimeoutMs) })
        );
        for (const subscription of [denied, authFail]) {
            if (subscription) {
                subscriptions.push(subscription);
            }
        }
        subscriptions.push(
            connect.agent((found) => {
                clearAckTimer();
                subscriptions.push(found.onRefresh(onSnapshot));
                onSnapshot(found);
            })
        );
    }

    /** One putAgentState, answered or timed out: Streams calls back only when an api_response arrives. */
    function put(current: StreamsAgent, stateName: string, enqueueNextState: boolean): Promise<void> {
        const target = current.getAgentStates().find((s) => s.name === stateName);
        if (!target) {
            const names = current
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
        return new Promise<void>((resolve, reject) => {
            let settled = false;
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- an unanswered request must fail, not hang
            const timer = setTimeout(() => {
                settled = true;
                raise({ code: 'sign-in', message: signInMessage('unanswered', requestTimeoutMs) });
                reject(new Error(signInMessage('unanswered', requestTimeoutMs)));
            }, requestTimeoutMs);
            const done = (error?: unknown): void => {
                if (settled) {
                    return;
                }
                settled = true;
                clearTimeout(timer);
                if (error === undefined) {
                    resolve();
                    return;
                }
                const refusal = new Error(describeStreamsError(error));
                // A plain change refused as an invalid state: the agent is on a contact the latest
                // snapshot did not show yet. The session decides what to do with it.
                if (!enqueueNextState && parseStreamsError(error)?.type === 'InvalidStateException') {
                    Object.assign(refusal, { contactStarted: true });
                }
                reject(refusal);
            };
            current.setState(
                target,
                { success: () => done(), failure: (error) => done(error ?? '') },
                {
                    enqueueNextState
                }
            );
        });
    }

    return {
        async start(): Promise<void> {
            const owner = ccpOwners.get(win);
            if (owner && owner !== token) {
                raise({
                    code: 'ccp-in-use',
                    message:
                        'The Amazon Connect softphone already runs in another Presence Sync component in this window. ' +
                        'Keep one Presence Sync utility per app.'
                });
                return;
            }
            try {
                await loadScript(options.host as never, STREAMS_URL);
                streams();
            } catch {
                raise({
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
                    raise({
                        code: 'ccp-not-acknowledged',
                        message: notAcknowledgedMessage(ackTimeoutMs, options.ccpUrl, win.location.origin)
                    });
                }
            }, ackTimeoutMs);
            connect.core.initCCP(options.container, initCcpParams(options, ackTimeoutMs));
            watch(connect);
        },

        currentState(): string | null {
            return state;
        },

        stateType(stateName: string): ConnectSelectableType | null {
            const found = agent?.getAgentStates().find((s) => s.name === stateName);
            return found && ['routable', 'not_routable', 'offline'].includes(found.type)
                ? (found.type as ConnectSelectableType)
                : null;
        },

        setState(stateName: string, { enqueueNextState }: { enqueueNextState: boolean }): Promise<void> {
            if (!agent || disposed) {
                return Promise.reject(new Error('The Amazon Connect softphone is not ready yet.'));
            }
            return put(agent, stateName, enqueueNextState);
        },

        signIn(): void {
            // The window is not needed back (under LWS a cross-origin open returns null anyway).
            win.open(options.loginUrl || options.ccpUrl, 'presenceSyncConnectSignIn', 'width=433,height=578');
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
