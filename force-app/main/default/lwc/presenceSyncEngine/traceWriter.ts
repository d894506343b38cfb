import type { Clock, Side, TraceEntry, TraceLevel, TraceResult, TraceSink, TraceStep } from './sessionTypes';
import { TraceRing } from './traceRing';
import type { SourceEvent } from './vocabulary';

/** What the trace of one step carries besides its step: the external event it belongs to. */
export interface TraceContext {
    correlationId: string;
    eventType?: SourceEvent;
}

/**
 * The session's trace: numbers entries, stamps them with both sides' known states, keeps the
 * newest in a ring and hands each to the sink. A failing sink (a log shipper) never stops sync.
 */
export class TraceWriter {
    private readonly ring: TraceRing<TraceEntry>;
    private seq = 0;
    private correlations = 0;

    constructor(
        private readonly clock: Clock,
        private readonly sink: TraceSink,
        limit: number,
        private readonly idPrefix: string,
        private readonly knownState: (side: Side) => string | null
    ) {
        this.ring = new TraceRing<TraceEntry>(limit);
    }

    /** A fresh correlation id: `<idPrefix>-<n>`. */
    newCorrelationId(): string {
        this.correlations += 1;
        return `${this.idPrefix}-${this.correlations}`;
    }

    /**
     * Completes `fields` (a fresh object from the caller) into an entry and records it. Filling
     * the caller's object instead of copying it keeps the hot path free of extra garbage.
     */
    write(
        context: TraceContext,
        step: TraceStep,
        level: TraceLevel,
        fields: Partial<TraceEntry> = {},
        result?: TraceResult,
        message?: string
    ): void {
        const entry = fields as TraceEntry;
        entry.at = this.clock.now();
        entry.seq = ++this.seq;
        entry.correlationId = context.correlationId;
        entry.step = step;
        entry.level = level;
        const connectState = this.knownState('connect');
        const omniStatus = this.knownState('omni');
        if (connectState !== null) {
            entry.connectState = connectState;
        }
        if (omniStatus !== null) {
            entry.omniStatus = omniStatus;
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
        this.ring.push(entry);
        try {
            this.sink.write(entry);
        } catch {
            // A failing log shipper must not stop the sync.
        }
    }

    /** A step of the session's own (rules loaded, side ready, writer changed…) under its own correlation id. */
    control(step: TraceStep, message: string, fields: Partial<TraceEntry> = {}): void {
        this.write({ correlationId: this.newCorrelationId() }, step, 'info', fields, undefined, message);
    }

    entries(): TraceEntry[] {
        return this.ring.toArray();
    }
}
