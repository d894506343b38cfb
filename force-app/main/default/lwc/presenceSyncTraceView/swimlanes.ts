/**
 * Both sides' states over a range as swimlanes, and the intervals where a rule had asked one side
 * to follow and it had not (yet), with the cause when the trace says. Pure.
 */
import type { Destination, Side, TraceEntry } from 'c/presenceSyncEngine';
import {
    RESULT_LABELS,
    SIDE_LABELS,
    destinationSide,
    formatClock,
    formatDuration,
    otherSide
} from './traceWords';
import { sortEntries } from './timeline';

const STATE_EVENTS = new Set(['ConnectStateChange', 'SalesforceStateChange', 'SalesforceLogout']);

export interface TimeRange {
    from: number;
    to: number;
}

export interface LaneSegment {
    key: string;
    side: Side;
    state: string;
    from: number;
    to: number;
    durationMs: number;
    /** Position within the range, in percent (for drawing). */
    leftPct: number;
    widthPct: number;
    /** Text alternative, e.g. "Amazon Connect Lunch from 09:30:12 for 40 s". */
    label: string;
}

export interface OutOfSyncInterval {
    key: string;
    from: number;
    to: number;
    durationMs: number;
    /** True when the range ends before the sides agreed again. */
    ongoing: boolean;
    /** The side that should have changed, and to what. */
    expectedSide: Side;
    expectedValue: string;
    /** That side's state while it did not follow. */
    actualValue: string | null;
    /** The state of the side that led. */
    leadingValue: string | null;
    ruleName: string | null;
    correlationId: string;
    /** Why it did not follow (the platform's error, a skip or queue reason), when the trace says. */
    cause: string | null;
    leftPct: number;
    widthPct: number;
    label: string;
}

export interface Swimlanes {
    range: TimeRange;
    connect: LaneSegment[];
    omni: LaneSegment[];
    outOfSync: OutOfSyncInterval[];
}

export interface SwimlaneOptions {
    /**
     * Disagreements shorter than this are the normal round trip of a sync, not a problem worth
     * drawing. Default 1000 ms.
     */
    minOutOfSyncMs?: number;
}

function pct(value: number, range: TimeRange): number {
    const span = range.to - range.from;
    if (span <= 0) {
        return 0;
    }
    return Math.round(((value - range.from) / span) * 100000) / 1000;
}

interface OpenSegment {
    state: string;
    from: number;
}

interface Expectation {
    side: Side;
    value: string;
    since: number;
    ruleName: string | null;
    correlationId: string;
    actualValue: string | null;
    leadingValue: string | null;
    cause: string | null;
}

/** Position and width within the range, in percent (for drawing). */
function placement(from: number, end: number, range: TimeRange): { leftPct: number; widthPct: number } {
    return {
        leftPct: pct(from, range),
        widthPct: Math.round((pct(end, range) - pct(from, range)) * 1000) / 1000
    };
}

function outOfSyncLabel(e: Expectation, from: number, end: number, ongoing: boolean): string {
    const leader = otherSide(e.side);
    const duration = formatDuration(end - from);
    let label = `Out of sync from ${formatClock(from)} for ${duration}${ongoing ? ' (still at the end of the range)' : ''}: ${SIDE_LABELS[leader]} ${e.leadingValue ?? 'unknown'} while ${SIDE_LABELS[e.side]} stayed ${e.actualValue ?? 'unknown'}; expected ${SIDE_LABELS[e.side]} ${e.value}`;
    if (e.ruleName) {
        label += ` by rule "${e.ruleName}"`;
    }
    if (e.cause) {
        label += `. Cause: ${e.cause}`;
    }
    return label;
}

/** Why a decision's side may not follow, as the decision itself says (skipped, or held for a contact). */
function decisionCause(entry: TraceEntry): string | null {
    if (entry.result === 'skipped') {
        return entry.message ?? 'skipped';
    }
    return entry.result === 'queued' ? `queued until the contact ends (${entry.message ?? 'held'})` : null;
}

/** Reads the trace entry by entry, oldest first, drawing as it goes. */
class SwimlaneDrawing {
    readonly lanes: Record<Side, LaneSegment[]> = { connect: [], omni: [] };
    readonly outOfSync: OutOfSyncInterval[] = [];
    private readonly open: Record<Side, OpenSegment | null> = { connect: null, omni: null };
    private expectation: Expectation | null = null;

    constructor(
        private readonly range: TimeRange,
        private readonly minOutOfSyncMs: number
    ) {}

