import type { ConnectActivity, Side, SyncStatus } from './sessionTypes';

const SHORT_NAMES: Record<Side, string> = { connect: 'Connect', omni: 'Omni' };

/** One side as the verdict sees it. */
export interface VerdictSide {
    known: string | null;
    /** A call in flight or waiting. */
    busy: boolean;
    /** The value of the latest decision for the side since it last changed by itself, if any. */
    target: string | null;
    /** The platform refused the last call for the side. */
    failed: boolean;
    /** The target will be reached when the contact ends (queued in Connect, or held by the session). */
    afterContact: boolean;
}

export interface VerdictInput {
    ready: boolean;
    paused: boolean;
    writer: boolean;
    connect: VerdictSide;
    omni: VerdictSide;
    /** The last state change (or the start-up state) that no rule covers for the other side. */
    uncovered: { side: Side; state: string } | null;
}

export interface Verdict {
    status: SyncStatus;
    text: string;
}

function unmet(side: VerdictSide): boolean {
    return side.target !== null && side.known !== side.target;
}

/**
 * What the agent is told. *In sync* only when both sides are what the active rules want and
 * nothing is in flight, held, refused or uncovered; otherwise the words name what is going on.
 */
export function syncVerdict(input: VerdictInput): Verdict {
    const sides: Side[] = ['connect', 'omni'];
    if (!input.ready) {
        return { status: 'not-ready', text: 'Starting' };
    }
    if (input.paused) {
        const differ = sides.some((s) => unmet(input[s]));
        return { status: 'paused', text: differ ? 'Paused: sides differ' : 'Paused' };
    }
    if (!input.writer) {
        return { status: 'read-only', text: 'Watching (another tab syncs)' };
    }
    if (sides.some((s) => input[s].busy)) {
        return { status: 'syncing', text: 'Syncing' };
    }
    const refused = sides.find((s) => input[s].failed);
    if (refused) {
        const what = input[refused].target ?? 'the change';
        return { status: 'out-of-sync', text: `Out of sync: ${SHORT_NAMES[refused]} refused ${what}` };
    }
    const waiting = sides.find((s) => input[s].afterContact && unmet(input[s]));
    if (waiting) {
        return {
            status: 'pending',
            text: `Waiting for the contact to end: ${SHORT_NAMES[waiting]} will be ${input[waiting].target}`
        };
    }
    const differs = sides.find((s) => unmet(input[s]));
    if (differs) {
        return {
            status: 'out-of-sync',
            text: `Out of sync: rules want ${SHORT_NAMES[differs]} ${input[differs].target}`
        };
    }
    if (input.uncovered) {
        return { status: 'no-rule', text: `No rule for ${input.uncovered.state}` };
    }
    return { status: 'in-sync', text: 'In sync' };
}

/** The parts of a side's writer the verdict reads. */
export interface VerdictSource {
    side: Side;
    known: string | null;
    inFlight: unknown;
    waiting: unknown;
    deferred: unknown;
    failed: string | null;
    target: { value: string } | null;
}

/**
 * One side for the verdict. A Connect wish is reached after the contact when the session holds
 * it, or when Connect will be there anyway (its next state, else its availability state).
 */
export function verdictSide(writer: VerdictSource, activity: ConnectActivity): VerdictSide {
    const target = writer.target?.value ?? null;
    const afterContact =
        writer.side === 'connect' &&
        activity.onContact &&
        (writer.deferred !== null ||
            (target !== null && (activity.nextState ?? activity.availabilityState) === target));
    return {
        known: writer.known,
        busy: writer.inFlight !== null || writer.waiting !== null,
        target,
        failed: writer.failed !== null,
        afterContact
    };
}
