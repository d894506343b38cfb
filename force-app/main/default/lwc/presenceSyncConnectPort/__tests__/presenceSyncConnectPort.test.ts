/* eslint-disable no-await-in-loop -- the cases run one after another */
import { loadScript } from 'lightning/platformResourceLoader';
import { createConnectPort, describeStreamsError, initCcpParams } from 'c/presenceSyncConnectPort';
import type { ConnectAdapter, ConnectPortOptions, ConnectProblem } from 'c/presenceSyncConnectPort';
import type { ConnectActivity, SessionInput } from 'c/presenceSyncEngine';
import { CcpWorker, EmulatedCcp } from '../../../../../test/emulators/ccp';
import { startRealStreams } from '../../../../../test/streams/realStreams';
import type { RealStreams } from '../../../../../test/streams/realStreams';
import type { JsdomCcpOptions } from '../../../../../test/emulators/jsdomCcp';

const CCP_URL = 'https://presence-sync-demo.my.connect.aws/ccp-v2/';

interface Harness {
    port: ConnectAdapter;
    streams: RealStreams;
    container: HTMLElement;
    inputs: SessionInput[];
    ready: Array<[string, ConnectActivity]>;
    problems: Array<[ConnectProblem | null, string | undefined]>;
}

let current: Harness | null = null;

type SetUp = JsdomCcpOptions &
    Partial<Pick<ConnectPortOptions, 'ackTimeoutMs' | 'requestTimeoutMs' | 'softphone' | 'loginUrl'>>;

