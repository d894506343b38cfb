/**
 * Runs the REAL amazon-connect-streams bundle (the file the static resource is built from) in
 * the test's jsdom window, with an emulated CCP behind the real postMessage conduit
 * (`../emulators/jsdomCcp.ts`). Each `startRealStreams()` evaluates the bundle afresh in its own
 * module registry, so no Streams state leaks from one test into the next.
 *
 * ```ts
 * const streams = startRealStreams({ initialState: 'Available' });
 * // the component's loadScript(amazonConnectStreams) now evaluates the real bundle, and the
 * // CCP iframe it creates is answered by streams.ccp
 * await streams.settle();
 * streams.ccp.setState('Lunch');
 * afterEach(() => streams.stop());
 * ```
 */
import { loadScript } from 'lightning/platformResourceLoader';
import { emulateCcpInJsdom } from '../emulators/jsdomCcp';
import type { JsdomCcpOptions } from '../emulators/jsdomCcp';
import type { EmulatedCcp } from '../emulators/ccp';

/** The minified release bundle: byte for byte what `npm run build:streams` ships. */
export const STREAMS_BUNDLE = 'amazon-connect-streams/release/connect-streams-min.js';

type StreamsWindow = Window & { connect?: unknown };

/** Evaluates a fresh copy of the bundle in the global window. */
export function loadRealStreams(): void {
    // The bundle extends an existing `connect` global instead of replacing it.
    delete (window as StreamsWindow).connect;
    jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh evaluation per call
        require(STREAMS_BUNDLE);
    });
    // Streams echoes its internal log to the console; a test wants to see only real errors.
    (window as StreamsWindow & { connect: { getLog(): { setEchoLevel(level: string): void } } }).connect
        .getLog()
        .setEchoLevel('ERROR');
}

export interface RealStreams {
    ccp: EmulatedCcp & { detach: () => void };
    /** How many times the component asked for the static resource. */
    loads(): number;
    /** Lets the conduit's macrotasks (acknowledge, snapshots, API answers) run. */
    settle(rounds?: number): Promise<void>;
    stop(): void;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Streams keeps timers running (keepalive, iframe refresh, metrics a second after start). A
 * page unload ends them; one jsdom window serves every test of a file, so `stop()` ends the
 * timers started during the test instead, and a test never sees the previous one's Streams.
 */
function trackTimers(): () => void {
    const realSetTimeout = window.setTimeout;
    const realSetInterval = window.setInterval;
    const timeouts = new Set<number>();
    const intervals = new Set<number>();
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = realSetTimeout(handler, ms, ...args);
        timeouts.add(id);
        return id;
    }) as typeof window.setTimeout;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = realSetInterval(handler, ms, ...args);
        intervals.add(id);
        return id;
    }) as typeof window.setInterval;
    return () => {
        window.setTimeout = realSetTimeout;
        window.setInterval = realSetInterval;
        timeouts.forEach((id) => window.clearTimeout(id));
        intervals.forEach((id) => window.clearInterval(id));
    };
}

/**
 * Serves `loadScript(…/amazonConnectStreams)` with the real bundle and answers the next CCP
 * iframe with an emulated CCP. With `acknowledge: false` the CCP never answers.
 */
export function startRealStreams(options: JsdomCcpOptions = {}): RealStreams {
    let loads = 0;
    const endTimers = trackTimers();
    jest.mocked(loadScript).mockImplementation(async (_host: unknown, url: string) => {
        if (!/amazonConnectStreams/.test(url)) {
            throw new Error(`Unexpected static resource ${url}`);
        }
        loads += 1;
        loadRealStreams();
    });
    const ccp = emulateCcpInJsdom(options);
    return {
        ccp,
        loads: () => loads,
        async settle(rounds = 8) {
            for (let i = 0; i < rounds; i++) {
                await macrotask();
            }
        },
        stop() {
            ccp.detach();
            endTimers();
            jest.mocked(loadScript).mockReset();
        }
    };
}
