/**
 * Both emulated sides as the real services keep them: per agent, not per page. The Connect
 * service and Omni-Channel remember the agent's state across a page reload, and every tab of the
 * agent's browser sees the same agent. The workbench keeps that state in localStorage: a reload
 * starts from it, and the `storage` event tells the agent's other tabs (pages of one browser
 * context) about a change, as the CCP's shared worker and Omni-Channel's server do.
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

/** The agent's Connect state as the service has it, or null on a fresh browser. */
export function savedConnect(): CcpWorkerState | null {
    return load<CcpWorkerState>(CONNECT_KEY);
}

/** Keeps the worker and the stored state in step, both ways. */
export function shareConnect(worker: CcpWorker): void {
    let applying = false;
    worker.subscribe(() => {
        if (!applying) {
            save(CONNECT_KEY, worker.save());
        }
    });
    window.addEventListener('storage', (event) => {
        if (event.key === CONNECT_KEY && event.newValue) {
            applying = true;
            try {
                worker.restore(JSON.parse(event.newValue) as CcpWorkerState);
            } finally {
                applying = false;
            }
        }
    });
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