function setUp(options: SetUp = {}): Harness {
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

async function started(options: SetUp = {}): Promise<Harness> {
    const h = setUp(options);
    await h.port.start();
    await h.streams.settle();
    return h;
}

const codes = (h: Harness): string[] => h.problems.map(([p, code]) => (p ? p.code : `cleared ${code}`));

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
        expect(h.ready).toEqual([
            ['Available', { onContact: false, availabilityState: 'Available', nextState: null }]
        ]);
        expect(h.port.currentState()).toBe('Available');
        expect(h.inputs).toEqual([]);
    });

    it('starts audio-free by default: no framed softphone, no ringtones, no login pop-up from a timer', async () => {
        const h = await started();
        expect(h.streams.ccp.configured()).toEqual({
            softphone: { allowFramedSoftphone: false, disableRingtone: true },
            chat: { disableRingtone: true },
            task: { disableRingtone: true }
        });
        expect(initCcpParams({ ccpUrl: CCP_URL } as ConnectPortOptions, 20000)).toMatchObject({
            loginPopup: false,
            ccpLoadTimeout: 10000
        });
    });

    it('leaves the softphone master role to the agent’s own CCP, and takes it only as the agent’s softphone', async () => {
        for (const softphone of [false, true]) {
            const worker = new CcpWorker({ initialState: 'Available' });
            const own = new EmulatedCcp({ post: () => undefined, worker, portId: 'agent-softphone' });
            own.receive({ event: 'configure', data: { softphone: { allowFramedSoftphone: true } } });
            const h = await started({ worker, portId: 'presence-sync', softphone });
            expect(worker.masters.get('softphone')).toBe(softphone ? 'presence-sync' : 'agent-softphone');
            expect(worker.takeovers.length > 0).toBe(softphone);
            h.port.dispose();
            h.streams.stop();
            h.container.remove();
            current = null;
        }
    });

    it('passes the SAML login URL and opts in to storage access only when the admin set them', () => {
        expect(initCcpParams({ ccpUrl: CCP_URL } as ConnectPortOptions, 5000)).not.toHaveProperty('loginUrl');
        expect(initCcpParams({ ccpUrl: CCP_URL } as ConnectPortOptions, 5000)).not.toHaveProperty(
            'storageAccess'
        );
        expect(
            initCcpParams(
                {
                    ccpUrl: CCP_URL,
                    loginUrl: 'https://idp.example.com/saml?RelayState=connect',
                    storageAccess: true
                } as ConnectPortOptions,
                5000
            )
        ).toMatchObject({
            loginUrl: 'https://idp.example.com/saml?RelayState=connect',
            storageAccess: { canRequest: true, mode: 'default' }
        });
    });

    it('turns later snapshots into inputs with the real old state and what they say about contacts', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.setState('Lunch');
        await h.streams.settle();
        h.streams.ccp.enterCallPhase('PendingBusy');
        await h.streams.settle();
        h.streams.ccp.worker.pickState('Training');
        await h.streams.settle();
        expect(h.inputs).toEqual([
            {
                kind: 'connect-state',
                oldState: 'Available',
                newState: 'Lunch',
                onContact: false,
                availabilityState: 'Lunch',
                nextState: null
            },
            {
                kind: 'connect-state',
                oldState: 'Lunch',
                newState: 'PendingBusy',
                onContact: true,
                availabilityState: 'Lunch',
                nextState: null
            },
            {
                kind: 'connect-state',
                oldState: 'PendingBusy',
                newState: 'PendingBusy',
                onContact: true,
                availabilityState: 'Lunch',
                nextState: 'Training'
            }
        ]);
    });

    it('sees a chat as a contact without a system state, and an error state as no contact', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.worker.startContact('chat');
        await h.streams.settle();
        h.streams.ccp.endContact();
        await h.streams.settle();
        h.streams.ccp.setState('MissedCallAgent');
        await h.streams.settle();
        expect(
            h.inputs.map((i) => [
                i.kind === 'connect-state' && i.newState,
                i.kind === 'connect-state' && i.onContact
            ])
        ).toEqual([
            ['Available', true],
            ['Available', false],
            ['MissedCallAgent', false]
        ]);
    });

    it('tells the agent when Connect reports MultipleCcpWindows: signed in in two browsers, not two tabs', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.setState('MultipleCcpWindows');
        await h.streams.settle();
        const problem = h.problems.find(([p]) => p?.code === 'multiple-browsers')?.[0];
        expect(problem?.message).toMatch(/two different browsers.*Several tabs of one browser are fine/);
    });

    it('refuses to start a second CCP in the same window', async () => {
        const first = await started();
        const problems: ConnectProblem[] = [];
        const second = createConnectPort({
            host: {},
            container: document.createElement('div'),
            ccpUrl: CCP_URL,
            onInput: () => undefined,
            onReady: () => undefined,
            onProblem: (p) => p && problems.push(p)
        });
        await second.start();
        expect(problems.map((p) => p.code)).toEqual(['ccp-in-use']);
        expect(first.streams.loads()).toBe(1);
        second.dispose();
    });

    it('says what to check, and to sign in, when the CCP never acknowledges', async () => {
        const h = await started({ acknowledge: false, ackTimeoutMs: 300 });
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- waits out the port's real timeout
        await new Promise((resolve) => setTimeout(resolve, 350));
        const problem = h.problems.find(([p]) => p?.code === 'ccp-not-acknowledged')?.[0];
        expect(problem?.message).toContain('https://presence-sync-demo.my.connect.aws');
        expect(problem?.message).toMatch(/Press Sign in/);
        expect(problem?.message).toMatch(/CSP Trusted Site/);
        expect(problem?.message).toMatch(/approved origins/);
        expect(h.ready).toEqual([]);
    });

    it('reports a missing static resource in words', async () => {
        const h = setUp();
        jest.mocked(loadScript).mockRejectedValueOnce(new Error('404'));
        await h.port.start();
        expect(h.problems[0][0]?.code).toBe('streams-not-loaded');
        expect(h.problems[0][0]?.message).toMatch(/amazonConnectStreams/);
    });
});

