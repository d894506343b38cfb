import type { ConnectMode } from './contactPolicy';
import { EchoLedger } from './echoLedger';
import type { Expectation } from './echoLedger';
import type { AppliedRule, Side, TraceEntry, TraceResult } from './sessionTypes';
import type { TraceContext, TraceWriter } from './traceWriter';
import type { Decision } from './types';
import type { SourceEvent } from './vocabulary';

export const SIDE_NAMES: Record<Side, string> = { connect: 'Amazon Connect', omni: 'Omni-Channel' };

/** A write the session wants to make to one side: a rule's decision. */
export interface Write {
    value: string;
    correlationId: string;
    eventType?: SourceEvent;
    ruleId: string;
    ruleName: string;
}

/** A rule's decision as a write, named after its rule. */
export function writeFor(decision: Decision, ruleName: string | undefined, context: TraceContext): Write {
    return {
        value: decision.value,
        ruleId: decision.ruleId,
        ruleName: ruleName ?? decision.ruleId,
        correlationId: context.correlationId,
        eventType: context.eventType
    };
}

/** A write as "last decision" / "last rule applied" show it. */
export function appliedRule(side: Side, write: Write, at: number): AppliedRule {
    return {
        ruleId: write.ruleId,
        ruleName: write.ruleName,
        destination: destinationOf(side),
        value: write.value,
        at
    };
}

/** What a side's writer needs from the session around it. */
export interface WriteHost {
    trace: TraceWriter;
    now(): number;
    /** Why no decision may be carried out now (a watching tab, a pause), undefined when it may. */
    blocked(): string | undefined;
    /** The last word right before a call (flapping guard, writer lease): why not, or undefined. */
    gate(write: Write, context: TraceContext): string | undefined;
    /** How a Connect decision is carried out during or outside a contact. */
    connectMode(write: Write): ConnectMode;
    send(side: Side, value: string, enqueue: boolean): Promise<void>;
    applied(side: Side, write: Write): void;
    failed(side: Side, message: string): void;
    /** Connect refused a plain change because a contact had started. */
    contactStarted(): void;
    /** A call finished (listeners, idle waiters). */
    callFinished(): void;
    disposed(): boolean;
}

/** The platform's own words from whatever a port rejected with. */
export function errorText(error: unknown): string {
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

function destinationOf(side: Side): Decision['destination'] {
    return side === 'connect' ? 'ConnectAgentState' : 'SalesforceAgentState';
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
        private readonly host: WriteHost,
        echoTimeoutMs: number
    ) {
        this.ledger = new EchoLedger(echoTimeoutMs);
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
        const blocked = this.host.blocked();
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
        const mode: ConnectMode = this.side === 'connect' ? this.host.connectMode(write) : { mode: 'write' };
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
        this.host.trace.write(this.context(write), 'decision', 'info', this.fields(write), result, message);
    }

    private skip(write: Write, message: string): void {
        this.decision(write, message, 'skipped');
    }

    /** `queueReason`: Connect is asked to queue the state as the next one, and why. */
    private issue(write: Write, queueReason: string | undefined): void {
        const context = this.context(write);
        const gate = this.host.gate(write, context);
        if (gate) {
            this.skip(write, gate);
            return;
        }
        const enqueue = queueReason !== undefined;
        const expectation = this.ledger.expect(write.value, write.correlationId, enqueue);
        this.inFlight = write;
        const startedAt = this.host.now();
        this.host.trace.write(context, 'call-issued', 'info', this.fields(write), undefined, queueReason);
        let call: Promise<void>;
        try {
            call = this.host.send(this.side, write.value, enqueue);
        } catch (error) {
            call = Promise.reject(error);
        }
        Promise.resolve(call).then(
            () => this.finish(write, expectation, startedAt, undefined),
            (error: unknown) => this.finish(write, expectation, startedAt, error ?? new Error(''))
        );
    }

    private finish(write: Write, expectation: Expectation, startedAt: number, error: unknown): void {
        if (this.host.disposed()) {
            return;
        }
        this.inFlight = null;
        const context = this.context(write);
        const fields = this.fields(write, this.host.now() - startedAt);
        let retry: Write | null = null;
        if (error === undefined) {
            this.ledger.settle(expectation, this.host.now());
            this.failed = null;
            this.host.applied(this.side, write);
            if (expectation.queued) {
                const words = `Connect will change to ${write.value} when the contact ends.`;
                this.host.trace.write(context, 'call-result', 'info', fields, 'queued', words);
            } else {
                this.host.trace.write(context, 'call-result', 'info', fields, 'success');
            }
        } else if (this.side === 'connect' && !expectation.queued && contactStarted(error)) {
            this.ledger.drop(expectation);
            this.host.contactStarted();
            const words = `Connect refused a plain change because a contact has started: ${errorText(error)}`;
            this.host.trace.write(context, 'call-result', 'info', fields, 'skipped', words);
            retry = write;
        } else {
            // No retry: the platform said no, and asking again would only repeat the refusal.
            this.ledger.drop(expectation);
            const message = errorText(error);
            this.failed = message;
            this.host.failed(this.side, message);
            this.host.trace.write(context, 'call-result', 'error', fields, 'failure', message);
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
        this.host.callFinished();
    }
}

function contactStarted(error: unknown): boolean {
    return (
        typeof error === 'object' &&
        error !== null &&
        (error as { contactStarted?: unknown }).contactStarted === true
    );
}
