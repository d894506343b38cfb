/** A state the session wrote and whose echo (the platform reporting it back) has not arrived yet. */
export interface Expectation {
    value: string;
    correlationId: string;
    /** The call resolved (so the echo is due), and when. */
    settled: boolean;
    settledAt: number;
    /** Connect was asked to queue it as the next state: the echo comes when the contact ends. */
    queued: boolean;
    /** Queued, and a snapshot of Connect's has shown it as the next state since. */
    shown: boolean;
}

/**
 * One side's expected echoes. The session recognises its own writes by these expectations alone:
 * a report of a state it wrote is its echo; anything else, whoever made it (the agent, a flow,
 * another integration using the same toolkit), is a change that runs the rules.
 */
export class EchoLedger {
    private expectations: Expectation[] = [];

    constructor(private readonly echoTimeoutMs: number) {}

    /** A write is about to be sent. */
    expect(value: string, correlationId: string, queued: boolean): Expectation {
        const expectation: Expectation = {
            value,
            correlationId,
            settled: false,
            settledAt: 0,
            queued,
            shown: false
        };
        if (queued) {
            this.keepOnlyQueued(expectation);
        }
        this.expectations.push(expectation);
        return expectation;
    }

    /** The call resolved: the echo is due from now on. */
    settle(expectation: Expectation, at: number): void {
        expectation.settled = true;
        expectation.settledAt = at;
    }

    /** The call failed: no echo will come. */
    drop(expectation: Expectation): void {
        this.expectations = this.expectations.filter((e) => e !== expectation);
    }

    /**
     * Matches a reported state against the writes: a match is the session's own echo. Older
     * writes stay expected: the report may be someone else's change to the state a later write
     * also set (the agent chose it first), and then their echoes are still on their way. So that
     * a write whose echo was lost cannot pass someone's later change off as ours, a write that is
     * not queued is expected only while its call is on its way and for echoTimeoutMs after.
     */
    take(state: string, now: number): Expectation | undefined {
        this.expectations = this.expectations.filter((e) => e.queued || !this.lost(e, now));
        const index = this.expectations.findIndex((e) => e.value === state);
        if (index < 0) {
            return undefined;
        }
        return this.expectations.splice(index, 1)[0];
    }

    /**
     * Someone else moved the side on. An echo can still arrive behind that change (the write was
     * applied after it), so a write stays expected while its call is on its way and for
     * echoTimeoutMs after it resolved; after that its echo is taken as lost. A queued Connect
     * state also stays expected while the contact lasts and Connect still lists it as the next
     * state. (Connect applies a state it was asked to queue at once when the contact has just
     * ended: its echo is then an ordinary one.)
     */
    forget(now: number, queuedStillPending: (value: string) => boolean): void {
        if (this.expectations.length === 0) {
            return;
        }
        this.expectations = this.expectations.filter(
            (e) => (e.queued && queuedStillPending(e.value)) || !this.lost(e, now)
        );
    }

    /**
     * A snapshot of Connect's shows its next state. A queued write it showed before and no
     * longer shows was dropped or replaced (by the agent, or applied as the contact ended): its
     * echo will not come. One not shown yet stays: snapshots taken before Connect accepted it
     * can still arrive after its call resolved.
     */
    nextStateShown(nextState: string | null): void {
        for (const e of this.expectations) {
            if (e.queued && e.value === nextState) {
                e.shown = true;
            }
        }
        this.expectations = this.expectations.filter((e) => !e.queued || !e.shown || e.value === nextState);
    }

    /** The state the session asked Connect to queue as the next one and whose arrival is still expected. */
    queuedValue(): string | undefined {
        return this.expectations.find((e) => e.queued)?.value;
    }

    /** The state the side reaches once every write the session made has arrived, if any. */
    lastExpected(): string | undefined {
        return this.expectations[this.expectations.length - 1]?.value;
    }

    /** The call resolved more than echoTimeoutMs ago: its echo, unless queued, is not coming. */
    private lost(e: Expectation, now: number): boolean {
        return e.settled && e.settledAt <= now - this.echoTimeoutMs;
    }

    /**
     * Connect keeps one next state: a new one replaces an old one it showed, whose report never
     * comes. An old one it never showed may instead have been applied at once, the contact having
     * ended when the call arrived: it stays expected like any write, until the echo timeout.
     */
    private keepOnlyQueued(expectation: Expectation): void {
        this.expectations = this.expectations.filter((e) => !e.queued || !e.shown || e === expectation);
        for (const e of this.expectations) {
            e.queued = e === expectation;
        }
    }
}
