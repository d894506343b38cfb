/**
 * The emulated Amazon Connect behind the CCP: what the CCP's shared worker and the Connect
 * service keep for one agent (state, availability state, next state, contacts, sign-in, the
 * master roles CCPs compete for). Every CCP of the agent's browser talks to one worker, so several
 * `EmulatedCcp`s (tabs, or our CCP beside the agent's own softphone) share one `CcpWorker`.
 *
 * It refuses what Connect refuses; each rule is listed with its source in docs/workbench.md
 * ("How faithful the emulators are").
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

/** The phases of a voice call, named by the agent state Connect reports during each. */
export type CallPhase = 'PendingBusy' | 'Busy' | 'AfterCallWork';

export type ContactKind = 'voice' | 'chat' | 'task';

export interface ContactRecord {
    contactId: string;
    kind: ContactKind;
    /** Voice: the call phase. Chat and task: connected until ended, then in after-contact work. */
    phase: CallPhase;
    since: Date;
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

// These two lists come from Streams, not from the engine's CONNECT_SYSTEM_STATES, on purpose: an
// emulator sharing the product's vocabulary would agree with its mistakes.
/** `connect.AgentAvailStates` (Streams 2.28.2): states Connect puts an agent in during a voice contact. */
export const CCP_SYSTEM_STATES: readonly string[] = [
    'Init',
    'Busy',
    'AfterCallWork',
    'CallingCustomer',
    'Dialing',
    'Joining',
    'PendingAvailable',
    'PendingBusy'
];

/** `connect.AgentErrorStates` (Streams 2.28.2): states Connect puts an agent in after a failure, with no contact. */
export const CCP_ERROR_STATES: readonly string[] = [
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
];

const CALL_PHASES: readonly CallPhase[] = ['PendingBusy', 'Busy', 'AfterCallWork'];

export const INSTANCE_ARN =
    'arn:aws:connect:us-west-2:123456789012:instance/4f1c2a9e-1111-4b3c-9d5e-0a1b2c3d4e5f';

function stateArn(index: number): string {
    return `${INSTANCE_ARN}/agent-state/0000000${index}-aaaa-4bbb-8ccc-ddddeeeeffff`;
}

export function isCallPhase(name: string): name is CallPhase {
    return (CALL_PHASES as readonly string[]).includes(name);
}

export function isCcpErrorState(name: string): boolean {
    return CCP_ERROR_STATES.includes(name);
}

export function isCcpSystemState(name: string): boolean {
    return CCP_SYSTEM_STATES.includes(name) || name === 'Pending' || isCcpErrorState(name);
}

/** A refusal as the worker serialises it (`AWSClient._formatCallError`) before `JSON.stringify`. */
export interface CcpError {
    type: string;
    message: string;
    stack: unknown[];
    retryStatus: string;
    statusCode: number;
}

export function ccpError(type: string, message: string): CcpError {
    return { type, message, stack: [], retryStatus: 'none', statusCode: 400 };
}

/** The message Connect gives for a state change it refuses during a contact (Streams issue #465). */
const INVALID_AGENT_OR_CONTACT = 'Cannot change agent state: Invalid agent or contact state.';

/** What survives a page reload: the service keeps it, not the page. */
export interface CcpWorkerState {
    chosen: string;
    current: { name: string; type: CcpStateType };
    next: string | null;
    contacts: Array<{ contactId: string; kind: ContactKind; phase: CallPhase; since: number }>;
    contactCount: number;
    signedIn: boolean;
}

/** A master role (softphone, ringtone…) moving from one CCP to another. */
export interface MasterTakeover {
    topic: string;
    from: string;
    to: string;
}

export class CcpWorker {
    readonly selectable: CcpSelectableState[];
    private readonly now: () => number;
    current: CcpAgentState;
    /** The agent's availability state: what Connect returns to after contacts. */
    chosen: CcpSelectableState;
    next: CcpSelectableState | null = null;
    contacts: ContactRecord[] = [];
    signedIn = true;
    private contactCount = 0;
    /** Which CCP (port id) holds each master topic. */
    readonly masters = new Map<string, string>();
    readonly takeovers: MasterTakeover[] = [];
    private readonly listeners = new Set<() => void>();

