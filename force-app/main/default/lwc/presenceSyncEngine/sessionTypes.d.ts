import type { PresenceEvent, PresenceSyncRule } from './types';
import type { Destination, SourceEvent } from './vocabulary';

/** The two platforms whose agent state the session keeps in step. */
export type Side = 'connect' | 'omni';

/** The types of the Connect states an agent may choose (Streams' `AgentStateType`, selectable ones). */
export type ConnectSelectableType = 'routable' | 'not_routable' | 'offline';

/**
 * What Connect's latest snapshot says beyond the state name: whether the agent is on a contact
 * (decided from the snapshot's contacts and the state's type, never from state names), the
 * state the agent returns to after the contacts (`agent.getAvailabilityState()`), and the next
 * state queued in Connect (`agent.getNextState()`), if any.
 */
export interface ConnectActivity {
    onContact: boolean;
    availabilityState: string | null;
    nextState: string | null;
}

/**
 * Writes to Amazon Connect. Resolves once the platform accepted the request; the new state
 * itself arrives later as an ordinary `connect-state` input. Rejects with an Error whose message
 * is the platform's own words; `contactStarted: true` on the error says Connect refused a plain
 * change because the agent is on a contact the session had not heard of yet.
 */
export interface ConnectPort {
    setState(stateName: string, options: { enqueueNextState: boolean }): Promise<void>;
    /** The type of one of the agent's selectable states, null when Connect does not list it. */
    stateType(stateName: string): ConnectSelectableType | null;
}

/**
 * Writes to Omni-Channel. `statusDeveloperName` is `Offline` when the agent must be logged out;
 * the adapter decides how (logout, or a status of that name). Rejects with the toolkit's message.
 */
export interface OmniPort {
    setStatus(statusDeveloperName: string): Promise<void>;
}

export interface Clock {
    /** Milliseconds since the epoch. */
    now(): number;
}

export interface TraceSink {
    write(entry: TraceEntry): void;
}

export type TraceStep =
    | 'rules-loaded'
    | 'side-ready'
    | 'event-received'
    | 'event-queued'
    | 'rules-evaluated'
    | 'decision'
    | 'call-issued'
    | 'call-result'
    | 'sync-paused'
    | 'sync-resumed'
    | 'writer-changed'
    /** Never written by the session: the log shipper's one entry for a whole sync (TraceSummary). */
    | 'sync-summary'
    /** Never written by the session: one entry for a sync that went wrong, its steps inside (TraceSummary.detail). */
    | 'sync-detail';

export type TraceResult = 'success' | 'failure' | 'queued' | 'skipped' | 'suppressed';

export type TraceLevel = 'info' | 'warn' | 'error';

export interface TraceEntry {
    /** Milliseconds since the epoch, from the session's clock. */
    at: number;
    /** Increasing per session: orders entries with the same `at`. */
    seq: number;
    /** Shared by every entry caused by one external event (or one sync-now). */
    correlationId: string;
    step: TraceStep;
    level: TraceLevel;
    eventType?: SourceEvent;
    /** The side a call went to, or the side an event came from. */
    side?: Side;
    /** Both sides' known states when the entry was written. */
    connectState?: string;
    omniStatus?: string;
    ruleId?: string;
    ruleName?: string;
    /** On rules-evaluated: the ids of every rule whose criterion matched. */
    matchedRuleIds?: string[];
    destination?: Destination;
    value?: string;
    result?: TraceResult;
    /** Plain words: why something was skipped or suppressed, or the platform's error text. */
    message?: string;
    /** On call-result: milliseconds between call-issued and its result. */
    latencyMs?: number;
    /** On event-received: the event as the session saw it. */
    event?: PresenceEvent;
    /** On sync-summary: the sync it stands for (c/presenceSyncTraceSummary). */
    summary?: TraceSummary;
}

/** What a correlation came to, worst first; `no-match`: an event no active rule matched. */
export type SyncOutcome = 'failure' | 'queued' | 'success' | 'skipped' | 'suppressed' | 'no-match' | 'info';

/**
 * One sync (every entry of one correlation) in one entry, as the log stores it at the Summary
 * level. The entry itself carries the event, the matched rules, the decision that mattered, its
 * result or refusal with the platform's words, the call's round trip and both sides' states at
 * the end; this adds what only the whole sync knows.
 */
export interface TraceSummary {
    outcome: SyncOutcome;
    /** Both sides' states when the sync began (its first entry). */
    fromConnectState?: string;
    fromOmniStatus?: string;
    /** From the sync's first entry to its last. */
    durationMs: number;
    /** How many entries the sync had. */
    steps: number;
    /** The step of a sync that began without an event (rules loaded, side ready, writer changed). */
    firstStep?: TraceStep;
    /**
     * On sync-detail: every step of the sync, as the session traced them (without the shared
     * correlation id). Storage counts rows, not characters: a sync that went wrong costs one row.
     */
    detail?: TraceDetailStep[];
    /** Steps left out of `detail` to keep it within the field (the first and the latest are kept). */
    detailOmitted?: number;
}

