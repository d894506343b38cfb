/**
 * Streams' messages to the CCP frame under Lightning Web Security (LWS).
 *
 * Streams reads the CCP frame's `contentWindow` the moment it creates the frame, while the frame
 * still holds its same-origin `about:blank` document. LWS (`@locker/sandbox` 0.28.4) learns that
 * the window has turned cross-origin only when the frame's `load` event fires, and only then puts
 * its `postMessage` distortion on the cross-origin window's `postMessage`. If the CCP answers
 * before its page has finished loading, Streams' acknowledge handler calls that `postMessage`
 * first; the sandbox's membrane keeps the browser's own function for it from then on, and the
 * browser cannot clone the sandbox's objects (`DataCloneError`). Every conduit message to the CCP,
 * state changes included, would then fail for as long as the page lives.
 *
 * The distortion's own remedy is a structured clone made outside the sandbox; the sandbox's
 * `structuredClone` makes one (its distortion falls back to a partial clone). A message the
 * browser cannot clone is sent again as such a clone. Outside LWS a message that cannot be
 * cloned fails the same way it did before.
 */

/** The part of Streams' `WindowIOStream` (amazon-connect-streams 2.28.2) the fallback wraps. */
interface WindowIOStreamPrototype {
    send(this: WindowIOStreamLike, message: unknown): void;
}
interface WindowIOStreamLike {
    output: Pick<Window, 'postMessage'>;
    domain: string;
}
export interface StreamsWithConduit {
    WindowIOStream?: { prototype: WindowIOStreamPrototype };
}

const wrapped = new WeakSet<object>();

function isDataCloneError(error: unknown): boolean {
    return (error as { name?: unknown } | null)?.name === 'DataCloneError';
}

/** Wraps Streams' window stream once per Streams instance. */
export function resendUncloneableMessages(streams: StreamsWithConduit): void {
    const prototype = streams.WindowIOStream?.prototype;
    if (!prototype || wrapped.has(prototype)) {
        return;
    }
    const send = prototype.send;
    prototype.send = function (this: WindowIOStreamLike, message: unknown): void {
        try {
            send.call(this, message);
        } catch (error) {
            if (!isDataCloneError(error)) {
                throw error;
            }
            this.output.postMessage(structuredClone(message), this.domain);
        }
    };
    wrapped.add(prototype);
}