    constructor(options: { initialState?: string; now?: () => number; saved?: CcpWorkerState | null } = {}) {
        this.now = options.now ?? (() => Date.now());
        this.selectable = CCP_SELECTABLE_STATES.map((s, i) => ({ ...s, agentStateARN: stateArn(i + 1) }));
        this.chosen = this.selectableNamed(options.initialState ?? 'Offline') ?? this.selectable[1];
        this.current = this.stateFrom(this.chosen);
        if (options.saved) {
            this.restore(options.saved);
        }
    }

    // ----- what the agent does in a CCP, and what Connect does -----

    /**
     * The agent picks a state in the CCP. Without a contact it applies at once. During a contact
     * the CCP sets it as the next status (a custom state or Offline), and choosing the
     * availability state cancels a next status (AWS admin guide, "Set your next status").
     */
    pickState(name: string): void {
        const target = this.selectableNamed(name);
        if (!target) {
            throw new Error(`The CCP has no state "${name}".`);
        }
        if (this.contacts.length === 0) {
            this.apply(target);
        } else if (target.name === this.chosen.name) {
            this.next = null;
        } else if (target.type === 'routable') {
            throw new Error(
                `During a contact the CCP offers only a custom status or Offline as the next status, not ${name}.`
            );
        } else {
            this.next = target;
        }
        this.notify();
    }

    /**
     * A voice call moves to a phase: PendingBusy (ringing), Busy (connected), AfterCallWork
     * (ended). The agent state follows the newest voice contact; chat and task contacts have no
     * system state.
     */
    callPhase(phase: CallPhase): void {
        let call = [...this.contacts].reverse().find((c) => c.kind === 'voice');
        if (!call) {
            call = this.newContact('voice', phase);
        }
        call.phase = phase;
        this.current = {
            name: phase,
            type: 'system',
            agentStateARN: null,
            startTimestamp: new Date(this.now())
        };
        this.notify();
    }

    /** A chat or a task is routed to the agent: a contact, but the agent state stays as it is. */
    startContact(kind: 'chat' | 'task'): void {
        this.newContact(kind, 'Busy');
        this.notify();
    }

    /**
     * The agent clears a contact (the newest unless named). With none left, Connect applies the
     * next status, else returns the agent to the availability state.
     */
    endContact(contactId?: string): void {
        const index = contactId
            ? this.contacts.findIndex((c) => c.contactId === contactId)
            : this.contacts.length - 1;
        if (index < 0) {
            return;
        }
        this.contacts.splice(index, 1);
        if (this.contacts.length === 0) {
            this.apply(this.next ?? this.chosen);
        } else if (!this.contacts.some((c) => c.kind === 'voice') && this.current.type === 'system') {
            this.current = this.stateFrom(this.chosen);
        }
        this.notify();
    }

    /**
     * Connect puts the agent in an error state (a missed call, a failed connection…). A ringing
     * call is gone (missed); error states carry no contact.
     */
    errorState(name: string): void {
        if (!isCcpErrorState(name)) {
            throw new Error(`"${name}" is not one of Streams' AgentErrorStates.`);
        }
        this.contacts = this.contacts.filter((c) => !(c.kind === 'voice' && c.phase === 'PendingBusy'));
        this.current = { name, type: 'error', agentStateARN: null, startTimestamp: new Date(this.now()) };
        this.notify();
    }

    /** The agent's Connect session expires (or the agent signs out): API calls fail with AUTH_FAIL. */
    signOut(): void {
        this.signedIn = false;
        this.notify();
    }

    /** The agent signs in again (the login page). */
    signIn(): void {
        this.signedIn = true;
        this.notify();
    }

    // ----- the service -----

