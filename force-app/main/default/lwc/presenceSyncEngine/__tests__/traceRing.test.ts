import { TraceRing } from '../traceRing';

describe('trace ring', () => {
    it('keeps the newest entries, oldest first', () => {
        const ring = new TraceRing<number>(3);
        [1, 2, 3, 4, 5].forEach((n) => ring.push(n));
        expect(ring.toArray()).toEqual([3, 4, 5]);
    });

    it('keeps nothing with no room', () => {
        const ring = new TraceRing<number>(0);
        ring.push(1);
        expect(ring.toArray()).toEqual([]);
    });
});
