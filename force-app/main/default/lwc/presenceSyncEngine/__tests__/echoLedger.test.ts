import { EchoLedger } from '../echoLedger';

describe('echo ledger', () => {
    it('recognises the state it expects and keeps older writes expected: the report may be the agent’s, not ours', () => {
        const ledger = new EchoLedger(5000);
        ledger.expect('Lunch', 'c1', false);
        ledger.expect('Available', 'c2', false);
        expect(ledger.take('Available', 0)?.correlationId).toBe('c2');
        expect(ledger.take('Lunch', 0)?.correlationId).toBe('c1');
        expect(ledger.lastExpected()).toBeUndefined();
    });

    it('does not take a report for a write whose echo is later than the timeout: that is someone’s change', () => {
        const ledger = new EchoLedger(5000);
        ledger.settle(ledger.expect('Lunch', 'c1', false), 1000);
        ledger.settle(ledger.expect('Break', 'c2', true), 1000);
        expect(ledger.take('Lunch', 6001)).toBeUndefined();
        // A queued state comes when the contact ends, however long it lasts.
        expect(ledger.take('Break', 60_000)?.correlationId).toBe('c2');
    });

    it('forgets a settled write whose echo is later than the timeout, and keeps one still in flight', () => {
        const ledger = new EchoLedger(5000);
        const settled = ledger.expect('Lunch', 'c1', false);
        ledger.settle(settled, 1000);
        ledger.expect('Break', 'c2', false);
        ledger.forget(5999, () => false);
        expect(ledger.lastExpected()).toBe('Break');
        ledger.forget(6001, () => false);
        expect(ledger.take('Lunch', 6001)).toBeUndefined();
        expect(ledger.take('Break', 6001)?.correlationId).toBe('c2');
    });

    it('keeps one queued next state, while Connect still has it queued', () => {
        const ledger = new EchoLedger(0);
        ledger.expect('Lunch', 'c1', true);
        ledger.expect('Offline', 'c2', true);
        expect(ledger.queuedValue()).toBe('Offline');
        ledger.forget(10_000, (value) => value === 'Offline');
        expect(ledger.queuedValue()).toBe('Offline');
        ledger.nextStateShown('Offline');
        ledger.nextStateShown(null);
        expect(ledger.queuedValue()).toBeUndefined();
    });

    it('keeps a queued state Connect has not shown yet: a snapshot taken before it was accepted may come first', () => {
        const ledger = new EchoLedger(5000);
        ledger.settle(ledger.expect('Offline', 'c1', true), 1000);
        ledger.nextStateShown(null);
        ledger.nextStateShown('Break');
        expect(ledger.queuedValue()).toBe('Offline');
    });

    it('expects a queued state like any write when Connect applied it at once (the contact had just ended)', () => {
        const ledger = new EchoLedger(5000);
        ledger.settle(ledger.expect('Offline', 'c1', true), 1000);
        ledger.forget(2000, () => false);
        expect(ledger.take('Offline', 2000)?.correlationId).toBe('c1');
        ledger.settle(ledger.expect('Lunch', 'c2', true), 1000);
        ledger.forget(6001, () => false);
        expect(ledger.take('Lunch', 6001)).toBeUndefined();
    });

    it('drops a queued state Connect showed when a new one replaces it, and expects one it never showed like any write', () => {
        const ledger = new EchoLedger(5000);
        ledger.settle(ledger.expect('Lunch', 'c1', true), 1000);
        ledger.nextStateShown('Lunch');
        ledger.settle(ledger.expect('Offline', 'c2', true), 1000);
        ledger.settle(ledger.expect('Break', 'c3', true), 1000);
        expect(ledger.queuedValue()).toBe('Break');
        // Offline may have been applied at once (the contact had ended): its report is still ours.
        expect(ledger.take('Offline', 1000)?.correlationId).toBe('c2');
        expect(ledger.take('Lunch', 1000)).toBeUndefined();
        ledger.settle(ledger.expect('Offline', 'c4', true), 2000);
        ledger.settle(ledger.expect('Lunch', 'c5', true), 2000);
        ledger.forget(7001, () => true);
        expect(ledger.take('Offline', 7001)).toBeUndefined();
        expect(ledger.queuedValue()).toBe('Lunch');
    });

    it('drops a failed write at once', () => {
        const ledger = new EchoLedger(5000);
        const failed = ledger.expect('Lunch', 'c1', false);
        ledger.drop(failed);
        expect(ledger.take('Lunch', 0)).toBeUndefined();
    });
});
