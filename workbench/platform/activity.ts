/**
 * What the workbench is waiting for: requests in flight (Apex, toolkit calls, streaming) and the
 * time of the last message on any channel. `settle()` resolves once nothing is in flight and
 * nothing has moved for a short while, which covers postMessage hops no counter can see.
 */
let inFlight = 0;
let lastActivity = 0;

export function touch(): void {
    lastActivity = performance.now();
}

/** Marks the start of something asynchronous; call the returned function when it ends. */
export function begin(): () => void {
    inFlight += 1;
    touch();
    let ended = false;
    return () => {
        if (!ended) {
            ended = true;
            inFlight -= 1;
            touch();
        }
    };
}

export function busy(): boolean {
    return inFlight > 0;
}

/** Resolves after `quietMs` without activity and with nothing in flight; rejects after `timeoutMs`. */
export function whenQuiet(quietMs = 40, timeoutMs = 15000): Promise<void> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const check = (): void => {
            const now = performance.now();
            if (inFlight === 0 && now - lastActivity >= quietMs) {
                resolve();
            } else if (now - started > timeoutMs) {
                reject(
                    new Error(
                        `The workbench did not settle within ${timeoutMs} ms (${inFlight} requests in flight).`
                    )
                );
            } else {
                setTimeout(check, 5);
            }
        };
        setTimeout(check, 0);
    });
}
