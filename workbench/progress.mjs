/**
 * Says what a long build is doing: each step as it starts, with the time so far, and a line every
 * `everyMs` while a step lasts, so a terminal never sits silent for a minute.
 */
export function buildProgress(log, { everyMs = 10000, now = () => Date.now() } = {}) {
    const started = now();
    const seconds = () => `${Math.round((now() - started) / 1000)} s`;
    let current = '';
    // A still-running step is reported on a timer; the build itself never waits for it.
    const timer = setInterval(() => log(`  still at: ${current} (${seconds()} so far)`), everyMs);
    timer.unref?.();
    return {
        step(text) {
            current = text;
            log(`${text}… (${seconds()})`);
        },
        stop() {
            clearInterval(timer);
        }
    };
}
