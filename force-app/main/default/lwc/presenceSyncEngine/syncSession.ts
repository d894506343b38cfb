import { adoptWishes, agreementWords, checkAgreement } from './agreement';
import { ContactTracker } from './contactPolicy';
import { compileRules } from './evaluateRules';
import type { CompiledRules } from './evaluateRules';
import { eventForState, readActivity, readInput } from './sessionInputs';
import type { ReadInput } from './sessionInputs';
import { sanitiseSettings } from './sessionSettings';
import type {
    AppliedRule,
    ConnectActivity,
    SessionInput,
    SessionOptions,
    SessionSettings,
    SessionSnapshot,
    Side,
    SyncSession
} from './sessionTypes';
import { StartupHold } from './startupHold';
import { reportWords, takeReport } from './stateReports';
import type { HeldInput } from './startupHold';
import { syncVerdict, verdictSide } from './syncVerdict';
import { SessionListeners } from './sessionListeners';
import { TraceWriter } from './traceWriter';
import type { TraceContext } from './traceWriter';
import type { PresenceEvent, PresenceSyncRule } from './types';
import { appliedRule, SIDE_NAMES, sideOf, writeFor } from './sessionWrites';
import { SideWriter, sideCalls } from './writeScheduler';
import type { WriteOutcome, WriteParts } from './writeScheduler';
import { WriteGate } from './writeGate';

export { DEFAULT_SESSION_SETTINGS } from './sessionSettings';

const STATE_EVENTS = new Set(['ConnectStateChange', 'SalesforceStateChange', 'SalesforceLogout']);

/**
 * Runs the rules between the agent's Connect and Omni-Channel states: the parts (trace, start-up
 * hold, each side's writer with its echo ledger, the contact policy, the flapping guard, the
 * verdict) composed around the flow of one input. See docs/engine.md for the semantics.
 */
class Session implements SyncSession {
    private readonly settings: Required<SessionSettings>;
    private readonly trace: TraceWriter;
    private readonly gate: WriteGate;
    private readonly hold: StartupHold;
    private readonly writers: Record<Side, SideWriter>;
    private readonly listeners = new SessionListeners();
    private rules: CompiledRules | null = null;
    private ready = false;
    private disposed = false;
    private readonly contacts: ContactTracker;
    private lastDecision: AppliedRule | null = null;
    private lastApplied: AppliedRule | null = null;
    private lastError: SessionSnapshot['lastError'] = null;
    /** The side of the last external state change: sync now's source of truth. */
    private lastExternalSide: Side | null = null;
    /** The last state change no rule covered for the other side. */
    private uncovered: { side: Side; state: string } | null = null;

    constructor(private readonly options: SessionOptions) {
        this.settings = sanitiseSettings(options.settings);
        const known = (side: Side): string | null => this.writers[side].known;
        this.trace = new TraceWriter(
            options.clock,
            options.trace,
            this.settings.traceLimit,
            options.idPrefix ?? 'ps',
            known
        );
        this.gate = new WriteGate(this.settings, options.writeLease, this.trace);
        this.hold = new StartupHold(this.settings.pendingEventLimit);
        this.contacts = new ContactTracker(options.connect, this.settings.onContact);
        const calls = sideCalls(options.connect, options.omni);
        const outcome = this.writeOutcome();
        const parts = (side: Side): WriteParts => ({
            trace: this.trace,
            clock: options.clock,
            gate: this.gate,
            contacts: this.contacts,
            call: calls[side],
            outcome
        });
        this.writers = {
            connect: new SideWriter('connect', parts('connect'), this.settings.echoTimeoutMs),
            omni: new SideWriter('omni', parts('omni'), this.settings.echoTimeoutMs)
        };
    }

    // ----- the API -----

    setRules(newRules: PresenceSyncRule[]): void {
        if (this.disposed) {
            return;
        }
        this.rules = compileRules(newRules);
        const total = Array.isArray(newRules) ? newRules.length : 0;
        this.trace.control(
            'rules-loaded',
            `${this.rules.ruleCount} active rules in use (of ${total} loaded).`
        );
        if (this.ready) {
            this.checkAgreement('New rules');
        }
        this.becomeReadyIfComplete();
        this.notify();
    }