    read(entry: TraceEntry): void {
        const expectation = this.expectation;
        if (
            expectation &&
            entry.step === 'event-received' &&
            entry.eventType &&
            STATE_EVENTS.has(entry.eventType) &&
            entry.correlationId !== expectation.correlationId
        ) {
            // A newer state change starts a new story; the old request no longer applies.
            this.closeExpectation(entry.at, false);
        }
        this.followStates(entry);
        if (
            entry.step === 'decision' &&
            entry.destination &&
            entry.value !== undefined &&
            entry.result !== 'suppressed'
        ) {
            this.expect(entry, entry.destination, entry.value);
        } else {
            this.noteCause(entry);
        }
        if (this.expectation && this.current(this.expectation.side) === this.expectation.value) {
            this.closeExpectation(entry.at, false);
        }
    }

    /** Closes what is still open at the end of the range. */
    finish(): void {
        this.closeSegment('connect', this.range.to);
        this.closeSegment('omni', this.range.to);
        if (this.expectation) {
            this.closeExpectation(this.range.to, true);
        }
    }

    private current(side: Side): string | null {
        return this.open[side]?.state ?? null;
    }

    private clip(from: number, to: number): [number, number] | null {
        const start = Math.max(from, this.range.from);
        const end = Math.min(to, this.range.to);
        return end > start ? [start, end] : null;
    }

    /** Every entry carries both sides' known states: a new one ends the side's segment. */
    private followStates(entry: TraceEntry): void {
        const states: Record<Side, string | undefined> = {
            connect: entry.connectState,
            omni: entry.omniStatus
        };
        for (const side of ['connect', 'omni'] as const) {
            const state = states[side];
            if (state !== undefined && state !== this.current(side)) {
                this.closeSegment(side, entry.at);
                this.open[side] = { state, from: entry.at };
            }
        }
    }

    /** A decision asks `destination` to become `value`: out of sync until it does. */
    private expect(decision: TraceEntry, destination: Destination, value: string): void {
        const side = destinationSide(destination);
        if (this.expectation) {
            this.closeExpectation(decision.at, false);
        }
        this.expectation = {
            side,
            value,
            since: decision.at,
            ruleName: decision.ruleName ?? null,
            correlationId: decision.correlationId,
            actualValue: this.current(side),
            leadingValue: this.current(otherSide(side)),
            cause: decisionCause(decision)
        };
    }

    /** A later step of the expectation's sync that says why its side did not follow. */
    private noteCause(entry: TraceEntry): void {
        const expectation = this.expectation;
        if (
            expectation &&
            entry.correlationId === expectation.correlationId &&
            (entry.result === 'failure' || entry.result === 'queued' || entry.result === 'skipped') &&
            entry.step !== 'decision'
        ) {
            const cause = entry.message ?? RESULT_LABELS[entry.result];
            expectation.cause =
                entry.result === 'queued' ? `queued until the contact ends (${cause})` : cause;
        }
    }

    private closeSegment(side: Side, to: number): void {
        const segment = this.open[side];
        this.open[side] = null;
        const clipped = segment && this.clip(segment.from, to);
        if (!segment || !clipped) {
            return;
        }
        const [from, end] = clipped;
        const lane = this.lanes[side];
        lane.push({
            key: `${side}-${from}-${lane.length}`,
            side,
            state: segment.state,
            from,
            to: end,
            durationMs: end - from,
            ...placement(from, end, this.range),
            label: `${SIDE_LABELS[side]} ${segment.state} from ${formatClock(from)} for ${formatDuration(end - from)}`
        });
    }

    private closeExpectation(to: number, ongoing: boolean): void {
        const e = this.expectation;
        this.expectation = null;
        const clipped = e && this.clip(e.since, to);
        if (!e || !clipped || clipped[1] - clipped[0] < this.minOutOfSyncMs) {
            return;
        }
        const [from, end] = clipped;
        this.outOfSync.push({
            key: `oos-${from}-${this.outOfSync.length}`,
            from,
            to: end,
            durationMs: end - from,
            ongoing,
            expectedSide: e.side,
            expectedValue: e.value,
            actualValue: e.actualValue,
            leadingValue: e.leadingValue,
            ruleName: e.ruleName,
            correlationId: e.correlationId,
            cause: e.cause,
            ...placement(from, end, this.range),
            label: outOfSyncLabel(e, from, end, ongoing)
        });
    }
}

/**
 * Both sides' states over the range, and the intervals where a rule had asked one side to follow
 * and it had not (yet). Every entry carries both sides' known states, so the lanes come from the
 * trace alone; the expectation a decision sets ends when the side reaches the value, or when a
 * newer state change makes it moot.
 */
export function buildSwimlanes(
    entries: readonly TraceEntry[],
    range: TimeRange,
    options: SwimlaneOptions = {}
): Swimlanes {
    const drawing = new SwimlaneDrawing(range, options.minOutOfSyncMs ?? 1000);
    for (const entry of sortEntries(entries)) {
        if (entry.at > range.to) {
            break;
        }
        drawing.read(entry);
    }
    drawing.finish();
    return { range, connect: drawing.lanes.connect, omni: drawing.lanes.omni, outOfSync: drawing.outOfSync };
}
