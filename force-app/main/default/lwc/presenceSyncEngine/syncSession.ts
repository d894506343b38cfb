import { compileRules } from './evaluateRules';
import type { CompiledRules } from './evaluateRules';
import { FlapGuard } from './flapGuard';
import { isConnectSystemState } from './ruleCatalog';
import { readInput } from './sessionInputs';
import type {
    ConnectWriteResult,
    SessionInput,
    SessionOptions,
    SessionSettings,
    SessionSnapshot,
    Side,
    SyncSession,
    SyncStatus,
    TraceEntry,
    TraceLevel,
    TraceResult,
    TraceStep
} from './sessionTypes';
import { TraceRing } from './traceRing';
import type { Decision, PresenceEvent, PresenceSyncRule } from './types';
import type { SourceEvent } from './vocabulary';
import { OMNI_OFFLINE } from './vocabulary';

/**
 * Defaults, and why:
 * - onContact 'queue-next': Connect refuses a plain state change during a contact; queueing the
 *   state as the next one applies it the moment the contact ends, which is what the rule meant.
 * - 8 automated writes in 10 s: one external change causes at most one write per side, and a
 *   person or a call flow (Busy, AfterCallWork, Available) produces a handful of changes in ten
 *   seconds. More than 8 means rules or another integration are fighting over the agent.
 * - 100 events waiting for readiness: start-up takes seconds and produces a few events; the
 *   newest matter most, so the oldest give way.
 * - 5 s for an echo: the platforms report a change within about a second; a write whose report
 *   has not come 5 s after its call resolved (and after which the side moved on) is taken as
 *   lost, so it cannot hide a later change made by someone else.
 * - 500 trace entries: a few minutes of a busy agent's history for the health check, a few
 *   hundred kilobytes at most.
 */
export const DEFAULT_SESSION_SETTINGS: Readonly<Required<SessionSettings>> = Object.freeze({
    onContact: 'queue-next',
    flapMaxChanges: 8,
    flapWindowMs: 10_000,
    pendingEventLimit: 100,
    traceLimit: 500,
    echoTimeoutMs: 5_000
});

const SIDE_NAMES: Record<Side, string> = { connect: 'Amazon Connect', omni: 'Omni-Channel' };

/** A write the session wants to make to one side. */
interface Write {
    value: string;
    correlationId: string;
    eventType?: SourceEvent;
    ruleId: string;
    ruleName: string;
}

/** A state the session wrote and whose echo (the platform reporting it back) has not arrived yet. */
interface Expectation {
    value: string;
    correlationId: string;
    /** The call resolved (so the echo is due), and when. */
    settled: boolean;
    settledAt: number;
    /** Connect queued it as the next state: the echo comes when the contact ends. */
    queued: boolean;
}

interface SideState {
    side: Side;
    ready: boolean;
    known: string | null;
    inFlight: Write | null;
    /** The one write waiting for the call in flight: latest wins. */
    waiting: Write | null;
    expectations: Expectation[];
    /** The last call to this side failed and no later decision for it has been applied or found satisfied. */
    failed: boolean;
}

/** An input held until the session is ready. */
interface HeldInput {
    input: SessionInput;
    correlationId: string;
    /**
     * The state its side had last reported when it arrived (null: none yet). A held report is a
     * repeat only of that: the state a side gives when it becomes ready may already include it.
     */
    before: string | null;
}

/** What the trace of one step carries besides its step. */
interface Context {
    correlationId: string;
    eventType?: SourceEvent;
}

function sanitise(settings: Partial<SessionSettings> | undefined): Required<SessionSettings> {
    const s = { ...DEFAULT_SESSION_SETTINGS, ...(settings ?? {}) };
    const whole = (value: number | undefined, fallback: number, min: number): number => {
        return typeof value === 'number' && Number.isFinite(value) && value >= min
            ? Math.floor(value)
            : fallback;
    };
    return {
        onContact: s.onContact === 'skip' ? 'skip' : 'queue-next',
        flapMaxChanges: whole(s.flapMaxChanges, DEFAULT_SESSION_SETTINGS.flapMaxChanges, 1),
        flapWindowMs: whole(s.flapWindowMs, DEFAULT_SESSION_SETTINGS.flapWindowMs, 0),
        pendingEventLimit: whole(s.pendingEventLimit, DEFAULT_SESSION_SETTINGS.pendingEventLimit, 1),
        traceLimit: whole(s.traceLimit, DEFAULT_SESSION_SETTINGS.traceLimit, 0),
        echoTimeoutMs: whole(s.echoTimeoutMs, DEFAULT_SESSION_SETTINGS.echoTimeoutMs, 0)
    };
}

