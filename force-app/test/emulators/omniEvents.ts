import type { OmniEventName, OmniEventPayloads } from 'presence-sync/omni-bridge';

/** What the Aura item calls on the LWC (and what the workbench page calls on the real element). */
export interface OmniBridgeTarget {
    handleOmniEvent<N extends OmniEventName>(name: N, payload: OmniEventPayloads[N]): void;
    handleOmniResponse(requestId: string, ok: boolean, result: unknown, errorMessage: string | null): void;
}

/** Settles after the caller's own synchronous work, as the toolkit's promises and Aura events do. */
export const nextTurn = (): Promise<void> => Promise.resolve();

/**
 * The emulated Omni-Channel's side of the bridge: the LWCs it reaches (several model several tabs
 * sharing one Omni session), the toolkit's answers, and the application events, raised in order
 * a turn after the change that caused them.
 */
export class OmniEvents {
    private readonly targets = new Set<OmniBridgeTarget>();
    private readonly queue: Array<{ name: OmniEventName; payload: unknown }> = [];

    /** `changed`: told after every event queued or raised. */
    constructor(private readonly changed: () => void) {}

    connect(target: OmniBridgeTarget): () => void {
        this.targets.add(target);
        return () => this.targets.delete(target);
    }

    /** The toolkit's answer to a request: to the LWC that asked, else to every one. */
    answer(requestId: string, error: string | null, result: unknown, from?: OmniBridgeTarget): void {
        for (const target of from ? [from] : [...this.targets]) {
            target.handleOmniResponse(requestId, error === null, error === null ? result : null, error);
        }
    }

    add<N extends OmniEventName>(name: N, payload: OmniEventPayloads[N]): void {
        this.queue.push({ name, payload });
        this.changed();
    }

    /** Raises the queued application events, in order, a turn after the change (as Aura dispatches them). */
    async flush(): Promise<void> {
        await nextTurn();
        while (this.queue.length > 0) {
            const { name, payload } = this.queue.shift()!;
            for (const target of [...this.targets]) {
                target.handleOmniEvent(name, { ...(payload as object) } as OmniEventPayloads[typeof name]);
            }
        }
        this.changed();
    }
}
