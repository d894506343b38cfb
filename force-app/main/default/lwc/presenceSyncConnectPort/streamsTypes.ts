/**
 * The slice of amazon-connect-streams 2.28.2 the Connect port uses (see the package's
 * index.d.ts). Declared here, not imported: the library is a script that defines a global.
 */
export interface StreamsAgentState {
    name: string;
    type: string;
    agentStateARN?: string | null;
}

export interface StreamsSubscription {
    unsubscribe(): void;
}

export interface StreamsAgent {
    /** Deprecated by Streams for availability, but still the source of system and error states. */
    getState(): StreamsAgentState;
    getAvailabilityState?(): { state: string } | null | undefined;
    getContacts(): unknown[];
    getNextState(): StreamsAgentState | null;
    getAgentStates(): StreamsAgentState[];
    setState(
        state: StreamsAgentState,
        callbacks: { success?: () => void; failure?: (error: unknown) => void },
        options?: { enqueueNextState?: boolean }
    ): void;
    onRefresh(f: (agent: StreamsAgent) => void): StreamsSubscription;
}

/** Streams internals whose timers outlive `terminate()`. */
export interface StreamsTimers {
    keepaliveManager?: {
        synTimer?: number | null;
        ackTimer?: number | null;
        ackSub?: StreamsSubscription | null;
    } | null;
    iframeRefreshTimeout?: number | null;
    ccpLoadTimeoutInstance?: number | null;
}

export interface Streams {
    core: StreamsTimers & {
        initCCP(container: HTMLElement, params: Record<string, unknown>): void;
        terminate(): void;
        onAccessDenied?(f: () => void): StreamsSubscription;
        onAuthFail?(f: () => void): StreamsSubscription;
    };
    agent(f: (agent: StreamsAgent) => void): StreamsSubscription;
}

export type StreamsWindow = Window & { connect?: Streams };

/**
 * `terminate()` leaves Streams' keepalive and iframe-refresh timers running; with the CCP iframe
 * gone they would throw every few seconds for as long as the page lives.
 */
export function stopStreamsTimers(core: StreamsTimers): void {
    const keepalive = core.keepaliveManager;
    if (keepalive) {
        clearTimeout(keepalive.synTimer ?? undefined);
        clearTimeout(keepalive.ackTimer ?? undefined);
        keepalive.ackSub?.unsubscribe();
        // A SYN already on its way would restart the loop: make its start a no-op.
        (keepalive as { start?: () => void }).start = () => undefined;
    }
    clearTimeout(core.iframeRefreshTimeout ?? undefined);
    clearTimeout(core.ccpLoadTimeoutInstance ?? undefined);
}
