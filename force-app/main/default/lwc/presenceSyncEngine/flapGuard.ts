/**
 * Counts automated writes in a sliding time window. A rule loop, or another integration fighting
 * over the agent's state, shows up as many writes in a short time; a person cannot click that fast.
 */
export class FlapGuard {
    private times: number[] = [];

    constructor(
        private readonly maxChanges: number,
        private readonly windowMs: number
    ) {}

    /** Records a write at `now` and says whether it stays within the limit; a refused write is not recorded. */
    allow(now: number): boolean {
        const since = now - this.windowMs;
        while (this.times.length > 0 && this.times[0] <= since) {
            this.times.shift();
        }
        if (this.times.length >= this.maxChanges) {
            return false;
        }
        this.times.push(now);
        return true;
    }

    reset(): void {
        this.times = [];
    }
}
