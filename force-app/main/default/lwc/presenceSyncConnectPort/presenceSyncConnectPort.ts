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

/** Connect's refusal as the session reads it (`contactStarted` for a change a new contact refused). */
function refusalOf(error: unknown, enqueueNextState: boolean): Error {
    const refusal = new Error(describeStreamsError(error));
    // A plain change refused as an invalid state: the agent is on a contact the latest snapshot
    // did not show yet. The session decides what to do with it.
    if (!enqueueNextState && parseStreamsError(error)?.type === 'InvalidStateException') {
        Object.assign(refusal, { contactStarted: true });
    }
    return refusal;
}

function noSuchState(current: StreamsAgent, stateName: string): Error {
    const names = current
        .getAgentStates()
        .map((s) => s.name)
        .join(', ');
    return new Error(
        `Amazon Connect has no agent state "${stateName}" you may choose. ` +
            `States you may choose: ${names || 'none'}. Ask your admin to check the rule.`
    );
}

class StreamsConnectPort implements ConnectAdapter {
    private readonly win: StreamsWindow;
    private readonly ackTimeoutMs: number;
    private readonly requestTimeoutMs: number;
    private readonly subscriptions: StreamsSubscription[] = [];
    private agent: StreamsAgent | null = null;
    private state: string | null = null;
    private activity: ConnectActivity | null = null;
    private ackTimer: ReturnType<typeof setTimeout> | null = null;
    private readonly raised = new Set<string>();
    private ownsCcp = false;
    private disposed = false;
    private readonly token = {};

    constructor(private readonly options: ConnectPortOptions) {
        this.win = (options.streamsWindow ?? window) as StreamsWindow;
        this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
        this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    }

    async start(): Promise<void> {
        const owner = ccpOwners.get(this.win);
        if (owner && owner !== this.token) {
            this.raise({
                code: 'ccp-in-use',
                message:
                    'The Amazon Connect softphone already runs in another Presence Sync component in this window. ' +
                    'Keep one Presence Sync utility per app.'
            });
            return;
        }
        try {
            await loadScript(this.options.host as never, STREAMS_URL);
            this.streams();
        } catch {
            this.raise({
                code: 'streams-not-loaded',
                message:
                    'The Amazon Connect library (static resource amazonConnectStreams) could not be loaded. ' +
                    'Ask your admin to reinstall or redeploy Presence Sync.'
            });
            return;
        }
        if (!this.disposed) {
            this.initCcp(this.streams());
        }
    }

    currentState(): string | null {
        return this.state;
    }

    stateType(stateName: string): ConnectSelectableType | null {
        const found = this.agent?.getAgentStates().find((s) => s.name === stateName);
        return found && ['routable', 'not_routable', 'offline'].includes(found.type)
            ? (found.type as ConnectSelectableType)
            : null;
    }

    setState(stateName: string, { enqueueNextState }: { enqueueNextState: boolean }): Promise<void> {
        if (!this.agent || this.disposed) {
            return Promise.reject(new Error('The Amazon Connect softphone is not ready yet.'));
        }
        return this.put(this.agent, stateName, enqueueNextState);
    }

    signIn(): void {
        const { loginUrl, ccpUrl } = this.options;
        // The window is not needed back (under LWS a cross-origin open returns null anyway).
        this.win.open(loginUrl || ccpUrl, 'presenceSyncConnectSignIn', 'width=433,height=578');
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        this.clearAckTimer();
        this.subscriptions.splice(0).forEach((s) => s.unsubscribe());
        if (this.ownsCcp) {
            ccpOwners.delete(this.win);
            try {
                stopStreamsTimers(this.streams().core);
                retired.add(this.win);
            } catch {
                // Nothing to stop: Streams never loaded.
            }
            this.options.container.replaceChildren();
        }
        this.agent = null;
    }

    private streams(): Streams {
        if (!this.win.connect) {
            throw new Error('amazon-connect-streams did not load.');
        }
        return this.win.connect;
    }

    private raise(problem: ConnectProblem): void {
        this.raised.add(problem.code);
        this.options.onProblem(problem, problem.code);
    }

    private clear(code: string): void {
        if (this.raised.delete(code)) {
            this.options.onProblem(null, code as ConnectProblemCode);
        }
    }

