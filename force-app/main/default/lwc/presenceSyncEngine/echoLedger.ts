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
     * Matches a reported state against the writes. A match is the session's own echo; it also
     * retires older expectations, since the platform reports changes in order.
     */
    take(state: string): Expectation | undefined {
        const index = this.expectations.findIndex((e) => e.value === state);
        if (index < 0) {
            return undefined;
        }
        const match = this.expectations[index];
        this.expectations.splice(0, index + 1);
        return match;
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
        const lostBefore = now - this.echoTimeoutMs;
        this.expectations = this.expectations.filter((e) => {
            return (e.queued && queuedStillPending(e.value)) || !e.settled || e.settledAt > lostBefore;
        });
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

    /** Connect keeps one next state: a new one replaces the old, whose report never comes. */
    private keepOnlyQueued(expectation: Expectation): void {
        this.expectations = this.expectations.filter((e) => !e.queued || e === expectation);
    }
}
