/**
 * An emulated Amazon Connect CCP: the page Streams' `initCCP` puts in its iframe, reduced to what
 * the agent state needs. It speaks the parent↔iframe protocol of amazon-connect-streams 2.28.2 as
 * the CCP's shared worker does (`ClientEngine` in the bundle): it acknowledges the parent, pushes
 * `agent::update` with the data the worker would send after its own normalisation, and answers
 * `api_request` with `api_response` (errors as the JSON text `AWSClient._formatCallError` makes).
 *
 * Transport-agnostic: `post` carries a message to the parent window and `receive` takes one from
 * it. In a browser the CCP page wires them to `parent.postMessage` and its `message` listener; in
 * jsdom see `jsdomCcp.ts` (jsdom sets no `source`, which Streams checks).
 */

/** Streams' agent state types (`connect.AgentStateType`). */
export type CcpStateType = 'init' | 'routable' | 'not_routable' | 'offline' | 'system' | 'error';

export interface CcpAgentState {
    name: string;
    type: CcpStateType;
    agentStateARN: string | null;
    startTimestamp: Date;
}

/** An entry of `configuration.agentStates`: what `agent.getAgentStates()` returns. */
export interface CcpSelectableState {
    agentStateARN: string;
    type: 'routable' | 'not_routable' | 'offline';
    name: string;
}

/** A message on the conduit, as `Conduit.sendUpstream`/`sendDownstream` frame it. */
export interface ConduitMessage {
    event: string;
    data?: unknown;
}

export interface CcpApiCall {
    method: string;
    params: unknown;
}

/** The phases of an inbound voice call, named by the agent state Connect reports during each. */
export type CallPhase = 'PendingBusy' | 'Busy' | 'AfterCallWork';

export interface EmulatedCcpOptions {
    /** Carries a message to the parent window (Streams' side of the conduit). */
    post: (message: ConduitMessage) => void;
    /** False: the CCP never acknowledges (as when the CCP cannot load or the agent is not logged in). */
    acknowledge?: boolean;
    /** The agent's state when the CCP starts. */
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
}

/** Connect's selectable states in the seed's org: the names admins create in Connect. */
export const CCP_SELECTABLE_STATES: ReadonlyArray<Pick<CcpSelectableState, 'name' | 'type'>> = [
    { name: 'Available', type: 'routable' },
    { name: 'Offline', type: 'offline' },
    { name: 'Lunch', type: 'not_routable' },
    { name: 'Training', type: 'not_routable' },
    { name: 'Working - Phone', type: 'not_routable' },
    { name: 'Working - Media', type: 'not_routable' }
];

/** The states Streams knows Connect sets by itself (`connect.AgentAvailStates`, `connect.AgentErrorStates`). */
const SYSTEM_STATE_NAMES: ReadonlySet<string> = new Set([
    'Init',
    'Busy',
    'AfterCallWork',
    'CallingCustomer',
    'Dialing',
    'Joining',
    'PendingAvailable',
    'PendingBusy',
    'Pending',
    'Error',
    'AgentHungUp',
    'BadAddressAgent',
    'BadAddressCustomer',
    'Default',
    'FailedConnectAgent',
    'FailedConnectCustomer',
    'InvalidLocale',
    'LineEngagedAgent',
    'LineEngagedCustomer',
    'MissedCallAgent',
    'MissedCallCustomer',
    'MultipleCcpWindows',
    'RealtimeCommunicationError'
]);

const CALL_PHASES: readonly CallPhase[] = ['PendingBusy', 'Busy', 'AfterCallWork'];