    /** PutAgentState as the service answers it (docs/workbench.md lists each rule's source). */
    putAgentState(params: { state?: unknown; enqueueNextState?: boolean }): CcpError | null {
        const requested = (
            typeof params?.state === 'object' && params.state !== null ? params.state : {}
        ) as Partial<CcpSelectableState>;
        const name = typeof requested.name === 'string' ? requested.name : String(params?.state);
        const target = this.selectable.find((s) => s.agentStateARN === requested.agentStateARN);
        if (!target) {
            return isCcpSystemState(name)
                ? ccpError('InvalidStateException', `Agent state "${name}" is set by Amazon Connect only.`)
                : ccpError(
                      'ResourceNotFoundException',
                      `Agent state ${requested.agentStateARN ?? `"${name}"`} does not exist in this instance.`
                  );
        }
        if (this.contacts.length === 0) {
            this.apply(target);
        } else if (
            !params.enqueueNextState ||
            target.type === 'routable' ||
            target.name === this.chosen.name
        ) {
            return ccpError('InvalidStateException', INVALID_AGENT_OR_CONTACT);
        } else {
            this.next = target;
        }
        this.notify();
        return null;
    }

    /** A CCP competes for a master topic; `takeOver` moves it from whoever holds it. */
    master(topic: string, portId: string, takeOver: boolean): { masterId: string; isMaster: boolean } {
        const holder = this.masters.get(topic);
        if (holder === undefined || (takeOver && holder !== portId)) {
            if (holder !== undefined) {
                this.takeovers.push({ topic, from: holder, to: portId });
            }
            this.masters.set(topic, portId);
            this.notify();
        }
        const masterId = this.masters.get(topic) as string;
        return { masterId, isMaster: masterId === portId };
    }

    /** A CCP went away: its master roles are free. */
    release(portId: string): void {
        for (const [topic, holder] of [...this.masters]) {
            if (holder === portId) {
                this.masters.delete(topic);
            }
        }
    }

    // ----- reading -----

    availability(): string {
        return this.chosen.name;
    }

    selectableNamed(name: string): CcpSelectableState | undefined {
        return this.selectable.find((s) => s.name === name);
    }

    /** Called after every change. */
    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    save(): CcpWorkerState {
        return {
            chosen: this.chosen.name,
            current: { name: this.current.name, type: this.current.type },
            next: this.next?.name ?? null,
            contacts: this.contacts.map((c) => ({ ...c, since: c.since.getTime() })),
            contactCount: this.contactCount,
            signedIn: this.signedIn
        };
    }

    /** Takes over a state saved by another tab's worker (or before a reload) and tells the CCPs. */
    restore(saved: CcpWorkerState): void {
        this.chosen = this.selectableNamed(saved.chosen) ?? this.chosen;
        const selectable = this.selectableNamed(saved.current.name);
        this.current = selectable
            ? this.stateFrom(selectable)
            : { ...saved.current, agentStateARN: null, startTimestamp: new Date(this.now()) };
        this.next = saved.next ? (this.selectableNamed(saved.next) ?? null) : null;
        this.contacts = saved.contacts.map((c) => ({ ...c, since: new Date(c.since) }));
        this.contactCount = saved.contactCount;
        this.signedIn = saved.signedIn;
        this.notify();
    }

    /** Back to Offline with no contact, no next state, signed in. */
    reset(): void {
        this.contacts = [];
        this.next = null;
        this.signedIn = true;
        this.apply(this.selectableNamed('Offline') as CcpSelectableState);
        this.notify();
    }

    private apply(target: CcpSelectableState): void {
        this.chosen = target;
        this.next = null;
        if (this.current.name !== target.name) {
            this.current = this.stateFrom(target);
        }
    }

    private newContact(kind: ContactKind, phase: CallPhase): ContactRecord {
        this.contactCount += 1;
        const contact = {
            contactId: `emulated-contact-${this.contactCount}`,
            kind,
            phase,
            since: new Date(this.now())
        };
        this.contacts.push(contact);
        return contact;
    }

    private stateFrom(selectable: CcpSelectableState): CcpAgentState {
        return {
            name: selectable.name,
            type: selectable.type,
            agentStateARN: selectable.agentStateARN,
            startTimestamp: new Date(this.now())
        };
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}