/** The platform's own words from whatever a port rejected with. */
function errorText(error: unknown): string {
    if (error instanceof Error && error.message) {
        return error.message;
    }
    if (typeof error === 'string' && error !== '') {
        return error;
    }
    try {
        const json = JSON.stringify(error);
        if (json && json !== '{}') {
            return json;
        }
    } catch {
        // fall through to the generic words
    }
    return 'The platform refused the change without saying why.';
}

/**
 * Runs the rules between the agent's Connect and Omni-Channel states. See docs/engine.md for the
 * semantics (echo suppression, latest wins, on-contact policy, flapping guard, status meanings).
 */
export function createSyncSession(options: SessionOptions): SyncSession {
    const { connect, omni, clock, trace: sink } = options;
    const settings = sanitise(options.settings);
    const idPrefix = options.idPrefix ?? 'ps';
    const ring = new TraceRing<TraceEntry>(settings.traceLimit);
    const flapGuard = new FlapGuard(settings.flapMaxChanges, settings.flapWindowMs);
    const sides: Record<Side, SideState> = {
        connect: {
            side: 'connect',
            ready: false,
            known: null,
            inFlight: null,
            waiting: null,
            expectations: [],
            failed: false
        },
        omni: {
            side: 'omni',
            ready: false,
            known: null,
            inFlight: null,
            waiting: null,
            expectations: [],
            failed: false
        }
    };
    const pending: HeldInput[] = [];
    /** Each side's latest reported state before readiness: what a newly held report is compared with. */
    const reportedBeforeReady: Record<Side, string | null> = { connect: null, omni: null };
    const listeners = new Set<(snapshot: SessionSnapshot) => void>();
    let idleWaiters: (() => void)[] = [];

    let rules: CompiledRules | null = null;
    let ready = false;
    let writer = true;
    let disposed = false;
    let paused = false;
    let pausedReason: string | null = null;
    let connectNextState: string | null = null;
    let lastDecision: SessionSnapshot['lastDecision'] = null;
    let lastError: SessionSnapshot['lastError'] = null;
    /** The side of the last external state change: syncNow's source of truth. */
    let lastExternalSide: Side | null = null;
    let seq = 0;
    let correlationCounter = 0;

    const newCorrelationId = (): string => `${idPrefix}-${++correlationCounter}`;

    /**
     * Completes `fields` (a fresh object from the caller) into a trace entry and records it.
     * Filling the caller's object instead of copying it keeps the hot path free of extra garbage.
     */
    function write(
        context: Context,
        step: TraceStep,
        level: TraceLevel,
        fields: Partial<TraceEntry> = {},
        result?: TraceResult,
        message?: string
    ): void {
        const entry = fields as TraceEntry;
        entry.at = clock.now();
        entry.seq = ++seq;
        entry.correlationId = context.correlationId;
        entry.step = step;
        entry.level = level;
        if (sides.connect.known !== null) {
            entry.connectState = sides.connect.known;
        }
        if (sides.omni.known !== null) {
            entry.omniStatus = sides.omni.known;
        }
        if (context.eventType !== undefined) {
            entry.eventType = context.eventType;
        }
        if (result !== undefined) {
            entry.result = result;
        }
        if (message !== undefined) {
            entry.message = message;
        }
        ring.push(entry);
        try {
            sink.write(entry);
        } catch {
            // A failing log shipper must not stop the sync.
        }
    }

    function status(): SyncStatus {
        if (!ready) {
            return 'not-ready';
        }
        if (paused) {
            return 'paused';
        }
        if (!writer) {
            return 'read-only';
        }
        if (sides.connect.inFlight || sides.omni.inFlight) {
            return 'syncing';
        }
        if (sides.connect.failed || sides.omni.failed) {
            return 'out-of-sync';
        }
        return 'in-sync';
    }

    function snapshot(): SessionSnapshot {
        return {
            status: status(),
            ready,
            writer,
            connectState: sides.connect.known,
            connectNextState,
            omniStatus: sides.omni.known,
            lastDecision: lastDecision && { ...lastDecision },
            lastError: lastError && { ...lastError },
            pausedReason,
            ruleCount: rules ? rules.ruleCount : 0
        };
    }

    function notify(): void {
        if (listeners.size === 0 || disposed) {
            return;
        }
        const current = snapshot();
        for (const listener of [...listeners]) {
            try {
                listener(current);
            } catch {
                // One broken listener must not starve the others or the sync.
            }
        }
    }

    function settleIdle(): void {
        if (sides.connect.inFlight || sides.omni.inFlight) {
            return;
        }
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) {
            resolve();
        }
    }

    /** The state a side ends up in once everything the session asked for has happened. */
    function intended(sd: SideState): string | null {
        if (sd.waiting) {
            return sd.waiting.value;
        }
        const last = sd.expectations[sd.expectations.length - 1];
        return last ? last.value : sd.known;
    }

    /** Why a wanted write must not be made now, or undefined when it may. */
    function reasonToSkip(sd: SideState, value: string): string | undefined {
        if (!writer) {
            return 'This tab only watches; the writer tab applies decisions.';
        }
        if (paused) {
            return 'Sync is paused by the flapping guard; resume it to apply decisions.';
        }
        if (intended(sd) === value) {
            return sd.known === value
                ? `${SIDE_NAMES[sd.side]} is already ${value}.`
                : `${SIDE_NAMES[sd.side]} is already being set to ${value}.`;
        }
        if (
            sd.side === 'connect' &&
            settings.onContact === 'skip' &&
            sd.known !== null &&
            isConnectSystemState(sd.known)
        ) {
            return `The agent is in the Connect system state ${sd.known} (on a contact) and the on-contact setting is skip.`;
        }
        return undefined;
    }

    function skipWrite(sd: SideState, w: Write, context: Context, message: string): void {
        traceDecision(sd, w, context, message, 'skipped');
    }

    function destinationOf(side: Side): Decision['destination'] {
        return side === 'connect' ? 'ConnectAgentState' : 'SalesforceAgentState';
    }

    function supersedeWaiting(sd: SideState, by: string): void {
        const old = sd.waiting;
        if (!old) {
            return;
        }
        sd.waiting = null;
        skipWrite(
            sd,
            old,
            { correlationId: old.correlationId, eventType: old.eventType },
            `Superseded by a newer decision (${by}) before it was sent.`
        );
    }

    function pause(context: Context): void {
        paused = true;
        pausedReason = `More than ${settings.flapMaxChanges} automated changes within ${settings.flapWindowMs / 1000} seconds: the rules or another integration keep changing the agent's state. Sync is paused until it is resumed.`;
        write(context, 'sync-paused', 'warn', {}, undefined, pausedReason);
        for (const sd of [sides.connect, sides.omni]) {
            const old = sd.waiting;
            if (old) {
                sd.waiting = null;
                skipWrite(
                    sd,
                    old,
                    { correlationId: old.correlationId, eventType: old.eventType },
                    'Sync was paused before it was sent.'
                );
            }
        }
    }

    function issue(sd: SideState, w: Write): void {
        const context: Context = { correlationId: w.correlationId, eventType: w.eventType };
        if (!flapGuard.allow(clock.now())) {
            pause(context);
            skipWrite(sd, w, context, 'Sync was paused by the flapping guard.');
            return;
        }
        const enqueue = sd.side === 'connect' && sd.known !== null && isConnectSystemState(sd.known);
        const expectation: Expectation = {
            value: w.value,
            correlationId: w.correlationId,
            settled: false,
            settledAt: 0,
            queued: enqueue
        };
        sd.inFlight = w;
        if (enqueue) {
            queueExpectation(sd, expectation);
        }
        sd.expectations.push(expectation);
        const startedAt = clock.now();
        write(
            context,
            'call-issued',
            'info',
            {
                side: sd.side,
                ruleId: w.ruleId,
                ruleName: w.ruleName,
                destination: destinationOf(sd.side),
                value: w.value
            },
            undefined,
            enqueue
                ? `The agent is on a contact (${sd.known}): asking Connect to queue ${w.value} as the next state.`
                : undefined
        );
        let call: Promise<unknown>;
        try {
            call =
                sd.side === 'connect'
                    ? connect.setState(w.value, { enqueueNextState: enqueue })
                    : omni.setStatus(w.value);
        } catch (error) {
            call = Promise.reject(error);
        }
        Promise.resolve(call).then(
            (result) => {
                if (!expectation.queued && (result as ConnectWriteResult | undefined)?.queued === true) {
                    queueExpectation(sd, expectation);
                }
                finish(sd, w, expectation, startedAt, undefined);
            },
            (error: unknown) => finish(sd, w, expectation, startedAt, error ?? new Error(''))
        );
    }

    /** Connect keeps one next state: a new one replaces the old, whose report never comes. */
    function queueExpectation(sd: SideState, expectation: Expectation): void {
        expectation.queued = true;
        sd.expectations = sd.expectations.filter((e) => !e.queued || e === expectation);
    }

    function finish(
        sd: SideState,
        w: Write,
        expectation: Expectation,
        startedAt: number,
        error: unknown
    ): void {
        if (disposed) {
            return;
        }
        sd.inFlight = null;
        const context: Context = { correlationId: w.correlationId, eventType: w.eventType };
        const fields: Partial<TraceEntry> = {
            side: sd.side,
            ruleId: w.ruleId,
            ruleName: w.ruleName,
            destination: destinationOf(sd.side),
            value: w.value,
            latencyMs: clock.now() - startedAt
        };
        if (error === undefined) {
            expectation.settled = true;
            expectation.settledAt = clock.now();
            sd.failed = false;
            if (expectation.queued) {
                connectNextState = w.value;
                write(
                    context,
                    'call-result',
                    'info',
                    fields,
                    'queued',
                    `Connect will change to ${w.value} when the contact ends.`
                );
            } else {
                write(context, 'call-result', 'info', fields, 'success');
            }
        } else {
            // No retry: the platform said no, and asking again would only repeat the refusal.
            sd.expectations = sd.expectations.filter((e) => e !== expectation);
            sd.failed = true;
            const message = errorText(error);
            lastError = { message, at: clock.now(), side: sd.side };
            write(context, 'call-result', 'error', fields, 'failure', message);
        }
        const next = sd.waiting;
        if (next) {
            sd.waiting = null;
            want(sd, next, true);
        }
        notify();
        settleIdle();
    }

    function traceDecision(
        sd: SideState,
        w: Write,
        context: Context,
        message?: string,
        result?: TraceResult
    ): void {
        write(
            context,
            'decision',
            'info',
            {
                side: sd.side,
                ruleId: w.ruleId,
                ruleName: w.ruleName,
                destination: destinationOf(sd.side),
                value: w.value
            },
            result,
            message
        );
    }

    /**
     * Sends a wanted write now, lets it wait behind the call in flight (latest wins), or skips it
     * with the reason. `traced`: the decision entry was written already (a write that waited).
     */
    function want(sd: SideState, w: Write, traced: boolean): void {
        const context: Context = { correlationId: w.correlationId, eventType: w.eventType };
        if (sd.inFlight && sd.waiting && sd.inFlight.value === w.value) {
            // The call in flight already sets what is wanted now: what was waiting is out of date.
            supersedeWaiting(sd, w.value);
        }
        const skip = reasonToSkip(sd, w.value);
        if (skip) {
            if (intended(sd) === w.value) {
                sd.failed = false;
            }
            skipWrite(sd, w, context, skip);
            return;
        }
        if (sd.inFlight) {
            supersedeWaiting(sd, w.value);
            sd.waiting = w;
            traceDecision(
                sd,
                w,
                context,
                `Waiting for the call in flight to ${SIDE_NAMES[sd.side]} (${sd.inFlight.value}) to finish.`
            );
            return;
        }
        if (!traced) {
            traceDecision(sd, w, context);
        }
        issue(sd, w);
    }

    function applyDecisions(event: PresenceEvent, context: Context): void {
        const compiled = rules as CompiledRules;
        const { decisions, matchedRuleIds } = compiled.explain(event);
        write(
            context,
            'rules-evaluated',
            'info',
            { matchedRuleIds },
            undefined,
            matchedRuleIds.length === 0
                ? 'No rule matched.'
                : `${matchedRuleIds.length} of ${compiled.ruleCount} active rules matched.`
        );
        for (const decision of decisions) {
            const sd = decision.destination === 'ConnectAgentState' ? sides.connect : sides.omni;
            const ruleName = compiled.ruleName(decision.ruleId) ?? decision.ruleId;
            lastDecision = {
                ruleId: decision.ruleId,
                ruleName,
                destination: decision.destination,
                value: decision.value,
                at: clock.now()
            };
            want(
                sd,
                {
                    value: decision.value,
                    correlationId: context.correlationId,
                    eventType: context.eventType,
                    ruleId: decision.ruleId,
                    ruleName
                },
                false
            );
        }
    }

    /**
     * Matches an incoming state against what the session wrote. A match is our own echo; it also
     * retires older expectations, since the platform reports changes in order.
     */
    function takeEcho(sd: SideState, state: string): Expectation | undefined {
        if (sd.expectations.length === 0) {
            return undefined;
        }
        const index = sd.expectations.findIndex((e) => e.value === state);
        if (index < 0) {
            return undefined;
        }
        const match = sd.expectations[index];
        sd.expectations.splice(0, index + 1);
        return match;
    }

    /**
     * Someone else moved the side on. An echo can still arrive behind that change (our write was
     * applied after it), so a finished write stays expected for echoTimeoutMs after its call
     * resolved; after that its echo is taken as lost. A queued Connect state stays expected while
     * the contact (a system state) lasts and is dropped when Connect settles anywhere else.
     */
    function forgetFinishedWrites(sd: SideState, state: string): void {
        if (sd.expectations.length === 0) {
            return;
        }
        const stillOnContact = sd.side === 'connect' && isConnectSystemState(state);
        const lostBefore = clock.now() - settings.echoTimeoutMs;
        sd.expectations = sd.expectations.filter((e) => {
            return e.queued ? stillOnContact : !e.settled || e.settledAt > lostBefore;
        });
    }

    function setKnown(sd: SideState, state: string): void {
        sd.known = state;
        if (
            sd.side === 'connect' &&
            connectNextState !== null &&
            (state === connectNextState || !isConnectSystemState(state))
        ) {
            connectNextState = null;
        }
    }

    function process(input: SessionInput, correlationId: string, held?: HeldInput): void {
        const read = readInput(input);
        if (!read) {
            write(
                { correlationId },
                'event-received',
                'warn',
                {},
                'skipped',
                'Ignored an input the session does not understand.'
            );
            return;
        }
        const { side, event, state } = read;
        const context: Context = { correlationId, eventType: event.type };
        if (state !== undefined) {
            const sd = sides[side];
            // A platform may report a state again (a refresh, a failover, a write that changed
            // nothing). Checked first: a repeat must not use up the expectation of a later echo.
            const repeat = state === (held ? held.before : sd.known);
            const echo = repeat ? undefined : takeEcho(sd, state);
            if (!echo && !repeat) {
                forgetFinishedWrites(sd, state);
            }
            setKnown(sd, state);
            if (echo || repeat || read.toolkitChange) {
                let message: string;
                if (echo) {
                    message = `${SIDE_NAMES[side]} reports ${state}, the state this session set: no rules run on an echo.`;
                } else if (repeat) {
                    message = `${SIDE_NAMES[side]} reports ${state} again: nothing changed, no rules run.`;
                } else {
                    message =
                        'Omni-Channel reports a change made through the toolkit: no rules run on an echo.';
                }
                write(
                    echo ? { correlationId: echo.correlationId, eventType: event.type } : context,
                    'event-received',
                    'info',
                    { side, event },
                    'suppressed',
                    message
                );
                return;
            }
            lastExternalSide = side;
        }
        write(context, 'event-received', 'info', { side, event });
        applyDecisions(event, context);
    }

    function becomeReadyIfComplete(): void {
        if (ready || !rules || !sides.connect.ready || !sides.omni.ready) {
            return;
        }
        ready = true;
        while (pending.length > 0 && !disposed) {
            const next = pending.shift() as HeldInput;
            process(next.input, next.correlationId, next);
        }
    }

    function control(step: TraceStep, message: string, fields: Partial<TraceEntry> = {}): void {
        write({ correlationId: newCorrelationId() }, step, 'info', fields, undefined, message);
    }

    return {
        setRules(newRules: PresenceSyncRule[]) {
            if (disposed) {
                return;
            }
            rules = compileRules(newRules);
            const total = Array.isArray(newRules) ? newRules.length : 0;
            control('rules-loaded', `${rules.ruleCount} active rules in use (of ${total} loaded).`);
            becomeReadyIfComplete();
            notify();
        },
        sideReady(side: Side, state: string) {
            if (disposed) {
                return;
            }
            const sd = sides[side];
            sd.ready = true;
            // An adapter that cannot tell the state yet still lets the session start.
            const told = typeof state === 'string' && state !== '' ? state : null;
            reportedBeforeReady[side] = told;
            if (told !== null) {
                setKnown(sd, told);
                control('side-ready', `${SIDE_NAMES[side]} is ready; its state is ${state}.`, { side });
            } else {
                sd.known = null;
                control('side-ready', `${SIDE_NAMES[side]} is ready; its state is not known yet.`, { side });
            }
            becomeReadyIfComplete();
            notify();
        },
        receive(input: SessionInput) {
            if (disposed) {
                return;
            }
            const correlationId = newCorrelationId();
            if (!ready) {
                const read = readInput(input);
                const before = read ? reportedBeforeReady[read.side] : null;
                if (read?.state !== undefined) {
                    reportedBeforeReady[read.side] = read.state;
                }
                pending.push({ input, correlationId, before });
                write(
                    { correlationId, eventType: read?.event.type },
                    'event-queued',
                    'info',
                    read ? { side: read.side, event: read.event } : {},
                    undefined,
                    'Held until the rules and both platforms are ready.'
                );
                if (pending.length > settings.pendingEventLimit) {
                    // The newest events describe the current state; the oldest give way.
                    const dropped = pending.shift() as HeldInput;
                    write(
                        { correlationId: dropped.correlationId },
                        'event-queued',
                        'warn',
                        {},
                        'skipped',
                        `Dropped: more than ${settings.pendingEventLimit} events waited for the session to become ready.`
                    );
                }
                notify();
                return;
            }
            process(input, correlationId);
            notify();
        },
        setWriter(isWriter: boolean) {
            if (disposed || writer === isWriter) {
                return;
            }
            writer = isWriter;
            control(
                'writer-changed',
                isWriter
                    ? 'This tab now applies decisions.'
                    : 'Another tab applies decisions; this tab only watches.'
            );
            if (!isWriter) {
                for (const sd of [sides.connect, sides.omni]) {
                    const old = sd.waiting;
                    if (old) {
                        sd.waiting = null;
                        skipWrite(
                            sd,
                            old,
                            { correlationId: old.correlationId, eventType: old.eventType },
                            'This tab stopped being the writer before it was sent.'
                        );
                    }
                }
            }
            notify();
        },
        syncNow() {
            if (disposed) {
                return;
            }
            const correlationId = newCorrelationId();
            const side: Side = lastExternalSide ?? 'connect';
            const state = sides[side].known;
            if (!ready || state === null) {
                write(
                    { correlationId },
                    'event-received',
                    'warn',
                    { side },
                    'skipped',
                    'Sync now: the session is not ready yet.'
                );
                return;
            }
            const event: PresenceEvent =
                side === 'connect'
                    ? { type: 'ConnectStateChange', connectNewState: state, connectOldState: state }
                    : state === OMNI_OFFLINE
                      ? { type: 'SalesforceLogout', salesforceNewState: OMNI_OFFLINE }
                      : { type: 'SalesforceStateChange', salesforceNewState: state };
            const context: Context = { correlationId, eventType: event.type };
            write(
                context,
                'event-received',
                'info',
                { side, event },
                undefined,
                `Sync now: re-applying the rules to the current ${SIDE_NAMES[side]} state.`
            );
            applyDecisions(event, context);
            notify();
        },
        resume() {
            if (disposed || !paused) {
                return;
            }
            paused = false;
            pausedReason = null;
            flapGuard.reset();
            control('sync-resumed', 'Sync resumed.');
            notify();
        },
        snapshot,
        traceEntries() {
            return ring.toArray();
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => {
                listeners.delete(listener);
            };
        },
        idle() {
            if (disposed || (!sides.connect.inFlight && !sides.omni.inFlight)) {
                return Promise.resolve();
            }
            return new Promise<void>((resolve) => idleWaiters.push(resolve));
        },
        dispose() {
            if (disposed) {
                return;
            }
            disposed = true;
            listeners.clear();
            pending.length = 0;
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const resolve of waiters) {
                resolve();
            }
        }
    };
}
