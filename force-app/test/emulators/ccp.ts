/**
 * An emulated Amazon Connect CCP: the page Streams' `initCCP` puts in its iframe. It speaks the
 * parent↔iframe protocol of amazon-connect-streams 2.28.2 as the CCP and its shared worker do
 * (`ClientEngine` in the bundle): it acknowledges the parent, pushes `agent::update`, answers
 * `api_request` with `api_response` (errors as the JSON text `AWSClient._formatCallError` makes),
 * sends `auth_fail` and answers nothing while the agent is signed out, and competes for the
 * softphone and ringtone master roles when the parent's `configure` asks for audio.
 *
 * The agent's state lives in a `CcpWorker`, which several CCPs may share (tabs, or our CCP
 * beside the agent's own softphone). Transport-agnostic: `post` carries a message to the parent
 * window and `receive` takes one from it (see `jsdomCcp.ts` for jsdom, `ccpPage.ts` for a browser).
 */
import { agentData } from './ccpData';
import { CcpWorker, isCallPhase, isCcpErrorState } from './ccpWorker';
import type { CcpError, CcpSelectableState, CallPhase } from './ccpWorker';

export {
    CCP_ERROR_STATES,
    CCP_SELECTABLE_STATES,
    CcpWorker,
    isCallPhase,
    isCcpErrorState,
    isCcpSystemState
} from './ccpWorker';
export type { CallPhase, CcpAgentState, CcpSelectableState, CcpStateType, CcpWorkerState } from './ccpWorker';

/** A message on the conduit, as `Conduit.sendUpstream`/`sendDownstream` frame it. */
export interface ConduitMessage {
    event: string;
    data?: unknown;
}

export interface CcpApiCall {
    method: string;
    params: unknown;
}

/** What the parent's `initCCP` asked of this CCP in its `configure` message. */
export interface CcpConfiguration {
    softphone?: { allowFramedSoftphone?: boolean; disableRingtone?: boolean };
    chat?: { disableRingtone?: boolean };
    task?: { disableRingtone?: boolean };
}

export interface EmulatedCcpOptions {
    /** Carries a message to the parent window (Streams' side of the conduit). */
    post: (message: ConduitMessage) => void;
    /** The agent's Connect, shared by every CCP of the browser; a fresh one by default. */
    worker?: CcpWorker;
    /** False: the CCP never acknowledges (as when it cannot load at all). */
    acknowledge?: boolean;
    /** The agent's state when a fresh worker starts. */
    initialState?: string;
    /** Milliseconds since the epoch; defaults to Date.now. */
    now?: () => number;
    /** Clock offset the service reports (`snapshot.skew`). */
    skewMs?: number;
    /**
     * Repeats the current snapshot this often, as the worker's snapshot polling does (Streams then
     * fires `onRefresh` without a state change). 0 (default) repeats nothing.
     */
    refreshEveryMs?: number;
    /** After an accepted putAgentState: the response first (default), or the new snapshot first. */
    responseOrder?: 'response-first' | 'snapshot-first';
    /** How the CCP names itself as a master holder, e.g. `presence-sync` or `softphone`. */
    portId?: string;
}

export class EmulatedCcp {
    readonly worker: CcpWorker;
    readonly portId: string;
    private readonly post: (message: ConduitMessage) => void;
    private readonly now: () => number;
    private readonly skewMs: number;
    private readonly refreshEveryMs: number;
    private acknowledging: boolean;
    responseOrder: 'response-first' | 'snapshot-first';
    private started = false;
    private refreshTimer: ReturnType<typeof setInterval> | null = null;
    private unsubscribeWorker: (() => void) | null = null;
    private apiCalls: CcpApiCall[] = [];
    private configuration: CcpConfiguration | null = null;
    private readonly listeners = new Set<() => void>();
    /** Pushes are held while the CCP answers a request, so the order of the two stays chosen. */
    private holdPush = false;
    /** False: requests are taken and never answered (a message the shared worker dropped). */
    private answering = true;

    constructor(options: EmulatedCcpOptions) {
        this.post = options.post;
        this.now = options.now ?? (() => Date.now());
        this.worker = options.worker ?? new CcpWorker({ initialState: options.initialState, now: this.now });
        this.skewMs = options.skewMs ?? 0;
        this.refreshEveryMs = options.refreshEveryMs ?? 0;
        this.acknowledging = options.acknowledge ?? true;
        this.responseOrder = options.responseOrder ?? 'response-first';
        this.portId = options.portId ?? `emulated-ccp-${Math.random().toString(36).slice(2, 10)}`;
    }

