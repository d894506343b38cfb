import { readInput } from './sessionInputs';
import type { ReadInput } from './sessionInputs';
import type { TraceWriter } from './traceWriter';
import type { SessionInput, Side } from './sessionTypes';

/** An input held until the session is ready. */
export interface HeldInput {
    input: SessionInput;
    correlationId: string;
    /**
     * The state its side had last reported when it arrived (null: none yet). A held report is a
     * repeat only of that: the state a side gives when it becomes ready may already include it.
     */
    before: string | null;
}

/**
 * Keeps platform inputs in order until the rules and both sides are ready. The newest inputs
 * describe the current state, so beyond the limit the oldest give way.
 */
export class StartupHold {
    private readonly held: HeldInput[] = [];
    /** Each side's latest reported state before readiness: what a newly held report is compared with. */
    private readonly reported: Record<Side, string | null> = { connect: null, omni: null };

    constructor(private readonly limit: number) {}

    /** Holds an input and traces it (and the oldest input it pushes out, if any). */
    holdAndTrace(input: SessionInput, correlationId: string, trace: TraceWriter): void {
        const read = readInput(input);
        const dropped = this.hold(input, read, correlationId);
        trace.write(
            { correlationId, eventType: read?.event.type },
            'event-queued',
            'info',
            read ? { side: read.side, event: read.event } : {},
            undefined,
            'Held until the rules and both platforms are ready.'
        );
        if (dropped) {
            // The newest events describe the current state; the oldest give way.
            trace.write(
                { correlationId: dropped.correlationId },
                'event-queued',
                'warn',
                {},
                'skipped',
                `Dropped: more than ${this.limit} events waited for the session to become ready.`
            );
        }
    }

    /** Holds an input; returns the one dropped to stay within the limit, if any. */
    hold(input: SessionInput, read: ReadInput | undefined, correlationId: string): HeldInput | undefined {
        const before = read ? this.reported[read.side] : null;
        if (read?.state !== undefined) {
            this.reported[read.side] = read.state;
        }
        this.held.push({ input, correlationId, before });
        return this.held.length > this.limit ? this.held.shift() : undefined;
    }

    /** A side became ready in this state: later held reports compare with it. */
    sideReady(side: Side, state: string | null): void {
        this.reported[side] = state;
    }

    /** The next held input, oldest first. */
    next(): HeldInput | undefined {
        return this.held.shift();
    }

    clear(): void {
        this.held.length = 0;
    }
}
