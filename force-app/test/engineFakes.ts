/**
 * In-memory stand-ins for the sync session's ports, for tests and for generating realistic trace
 * data (health check, log reader). They behave like the real platforms in the ways the session
 * cares about:
 * - a write resolves when the platform accepts it and changes its state; the change is reported
 *   LATER as an ordinary session input (the echo), by default on a timer after the call resolved;
 *   all reports arrive in the order the changes happened (an agent's change made meanwhile waits
 *   behind the echo);
 * - Connect refuses a plain change while the agent is on a contact, queues only a not-routable
 *   state or Offline that is not the availability state, and returns to the queued next state or
 *   the availability state at `endContact()`; every report carries the contact activity;
 * - Omni-Channel reports toolkit changes with reason `OmniToolkitStatusChange`, and `Offline` as a
 *   logout;
 * - calls can be made to fail (`failNext`) or held until released (`hold` / `release`).
 *
 * Typical use:
 *   const rig = createEngineRig({ rules, connectState: 'Available', omniStatus: 'Available' });
 *   rig.connect.agentSets('Lunch');       // an external change in the CCP
 *   await settle(rig);                    // calls answered, echoes delivered
 *   rig.omni.status;                      // what Omni-Channel now shows
 *   rig.sink.entries;                     // every trace entry, unbounded
 */
import { CONNECT_SYSTEM_STATES, OMNI_OFFLINE, createSyncSession } from 'c/presenceSyncEngine';
import type {
    Clock,
    ConnectActivity,
    ConnectPort,
    ConnectSelectableType,
    OmniPort,
    PresenceSyncRule,
    SessionInput,
    SessionSettings,
    SyncSession,
    TraceEntry,
    TraceSink
} from 'c/presenceSyncEngine';

/** A clock that moves only when told to. Starts at 2026-01-05 09:00 UTC unless given a time. */
export class ManualClock implements Clock {
    constructor(public time: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {}

    now(): number {
        return this.time;
    }

    advance(ms: number): void {
        this.time += ms;
    }
}

/** Keeps every trace entry (unlike the session's own bounded buffer). */
export class ArrayTraceSink implements TraceSink {
    readonly entries: TraceEntry[] = [];

    write(entry: TraceEntry): void {
        this.entries.push(entry);
    }
}

/** When a platform reports a state the session wrote: after the call resolved (usual) or before it. */
export type EchoTiming = 'after-result' | 'before-result';

interface Held {
    release: () => void;
}

/** Who caused a report: the agent (or Connect itself, e.g. a contact), or a write through the port. */
export type ReportOrigin = 'agent' | 'echo';

/** A state report waiting its turn: the platform reports changes in the order they happened. */
interface Report {
    input: SessionInput;
    origin: ReportOrigin;
    /** Reports of our writes become due a little later (timer or microtask); others at once. */
    due: boolean;
}

/** Shared machinery: recorded calls, scripted failures, held calls, reports in order. */
abstract class FakePlatform {
    protected target: ((input: SessionInput, origin: ReportOrigin) => void) | undefined;
    /** Messages the next calls reject with, in order. */
    private failures: string[] = [];
    private holding = false;
    private held: Held[] = [];
    private reports: Report[] = [];
    echoTiming: EchoTiming = 'after-result';

    /** Where the platform's events go, usually `session.receive`; `origin` helps tests tell echoes apart. */
    attach(target: (input: SessionInput, origin: ReportOrigin) => void): void {
        this.target = target;
    }

    /** The next call rejects with an Error carrying this message (the platform's words). */
    failNext(message: string): void {
        this.failures.push(message);
    }

    /** From now on calls wait until `release()`. */
    hold(): void {
        this.holding = true;
    }

    /** Lets every held call go on, in order, and stops holding. */
    release(): void {
        this.holding = false;
        const held = this.held;
        this.held = [];
        for (const h of held) {
            h.release();
        }
    }

    /** Calls held right now. */
    get heldCalls(): number {
        return this.held.length;
    }

    /** Reports (echoes, and changes queued behind them) not delivered yet. */
    get echoesDue(): number {
        return this.reports.length;
    }

    /** Reports a change: at once, unless reports of earlier changes are still on their way. */
    protected report(input: SessionInput): void {
        this.reports.push({ input, origin: 'agent', due: true });
        this.flush();
    }

