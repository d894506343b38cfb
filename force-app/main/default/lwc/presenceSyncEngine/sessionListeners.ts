import type { SessionSnapshot } from './sessionTypes';

/** Who hears about the session: snapshot listeners, and callers waiting for it to be idle. */
export class SessionListeners {
    private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
    private idleWaiters: (() => void)[] = [];

    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** Hands a fresh snapshot to every listener; one that throws does not starve the others or the sync. */
    notify(snapshot: () => SessionSnapshot): void {
        if (this.listeners.size === 0) {
            return;
        }
        const current = snapshot();
        for (const listener of [...this.listeners]) {
            try {
                listener(current);
            } catch {
                // One broken listener must not stop the sync.
            }
        }
    }

    /** Resolves at the next `releaseIdle()`. */
    whenIdle(): Promise<void> {
        return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }

    releaseIdle(): void {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        waiters.forEach((resolve) => resolve());
    }

    clear(): void {
        this.listeners.clear();
        this.releaseIdle();
    }
}
