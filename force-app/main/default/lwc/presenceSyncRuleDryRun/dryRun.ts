import { CONNECT_SYSTEM_STATES, createSyncSession, OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type {
    ConnectActivity,
    ConnectSelectableType,
    OmniWorkAcceptedInput,
    OmniWorkloadInput,
    PresenceSyncRule,
    SessionInput,
    SessionSettings,
    SyncSession,
    TraceEntry
} from 'c/presenceSyncEngine';

/** One thing that happens to the agent, as the admin enters it. */
export type DryRunEvent =
    | { kind: 'connect-state'; state: string }
    | { kind: 'omni-status'; status: string }
    | { kind: 'omni-logout' }
    | OmniWorkAcceptedInput
    // The interruptible numbers may be left out to play an org that sends none.
    | OmniWorkloadInput;

export interface DryRunStart {
    connectState: string;
    /** Omni-Channel status developer name, or Offline. */
    omniStatus: string;
}

export interface DryRunStep {
    position: number;
    event: DryRunEvent;
    /** Names of every rule whose criterion matched. */
    matchedRules: string[];
    /** What the session did: one line per decision, call or skip, in order. */
    actions: string[];
    /** The rules that changed a side. */
    firedRules: string[];
    connectState: string;
    /** Set while Connect holds a state queued for the end of the contact. */
    connectNextState: string | null;
    omniStatus: string;
}

/** Realistic spacing between the admin's events, so the flapping guard sees human pace. */
const STEP_MS = 5000;

export function describeEvent(event: DryRunEvent): string {
    switch (event.kind) {
        case 'connect-state':
            return `Connect: the agent becomes ${event.state}`;
        case 'omni-status':
            return `Omni-Channel: the agent picks ${event.status}`;
        case 'omni-logout':
            return 'Omni-Channel: the agent logs out';
        case 'omni-work-accepted':
            return `Omni-Channel: the agent accepts ${event.serviceChannel} work`;
        default: {
            const primary = `Omni-Channel: workload ${event.previousWorkload} → ${event.newWorkload} of ${event.configuredCapacity}`;
            return event.configuredInterruptibleCapacity === undefined
                ? primary
                : `${primary}, interruptible ${event.previousInterruptibleWorkload} → ${event.newInterruptibleWorkload} of ${event.configuredInterruptibleCapacity}`;
        }
    }
}

/**
 * Connect's voice-contact states (Streams' AgentAvailStates): the admin enters state names only,
 * so the simulator reads a contact from them. The agent component never does: it reads contacts
 * from Streams' snapshot.
 */
const CONTACT_STATES = new Set([
    'Busy',
    'Pending',
    'PendingBusy',
    'CallingCustomer',
    'AfterCallWork',
    'Dialing',
    'Joining',
    'PendingAvailable'
]);

/**
 * The two platforms, in memory. A write is accepted at once and reported back like the real
 * platforms do (the echo), so the session's echo suppression and contact handling run as they do
 * for agents. In Connect, Available is the only routable state and custom states are not
 * routable; during a contact Connect queues a not-routable state or Offline as the next state.
 */
class DryRunWorld {
    connectState: string;
    omniStatus: string;
    /** The state Connect returns to after a contact. */
    private availability: string;
    private nextState: string | null = null;
    session!: SyncSession;

    constructor(start: DryRunStart) {
        this.connectState = start.connectState;
        this.omniStatus = start.omniStatus;
        this.availability = start.connectState;
    }

    private echo(input: SessionInput): void {
        queueMicrotask(() => this.session.receive(input));
    }

    activity(): ConnectActivity {
        return {
            onContact: CONTACT_STATES.has(this.connectState),
            availabilityState: this.availability,
            nextState: this.nextState
        };
    }

    private connectInput(oldState: string): SessionInput {
        return { kind: 'connect-state', oldState, newState: this.connectState, ...this.activity() };
    }

    readonly connectPort = {
        setState: async (state: string, options: { enqueueNextState: boolean }): Promise<void> => {
            if (options.enqueueNextState) {
                this.nextState = state;
                this.echo(this.connectInput(this.connectState));
                return;
            }
            const oldState = this.connectState;
            this.connectState = state;
            this.availability = state;
            this.echo(this.connectInput(oldState));
        },
        stateType: (state: string): ConnectSelectableType | null => {
            if (CONNECT_SYSTEM_STATES.has(state)) {
                return null;
            }
            if (state === 'Available') {
                return 'routable';
            }
            return state === OMNI_OFFLINE ? 'offline' : 'not_routable';
        }
    };

    readonly omniPort = {
        setStatus: async (status: string): Promise<void> => {
            this.omniStatus = status;
            this.echo(
                status === OMNI_OFFLINE
                    ? { kind: 'omni-logout' }
                    : { kind: 'omni-status', statusDeveloperName: status, reason: 'OmniToolkitStatusChange' }
            );
        }
    };

    /** The admin's event: changes the world and tells the session, as the platform adapters would. */
    apply(event: DryRunEvent): void {
        switch (event.kind) {
            case 'connect-state':
                this.setConnect(event.state);
                return;
            case 'omni-status':
                this.omniStatus = event.status;
                this.session.receive({
                    kind: 'omni-status',
                    statusDeveloperName: event.status,
                    reason: 'OmniManualStatusChange'
                });
                return;
            case 'omni-logout':
                this.omniStatus = OMNI_OFFLINE;
                this.session.receive({ kind: 'omni-logout' });
                return;
            default:
                this.session.receive(event);
        }
    }

    /** A contact state starts or continues a contact; any other state ends it (Connect's next state wins). */
    private setConnect(state: string): void {
        const oldState = this.connectState;
        const wasOnContact = CONTACT_STATES.has(oldState);
        if (CONTACT_STATES.has(state)) {
            this.connectState = state;
        } else {
            this.connectState = wasOnContact ? (this.nextState ?? state) : state;
            this.availability = CONNECT_SYSTEM_STATES.has(this.connectState)
                ? this.availability
                : this.connectState;
            this.nextState = null;
        }
        this.session.receive(this.connectInput(oldState));
    }
}

/** Lets queued echoes arrive and every call settle. */
async function settle(session: SyncSession): Promise<void> {
    // An echo is queued after its call resolves and may start the next call: each round lets one
    // such hop finish, and one external event causes at most a few.
    for (let round = 0; round < 10; round++) {
        // eslint-disable-next-line no-await-in-loop -- each round depends on the previous one
        await session.idle();
        // eslint-disable-next-line no-await-in-loop -- lets the queued echo arrive
        await Promise.resolve();
    }
}

function actionText(entry: TraceEntry): string | undefined {
    const target = entry.side === 'connect' ? 'Connect' : 'Omni-Channel';
    if (entry.step === 'call-issued') {
        return `“${entry.ruleName}” sets ${target} to ${entry.value}.`;
    }
    if (entry.step === 'call-result' && entry.result === 'queued') {
        return entry.message;
    }
    if (entry.step === 'call-result' && entry.result === 'failure') {
        return `${target} refused ${entry.value}: ${entry.message}`;
    }
    if (entry.step === 'decision' && entry.result === 'queued') {
        return `“${entry.ruleName}” wants ${target} ${entry.value}: ${entry.message}`;
    }
    if (entry.step === 'decision' && entry.result === 'skipped') {
        return `“${entry.ruleName}” wants ${target} ${entry.value}, skipped: ${entry.message}`;
    }
    if (entry.step === 'sync-paused') {
        return entry.message;
    }
    return undefined;
}

/**
 * Runs the events through the engine's own sync session (the code agents run) and reports,
 * step by step, which rules matched, which fired and what both sides became. `settings` are
 * the org's (on-contact policy, flapping guard); without them the engine's defaults apply.
 */
export async function runDryRun(
    rules: readonly PresenceSyncRule[],
    start: DryRunStart,
    events: readonly DryRunEvent[],
    settings?: Partial<SessionSettings>
): Promise<DryRunStep[]> {
    const world = new DryRunWorld(start);
    let now = Date.UTC(2026, 0, 5, 9, 0, 0);
    const entries: TraceEntry[] = [];
    const session = createSyncSession({
        connect: world.connectPort,
        omni: world.omniPort,
        clock: { now: () => now },
        trace: { write: (entry) => entries.push(entry) },
        settings,
        idPrefix: 'dry-run'
    });
    world.session = session;
    const names = new Map(rules.map((r) => [r.id, r.name]));
    session.setRules([...rules]);
    session.sideReady('connect', start.connectState, world.activity());
    session.sideReady('omni', start.omniStatus);
    await settle(session);

    const steps: DryRunStep[] = [];
    for (const [index, event] of events.entries()) {
        now += STEP_MS;
        const from = entries.length;
        world.apply(event);
        // eslint-disable-next-line no-await-in-loop -- events happen one after another, as for an agent
        await settle(session);
        const stepEntries = entries.slice(from);
        const matched = stepEntries
            .filter((e) => e.step === 'rules-evaluated')
            .flatMap((e) => e.matchedRuleIds ?? [])
            .map((id) => names.get(id) ?? id);
        const fired = stepEntries
            .filter((e) => e.step === 'call-issued')
            .map((e) => e.ruleName ?? e.ruleId ?? '');
        const snapshot = session.snapshot();
        steps.push({
            position: index + 1,
            event,
            matchedRules: [...new Set(matched)],
            actions: stepEntries.map(actionText).filter((text): text is string => typeof text === 'string'),
            firedRules: [...new Set(fired)],
            connectState: world.connectState,
            connectNextState: snapshot.connectNextState,
            omniStatus: world.omniStatus
        });
    }
    session.dispose();
    return steps;
}
