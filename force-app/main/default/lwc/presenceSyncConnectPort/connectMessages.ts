/** The words the Connect port gives the agent: Streams' refusals and what to do about problems. */

/** "20 s", "0.3 s". */
function seconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(1))} s`;
}

function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return url;
    }
}

/** Streams' failure callbacks hand over JSON text such as {"type":"InvalidStateException","message":"…"}. */
export function parseStreamsError(error: unknown): { type: string; message: string } | null {
    let parsed: unknown = error;
    if (typeof error === 'string') {
        try {
            parsed = JSON.parse(error);
        } catch {
            return null;
        }
    }
    if (!parsed || typeof parsed !== 'object') {
        return null;
    }
    const fields = parsed as {
        type?: unknown;
        errorType?: unknown;
        message?: unknown;
        errorMessage?: unknown;
    };
    return {
        type: String(fields.type ?? fields.errorType ?? ''),
        message: String(fields.message ?? fields.errorMessage ?? '')
    };
}

export function describeStreamsError(error: unknown): string {
    const parsed = parseStreamsError(error);
    if (!parsed) {
        return typeof error === 'string' && error
            ? error
            : 'Amazon Connect refused the change without saying why.';
    }
    const { type, message } = parsed;
    if (type === 'InvalidStateException') {
        return `Amazon Connect cannot change your state right now${message ? ` (${message})` : ''}.`;
    }
    const words = [type, message].filter(Boolean).join(': ');
    return words
        ? `Amazon Connect refused the change: ${words}`
        : 'Amazon Connect refused the change without saying why.';
}

export function notAcknowledgedMessage(
    ackTimeoutMs: number,
    ccpUrl: string,
    salesforceOrigin: string
): string {
    return (
        `The Amazon Connect softphone did not answer within ${seconds(ackTimeoutMs)}. ` +
        'Press Sign in to sign in to Amazon Connect. If it still does not load, ask your admin to add ' +
        `${originOf(ccpUrl)} as a CSP Trusted Site (frame-src) in Salesforce Setup, and to add this Salesforce ` +
        `domain (${salesforceOrigin}) to the approved origins of the Amazon Connect instance.`
    );
}

export function signInMessage(why: 'auth-fail' | 'unanswered', requestTimeoutMs: number): string {
    const cause =
        why === 'auth-fail'
            ? 'Your Amazon Connect session has ended.'
            : `Amazon Connect did not answer a state change within ${seconds(requestTimeoutMs)}.`;
    return `${cause} Press Sign in to sign in to Amazon Connect again in the window that opens, then close that window; Presence Sync carries on once you are signed in.`;
}

export const MULTIPLE_BROWSERS_MESSAGE =
    'Amazon Connect reports MultipleCcpWindows: your CCP is signed in in two different browsers (for ' +
    'example Chrome and Firefox) at the same time. Sign out of Amazon Connect in the other browser. ' +
    '(Several tabs of one browser are fine.)';
