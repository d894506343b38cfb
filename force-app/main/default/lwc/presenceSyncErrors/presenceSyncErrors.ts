/**
 * Turns whatever a failed call produced (an Apex AuraHandledException body, a fetch-style
 * response, a JS Error, a platform's JSON error text, a plain string) into sentences a person
 * can read. Components show these words instead of "[object Object]".
 */

interface ApexErrorBody {
    message?: unknown;
    pageErrors?: { message?: unknown }[];
    fieldErrors?: Record<string, { message?: unknown }[]>;
    output?: { errors?: { message?: unknown }[]; fieldErrors?: Record<string, { message?: unknown }[]> };
}

function messagesOf(list: { message?: unknown }[] | undefined): string[] {
    return (list ?? []).map((item) => item?.message).filter((m): m is string => typeof m === 'string');
}

function fromBody(body: ApexErrorBody): string[] {
    const words = [
        ...messagesOf(body.pageErrors),
        ...Object.values(body.fieldErrors ?? {}).flatMap(messagesOf),
        ...messagesOf(body.output?.errors),
        ...Object.values(body.output?.fieldErrors ?? {}).flatMap(messagesOf)
    ];
    if (words.length === 0 && typeof body.message === 'string') {
        words.push(body.message);
    }
    return words;
}

/** Streams' failure callbacks hand over JSON such as {"type":"InvalidStateException","message":"…"}. */
function fromJsonText(text: string): string[] | null {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{')) {
        return null;
    }
    try {
        const parsed = JSON.parse(trimmed) as { message?: unknown; type?: unknown };
        if (typeof parsed.message === 'string' && parsed.message) {
            return [parsed.message];
        }
        if (typeof parsed.type === 'string' && parsed.type) {
            return [parsed.type];
        }
    } catch {
        // Not JSON after all: the text itself is the message.
    }
    return null;
}

function reduceOne(error: unknown): string[] {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return fromJsonText(error) ?? (error.trim() ? [error.trim()] : []);
    }
    if (error instanceof Error) {
        return fromJsonText(error.message) ?? (error.message ? [error.message] : [error.name]);
    }
    if (typeof error === 'object') {
        const candidate = error as { body?: unknown; message?: unknown; statusText?: unknown };
        if (Array.isArray(candidate.body)) {
            return candidate.body.flatMap((b) => fromBody(b as ApexErrorBody));
        }
        if (candidate.body && typeof candidate.body === 'object') {
            const words = fromBody(candidate.body as ApexErrorBody);
            if (words.length) {
                return words;
            }
        }
        if (typeof candidate.message === 'string' && candidate.message) {
            return fromJsonText(candidate.message) ?? [candidate.message];
        }
        if (typeof candidate.statusText === 'string' && candidate.statusText) {
            return [candidate.statusText];
        }
    }
    return [];
}

/** Every distinct message in `errors`, in order; never empty for a real error. */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const words = [...new Set(list.flatMap(reduceOne))];
    if (words.length === 0 && list.some((e) => e !== null && e !== undefined)) {
        return [
            'Something went wrong and the platform gave no details. Try again, and check the log reader.'
        ];
    }
    return words;
}
