import type { PresenceEvent, PresenceSyncRule } from './types';
import type { Destination, SourceEvent } from './vocabulary';

/** The two platforms whose agent state the session keeps in step. */
export type Side = 'connect' | 'omni';

/** What Connect did with a state change, when it differs from what the session asked for. */
export interface ConnectWriteResult {
    /**
     * Connect queued the state as the next one: the agent turned out to be on a contact the
     * session had not heard of yet, and the port asked again with enqueueNextState.
     */
    queued: boolean;
}

/**
 * Writes to Amazon Connect. Resolves once the platform accepted the request (with
 * `{ queued: true }` if it was queued as the next state although the session did not ask for
 * that); rejects with an Error whose message is the platform's own (e.g. Streams'
 * InvalidStateException text). The new state itself arrives later as an ordinary
 * ConnectStateChange input.
 */
export interface ConnectPort {
    setState(stateName: string, options: { enqueueNextState: boolean }): Promise<ConnectWriteResult | void>;
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
    | 'writer-changed';

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
}

/** What the platform adapters feed the session. */
export type SessionInput =
    | { kind: 'connect-state'; oldState: string; newState: string }
    | { kind: 'omni-status'; statusDeveloperName: string; reason?: string }
    | { kind: 'omni-logout'; reason?: string }
    | { kind: 'omni-work-accepted'; serviceChannel: string }
    | {
          kind: 'omni-workload';
          previousWorkload: number;
          newWorkload: number;
          configuredCapacity: number;
          /** Interruptible work, when Omni-Channel sends it (the org routes interruptible work). */
          previousInterruptibleWorkload?: number;
          newInterruptibleWorkload?: number;
          configuredInterruptibleCapacity?: number;
      };

export interface SessionSettings {
    /** What to do with a Connect decision while the agent is in a system state (on a contact). */
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

export type SyncStatus = 'not-ready' | 'in-sync' | 'syncing' | 'out-of-sync' | 'paused' | 'read-only';

export interface SessionSnapshot {
    status: SyncStatus;
    ready: boolean;
    /** False in a tab that only watches (another tab is the writer). */
    writer: boolean;
    connectState: string | null;
    connectNextState: string | null;
    omniStatus: string | null;
    lastDecision: {
        ruleId: string;
        ruleName: string;
        destination: Destination;
        value: string;
        at: number;
    } | null;
    lastError: { message: string; at: number; side: Side } | null;
    pausedReason: string | null;
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
}

export interface SyncSession {
    /** Replace the rules (hot reload). The first call makes the rules side ready. */
    setRules(rules: PresenceSyncRule[]): void;
    /** A side finished loading; `state` is its current state (`Offline` when logged out). */
    sideReady(side: Side, state: string): void;
    /** An event from one of the platforms. Kept in order while the session is not ready. */
    receive(input: SessionInput): void;
    /** Whether this tab applies decisions (one writer across tabs). */
    setWriter(writer: boolean): void;
    /** Re-applies the rules to the current states. */
    syncNow(): void;
    /** Lifts a flapping-guard pause. */
    resume(): void;
    snapshot(): SessionSnapshot;
    /** Trace entries kept in memory, oldest first (bounded by `traceLimit`). */
    traceEntries(): TraceEntry[];
    /** Called after every change to the snapshot. Returns an unsubscribe function. */
    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
    /** Resolves when no event, decision or call is pending. */
    idle(): Promise<void>;
    /** Stops processing; later inputs are ignored. */
    dispose(): void;
}
