/**
 * Both emulated sides as the real services keep them: per agent, not per page. The Connect
 * service and Omni-Channel remember the agent's state across a page reload, and every tab of the
 * agent's browser sees the same agent. The workbench keeps that state in localStorage: a reload
 * starts from it, and the `storage` event tells the agent's other tabs (pages of one browser
 * context) about a change, as the CCP's shared worker and Omni-Channel's server do. A CCP on
 * another origin keeps it on the workbench server instead (`savedConnect`).
 */
import type { CcpWorker, CcpWorkerState } from '../../force-app/test/emulators/ccp';
import type { EmulatedOmni, OmniSavedState } from '../../force-app/test/emulators/omni';

const CONNECT_KEY = 'presenceSyncWorkbench.connect';
const OMNI_KEY = 'presenceSyncWorkbench.omni';

function load<T>(key: string): T | null {
    try {
        const raw = window.localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as T) : null;
    } catch {
        return null;
    }
}

function save(key: string, value: unknown): void {
    try {
        window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
        // Private mode without storage: the sides are per page then.
    }
}

/**
 * Where the CCP page keeps the agent's Connect state: its origin's localStorage when the CCP runs
 * on the workbench page's origin; the emulated Connect service (workbench/connectService.mjs) when
 * the CCP URL names an `agent`, as the workbench does for a CCP on another origin, whose frame the
 * browser gives no storage.
 */
function serviceAgent(): string | null {
    return new URLSearchParams(window.location.search).get('agent');
}

function serviceUrl(agent: string, path = ''): string {
    return `/workbench/connect-agent${path}?agent=${encodeURIComponent(agent)}`;
}

/** The agent's Connect state as the service has it, or null on a fresh browser. */
export function savedConnect(): CcpWorkerState | null {
    const agent = serviceAgent();
    if (agent === null) {
        return load<CcpWorkerState>(CONNECT_KEY);
    }
    try {
        // Synchronous on purpose: the CCP must know the agent before it answers Streams at all.
        const request = new XMLHttpRequest();
        request.open('GET', serviceUrl(agent), false);
        request.send();
        return (JSON.parse(request.responseText) as { state: CcpWorkerState | null }).state;
    } catch {
        return null;
    }
}

/**
 * Keeps the worker and the stored state in step, both ways. Resolves `flushed()` once every
 * change so far has been stored (the sign-in window waits for it before it closes).
 */
export function shareConnect(worker: CcpWorker): { flushed(): Promise<void> } {
    let applying = false;
    const agent = serviceAgent();
    const apply = (state: CcpWorkerState): void => {
        applying = true;
        try {
            worker.restore(state);
        } finally {
            applying = false;
        }
    };
    if (agent === null) {
        worker.subscribe(() => {
            if (!applying) {
                save(CONNECT_KEY, worker.save());
            }
        });
        window.addEventListener('storage', (event) => {
            if (event.key === CONNECT_KEY && event.newValue) {
                apply(JSON.parse(event.newValue) as CcpWorkerState);
            }
        });
        return { flushed: () => Promise.resolve() };
    }
    const me = Math.random().toString(36).slice(2);
    let pending: CcpWorkerState | null = null;
    let sending: Promise<void> = Promise.resolve();
    const send = async (): Promise<void> => {
        while (pending) {
            const state = pending;
            pending = null;
            try {
                await fetch(serviceUrl(agent), {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ state, from: me }),
                    keepalive: true
                });
            } catch {
                // The workbench server went away: nothing to keep the state in.
            }
        }
    };
    worker.subscribe(() => {
        if (!applying) {
            const idle = pending === null;
            pending = worker.save();
            if (idle) {
                sending = sending.then(send);
            }
        }
    });
    new EventSource(serviceUrl(agent, '/events')).onmessage = (event: MessageEvent<string>) => {
        const change = JSON.parse(event.data) as { state: CcpWorkerState | null; from: string | null };
        if (change.from !== me && change.state) {
            apply(change.state);
        }
    };
    return { flushed: () => sending };
}

export function savedOmni(): OmniSavedState | null {
    return load<OmniSavedState>(OMNI_KEY);
}

/**
 * Keeps the Omni-Channel emulator and the stored presence in step, both ways. A change another
 * tab made is raised here as this tab's widget would show it. `loadConsole` plays the console
 * loading (the widget logs the agent back in after `loginAfterMs`) without the moment of being
 * logged out reaching the other tabs.
 */
export function shareOmni(omni: EmulatedOmni): { loadConsole(loginAfterMs: number): Promise<void> } {
    let applying = 0;
    const quietly = async (work: () => Promise<void>): Promise<void> => {
        applying += 1;
        try {
            await work();
        } finally {
            applying -= 1;
        }
    };
    omni.subscribe(() => {
        if (applying === 0) {
            save(OMNI_KEY, omni.save());
        }
    });
    window.addEventListener('storage', (event) => {
        if (event.key === OMNI_KEY && event.newValue) {
            const saved = JSON.parse(event.newValue) as OmniSavedState;
            void quietly(() => omni.restore(saved, true));
        }
    });
    return { loadConsole: (loginAfterMs) => quietly(() => omni.loadConsole(loginAfterMs)) };
}
