import type { ConnectMode, ContactTracker } from './contactPolicy';
import { EchoLedger } from './echoLedger';
import type { Expectation } from './echoLedger';
import type { Clock, ConnectPort, OmniPort, Side, TraceEntry, TraceResult } from './sessionTypes';
import { destinationOf, errorText, isContactStarted, SIDE_NAMES } from './sessionWrites';
import type { Write } from './sessionWrites';
import type { TraceContext, TraceWriter } from './traceWriter';
import type { WriteGate } from './writeGate';

/** One side's platform call, as its writer makes it. */
export type SideCall = (value: string, enqueue: boolean) => Promise<void>;

/** The session's two ports as the writers call them: straight to the platform, nothing between. */
export function sideCalls(connect: ConnectPort, omni: OmniPort): Record<Side, SideCall> {
    return {
        connect: (value, enqueue) => connect.setState(value, { enqueueNextState: enqueue }),
        omni: (value) => omni.setStatus(value)
    };
}

/** What the session hears of a side's calls. */
export interface WriteOutcome {
    applied(side: Side, write: Write): void;
    failed(side: Side, message: string): void;
    /** A call finished (listeners, idle waiters). */
    callFinished(): void;
    disposed(): boolean;
}

/** The parts a side's writer works with. */
export interface WriteParts {
    trace: TraceWriter;
    clock: Clock;
    /** Whether this tab may write now (writer role, lease, flapping guard). */
    gate: Pick<WriteGate, 'blocked' | 'beforeCall' | 'onPause'>;
    /** Connect's contacts: how a Connect decision is carried out now. */
    contacts: Pick<ContactTracker, 'mode' | 'contactStarted'>;
    call: SideCall;
    outcome: WriteOutcome;
}

/**
 * One side's writes: serial (one call in flight), latest wins (only the newest wanted state
 * waits), never the same state twice, and for Connect, decisions held until a contact ends.
 * Also remembers the side's known state, its expected echoes and the last decision for it.
 */
export class SideWriter {
    known: string | null = null;
    ready = false;
    inFlight: Write | null = null;
    waiting: Write | null = null;
    /** A Connect decision held until the contact ends. */
    deferred: Write | null = null;
    /** The platform's words for the last refused call, until a later decision for the side lands. */
    failed: string | null = null;
    /** The latest decision for this side since it last changed by itself. */
    target: Write | null = null;
    readonly ledger: EchoLedger;

    constructor(
        readonly side: Side,
        private readonly parts: WriteParts,
        echoTimeoutMs: number
    ) {
        this.ledger = new EchoLedger(echoTimeoutMs);
        parts.gate.onPause(() => this.dropPending('Sync was paused before it was sent.'));
    }

    /** The state the side ends up in once everything the session asked for has happened. */
    intended(): string | null {
        return this.waiting?.value ?? this.deferred?.value ?? this.ledger.lastExpected() ?? this.known;
    }

    /**
     * Sends a wanted write now, lets it wait behind the call in flight, holds it until the
     * contact ends, or skips it with the reason. `traced`: its decision entry was written already.
     */
    want(write: Write, traced: boolean): void {
        this.target = write;
        if (this.inFlight && this.waiting && this.inFlight.value === write.value) {
            this.replace('waiting', `Superseded by a newer decision (${write.value}) before it was sent.`);
        }
        const blocked = this.parts.gate.blocked();
        if (blocked) {
            this.skip(write, blocked);
            return;
        }
        if (this.intended() === write.value) {
            this.failed = null;
            this.skip(
                write,
                this.known === write.value
                    ? `${SIDE_NAMES[this.side]} is already ${write.value}.`
                    : `${SIDE_NAMES[this.side]} is already being set to ${write.value}.`
            );
            return;
        }
        const mode: ConnectMode =
            this.side === 'connect'
                ? this.parts.contacts.mode(write.value, this.ledger.queuedValue())
                : { mode: 'write' };
        if (mode.mode === 'skip') {
            // Connect ends up where this newer decision wants it: what waited for later is moot.
            this.dropPending(`Superseded by a newer decision (${write.value}).`);
            this.skip(write, mode.reason);
            return;
        }
        if (mode.mode === 'defer') {
            this.replace('waiting', `Superseded by a newer decision (${write.value}) before it was sent.`);
            this.replace('deferred', `Superseded by a newer decision (${write.value}).`);
            this.deferred = write;
            this.decision(write, mode.reason, 'queued');
            return;
        }
        this.replace('deferred', `Superseded by a newer decision (${write.value}).`);
        if (this.inFlight) {
            this.replace('waiting', `Superseded by a newer decision (${write.value}) before it was sent.`);
            this.waiting = write;
            this.decision(
                write,
                `Waiting for the call in flight to ${SIDE_NAMES[this.side]} (${this.inFlight.value}) to finish.`
            );
            return;
        }
        if (!traced) {
            this.decision(write);
        }
        this.issue(write, mode.mode === 'queue' ? mode.reason : undefined);
    }