    /**
     * The CCP page finished loading: once signed in, the worker acknowledges the parent's port
     * (with its id, which Streams keeps as `portStreamId`) and pushes the first snapshot.
     */
    start(): void {
        this.started = true;
        this.unsubscribeWorker ??= this.worker.subscribe(() => this.pushSnapshot());
        if (!this.acknowledging || !this.worker.signedIn) {
            return;
        }
        this.post({ event: 'acknowledge', data: { id: this.portId } });
        this.pushSnapshot();
        if (this.refreshEveryMs > 0 && this.refreshTimer === null) {
            this.refreshTimer = setInterval(() => this.pushSnapshot(), this.refreshEveryMs);
        }
    }

    /** The page unloads: timers stop, master roles are free. */
    stop(): void {
        if (this.refreshTimer !== null) {
            clearInterval(this.refreshTimer);
            this.refreshTimer = null;
        }
        this.unsubscribeWorker?.();
        this.unsubscribeWorker = null;
        this.worker.release(this.portId);
        this.started = false;
    }

    /** False: the CCP stops answering altogether (nothing acknowledged, nothing pushed). */
    setAcknowledging(acknowledging: boolean): void {
        const wasSilent = !this.acknowledging;
        this.acknowledging = acknowledging;
        if (acknowledging && wasSilent && this.started) {
            this.start();
        }
    }

    /** A message from the parent window (Streams' IFrameConduit). */
    receive(message: unknown): void {
        if (!this.acknowledging || typeof message !== 'object' || message === null) {
            return;
        }
        const { event, data } = message as ConduitMessage;
        switch (event) {
            case 'synchronize':
                // The keep-alive: a signed-out CCP stops answering, so Streams' ACK_TIMEOUT follows.
                if (this.worker.signedIn) {
                    this.post({ event: 'acknowledge', data: { id: this.portId } });
                }
                break;
            case 'api_request':
                this.handleApiRequest(data as { requestId: string; method: string; params?: unknown });
                break;
            case 'master_request':
                this.handleMasterRequest(
                    data as { requestId: string; method: string; params?: { topic?: string } }
                );
                break;
            case 'configure':
                this.configure(data as CcpConfiguration);
                break;
            default:
                // outer_context_info, tab_id, logs, metrics…: the worker consumes them silently.
                break;
        }
    }

    // ----- what the agent does in this CCP -----

    /**
     * The agent or Connect in the CCP: a selectable state is the agent's pick (the next status
     * during a contact); a call phase (PendingBusy, Busy, AfterCallWork) plays a voice call; an
     * error state (MissedCallAgent…) is Connect's, with no contact.
     */
    setState(name: string): void {
        if (isCallPhase(name)) {
            this.worker.callPhase(name);
        } else if (isCcpErrorState(name)) {
            this.worker.errorState(name);
        } else {
            this.worker.pickState(name);
        }
    }

    enterCallPhase(phase: CallPhase): void {
        this.worker.callPhase(phase);
    }

    /** The agent clears the newest contact (after-contact work done). */
    endContact(): void {
        this.worker.endContact();
    }

    state(): string {
        return this.worker.current.name;
    }

    nextState(): string | null {
        return this.worker.next?.name ?? null;
    }

    onContact(): boolean {
        return this.worker.contacts.length > 0;
    }

    selectableStates(): CcpSelectableState[] {
        return this.worker.selectable.map((s) => ({ ...s }));
    }

    calls(): CcpApiCall[] {
        return this.apiCalls.map((c) => ({ ...c }));
    }

    clearCalls(): void {
        this.apiCalls = [];
    }

    /**
     * False: API requests are recorded and never answered, not even with auth_fail, as when the
     * shared worker drops a message (amazon-connect-streams issue #1090); snapshots still flow.
     */
    answerRequests(answering: boolean): void {
        this.answering = answering;
    }

    /** What the parent asked for in `configure` (null before it did). */
    configured(): CcpConfiguration | null {
        return this.configuration;
    }

    /** Back to Offline with no contact, no next state, no recorded calls, signed in. */
    reset(): void {
        this.apiCalls = [];
        this.worker.reset();
    }

    // ----- around the CCP: the agent's session and other CCPs (the workbench drives these) -----

