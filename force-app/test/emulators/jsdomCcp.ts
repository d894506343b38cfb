/**
 * Carries an EmulatedCcp's conduit in jsdom, where Streams' own iframe never loads a page and
 * `postMessage` sets no `source` (Streams ignores a message whose `source` is not the iframe's
 * window). Messages from the parent are read off the iframe window's `message` events; messages
 * to the parent are dispatched on the parent window as MessageEvents with that `source`, a
 * macrotask later, as a browser delivers them.
 *
 * ```ts
 * const ccp = emulateCcpInJsdom();           // before the component calls connect.core.initCCP
 * // …create the component, await flushes…
 * ccp.setState('Available');
 * ```
 */
import { EmulatedCcp } from './ccp';
import type { ConduitMessage, EmulatedCcpOptions } from './ccp';

export interface JsdomCcpOptions extends Omit<EmulatedCcpOptions, 'post'> {
    /** The window Streams runs in; defaults to the global window. */
    parentWindow?: Window;
}

/** A copy as postMessage's structured clone makes it (jsdom has no structuredClone): Dates stay Dates. */
function cloneMessage<T>(value: T): T {
    if (value instanceof Date) {
        return new Date(value.getTime()) as T;
    }
    if (Array.isArray(value)) {
        return value.map((item) => cloneMessage(item)) as T;
    }
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneMessage(item)])) as T;
    }
    return value;
}

/** Wires `ccp` to one iframe that Streams created. The CCP "loads" (acknowledges) a macrotask later. */
export function attachCcpToIframe(ccp: EmulatedCcp, iframe: HTMLIFrameElement): () => void {
    const frameWindow = iframe.contentWindow;
    if (!frameWindow) {
        throw new Error('The CCP iframe has no window yet: attach it after it is in the document.');
    }
    const onMessage = (event: MessageEvent): void => ccp.receive(event.data);
    frameWindow.addEventListener('message', onMessage);
    const timer = setTimeout(() => ccp.start(), 0);
    return () => {
        clearTimeout(timer);
        frameWindow.removeEventListener('message', onMessage);
        ccp.stop();
    };
}

/**
 * Creates an EmulatedCcp whose `post` reaches the parent window as coming from the CCP iframe,
 * and attaches it to the next iframe created in the document (the one `initCCP` creates).
 */
export function emulateCcpInJsdom(options: JsdomCcpOptions = {}): EmulatedCcp & { detach: () => void } {
    const parentWindow = options.parentWindow ?? window;
    let iframe: HTMLIFrameElement | null = null;
    let detach: () => void = () => undefined;
    const post = (message: ConduitMessage): void => {
        const source = iframe?.contentWindow ?? null;
        const data = cloneMessage(message);
        setTimeout(() => parentWindow.dispatchEvent(new MessageEvent('message', { data, source })), 0);
    };
    const ccp = new EmulatedCcp({ ...options, post });
    const doc = parentWindow.document;
    const originalCreateElement = doc.createElement;
    doc.createElement = function createElement(
        this: Document,
        tagName: string,
        opts?: ElementCreationOptions
    ) {
        const element = originalCreateElement.call(this, tagName, opts);
        if (iframe === null && tagName.toLowerCase() === 'iframe') {
            iframe = element as HTMLIFrameElement;
            doc.createElement = originalCreateElement;
            // initCCP appends the iframe and builds its conduit in the same task.
            queueMicrotask(() => {
                detach = attachCcpToIframe(ccp, iframe!);
            });
        }
        return element;
    } as typeof doc.createElement;
    return Object.assign(ccp, {
        detach: () => {
            doc.createElement = originalCreateElement;
            detach();
        }
    });
}