    private flush(): void {
        while (this.reports.length > 0 && this.reports[0].due) {
            const { input, origin } = this.reports.shift() as Report;
            this.target?.(input, origin);
        }
    }

    /**
     * Runs a call: waits if held, fails if scripted, else lets `accept` apply it (it may throw the
     * platform's refusal) and return the report of the change, which arrives a little later.
     */
    protected async call(accept: () => SessionInput | undefined): Promise<void> {
        if (this.holding) {
            await new Promise<void>((resolve) => this.held.push({ release: resolve }));
        }
        const failure = this.failures.shift();
        if (failure !== undefined) {
            throw new Error(failure);
        }
        const input = accept();
        if (!input) {
            return;
        }
        const pending: Report = { input, origin: 'echo', due: false };
        this.reports.push(pending);
        const deliver = (): void => {
            pending.due = true;
            this.flush();
        };
        if (this.echoTiming === 'before-result') {
            queueMicrotask(deliver);
        } else {
            setTimeout(deliver, 0);
        }
    }
}

/** Connect's selectable states in the fakes: Available routes, Offline is offline, the rest are custom (not routable). */
export function fakeStateType(stateName: string): ConnectSelectableType | null {
    if (CONNECT_SYSTEM_STATES.has(stateName)) {
        return null;
    }
    if (stateName === 'Available') {
        return 'routable';
    }
    return stateName === OMNI_OFFLINE ? 'offline' : 'not_routable';
}

/**
 * Amazon Connect as the session sees it through Streams: a state, the contacts (one voice
 * contact at a time here), the availability state the agent returns to after a contact, and a
 * next state. It refuses what Connect refuses: a plain change during a contact
 * (`contactStarted`), a next state that is routable or the availability state
 * (InvalidStateException).
 */
export class FakeConnect extends FakePlatform implements ConnectPort {
    readonly calls: { stateName: string; enqueueNextState: boolean }[] = [];
    nextState: string | null = null;
    onContact = false;
    /** The agent's own state: where Connect returns after a contact. */
    availability: string;

    constructor(public state: string = 'Available') {
        super();
        this.availability = state;
    }

    stateType(stateName: string): ConnectSelectableType | null {
        return fakeStateType(stateName);
    }

    activity(): ConnectActivity {
        return { onContact: this.onContact, availabilityState: this.availability, nextState: this.nextState };
    }

    setState(stateName: string, options: { enqueueNextState: boolean }): Promise<void> {
        this.calls.push({ stateName, enqueueNextState: options.enqueueNextState });
        return this.call(() => {
            if (this.onContact) {
                if (!options.enqueueNextState) {
                    throw Object.assign(
                        new Error(
                            'Amazon Connect cannot change your state right now: the agent is on a contact.'
                        ),
                        { contactStarted: true }
                    );
                }
                const type = this.stateType(stateName);
                if ((type !== 'not_routable' && type !== 'offline') || stateName === this.availability) {
                    throw new Error(
                        '{"type":"InvalidStateException","message":"Cannot change agent state: Invalid agent or contact state."}'
                    );
                }
                this.nextState = stateName;
                return this.input(this.state);
            }
            if (this.stateType(stateName) === null) {
                throw new Error(`{"type":"InvalidStateException","message":"${stateName} cannot be set."}`);
            }
            const oldState = this.state;
            this.state = stateName;
            this.availability = stateName;
            return this.input(oldState);
        });
    }

    /** The agent picks a state in the CCP (or Connect itself changes it): reported to the session at once. */
    agentSets(newState: string): void {
        const oldState = this.state;
        this.state = newState;
        if (!this.onContact && this.stateType(newState) !== null) {
            this.availability = newState;
        }
        this.report(this.input(oldState));
    }

    /** A contact starts: Connect moves the agent to a system state. */
    startContact(systemState = 'Busy'): void {
        this.onContact = true;
        this.agentSets(systemState);
    }

    /** A chat or task arrives: a contact, but Connect's state stays what it was (no system state). */
    startChat(): void {
        this.onContact = true;
        this.report(this.input(this.state));
    }

    /** The contact ends: Connect applies the queued next state, else returns to the availability state. */
    endContact(): void {
        const next = this.nextState ?? this.availability;
        this.onContact = false;
        this.nextState = null;
        this.agentSets(next);
    }

