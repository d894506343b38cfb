import { reportWords, takeReport } from '../stateReports';
import { TraceWriter } from '../traceWriter';
import { SideWriter } from '../writeScheduler';
import type { ConnectActivity } from 'c/presenceSyncEngine';

function writer(side: 'connect' | 'omni', known: string): SideWriter {
    const trace = new TraceWriter({ now: () => 0 }, { write: () => undefined }, 0, 't', () => null);
    const w = new SideWriter(
        side,
        {
            trace,
            clock: { now: () => 0 },
            gate: { blocked: () => undefined, beforeCall: () => undefined, onPause: () => undefined },
            contacts: { mode: () => ({ mode: 'write' }), contactStarted: () => undefined },
            call: () => Promise.resolve(),
            outcome: {
                applied: () => undefined,
                failed: () => undefined,
                callFinished: () => undefined,
                disposed: () => false
            }
        },
        5000
    );
    w.known = known;
    return w;
}

const idle: ConnectActivity = { onContact: false, availabilityState: 'Available', nextState: null };
const at = (before: string | null, now = 0, contactEnded = false, activity = idle) => ({
    before,
    contactEnded,
    activity,
    now
});

describe('state reports', () => {
    it('takes a report of the state the side had as a repeat, before any echo it could use up', () => {
        const w = writer('omni', 'Lunch');
        w.ledger.expect('Lunch', 'c1', false);
        expect(takeReport(w, 'Lunch', at('Lunch'))).toEqual({ kind: 'repeat' });
        expect(w.ledger.lastExpected()).toBe('Lunch');
    });

    it('knows its own write back as the echo, under the write’s correlation id', () => {
        const w = writer('omni', 'Available');
        w.ledger.expect('Lunch', 'c1', false);
        expect(takeReport(w, 'Lunch', at('Available'))).toEqual({ kind: 'echo', correlationId: 'c1' });
        expect(w.known).toBe('Lunch');
    });

    it('lets Connect’s return after a contact release a held decision without running rules', () => {
        const w = writer('connect', 'Busy');
        w.deferred = { value: 'Available2', correlationId: 'c7', ruleId: 'r', ruleName: 'R' };
        expect(takeReport(w, 'Available', at('Busy', 0, true))).toEqual({
            kind: 'return',
            correlationId: 'c7'
        });
    });

    it('takes anything else as a change: the side’s wish and refusal end, late echoes are forgotten', () => {
        const w = writer('omni', 'Available');
        const settled = w.ledger.expect('Break', 'c1', false);
        w.ledger.settle(settled, 0);
        w.target = { value: 'Break', correlationId: 'c1', ruleId: 'r', ruleName: 'R' };
        w.failed = 'refused';
        expect(takeReport(w, 'Lunch', at('Available', 6000))).toEqual({ kind: 'change' });
        expect([w.known, w.target, w.failed, w.ledger.lastExpected()]).toEqual([
            'Lunch',
            null,
            null,
            undefined
        ]);
    });

    it('forgets a queued Connect state once Connect showed it and no longer has it as its next state', () => {
        const w = writer('connect', 'Busy');
        w.ledger.expect('Lunch', 'c1', true);
        takeReport(w, 'Busy', at('Busy', 0, false, { ...idle, onContact: true, nextState: 'Lunch' }));
        expect(w.ledger.queuedValue()).toBe('Lunch');
        takeReport(w, 'Busy', at('Busy', 0, false, { ...idle, onContact: true, nextState: null }));
        expect(w.ledger.queuedValue()).toBeUndefined();
    });

    it('says in words why no rules run', () => {
        expect(reportWords('omni', 'Lunch', 'echo')).toBe(
            'Omni-Channel reports Lunch, the state this session set: no rules run on an echo.'
        );
        expect(reportWords('connect', 'Lunch', 'repeat')).toBe(
            'Amazon Connect reports Lunch again: nothing changed, no rules run.'
        );
    });
});
