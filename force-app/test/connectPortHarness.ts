/**
 * The Connect port in jsdom, for its tests: the real amazon-connect-streams bundle behind an
 * emulated CCP, a port wired to record what it reports. Test files call `useConnectPortHarness()`.
 */
import { createConnectPort } from 'c/presenceSyncConnectPort';
import type { ConnectAdapter, ConnectPortOptions, ConnectProblem } from 'c/presenceSyncConnectPort';
import type { ConnectActivity, SessionInput } from 'c/presenceSyncEngine';
import { startRealStreams } from './streams/realStreams';
import type { RealStreams } from './streams/realStreams';
import type { JsdomCcpOptions } from './emulators/jsdomCcp';

export const CCP_URL = 'https://presence-sync-demo.my.connect.aws/ccp-v2/';

export interface Harness {
    port: ConnectAdapter;
    streams: RealStreams;
    container: HTMLElement;
    inputs: SessionInput[];
    ready: Array<[string, ConnectActivity]>;
    problems: Array<[ConnectProblem | null, string | undefined]>;
}

let current: Harness | null = null;

export type SetUp = JsdomCcpOptions &
    Partial<Pick<ConnectPortOptions, 'ackTimeoutMs' | 'requestTimeoutMs' | 'softphone' | 'loginUrl'>>;

export function setUp(options: SetUp = {}): Harness {
    const { ackTimeoutMs, requestTimeoutMs, softphone, loginUrl, ...ccp } = options;
    const streams = startRealStreams({ initialState: 'Offline', ...ccp });
    const container = document.createElement('div');
    document.body.appendChild(container);
    const harness: Harness = {
        streams,
        container,
        inputs: [],
        ready: [],
        problems: [],
        port: null as unknown as ConnectAdapter
    };
    harness.port = createConnectPort({
        host: {},
        container,
        ccpUrl: CCP_URL,
        loginUrl,
        softphone,
        ackTimeoutMs: ackTimeoutMs ?? 2000,
        requestTimeoutMs,
        onInput: (input) => harness.inputs.push(input),
        onReady: (state, activity) => harness.ready.push([state, activity]),
        onProblem: (problem, code) => harness.problems.push([problem, code])
    });
    current = harness;
    return harness;
}

export async function started(options: SetUp = {}): Promise<Harness> {
    const h = setUp(options);
    await h.port.start();
    await h.streams.settle();
    return h;
}

export const codes = (h: Harness): string[] =>
    h.problems.map(([p, code]) => (p ? p.code : `cleared ${code}`));

/** Disposes a port and its CCP before the test ends (a test that starts several, one after another). */
export function tearDown(h: Harness): void {
    h.port.dispose();
    h.streams.stop();
    h.container.remove();
    current = null;
}

/** Disposes the port and its CCP after every test. */
export function useConnectPortHarness(): void {
    afterEach(() => {
        current?.port.dispose();
        current?.streams.stop();
        current?.container.remove();
        current = null;
    });
}