    sideReady(side: Side, state: string, activity?: Partial<ConnectActivity>): void {
        if (this.disposed) {
            return;
        }
        const writer = this.writers[side];
        writer.ready = true;
        // An adapter that cannot tell the state yet still lets the session start.
        writer.known = typeof state === 'string' && state !== '' ? state : null;
        if (side === 'connect') {
            this.contacts.update(readActivity(activity));
        }
        this.hold.sideReady(side, writer.known);
        this.trace.control(
            'side-ready',
            writer.known === null
                ? `${SIDE_NAMES[side]} is ready; its state is not known yet.`
                : `${SIDE_NAMES[side]} is ready; its state is ${writer.known}.`,
            { side }
        );
        if (this.ready) {
            // Known again later (Omni-Channel's login as the console loads): still a state at load.
            this.checkAgreement(`${SIDE_NAMES[side]} at load`);
        }
        this.becomeReadyIfComplete();
        this.notify();
    }

    receive(input: SessionInput): void {
        if (this.disposed) {
            return;
        }
        const correlationId = this.trace.newCorrelationId();
        if (this.ready) {
            this.process(input, correlationId);
        } else {
            this.hold.holdAndTrace(input, correlationId, this.trace);
        }
        this.notify();
    }

    setWriter(isWriter: boolean): void {
        if (this.disposed || this.gate.writer === isWriter) {
            return;
        }
        this.gate.writer = isWriter;
        this.trace.control(
            'writer-changed',
            isWriter
                ? 'This tab now applies decisions.'
                : 'Another tab applies decisions; this tab only watches.'
        );
        if (!isWriter) {
            this.eachWriter((w) => w.dropPending('This tab stopped being the writer before it was sent.'));
        }
        this.notify();
    }

    syncNow(): void {
        this.reapply('Sync now');
    }

    resume(): void {
        if (this.disposed || !this.gate.resume()) {
            return;
        }
        this.trace.control('sync-resumed', 'Sync resumed.');
        this.reapply('Resume');
    }

    snapshot(): SessionSnapshot {
        const { connect, omni } = this.writers;
        const verdict = syncVerdict({
            ready: this.ready,
            paused: this.gate.pausedReason !== null,
            writer: this.gate.writer,
            connect: verdictSide(connect, this.contacts.activity),
            omni: verdictSide(omni, this.contacts.activity),
            // Only while that side still shows the state no rule covered (an echo may have moved it since).
            uncovered:
                this.uncovered && this.writers[this.uncovered.side].known === this.uncovered.state
                    ? this.uncovered
                    : null
        });
        // A refusal is the agent's to act on only until the sides agree again; after that the
        // log keeps it, and the utility must not go on showing a problem that is over.
        if (verdict.status === 'in-sync') {
            this.lastError = null;
        }
        return {
            status: verdict.status,
            statusText: verdict.text,
            ready: this.ready,
            writer: this.gate.writer,
            connectState: connect.known,
            connectNextState: this.contacts.activity.nextState,
            connectDeferredState: connect.deferred?.value ?? null,
            omniStatus: omni.known,
            lastDecision: this.lastDecision && { ...this.lastDecision },
            lastApplied: this.lastApplied && { ...this.lastApplied },
            lastError: this.lastError && { ...this.lastError },
            pausedReason: this.gate.pausedReason,
            ruleCount: this.rules ? this.rules.ruleCount : 0
        };
    }

