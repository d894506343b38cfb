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

/** The first element in the component's shadow tree that matches, with its public properties. */
export function q(el: Element, selector: string): HTMLElement & Record<string, unknown> {
    return el.shadowRoot?.querySelector(selector) as HTMLElement & Record<string, unknown>;
}

/** The details of every `name` event the element fires from now on, in order. */
export function eventDetails<T>(el: Element, name: string): T[] {
    const details: T[] = [];
    el.addEventListener(name, (e) => details.push((e as CustomEvent<T>).detail));
    return details;
}