    private clearAckTimer(): void {
        if (this.ackTimer !== null) {
            clearTimeout(this.ackTimer);
            this.ackTimer = null;
        }
    }

    /** Streams is loaded: the CCP starts in the container, with a timer for a CCP that never answers. */
    private initCcp(connect: Streams): void {
        // Lightning Web Security can leave Streams unable to post to the CCP: see the module.
        resendUncloneableMessages(connect as never);
        if (retired.has(this.win)) {
            retired.delete(this.win);
            connect.core.terminate();
        }
        ccpOwners.set(this.win, this.token);
        this.ownsCcp = true;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- a CCP that never answers must become an error
        this.ackTimer = setTimeout(() => {
            this.ackTimer = null;
            if (!this.disposed && this.state === null) {
                this.raise({
                    code: 'ccp-not-acknowledged',
                    message: notAcknowledgedMessage(
                        this.ackTimeoutMs,
                        this.options.ccpUrl,
                        this.win.location.origin
                    )
                });
            }
        }, this.ackTimeoutMs);
        connect.core.initCCP(this.options.container, initCcpParams(this.options, this.ackTimeoutMs));
        this.watch(connect);
    }

    private watch(connect: Streams): void {
        const denied = connect.core.onAccessDenied?.(() =>
            this.raise({
                code: 'access-denied',
                message:
                    'Amazon Connect denied access to the softphone. Check that your Amazon Connect user may use the CCP.'
            })
        );
        const authFail = connect.core.onAuthFail?.(() =>
            this.raise({ code: 'sign-in', message: signInMessage('auth-fail', this.requestTimeoutMs) })
        );
        for (const subscription of [denied, authFail]) {
            if (subscription) {
                this.subscriptions.push(subscription);
            }
        }
        this.subscriptions.push(
            connect.agent((found) => {
                this.clearAckTimer();
                this.subscriptions.push(found.onRefresh((current) => this.onSnapshot(current)));
                this.onSnapshot(found);
            })
        );
    }

    /** Every snapshot: the first is the initial state; later ones are inputs when something changed. */
    private onSnapshot(current: StreamsAgent): void {
        if (this.disposed) {
            return;
        }
        this.agent = current;
        const name = current.getState().name;
        const now = activityOf(current);
        // Connect answers again: whatever stopped it (sign-in, a slow load) is over.
        this.clear('sign-in');
        this.clear('ccp-not-acknowledged');
        if (name === 'MultipleCcpWindows') {
            this.raise({ code: 'multiple-browsers', message: MULTIPLE_BROWSERS_MESSAGE });
        } else {
            this.clear('multiple-browsers');
        }
        const previous = this.state;
        const changed = previous !== name || !sameActivity(this.activity, now);
        this.state = name;
        this.activity = now;
        if (previous === null) {
            this.options.onReady(name, now);
        } else if (changed) {
            this.options.onInput({ kind: 'connect-state', oldState: previous, newState: name, ...now });
        }
    }

    /** One putAgentState, answered or timed out: Streams calls back only when an api_response arrives. */
    private put(current: StreamsAgent, stateName: string, enqueueNextState: boolean): Promise<void> {
        const target = current.getAgentStates().find((s) => s.name === stateName);
        if (!target) {
            return Promise.reject(noSuchState(current, stateName));
        }
        return new Promise<void>((resolve, reject) => {
            let settled = false;
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- an unanswered request must fail, not hang
            const timer = setTimeout(() => {
                settled = true;
                const message = signInMessage('unanswered', this.requestTimeoutMs);
                this.raise({ code: 'sign-in', message });
                reject(new Error(message));
            }, this.requestTimeoutMs);
            const done = (error?: unknown): void => {
                if (!settled) {
                    settled = true;
                    clearTimeout(timer);
                    if (error === undefined) {
                        resolve();
                    } else {
                        reject(refusalOf(error, enqueueNextState));
                    }
                }
            };
            current.setState(
                target,
                { success: () => done(), failure: (error) => done(error ?? '') },
                { enqueueNextState }
            );
        });
    }
}

export function createConnectPort(options: ConnectPortOptions): ConnectAdapter {
    return new StreamsConnectPort(options);
}