    traceEntries() {
        return this.trace.entries();
    }

    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
        return this.listeners.subscribe(listener);
    }

    idle(): Promise<void> {
        return this.disposed || !this.callsInFlight() ? Promise.resolve() : this.listeners.whenIdle();
    }

    dispose(): void {
        if (!this.disposed) {
            this.disposed = true;
            this.listeners.clear();
            this.hold.clear();
        }
    }

    // ----- one input -----

    private process(input: SessionInput, correlationId: string, held?: HeldInput): void {
        const read = readInput(input);
        if (!read) {
            const words = 'Ignored an input the session does not understand.';
            this.trace.write({ correlationId }, 'event-received', 'warn', {}, 'skipped', words);
            return;
        }
        const { side, event } = read;
        const context: TraceContext = { correlationId, eventType: event.type };
        if (read.state !== undefined && !this.takeState(read, read.state, context, held)) {
            return;
        }
        this.trace.write(context, 'event-received', 'info', { side, event });
        this.applyDecisions(event, context, side);
    }

    /**
     * Records a reported state. Returns true when it is a change someone else made (the rules
     * run); false for the session's own echo, a repeat, or Connect's return after a contact
     * while a held decision waits for it (each traced as suppressed).
     */
    private takeState(read: ReadInput, state: string, context: TraceContext, held?: HeldInput): boolean {
        const { side, event } = read;
        const writer = this.writers[side];
        // `read.activity` is already what readInput kept of the snapshot (readActivity).
        const contactEnded = side === 'connect' && this.contacts.update(read.activity ?? {});
        const report = takeReport(writer, state, {
            before: held ? held.before : writer.known,
            contactEnded,
            activity: this.contacts.activity,
            now: this.options.clock.now()
        });
        if (report.kind === 'change') {
            this.lastExternalSide = side;
            return true;
        }
        // An echo, and Connect's return that lets a held decision go, belong to the story of the write.
        const where =
            report.kind === 'repeat' ? context : { ...context, correlationId: report.correlationId };
        const words = reportWords(side, state, report.kind);
        this.trace.write(where, 'event-received', 'info', { side, event }, 'suppressed', words);
        if (contactEnded) {
            writer.releaseDeferred();
        }
        return false;
    }

    private applyDecisions(event: PresenceEvent, context: TraceContext, source: Side | null): void {
        const compiled = this.rules as CompiledRules;
        const { decisions, matchedRuleIds } = compiled.explain(event);
        this.trace.write(
            context,
            'rules-evaluated',
            'info',
            { matchedRuleIds },
            undefined,
            matchedRuleIds.length === 0
                ? 'No rule matched.'
                : `${matchedRuleIds.length} of ${compiled.ruleCount} active rules matched.`
        );
        if (source !== null && STATE_EVENTS.has(event.type)) {
            const state = event.connectNewState ?? event.salesforceNewState ?? '';
            this.uncovered = decisions.some((d) => sideOf(d.destination) !== source)
                ? null
                : { side: source, state };
        }
        for (const decision of decisions) {
            const write = writeFor(decision, compiled.ruleName(decision.ruleId), context);
            this.lastDecision = appliedRule(sideOf(decision.destination), write, this.options.clock.now());
            this.writers[sideOf(decision.destination)].want(write, false);
        }
    }

    /**
     * The states at load (or after new rules) are taken as they are: no rule runs on them and
     * nothing is written. The rules only say whether the two sides agree, for the verdict.
     */
    private checkAgreement(why: string): void {
        const context: TraceContext = { correlationId: this.trace.newCorrelationId() };
        const rules = this.rules as CompiledRules;
        const { wants, uncovered } = checkAgreement(rules, {
            connect: this.writers.connect.known,
            omni: this.writers.omni.known
        });
        const unmet = adoptWishes(this.writers, wants, rules, context);
        this.uncovered = uncovered;
        this.trace.write(context, 'rules-evaluated', 'info', {}, undefined, agreementWords(why, unmet));
    }

    /** Sync now and resume: the rules again on the current state of the last side that changed. */
    private reapply(why: string): void {
        if (this.disposed) {
            return;
        }
        const correlationId = this.trace.newCorrelationId();
        const side: Side = this.lastExternalSide ?? 'connect';
        const state = this.writers[side].known;
        if (!this.ready || state === null) {
            const words = `${why}: the session is not ready yet.`;
            this.trace.write({ correlationId }, 'event-received', 'warn', { side }, 'skipped', words);
            this.notify();
            return;
        }
        // The side the rules start from is the truth now: what the other side's state wanted of it is moot.
        this.writers[side].target = null;
        const event = eventForState(side, state);
        const context: TraceContext = { correlationId, eventType: event.type };
        const words = `${why}: applying the rules to the current ${SIDE_NAMES[side]} state again.`;
        this.trace.write(context, 'event-received', 'info', { side, event }, undefined, words);
        this.applyDecisions(event, context, side);
        this.notify();
    }

    private becomeReadyIfComplete(): void {
        if (this.ready || !this.rules || !this.writers.connect.ready || !this.writers.omni.ready) {
            return;
        }
        this.ready = true;
        this.checkAgreement('Start-up');
        for (let next = this.hold.next(); next && !this.disposed; next = this.hold.next()) {
            this.process(next.input, next.correlationId, next);
        }
    }

    // ----- what the writers report back -----

    private writeOutcome(): WriteOutcome {
        return {
            applied: (side, write) => {
                this.lastApplied = appliedRule(side, write, this.options.clock.now());
                if (this.lastError?.side === side) {
                    this.lastError = null;
                }
            },
            failed: (side, message) => {
                this.lastError = { message, at: this.options.clock.now(), side };
            },
            callFinished: () => {
                this.notify();
                if (!this.callsInFlight()) {
                    this.listeners.releaseIdle();
                }
            },
            disposed: () => this.disposed
        };
    }

    private eachWriter(f: (writer: SideWriter) => void): void {
        f(this.writers.connect);
        f(this.writers.omni);
    }

    private callsInFlight(): boolean {
        return this.writers.connect.inFlight !== null || this.writers.omni.inFlight !== null;
    }

    private notify(): void {
        if (!this.disposed) {
            this.listeners.notify(() => this.snapshot());
        }
    }
}

export function createSyncSession(options: SessionOptions): SyncSession {
    return new Session(options);
}
