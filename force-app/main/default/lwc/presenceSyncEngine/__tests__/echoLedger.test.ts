import { EchoLedger } from '../echoLedger';

describe('echo ledger', () => {
    it('recognises the state it expects and retires older expectations with it', () => {
        const ledger = new EchoLedger(5000);
        ledger.expect('Lunch', 'c1', false);
        ledger.expect('Available', 'c2', false);
        expect(ledger.take('Available')?.correlationId).toBe('c2');
        expect(ledger.take('Lunch')).toBeUndefined();
        expect(ledger.lastExpected()).toBeUndefined();
    });

    it('forgets a settled write whose echo is later than the timeout, and keeps one still in flight', () => {
        const ledger = new EchoLedger(5000);
        const settled = ledger.expect('Lunch', 'c1', false);
        ledger.settle(settled, 1000);
        ledger.expect('Break', 'c2', false);
        ledger.forget(5999, () => false);
        expect(ledger.lastExpected()).toBe('Break');
        ledger.forget(6001, () => false);
        expect(ledger.take('Lunch')).toBeUndefined();
        expect(ledger.take('Break')?.correlationId).toBe('c2');
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
        expect(ledger.take('Offline')?.correlationId).toBe('c1');
        ledger.settle(ledger.expect('Lunch', 'c2', true), 1000);
        ledger.forget(6001, () => false);
        expect(ledger.take('Lunch')).toBeUndefined();
    });

    it('drops a failed write at once', () => {
        const ledger = new EchoLedger(5000);
        const failed = ledger.expect('Lunch', 'c1', false);
        ledger.drop(failed);
        expect(ledger.take('Lunch')).toBeUndefined();
    });
});
