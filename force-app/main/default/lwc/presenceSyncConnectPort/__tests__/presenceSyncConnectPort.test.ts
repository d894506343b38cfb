import { loadScript } from 'lightning/platformResourceLoader';
import { createConnectPort, describeStreamsError } from 'c/presenceSyncConnectPort';
import type { ConnectAdapter, ConnectProblem } from 'c/presenceSyncConnectPort';
import type { SessionInput } from 'c/presenceSyncEngine';
import { startRealStreams } from '../../../../../test/streams/realStreams';
import type { RealStreams } from '../../../../../test/streams/realStreams';

const CCP_URL = 'https://presence-sync-demo.my.connect.aws/ccp-v2/';

interface Harness {
    port: ConnectAdapter;
    streams: RealStreams;
    container: HTMLElement;
    inputs: SessionInput[];
    ready: string[];
    nextStates: Array<string | null>;
    problems: Array<ConnectProblem | null>;
}

let current: Harness | null = null;

function setUp(
    options: {
        initialState?: string;
        acknowledge?: boolean;
        ackTimeoutMs?: number;
        onContact?: 'queue-next' | 'skip';
    } = {}
): Harness {
    const streams = startRealStreams({
        initialState: options.initialState ?? 'Offline',
        acknowledge: options.acknowledge
    });
    const container = document.createElement('div');
    document.body.appendChild(container);
    const harness: Harness = {
        streams,
        container,
        inputs: [],
        ready: [],
        nextStates: [],
        problems: [],
        port: null as unknown as ConnectAdapter
    };
    harness.port = createConnectPort({
        host: {},
        container,
        ccpUrl: CCP_URL,
        onContact: options.onContact ?? 'queue-next',
        ackTimeoutMs: options.ackTimeoutMs ?? 2000,
        onInput: (input) => harness.inputs.push(input),
        onReady: (state) => harness.ready.push(state),
        onNextState: (name) => harness.nextStates.push(name),
        onProblem: (problem) => harness.problems.push(problem)
    });
    current = harness;
    return harness;
}

async function started(options: Parameters<typeof setUp>[0] = {}): Promise<Harness> {
    const h = setUp(options);
    await h.port.start();
    await h.streams.settle();
    return h;
}

afterEach(() => {
    current?.port.dispose();
    current?.streams.stop();
    current?.container.remove();
    current = null;
});

describe('starting the CCP with the real Streams bundle', () => {
    it('loads the static resource, puts the CCP iframe in its own container and reports the first state', async () => {
        const h = await started({ initialState: 'Available' });
        expect(h.streams.loads()).toBe(1);
        const iframe = h.container.querySelector('iframe');
        expect(iframe?.getAttribute('src')).toBe(CCP_URL);
        expect(h.ready).toEqual(['Available']);
        expect(h.port.currentState()).toBe('Available');
        expect(h.inputs).toEqual([]);
    });

    it('turns later state changes into session inputs, with the real old state', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.setState('Lunch');
        await h.streams.settle();
        h.streams.ccp.enterCallPhase('PendingBusy');
        await h.streams.settle();
        expect(h.inputs).toEqual([
            { kind: 'connect-state', oldState: 'Available', newState: 'Lunch' },
            { kind: 'connect-state', oldState: 'Lunch', newState: 'PendingBusy' }
        ]);
    });

    it('refuses to start a second CCP on the same page', async () => {
        const first = await started();
        const problems: ConnectProblem[] = [];
        const second = createConnectPort({
            host: {},
            container: document.createElement('div'),
            ccpUrl: CCP_URL,
            onContact: 'queue-next',
            onInput: () => undefined,
            onReady: () => undefined,
            onNextState: () => undefined,
            onProblem: (p) => p && problems.push(p)
        });
        await second.start();
        expect(problems.map((p) => p.code)).toEqual(['ccp-in-use']);
        expect(first.streams.loads()).toBe(1);
        second.dispose();
    });

    it('says which trusted site and approved origin to check when the CCP never acknowledges', async () => {
        // Streams itself answers a silent CCP by opening the Connect login window.
        const popups = jest.spyOn(window, 'open').mockReturnValue(null);
        const streamsErrors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const h = await started({ acknowledge: false, ackTimeoutMs: 300 });
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- waits out the port's real timeout
        await new Promise((resolve) => setTimeout(resolve, 350));
        popups.mockRestore();
        streamsErrors.mockRestore();
        const problem = h.problems.find((p) => p?.code === 'ccp-not-acknowledged');
        expect(problem?.message).toContain('https://presence-sync-demo.my.connect.aws');
        expect(problem?.message).toMatch(/CSP Trusted Site/);
        expect(problem?.message).toMatch(/approved origins/);
        expect(h.ready).toEqual([]);
    });

    it('reports a missing static resource in words', async () => {
        const h = setUp();
        jest.mocked(loadScript).mockRejectedValueOnce(new Error('404'));
        await h.port.start();
        expect(h.problems[0]?.code).toBe('streams-not-loaded');
        expect(h.problems[0]?.message).toMatch(/amazonConnectStreams/);
    });
});