    /** A chat or task is routed to the agent: a contact without a system state. */
    startContact(kind: 'chat' | 'task'): void {
        this.worker.startContact(kind);
    }

    /** The agent's Amazon Connect session ends (requests fail with auth_fail, keep-alives stop). */
    signOut(): void {
        this.worker.signOut();
    }

    /** The agent signs in again. */
    signIn(): void {
        this.worker.signIn();
    }

    /**
     * The agent's own softphone opens: another CCP on the same worker that allows a framed
     * softphone, so it takes the softphone (and ringtone) master role.
     */
    openOwnSoftphone(): void {
        const own = new EmulatedCcp({
            post: () => undefined,
            worker: this.worker,
            portId: 'agent-softphone'
        });
        own.receive({ event: 'configure', data: { softphone: { allowFramedSoftphone: true } } });
        this.notify();
    }

    /** The agent's contacts, oldest first: kind and phase. */
    contacts(): { kind: string; phase: string }[] {
        return this.worker.contacts.map((c) => ({ kind: c.kind, phase: c.phase }));
    }

    /** Whether the agent's Amazon Connect session is signed in. */
    signedIn(): boolean {
        return this.worker.signedIn;
    }

    /** Who holds the softphone role, and every time a master role moved. */
    softphone(): { master: string | null; takeovers: { topic: string; from: string; to: string }[] } {
        return {
            master: this.worker.masters.get('softphone') ?? null,
            takeovers: this.worker.takeovers.map((t) => ({ ...t }))
        };
    }

    /** Called after every change the CCP sees (its worker's, and each call it records). */
    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    // ----- protocol -----

    private handleApiRequest(request: { requestId: string; method: string; params?: unknown }): void {
        this.apiCalls.push({ method: request.method, params: request.params ?? {} });
        if (!this.answering) {
            this.notify();
            return;
        }
        if (!this.worker.signedIn) {
            // The service answers 401; the worker tells the parent and sends no api_response.
            this.post({ event: 'auth_fail', data: { authorize: false } });
            this.notify();
            return;
        }
        const put = request.method === 'putAgentState';
        this.holdPush = true;
        let err: CcpError | null = null;
        try {
            err = put ? this.worker.putAgentState(request.params as { state?: unknown }) : null;
        } finally {
            this.holdPush = false;
        }
        const response = (): void =>
            this.post({
                event: 'api_response',
                data: {
                    event: 'api_response',
                    requestId: request.requestId,
                    data: err
                        ? null
                        : request.method === 'getAgentStates'
                          ? { states: this.selectableStates() }
                          : {},
                    err: err ? JSON.stringify(err) : null
                }
            });
        if (put && err === null && this.responseOrder === 'snapshot-first') {
            this.pushSnapshot();
            response();
        } else {
            response();
            // As with the real service, the new state arrives afterwards, in a snapshot.
            this.pushSnapshot();
        }
    }

    private handleMasterRequest(request: {
        requestId: string;
        method: string;
        params?: { topic?: string };
    }): void {
        const topic = request.params?.topic ?? '';
        const result = this.worker.master(topic, `${this.portId}/parent`, request.method === 'becomeMaster');
        this.post({
            event: 'master_response',
            data: {
                event: 'master_response',
                requestId: request.requestId,
                data: { ...result, takeOver: request.method === 'becomeMaster', topic },
                err: null
            }
        });
    }

    /**
     * The framed CCP starts its softphone only when the parent allows a framed softphone, and
     * then takes the softphone master role from whichever CCP held it (Streams 2.28.2,
     * `initSoftphoneManager`: on `configure` with `allowFramedSoftphone`, `becomeMaster(SOFTPHONE)`);
     * its ringtones play unless the parent disabled them.
     */
    private configure(configuration: CcpConfiguration): void {
        this.configuration = configuration ?? {};
        if (this.configuration.softphone?.allowFramedSoftphone) {
            this.worker.master('softphone', this.portId, true);
            if (!this.configuration.softphone.disableRingtone) {
                this.worker.master('ringtone', this.portId, true);
            }
        }
        this.notify();
    }

    /** The worker's `agent::update`: snapshot + configuration, after `ClientEngine.updateAgent`. */
    private pushSnapshot(): void {
        if (!this.holdPush && this.started && this.acknowledging && this.worker.signedIn) {
            this.post({
                event: 'agent::update',
                data: agentData(this.worker, new Date(this.now()), this.skewMs)
            });
        }
        this.notify();
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}
