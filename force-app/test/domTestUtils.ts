/**
 * Small helpers for component tests (kept out of the LWC lint rules, which forbid timers and
 * innerHTML in component code).
 */

/** Lets pending promises and the LWC re-render they cause run. */
export function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every element a test mounted. */
export function clearBody(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}
