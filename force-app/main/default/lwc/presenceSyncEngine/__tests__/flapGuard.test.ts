import { FlapGuard } from '../flapGuard';

describe('flapping guard', () => {
    it('allows at most the limit within the window, slides, and resets', () => {
        const guard = new FlapGuard(2, 1000);
        expect([guard.allow(0), guard.allow(10), guard.allow(20)]).toEqual([true, true, false]);
        expect(guard.allow(1001)).toBe(true);
        guard.reset();
        expect([guard.allow(1002), guard.allow(1003)]).toEqual([true, true]);
    });
});
