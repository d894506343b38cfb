/**
 * The agent component end to end in jsdom, for its tests: the real amazon-connect-streams bundle
 * behind an emulated CCP (over Streams' postMessage conduit), the emulated Omni-Channel behind the
 * Aura bridge contract, Apex answered with the Apex engineer's fixtures. Each test file mocks the
 * three Apex methods (jest.mock is per file) and calls `useAgentHarness()`.
 */
import { createElement } from 'lwc';
import PresenceSyncAgent from 'c/presenceSyncAgent';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import type { AgentConfiguration } from 'presence-sync/contracts';
import { buildAgentConfiguration, buildWriteLogResult } from './jest-mocks/apex/fixtures';
import { startRealStreams } from './streams/realStreams';
import type { RealStreams } from './streams/realStreams';
import { EmulatedOmni, attachOmniBridge } from './emulators/omni';
import type { OmniBridgeTarget } from './emulators/omni';
import { EnclosingUtilityId, utilityBar } from './jest-mocks/lightning/platformUtilityBarApi';
import { emp } from './jest-mocks/lightning/empApi';
import { toasts } from './jest-mocks/lightning/toast';

export const UTILITY_ID = 'utility-presence-sync';
export const LEASE_KEY = 'presenceSync.writer';

export type AgentElement = HTMLElement & OmniBridgeTarget & { ccpTimeoutSeconds: number };

export interface Mounted {
    element: AgentElement;
    streams: RealStreams;
    omni: EmulatedOmni;
    detachOmni: () => void;
}

let mounted: Mounted | null = null;

export async function settle(rounds = 15): Promise<void> {
    for (let i = 0; i < rounds; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
    }
}

/** Polls real time (the heartbeat's own throttle) until `condition` holds. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error(`Timed out waiting for ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The agent switches to another browser tab: the page is hidden. */
export function hidePage(): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    delete (document as unknown as { visibilityState?: string }).visibilityState;
}

export function text(selector: string): string | null {
    return mounted!.element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? null;
}

export function omniCalls(method: string): unknown[] {
    return mounted!.omni
        .calls()
        .filter((c) => c.method === method)
        .map((c) => c.args);
}

export function connectCalls(): unknown[] {
    return mounted!.streams.ccp
        .calls()
        .filter((c) => c.method === 'putAgentState')
        .map((c) => c.params);
}

export async function mount(
    options: {
        configuration?: AgentConfiguration;
        connect?: string;
        omni?: string;
        acknowledge?: boolean;
        granted?: string[];
        ccpTimeoutSeconds?: number;
        beforeConfiguration?: (m: Mounted) => Promise<void>;
    } = {}
): Promise<Mounted> {
    const streams = startRealStreams({
        initialState: options.connect ?? 'Offline',
        acknowledge: options.acknowledge
    });
    const omni = new EmulatedOmni({ initialStatus: options.omni, granted: options.granted });
    let release: () => void = () => undefined;
    const configuration = options.configuration ?? buildAgentConfiguration();
    jest.mocked(getAgentConfiguration).mockResolvedValue(configuration);
    if (options.beforeConfiguration) {
        // Only the first call waits: what happens meanwhile is the hook's.
        jest.mocked(getAgentConfiguration).mockReturnValueOnce(
            new Promise((resolve) => {
                release = () => resolve(configuration);
            })
        );
    }
    const element = createElement('c-presence-sync-agent', {
        is: PresenceSyncAgent
    }) as unknown as AgentElement;
    if (options.ccpTimeoutSeconds) {
        element.ccpTimeoutSeconds = options.ccpTimeoutSeconds;
    }
    const detachOmni = attachOmniBridge(element, omni);
    document.body.appendChild(element);
    EnclosingUtilityId.emit(UTILITY_ID);
    mounted = { element, streams, omni, detachOmni };
    if (options.beforeConfiguration) {
        await options.beforeConfiguration(mounted);
        release();
    }
    await settle();
    return mounted;
}

/** Registers the hooks every agent test file needs: fresh mocks before, everything removed after. */
export function useAgentHarness(): void {
    beforeEach(() => {
        jest.mocked(writeLogEntries).mockResolvedValue(buildWriteLogResult());
        jest.mocked(reportAgentState).mockResolvedValue({ debugUntil: null, debugSetAt: null });
        window.localStorage.clear();
    });

    afterEach(() => {
        if (mounted) {
            mounted.element.remove();
            mounted.detachOmni();
            mounted.streams.stop();
            mounted = null;
        }
        jest.mocked(getAgentConfiguration).mockReset();
        jest.mocked(writeLogEntries).mockReset();
        jest.mocked(reportAgentState).mockReset();
        utilityBar.reset();
        emp.reset();
        toasts.reset();
        window.localStorage.clear();
    });
}