describe('changing the Connect state', () => {
    const putCalls = (h: Harness): unknown[] =>
        h.streams.ccp
            .calls()
            .filter((c) => c.method === 'putAgentState')
            .map((c) => (c.params as { enqueueNextState?: boolean }).enqueueNextState);

    it('sets the state object Streams listed, and the new state arrives as a snapshot, in either order', async () => {
        for (const responseOrder of ['response-first', 'snapshot-first'] as const) {
            const h = await started({ initialState: 'Offline', responseOrder });
            await h.port.setState('Available', { enqueueNextState: false });
            await h.streams.settle();
            const put = h.streams.ccp.calls().filter((c) => c.method === 'putAgentState');
            expect(put[0].params).toMatchObject({
                state: { name: 'Available', type: 'routable' },
                enqueueNextState: false
            });
            expect(h.inputs).toEqual([
                {
                    kind: 'connect-state',
                    oldState: 'Offline',
                    newState: 'Available',
                    onContact: false,
                    availabilityState: 'Available',
                    nextState: null
                }
            ]);
            h.port.dispose();
            h.streams.stop();
            h.container.remove();
            current = null;
        }
    });

    it('knows the type of each state the agent may choose, and of no other', async () => {
        const h = await started();
        expect(['Available', 'Lunch', 'Offline', 'Busy', 'Coffee'].map((s) => h.port.stateType(s))).toEqual([
            'routable',
            'not_routable',
            'offline',
            null,
            null
        ]);
    });

    it('queues a next state during a call; the snapshot shows it, and it applies when the contact ends', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.enterCallPhase('Busy');
        await h.streams.settle();
        await h.port.setState('Lunch', { enqueueNextState: true });
        await h.streams.settle();
        expect(h.inputs.at(-1)).toMatchObject({ newState: 'Busy', nextState: 'Lunch' });
        h.streams.ccp.endContact();
        await h.streams.settle();
        expect(h.inputs.at(-1)).toMatchObject({ newState: 'Lunch', onContact: false, nextState: null });
    });

    it('marks a plain change Connect refused because a contact has started, for the session to decide', async () => {
        const h = await started({ initialState: 'Available' });
        // The call is answered in the CCP; its snapshot reaches Streams after the request left.
        const attempt = h.port.setState('Lunch', { enqueueNextState: false });
        attempt.catch(() => undefined);
        h.streams.ccp.enterCallPhase('Busy');
        await h.streams.settle();
        await expect(attempt).rejects.toMatchObject({
            contactStarted: true,
            message: expect.stringMatching(/Amazon Connect cannot change your state right now/)
        });
        expect(putCalls(h)).toEqual([false]);
    });

    it('rejects a refused next state with Streams’ own words, read from its JSON text', async () => {
        const h = await started({ initialState: 'Available' });
        h.streams.ccp.enterCallPhase('Busy');
        await h.streams.settle();
        const attempt = h.port.setState('Available', { enqueueNextState: true });
        attempt.catch(() => undefined);
        await h.streams.settle();
        await expect(attempt).rejects.toThrow(/Invalid agent or contact state/);
        await expect(attempt).rejects.not.toHaveProperty('contactStarted');
    });

    it('times an unanswered request out as a sign-in problem, and clears it once Connect answers again', async () => {
        const h = await started({ initialState: 'Available', requestTimeoutMs: 200 });
        h.streams.ccp.worker.signOut();
        const attempt = h.port.setState('Lunch', { enqueueNextState: false });
        attempt.catch(() => undefined);
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- waits out the port's real timeout
        await new Promise((resolve) => setTimeout(resolve, 250));
        await expect(attempt).rejects.toThrow(/did not answer a state change within 0.2 s\. Press Sign in/);
        // Streams' auth_fail first, then the request's own timeout.
        expect(codes(h)).toEqual(['sign-in', 'sign-in']);
        expect(h.problems[0][0]?.message).toMatch(/Your Amazon Connect session has ended/);
        h.streams.ccp.worker.signIn();
        await h.streams.settle();
        expect(codes(h)).toEqual(['sign-in', 'sign-in', 'cleared sign-in']);
    });

    it('opens the sign-in page (the SAML login URL when set) in a window of its own', async () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        const h = await started({ loginUrl: 'https://idp.example.com/saml' });
        h.port.signIn();
        expect(open).toHaveBeenCalledWith(
            'https://idp.example.com/saml',
            'presenceSyncConnectSignIn',
            expect.any(String)
        );
        open.mockRestore();
    });

    it('names the states the agent may choose when a rule asks for an unknown one', async () => {
        const h = await started({ initialState: 'Available' });
        await expect(h.port.setState('Coffee', { enqueueNextState: false })).rejects.toThrow(
            /no agent state "Coffee".*Available, Offline, Lunch/
        );
        expect(putCalls(h)).toHaveLength(0);
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
        expect(again.ready.map(([state]) => state)).toEqual(['Training']);
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