    private input(oldState: string): SessionInput {
        return { kind: 'connect-state', oldState, newState: this.state, ...this.activity() };
    }
}

/** Omni-Channel as the session sees it through the toolkit bridge. */
export class FakeOmni extends FakePlatform implements OmniPort {
    readonly calls: string[] = [];

    constructor(public status: string = OMNI_OFFLINE) {
        super();
    }

    setStatus(statusDeveloperName: string): Promise<void> {
        this.calls.push(statusDeveloperName);
        return this.call(() => {
            this.status = statusDeveloperName;
            return statusDeveloperName === OMNI_OFFLINE
                ? { kind: 'omni-logout', reason: 'OmniToolkitStatusChange' }
                : { kind: 'omni-status', statusDeveloperName, reason: 'OmniToolkitStatusChange' };
        });
    }

    /** The agent picks a status in the Omni widget. */
    agentSets(statusDeveloperName: string): void {
        this.status = statusDeveloperName;
        this.report({ kind: 'omni-status', statusDeveloperName, reason: 'OmniManualStatusChange' });
    }

    /** The agent logs out of Omni-Channel (or a supervisor does). */
    logout(reason = 'OmniSupervisorLogout'): void {
        this.status = OMNI_OFFLINE;
        this.report({ kind: 'omni-logout', reason });
    }

    acceptWork(serviceChannel: string): void {
        this.report({ kind: 'omni-work-accepted', serviceChannel });
    }

    /** `interruptible`: the interruptible fields, sent only by orgs that route interruptible work. */
    workload(
        previousWorkload: number,
        newWorkload: number,
        configuredCapacity: number,
        interruptible: {
            previousInterruptibleWorkload: number;
            newInterruptibleWorkload: number;
            configuredInterruptibleCapacity: number;
        } | null = null
    ): void {
        this.report({
            kind: 'omni-workload',
            previousWorkload,
            newWorkload,
            configuredCapacity,
            ...interruptible
        });
    }
}

export interface EngineRig {
    session: SyncSession;
    connect: FakeConnect;
    omni: FakeOmni;
    clock: ManualClock;
    sink: ArrayTraceSink;
}

export interface EngineRigOptions {
    rules?: PresenceSyncRule[];
    connectState?: string;
    omniStatus?: string;
    settings?: Partial<SessionSettings>;
    idPrefix?: string;
    writeLease?: () => boolean;
    /** False leaves the session not ready: call setRules / sideReady yourself. */
    ready?: boolean;
}

/** A session wired to fakes and, unless `ready: false`, given its rules and both sides' states. */
export function createEngineRig(options: EngineRigOptions = {}): EngineRig {
    const clock = new ManualClock();
    const sink = new ArrayTraceSink();
    const connect = new FakeConnect(options.connectState ?? 'Available');
    const omni = new FakeOmni(options.omniStatus ?? 'Available');
    const session = createSyncSession({
        connect,
        omni,
        clock,
        trace: sink,
        settings: options.settings,
        idPrefix: options.idPrefix,
        writeLease: options.writeLease
    });
    connect.attach((input) => session.receive(input));
    omni.attach((input) => session.receive(input));
    if (options.ready !== false) {
        session.setRules(options.rules ?? []);
        session.sideReady('connect', connect.state, connect.activity());
        session.sideReady('omni', omni.status);
    }
    return { session, connect, omni, clock, sink };
}

/** One turn of the event loop: resolved calls finish and timer-delivered echoes arrive. */
export function tick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits until the session has nothing in flight and the fakes have delivered every echo. Held
 * calls stay held (release them first); with held calls it returns once everything else is done.
 */
export async function settle(rig: Pick<EngineRig, 'session' | 'connect' | 'omni'>): Promise<void> {
    for (let round = 0; round < 1000; round++) {
        await tick();
        if (rig.connect.echoesDue + rig.omni.echoesDue > 0) {
            continue;
        }
        if (rig.connect.heldCalls + rig.omni.heldCalls > 0 || (await isIdleNow(rig.session))) {
            return;
        }
    }
    throw new Error('The session did not settle after 1000 rounds: something keeps it busy.');
}

async function isIdleNow(session: SyncSession): Promise<boolean> {
    let idle = false;
    void session.idle().then(() => {
        idle = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    return idle;
}