const INSTANCE_ARN = 'arn:aws:connect:us-west-2:123456789012:instance/4f1c2a9e-1111-4b3c-9d5e-0a1b2c3d4e5f';
const QUEUE = { queueARN: `${INSTANCE_ARN}/queue/6a7b8c9d-2222-4e5f-8a9b-0c1d2e3f4a5b`, name: 'BasicQueue' };
const AGENT_ID = '5d6e7f80-4444-4c3d-9e8f-1a2b3c4d5e6f';
/** Every agent has a personal queue; Streams finds the agent's resource id in its ARN. */
const AGENT_QUEUE = { queueARN: `${INSTANCE_ARN}/queue/agent/${AGENT_ID}`, name: null };
const ROUTING_PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/9e8d7c6b-3333-4a2b-8c1d-5e6f7a8b9c0d`;

function stateArn(index: number): string {
    return `${INSTANCE_ARN}/agent-state/0000000${index}-aaaa-4bbb-8ccc-ddddeeeeffff`;
}

export function isCcpSystemState(name: string): boolean {
    return SYSTEM_STATE_NAMES.has(name);
}

export function isCallPhase(name: string): name is CallPhase {
    return (CALL_PHASES as readonly string[]).includes(name);
}

/** The connection and contact state types Connect reports in each call phase. */
const CONTACT_STATE_BY_PHASE: Record<CallPhase, string> = {
    PendingBusy: 'connecting',
    Busy: 'connected',
    AfterCallWork: 'ended'
};

interface ContactRecord {
    contactId: string;
    phase: CallPhase;
    since: Date;
    /** The agent's own state before the call: where the agent returns when it ends. */
    returnTo: CcpSelectableState;
}

export class EmulatedCcp {
    private readonly post: (message: ConduitMessage) => void;
    private readonly now: () => number;
    private readonly skewMs: number;
    private readonly refreshEveryMs: number;
    private readonly selectable: CcpSelectableState[];
    private acknowledging: boolean;
    private started = false;
    private refreshTimer: ReturnType<typeof setInterval> | null = null;
    private readonly portId = `emulated-ccp-${Math.random().toString(36).slice(2, 10)}`;
    private current: CcpAgentState;
    /** The agent's chosen (non-system) state: what Connect returns to after a call. */
    private chosen: CcpSelectableState;
    private next: CcpSelectableState | null = null;
    private contact: ContactRecord | null = null;
    private contactCount = 0;
    private apiCalls: CcpApiCall[] = [];
    private readonly listeners = new Set<() => void>();

    constructor(options: EmulatedCcpOptions) {
        this.post = options.post;
        this.now = options.now ?? (() => Date.now());
        this.skewMs = options.skewMs ?? 0;
        this.refreshEveryMs = options.refreshEveryMs ?? 0;
        this.acknowledging = options.acknowledge ?? true;
        this.selectable = CCP_SELECTABLE_STATES.map((s, i) => ({ ...s, agentStateARN: stateArn(i + 1) }));
        this.chosen = this.selectableNamed(options.initialState ?? 'Offline') ?? this.selectable[1];
        this.current = this.stateFrom(this.chosen);
    }

    /**
     * The CCP page finished loading: the worker acknowledges the parent's port (with its id, which
     * Streams keeps as `portStreamId`) and pushes the first snapshot.
     */
    start(): void {
        this.started = true;
        if (!this.acknowledging) {
            return;
        }
        this.post({ event: 'acknowledge', data: { id: this.portId } });
        this.pushSnapshot();
        if (this.refreshEveryMs > 0 && this.refreshTimer === null) {
            this.refreshTimer = setInterval(() => this.pushSnapshot(), this.refreshEveryMs);
        }
    }

    /** Stops the snapshot repeat timer (a page unload). */
    stop(): void {
        if (this.refreshTimer !== null) {
            clearInterval(this.refreshTimer);
            this.refreshTimer = null;
        }
        this.started = false;
    }

    /** False: the CCP stops answering (nothing acknowledged, nothing pushed, no API answers). */
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
                this.post({ event: 'acknowledge', data: { id: this.portId } });
                break;
            case 'api_request':
                this.handleApiRequest(data as { requestId: string; method: string; params?: unknown });
                break;
            case 'master_request':
                this.handleMasterRequest(
                    data as { requestId: string; method: string; params?: { topic?: string } }
                );
                break;
            default:
                // configure, outer_context_info, tab_id, logs, metrics…: the worker consumes them silently.
                break;
        }
    }

    // ----- what the agent does in the CCP (and what Connect does during a call) -----

    /**
     * The agent picks a state in the CCP, or Connect moves the agent through a call. A call phase
     * name (PendingBusy, Busy, AfterCallWork) starts or advances a voice call. A selectable state
     * while on a call closes the contact: the queued next state wins if there is one (the
     * platform applies it when the contact ends), else the state picked.
     */
    setState(name: string): void {
        if (isCallPhase(name)) {
            this.enterCallPhase(name);
            return;
        }
        const target = this.selectableNamed(name);
        if (!target) {
            throw new Error(`The CCP has no state "${name}".`);
        }
        if (this.contact) {
            this.contact = null;
            this.chosen = this.next ?? target;
        } else {
            this.chosen = target;
        }
        this.next = null;
        this.current = this.stateFrom(this.chosen);
        this.pushSnapshot();
    }

    /** A call arrives (PendingBusy), is answered (Busy), ends (AfterCallWork). */
    enterCallPhase(phase: CallPhase): void {
        if (!this.contact) {
            this.contactCount += 1;
            this.contact = {
                contactId: `emulated-contact-${this.contactCount}`,
                phase,
                since: new Date(this.now()),
                returnTo: this.chosen
            };
        }
        this.contact.phase = phase;
        this.current = {
            name: phase,
            type: 'system',
            agentStateARN: null,
            startTimestamp: new Date(this.now())
        };
        this.pushSnapshot();
    }

    /**
     * The agent closes the contact after call work: Connect applies the queued next state, or
     * returns the agent to the state chosen before the call.
     */
    endContact(): void {
        if (!this.contact) {
            return;
        }
        this.chosen = this.next ?? this.contact.returnTo;
        this.contact = null;
        this.next = null;
        this.current = this.stateFrom(this.chosen);
        this.pushSnapshot();
    }

    state(): string {
        return this.current.name;
    }

    nextState(): string | null {
        return this.next?.name ?? null;
    }

    onContact(): boolean {
        return this.contact !== null;
    }

    selectableStates(): CcpSelectableState[] {
        return this.selectable.map((s) => ({ ...s }));
    }

    calls(): CcpApiCall[] {
        return this.apiCalls.map((c) => ({ ...c }));
    }

    clearCalls(): void {
        this.apiCalls = [];
    }

    /** Back to Offline with no call, no next state and no recorded calls. */
    reset(): void {
        this.contact = null;
        this.next = null;
        this.apiCalls = [];
        const offline = this.selectableNamed('Offline')!;
        const changed = this.chosen !== offline || this.current.name !== 'Offline';
        this.chosen = offline;
        if (changed) {
            this.current = this.stateFrom(offline);
            this.pushSnapshot();
        }
    }

    /** Called after every change the CCP makes (a state, a call phase, a recorded call). */
    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    // ----- protocol -----

    private handleApiRequest(request: { requestId: string; method: string; params?: unknown }): void {
        this.apiCalls.push({ method: request.method, params: request.params ?? {} });
        let outcome: { data: unknown; err: Record<string, unknown> | null };
        switch (request.method) {
            case 'putAgentState':
                outcome = this.putAgentState(
                    request.params as { state?: unknown; enqueueNextState?: boolean }
                );
                break;
            case 'getAgentStates':
                outcome = { data: { states: this.selectableStates() }, err: null };
                break;
            default:
                // Logs, metrics and the rest reach a service that accepts them; nothing in the agent state changes.
                outcome = { data: {}, err: null };
        }
        this.post({
            event: 'api_response',
            data: {
                event: 'api_response',
                requestId: request.requestId,
                data: outcome.data,
                err: outcome.err === null ? null : JSON.stringify(outcome.err)
            }
        });
        // As with the real service, the new state arrives afterwards, in a snapshot.
        if (request.method === 'putAgentState' && outcome.err === null) {
            this.pushSnapshot();
        } else {
            this.notify();
        }
    }

    /** PutAgentState as the service answers it (see docs/workbench.md for the rules it follows). */
    private putAgentState(params: { state?: unknown; enqueueNextState?: boolean }): {
        data: unknown;
        err: Record<string, unknown> | null;
    } {
        const requested = (
            typeof params?.state === 'object' && params.state !== null ? params.state : {}
        ) as Partial<CcpSelectableState & { name: string }>;
        const name = typeof requested.name === 'string' ? requested.name : String(params?.state);
        const target = this.selectable.find((s) => s.agentStateARN === requested.agentStateARN);
        if (!target) {
            if (isCcpSystemState(name)) {
                return failure(
                    'InvalidStateException',
                    `Agent state "${name}" is a system state: only Amazon Connect can put an agent in it.`
                );
            }
            return failure(
                'ResourceNotFoundException',
                `Agent state ${requested.agentStateARN ?? `"${name}"`} does not exist in this instance.`
            );
        }
        if (this.contact) {
            if (!params.enqueueNextState) {
                return failure(
                    'InvalidStateException',
                    `The agent is on a contact: the state cannot change to "${target.name}" until the contact ends.`
                );
            }
            this.next = target;
            return { data: {}, err: null };
        }
        this.chosen = target;
        this.next = null;
        if (this.current.name !== target.name) {
            this.current = this.stateFrom(target);
        }
        return { data: {}, err: null };
    }

    private handleMasterRequest(request: {
        requestId: string;
        method: string;
        params?: { topic?: string };
    }): void {
        // One parent per emulated CCP: that parent is always the master of every topic.
        const topic = request.params?.topic;
        const data =
            request.method === 'becomeMaster'
                ? { masterId: this.portId, takeOver: false, topic }
                : { masterId: this.portId, isMaster: true, topic };
        this.post({
            event: 'master_response',
            data: { event: 'master_response', requestId: request.requestId, data, err: null }
        });
    }

    /** The worker's `agent::update`: snapshot + configuration, after `ClientEngine.updateAgent`. */
    private pushSnapshot(): void {
        if (this.started && this.acknowledging) {
            this.post({ event: 'agent::update', data: this.agentData() });
        }
        this.notify();
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }

    private agentData(): Record<string, unknown> {
        const now = new Date(this.now());
        const state = { ...this.current };
        const queue = { ...QUEUE, queueId: QUEUE.queueARN };
        return {
            snapshot: {
                state,
                status: state,
                agentAvailabilityState: { state: this.chosen.name, timeStamp: state.startTimestamp },
                nextState: this.next ? { ...this.next } : null,
                contacts: this.contact ? [this.contactData(this.contact)] : [],
                snapshotTimestamp: now,
                localTimestamp: now,
                skew: this.skewMs
            },
            configuration: {
                name: 'Avery Agent',
                username: 'avery.agent',
                agentARN: `${INSTANCE_ARN}/agent/${AGENT_ID}`,
                extension: '',
                softphoneEnabled: false,
                softphoneAutoAccept: false,
                dialableCountries: ['us'],
                agentPreferences: { LANGUAGE: 'en_US', locale: 'en_US' },
                permissions: ['outboundCall', 'transfer'],
                agentStates: this.selectableStates(),
                routingProfile: {
                    name: 'Basic Routing Profile',
                    routingProfileARN: ROUTING_PROFILE_ARN,
                    routingProfileId: ROUTING_PROFILE_ARN,
                    queues: [queue, { ...AGENT_QUEUE, queueId: AGENT_QUEUE.queueARN }],
                    defaultOutboundQueue: queue,
                    channelConcurrencyMap: { VOICE: 1, CHAT: 3, TASK: 10 }
                }
            }
        };
    }

    private contactData(contact: ContactRecord): Record<string, unknown> {
        const stateType = CONTACT_STATE_BY_PHASE[contact.phase];
        const since = new Date(this.now());
        const contactState = { type: stateType, timestamp: since };
        const endpoint = {
            endpointARN: null,
            phoneNumber: '+15555550123',
            agentLogin: null,
            name: null,
            type: 'telephone_number'
        };
        const queue = { ...QUEUE, queueId: QUEUE.queueARN };
        return {
            contactId: contact.contactId,
            initialContactId: contact.contactId,
            type: 'voice',
            state: contactState,
            status: contactState,
            queue,
            queueTimestamp: contact.since,
            attributes: {},
            contactDuration: '0',
            contactFeatures: {
                attachmentsEnabled: false,
                messagingMarkdownEnabled: false,
                multiPartyConferenceEnabled: false
            },
            connections: [
                {
                    connectionId: `${contact.contactId}-agent`,
                    type: 'agent',
                    initial: false,
                    endpoint: { ...endpoint, phoneNumber: null, type: 'agent' },
                    address: { ...endpoint, phoneNumber: null, type: 'agent' },
                    state: contactState,
                    mute: null
                },
                {
                    connectionId: `${contact.contactId}-customer`,
                    type: 'inbound',
                    initial: true,
                    endpoint,
                    address: endpoint,
                    state: { type: stateType === 'ended' ? 'disconnected' : stateType, timestamp: since },
                    mute: null
                }
            ]
        };
    }

    private selectableNamed(name: string): CcpSelectableState | undefined {
        return this.selectable.find((s) => s.name === name);
    }

    private stateFrom(selectable: CcpSelectableState): CcpAgentState {
        return {
            name: selectable.name,
            type: selectable.type,
            agentStateARN: selectable.agentStateARN,
            startTimestamp: new Date(this.now())
        };
    }
}

/** An error as the worker serialises it (`AWSClient._formatCallError`) before `JSON.stringify`. */
function failure(type: string, message: string): { data: null; err: Record<string, unknown> } {
    return { data: null, err: { type, message, stack: [], retryStatus: 'none', statusCode: 400 } };
}
