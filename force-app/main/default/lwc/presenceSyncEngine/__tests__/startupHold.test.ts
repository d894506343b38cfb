import { StartupHold } from '../startupHold';
import { readInput } from '../sessionInputs';
import type { SessionInput } from 'c/presenceSyncEngine';

const change = (newState: string): SessionInput => ({ kind: 'connect-state', oldState: 'x', newState });

describe('start-up hold', () => {
    it('keeps inputs in order with the state their side had reported before each', () => {
        const hold = new StartupHold(10);
        hold.sideReady('connect', 'Offline');
        for (const [i, state] of ['Lunch', 'Available'].entries()) {
            hold.hold(change(state), readInput(change(state)), `c${i}`);
        }
        expect(hold.next()).toMatchObject({ correlationId: 'c0', before: 'Offline' });
        expect(hold.next()).toMatchObject({ correlationId: 'c1', before: 'Lunch' });
        expect(hold.next()).toBeUndefined();
    });

    it('lets the oldest input go beyond the limit, and clears', () => {
        const hold = new StartupHold(2);
        expect(hold.hold(change('A'), undefined, 'c1')).toBeUndefined();
        expect(hold.hold(change('B'), undefined, 'c2')).toBeUndefined();
        expect(hold.hold(change('C'), undefined, 'c3')?.correlationId).toBe('c1');
        hold.clear();
        expect(hold.next()).toBeUndefined();
    });
});
