import type { OmniMethod, OmniRequest } from 'presence-sync/omni-bridge';

/** The bridge did not answer: the LWC is not inside the Aura item, or the toolkit is missing. */
export class OmniUnreachableError extends Error {
    constructor(method: OmniMethod, timeoutMs: number) {
        super(
            `Omni-Channel did not answer "${method}" within ${Math.round(timeoutMs / 1000)} s. ` +
                'Presence Sync must run inside its utility item (Presence Sync Utility) in a console app ' +
                'that also has the Omni-Channel utility.'
        );
        this.name = 'OmniUnreachableError';
    }
}

interface Pending {
    method: OmniMethod;
    resolve(result: unknown): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

/**
 * Toolkit calls across the Aura bridge: each request goes out with its own id, its answer comes
 * back through `answer`, and a request without an answer in time fails as unreachable.
 */
export class BridgeCalls {
    private readonly pending = new Map<string, Pending>();
    private counter = 0;
    private disposed = false;

    constructor(
        private readonly send: (request: OmniRequest) => void,
        private readonly timeoutMs: number,
        private readonly prefix: string
    ) {}

    call(method: OmniMethod, args: OmniRequest['args']): Promise<unknown> {
        if (this.disposed) {
            return Promise.reject(
                new Error('Presence Sync has stopped; the Omni-Channel call was not made.')
            );
        }
        const request = { requestId: this.nextId(), method, args } as OmniRequest;
        return new Promise((resolve, reject) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- an unanswered bridge call must fail, not hang
            const timer = setTimeout(() => {
                this.pending.delete(request.requestId);
                reject(new OmniUnreachableError(request.method, this.timeoutMs));
            }, this.timeoutMs);
            this.pending.set(request.requestId, { method: request.method, resolve, reject, timer });
            this.send(request);
        });
    }

    answer(requestId: string, ok: boolean, result: unknown, errorMessage?: string | null): void {
        const entry = this.pending.get(requestId);
        if (!entry) {
            return;
        }
        this.pending.delete(requestId);
        clearTimeout(entry.timer);
        if (ok) {
            entry.resolve(result);
        } else {
            entry.reject(
                new Error(errorMessage || `Omni-Channel refused "${entry.method}" without saying why.`)
            );
        }
    }

    /** Rejects every unanswered call; later calls fail at once. */
    dispose(): void {
        this.disposed = true;
        for (const [, entry] of this.pending) {
            clearTimeout(entry.timer);
            entry.reject(new Error('Presence Sync has stopped before Omni-Channel answered.'));
        }
        this.pending.clear();
    }

    private nextId(): string {
        this.counter += 1;
        return `${this.prefix}-${this.counter}`;
    }
}
