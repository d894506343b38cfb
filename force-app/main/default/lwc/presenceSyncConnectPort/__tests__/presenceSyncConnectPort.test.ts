/* eslint-disable no-await-in-loop -- the cases run one after another */
import { loadScript } from 'lightning/platformResourceLoader';
import { createConnectPort, initCcpParams } from 'c/presenceSyncConnectPort';
import type { ConnectPortOptions, ConnectProblem } from 'c/presenceSyncConnectPort';
import { CcpWorker, EmulatedCcp } from '../../../../../test/emulators/ccp';
import {
    CCP_URL,
    setUp,
    started,
    tearDown,
    useConnectPortHarness
} from '../../../../../test/connectPortHarness';

useConnectPortHarness();

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
            tearDown(h);
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
