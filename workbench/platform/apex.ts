/**
 * Every `@salesforce/apex/Class.method` import of the components becomes a call to this function
 * (the workbench's build generates one tiny module per method). The emulated org answers over
 * HTTP; a failure reaches the component as Apex errors do: `{ status, body: { message } }`.
 */
import { begin } from './activity';

type ApexListener = (endpoint: string, params: Record<string, unknown>, result: unknown) => void;

const listeners = new Set<ApexListener>();

/** Lets the workbench page watch calls (e.g. the trace entries the agent ships). */
export function onApexCall(listener: ApexListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export async function callApex(endpoint: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const end = begin();
    try {
        let response: Response;
        try {
            response = await fetch(`/workbench/apex/${encodeURIComponent(endpoint)}`, {
                method: 'POST',
                // The page's clock is the org's: a benchmark may run the page's time fast (bench:org).
                headers: { 'content-type': 'application/json', 'x-workbench-now': String(Date.now()) },
                body: JSON.stringify(params ?? {})
            });
        } catch {
            throw {
                status: 0,
                body: { message: 'The workbench server cannot be reached. Is `npm start` still running?' }
            };
        }
        const text = await response.text();
        const body: unknown = text === '' ? null : JSON.parse(text);
        if (!response.ok) {
            throw { status: response.status, body: body ?? { message: response.statusText } };
        }
        listeners.forEach((listener) => listener(endpoint, params ?? {}, body));
        return body;
    } finally {
        end();
    }
}