    /** The contact ended: a held Connect decision is carried out now (if still needed). */
    releaseDeferred(): void {
        const held = this.deferred;
        this.deferred = null;
        if (held) {
            this.want(held, true);
        }
    }

    /** Drops what waits (waiting or held) with the reason: paused, or no longer the writer. */
    dropPending(reason: string): void {
        this.replace('waiting', reason);
        this.replace('deferred', reason);
    }

    private replace(slot: 'waiting' | 'deferred', reason: string): void {
        const old = this[slot];
        if (old) {
            this[slot] = null;
            this.skip(old, reason);
        }
    }

    private context(write: Write): TraceContext {
        return { correlationId: write.correlationId, eventType: write.eventType };
    }

    /**
     * A fresh object for the trace writer to complete. Built as one literal, never spread: the
     * writer adds a dozen properties to it, and a spread copy would turn that into slow
     * dictionary-mode work on the hot path (5x fewer events per second).
     */
    private fields(write: Write, latencyMs?: number): Partial<TraceEntry> {
        const fields: Partial<TraceEntry> = {
            side: this.side,
            ruleId: write.ruleId,
            ruleName: write.ruleName,
            destination: destinationOf(this.side),
            value: write.value
        };
        if (latencyMs !== undefined) {
            fields.latencyMs = latencyMs;
        }
        return fields;
    }

    private decision(write: Write, message?: string, result?: TraceResult): void {
        this.parts.trace.write(this.context(write), 'decision', 'info', this.fields(write), result, message);
    }

    private skip(write: Write, message: string): void {
        this.decision(write, message, 'skipped');
    }

    /** `queueReason`: Connect is asked to queue the state as the next one, and why. */
    private issue(write: Write, queueReason: string | undefined): void {
        const context = this.context(write);
        const refusal = this.parts.gate.beforeCall(this.parts.clock.now(), context);
        if (refusal) {
            this.skip(write, refusal);
            return;
        }
        const enqueue = queueReason !== undefined;
        const expectation = this.ledger.expect(write.value, write.correlationId, enqueue);
        this.inFlight = write;
        const startedAt = this.parts.clock.now();
        this.parts.trace.write(context, 'call-issued', 'info', this.fields(write), undefined, queueReason);
        let call: Promise<void>;
        try {
            call = this.parts.call(write.value, enqueue);
        } catch (error) {
            call = Promise.reject(error);
        }
        Promise.resolve(call).then(
            () => this.finish(write, expectation, startedAt, undefined),
            (error: unknown) => this.finish(write, expectation, startedAt, error ?? new Error(''))
        );
    }

    private finish(write: Write, expectation: Expectation, startedAt: number, error: unknown): void {
        if (this.parts.outcome.disposed()) {
            return;
        }
        this.inFlight = null;
        const context = this.context(write);
        const fields = this.fields(write, this.parts.clock.now() - startedAt);
        let retry: Write | null = null;
        if (error === undefined) {
            this.ledger.settle(expectation, this.parts.clock.now());
            this.failed = null;
            this.parts.outcome.applied(this.side, write);
            if (expectation.queued) {
                const words = `Connect will change to ${write.value} when the contact ends.`;
                this.parts.trace.write(context, 'call-result', 'info', fields, 'queued', words);
            } else {
                this.parts.trace.write(context, 'call-result', 'info', fields, 'success');
            }
        } else if (this.side === 'connect' && !expectation.queued && isContactStarted(error)) {
            this.ledger.drop(expectation);
            this.parts.contacts.contactStarted();
            const words = `Connect refused a plain change because a contact has started: ${errorText(error)}`;
            this.parts.trace.write(context, 'call-result', 'info', fields, 'skipped', words);
            retry = write;
        } else {
            // No retry: the platform said no, and asking again would only repeat the refusal.
            this.ledger.drop(expectation);
            const message = errorText(error);
            this.failed = message;
            this.parts.outcome.failed(this.side, message);
            this.parts.trace.write(context, 'call-result', 'error', fields, 'failure', message);
        }
        if (retry && this.waiting) {
            this.skip(
                retry,
                `Superseded by a newer decision (${this.waiting.value}) before it was asked again.`
            );
        }
        const next = this.waiting ?? retry;
        this.waiting = null;
        if (next) {
            this.want(next, true);
        }
        this.parts.outcome.callFinished();
    }
}