describe('changing the Connect state', () => {
    it('sets the state object Streams listed, and the new state arrives as a snapshot', async () => {
        const h = await started({ initialState: 'Offline' });
        await h.port.setState('Available', { enqueueNextState: false });
        await h.streams.settle();
        const put = h.streams.ccp.calls().filter((c) => c.method === 'putAgentState');
        expect(put).toHaveLength(1);
        expect(put[0].params).toMatchObject({
            state: { name: 'Available', type: 'routable' },
            enqueueNextState: false
        });
        expect(h.port.currentState()).toBe('Available');
        expect(h.inputs).toEqual([{ kind: 'connect-state', oldState: 'Offline', newState: 'Available' }]);
    });

    it('queues the next state during a call and reports it, then applies it when the contact ends', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.enterCallPhase('Busy');
        await h.streams.settle();
        await h.port.setState('Lunch', { enqueueNextState: true });
        await h.streams.settle();
        expect(h.nextStates).toEqual(['Lunch']);
        h.streams.ccp.endContact();
        await h.streams.settle();
        expect(h.port.currentState()).toBe('Lunch');
        expect(h.nextStates).toEqual(['Lunch', null]);
    });

    it("rejects with Streams' own error, read from its JSON text, when Connect refuses", async () => {
        const h = await started({ initialState: 'Available', onContact: 'skip' });
        h.streams.ccp.enterCallPhase('Busy');
        await h.streams.settle();
        const attempt = h.port.setState('Lunch', { enqueueNextState: false });
        attempt.catch(() => undefined);
        await h.streams.settle();
        await expect(attempt).rejects.toThrow(
            /Amazon Connect cannot change your state right now \(The agent is on a contact/
        );
    });

    describe('a contact that starts while a plain change is on its way', () => {
        const putCalls = (h: Harness): unknown[] =>
            h.streams.ccp
                .calls()
                .filter((c) => c.method === 'putAgentState')
                .map((c) => (c.params as { enqueueNextState?: boolean }).enqueueNextState);

        it('asks once more for the next state when Streams now shows the contact, and says it was queued', async () => {
            const h = await started({ initialState: 'Available' });
            // The call is answered in the CCP; its snapshot reaches Streams after the request left.
            const attempt = h.port.setState('Lunch', { enqueueNextState: false });
            h.streams.ccp.enterCallPhase('Busy');
            await h.streams.settle();
            await expect(attempt).resolves.toEqual({ queued: true });
            expect(putCalls(h)).toEqual([false, true]);
            expect(h.streams.ccp.state()).toBe('Busy');
            expect(h.streams.ccp.nextState()).toBe('Lunch');
            expect(h.nextStates).toEqual(['Lunch']);
            h.streams.ccp.endContact();
            await h.streams.settle();
            expect(h.port.currentState()).toBe('Lunch');
        });

        it("does not ask again when the session's on-contact setting is skip", async () => {
            const h = await started({ initialState: 'Available', onContact: 'skip' });
            const attempt = h.port.setState('Lunch', { enqueueNextState: false });
            attempt.catch(() => undefined);
            h.streams.ccp.enterCallPhase('Busy');
            await h.streams.settle();
            await expect(attempt).rejects.toThrow(/cannot change your state right now/);
            expect(putCalls(h)).toEqual([false]);
            expect(h.streams.ccp.nextState()).toBeNull();
        });

        it('reports a plain change that succeeded as not queued', async () => {
            const h = await started({ initialState: 'Available' });
            await expect(h.port.setState('Lunch', { enqueueNextState: false })).resolves.toEqual({
                queued: false
            });
            expect(putCalls(h)).toEqual([false]);
        });
    });

    it('names the states the agent may choose when a rule asks for an unknown one', async () => {
        const h = await started({ initialState: 'Available' });
        await expect(h.port.setState('Coffee', { enqueueNextState: false })).rejects.toThrow(
            /no agent state "Coffee".*Available, Offline, Lunch/
        );
        expect(h.streams.ccp.calls().filter((c) => c.method === 'putAgentState')).toHaveLength(0);
    });

    it('refuses changes before the first snapshot', async () => {
        const h = setUp();
        await expect(h.port.setState('Available', { enqueueNextState: false })).rejects.toThrow(/not ready/);
    });
});

describe('disconnecting', () => {
    it('unsubscribes, removes the CCP and lets a new port start a fresh CCP', async () => {
        const h = await started({ initialState: 'Available' });
        h.port.dispose();
        expect(h.container.querySelector('iframe')).toBeNull();
        h.streams.ccp.setState('Lunch');
        await h.streams.settle();
        expect(h.inputs).toEqual([]);
        await expect(h.port.setState('Available', { enqueueNextState: false })).rejects.toThrow();
        h.streams.stop();
        h.container.remove();

        const again = await started({ initialState: 'Training' });
        expect(again.ready).toEqual(['Training']);
    });

    it("stops Streams' own timers, so nothing keeps running after the CCP is gone", async () => {
        const h = await started({ initialState: 'Available' });
        const uncaught: unknown[] = [];
        const onError = (event: ErrorEvent): void => {
            uncaught.push(event.error ?? event.message);
            event.preventDefault();
        };
        window.addEventListener('error', onError);
        const frameWindow = h.container.querySelector('iframe')!.contentWindow!;
        const toCcp = jest.spyOn(frameWindow, 'postMessage');
        h.port.dispose();
        // Longer than a keepalive round (1 s SYN + 3 s ACK timeout would start again after 1 s).
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the timers under test are real
        await new Promise((resolve) => setTimeout(resolve, 1500));
        window.removeEventListener('error', onError);
        expect(uncaught).toEqual([]);
        // No keepalive goes to a CCP that is gone (Streams' one-off start-up metrics may).
        const events = toCcp.mock.calls.map(([message]) => (message as { event: string }).event);
        expect(events).not.toContain('synchronize');
    });
});

describe('describeStreamsError', () => {
    it('reads type and message from the JSON text Streams hands to failure callbacks', () => {
        expect(describeStreamsError('{"type":"AccessDeniedException","message":"Not allowed"}')).toBe(
            'Amazon Connect refused the change: AccessDeniedException: Not allowed'
        );
        expect(describeStreamsError('plain words')).toBe('plain words');
        expect(describeStreamsError(null)).toMatch(/without saying why/);
    });
});
