/**
 * Live mode's pace: one poll every `intervalMs` while it should run, never two at once. The
 * component says when it should run (live on, an agent picked, the tab visible); polling stops
 * otherwise, so a hidden tab costs the org nothing.
 */
export class LivePolling {
    private timer: ReturnType<typeof setInterval> | null = null;
    private polling = false;

    constructor(
        private readonly poll: () => Promise<void>,
        private readonly intervalMs: number
    ) {}

    /** Starts or stops polling as `shouldPoll` says. */
    follow(shouldPoll: boolean): void {
        if (shouldPoll && !this.timer) {
            // Live mode is polling by nature; stopped when hidden, turned off or disconnected.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setInterval(() => this.tick(), this.intervalMs);
        } else if (!shouldPoll) {
            this.stop();
        }
    }

    stop(): void {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = null;
        }
    }

    private async tick(): Promise<void> {
        if (this.polling) {
            return;
        }
        this.polling = true;
        try {
            await this.poll();
        } finally {
            this.polling = false;
        }
    }
}