/** One step inside a sync-detail entry. */
export type TraceDetailStep = Omit<TraceEntry, 'correlationId' | 'summary'>;

export interface OmniWorkAcceptedInput {
    kind: 'omni-work-accepted';
    serviceChannel: string;
}

export interface OmniWorkloadInput {
    kind: 'omni-workload';
    previousWorkload: number;
    newWorkload: number;
    configuredCapacity: number;
    /** Interruptible work, when Omni-Channel sends it (the org routes interruptible work). */
    previousInterruptibleWorkload?: number;
    newInterruptibleWorkload?: number;
    configuredInterruptibleCapacity?: number;
}

/** The numbers a workload change carries. */
export type WorkloadField = Exclude<keyof OmniWorkloadInput, 'kind'>;

/** What the platform adapters feed the session. */
export type SessionInput =
    | ({ kind: 'connect-state'; oldState: string; newState: string } & Partial<ConnectActivity>)
    | { kind: 'omni-status'; statusDeveloperName: string; reason?: string }
    | { kind: 'omni-logout'; reason?: string }
    | OmniWorkAcceptedInput
    | OmniWorkloadInput;

export interface SessionSettings {
    /** What to do with a Connect decision while the agent is on a contact. */
    onContact: 'queue-next' | 'skip';
    /** Flapping guard: more than `flapMaxChanges` automated writes within `flapWindowMs` pauses sync. */
    flapMaxChanges: number;
    flapWindowMs: number;
    /** Bound on events held while the session is not ready. */
    pendingEventLimit: number;
    /** Bound on trace entries the session keeps in memory. */
    traceLimit: number;
    /**
     * How long after a write's call resolved its echo may still arrive behind someone else's
     * change (default 5000 ms); later, the echo is taken as lost.
     */
    echoTimeoutMs?: number;
}

/**
 * - `pending`: a Connect decision waits for the contact to end (queued in Connect, or held by
 *   the session because Connect cannot queue it);
 * - `no-rule`: the last state change matched no rule for the other side.
 */
export type SyncStatus =
    'not-ready' | 'in-sync' | 'syncing' | 'pending' | 'no-rule' | 'out-of-sync' | 'paused' | 'read-only';

export interface AppliedRule {
    ruleId: string;
    ruleName: string;
    destination: Destination;
    value: string;
    at: number;
}

export interface SessionSnapshot {
    status: SyncStatus;
    /** The status in the agent's words, e.g. `No rule for Training`, `Out of sync: Omni refused Lunch`. */
    statusText: string;
    ready: boolean;
    /** False in a tab that only watches (another tab is the writer). */
    writer: boolean;
    connectState: string | null;
    /** The next state queued in Connect (Connect applies it when the contact ends). */
    connectNextState: string | null;
    /** A Connect decision the session applies itself when the contact ends (Connect cannot queue it). */
    connectDeferredState: string | null;
    omniStatus: string | null;
    /** The latest decision made, applied or not. */
    lastDecision: AppliedRule | null;
    /** The latest decision a platform accepted: what "last rule applied" shows. */
    lastApplied: AppliedRule | null;
    lastError: { message: string; at: number; side: Side } | null;
    pausedReason: string | null;
    /** Active, well-formed rules in use. */
    ruleCount: number;
}

export interface SessionOptions {
    connect: ConnectPort;
    omni: OmniPort;
    clock: Clock;
    trace: TraceSink;
    settings?: Partial<SessionSettings>;
    /** Prefix for correlation ids, e.g. a tab id, so ids from several tabs never collide. */
    idPrefix?: string;
    /**
     * Asked right before every call: whether this tab still holds the writer role (the tab
     * leader's lock or lease). A write it refuses is skipped and traced.
     */
    writeLease?: () => boolean;
}

export interface SyncSession {
    /** Replace the rules (hot reload). The first call makes the rules side ready. */
    setRules(rules: PresenceSyncRule[]): void;
    /**
     * A side finished loading; `state` is its current state (`Offline` when logged out), taken as
     * the initial state, never as a change. Connect also gives what its snapshot says. Called
     * again later (Omni-Channel logging the agent back in as the console loads), it is still a
     * state at load: no rule runs and nothing is written.
     */
    sideReady(side: Side, state: string, activity?: Partial<ConnectActivity>): void;
    /** An event from one of the platforms. Kept in order while the session is not ready. */
    receive(input: SessionInput): void;
    /** Whether this tab applies decisions (one writer across tabs). */
    setWriter(writer: boolean): void;
    /** Re-applies the rules to the current states. */
    syncNow(): void;
    /** Lifts a flapping-guard pause and applies the rules to the current states again. */
    resume(): void;
    snapshot(): SessionSnapshot;
    /** Trace entries kept in memory, oldest first (bounded by `traceLimit`). */
    traceEntries(): TraceEntry[];
    /** Called after every change to the snapshot. Returns an unsubscribe function. */
    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
    /** Resolves when no call is in flight or waiting. */
    idle(): Promise<void>;
    /** Stops processing; later inputs are ignored. */
    dispose(): void;
}
