/**
 * The emulated CCP against the real amazon-connect-streams bundle in jsdom: if Streams accepts
 * what it sends, so will the agent component's Connect port.
 */
import { CcpWorker, EmulatedCcp } from '../ccp';
import { emulateCcpInJsdom } from '../jsdomCcp';
import type { JsdomCcpOptions } from '../jsdomCcp';

type StreamsAgent = {
    getState(): { name: string; type: string; agentStateARN: string | null };
    getNextState(): { name: string } | null;
    getAgentStates(): Array<{ name: string; type: string; agentStateARN: string }>;
    getContacts(): unknown[];
    setState(
        state: unknown,
        callbacks: { success?: () => void; failure?: (err: string) => void },
        options?: { enqueueNextState?: boolean }
    ): void;
    onStateChange(f: (change: { oldState: string; newState: string }) => void): void;
    onEnqueuedNextState(f: () => void): void;
    getAvailabilityState(): { state: string };
};
type Streams = {
    core: {
        initCCP(container: HTMLElement, params: Record<string, unknown>): void;
        getEventBus(): unknown;
        onAuthFail(f: () => void): void;
    };
    agent(f: (agent: StreamsAgent) => void): void;
};

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
async function flush(times = 6): Promise<void> {
    for (let i = 0; i < times; i++) {
        await macrotask();
    }
}

/** A fresh copy of the real bundle per test: it keeps its state in module-level globals. */
async function loadStreams(): Promise<Streams> {
    await jest.isolateModulesAsync(async () => {
        // The bundle is a script that defines the global `connect`; its types declare no module.
        // @ts-expect-error -- no module declaration, only the global namespace
        await import('amazon-connect-streams');
    });
    return (window as unknown as { connect: Streams }).connect;
}

function setState(agent: StreamsAgent, name: string, enqueueNextState = false): Promise<void> {
    const target = agent.getAgentStates().find((s) => s.name === name);
    return new Promise((resolve, reject) =>
        agent.setState(
            target,
            { success: () => resolve(), failure: (err) => reject(new Error(err)) },
            { enqueueNextState }
        )
    );
}

async function startStreams(
    options: JsdomCcpOptions = {},
    softphone: Record<string, unknown> = { allowFramedSoftphone: false, disableRingtone: true }
) {
    const ccp = emulateCcpInJsdom({ initialState: 'Offline', ...options });
    const connect = await loadStreams();
    const container = document.createElement('div');
    document.body.appendChild(container);
    connect.core.initCCP(container, {
        ccpUrl: 'https://presence-sync-demo.my.connect.aws/ccp-v2/',
        loginPopup: false,
        softphone
    });
    const changes: string[] = [];
    let agent: StreamsAgent | null = null;
    connect.agent((a) => {
        agent = a;
        a.onStateChange(({ oldState, newState }) => changes.push(`${oldState}->${newState}`));
    });
    await flush();
    return { ccp, connect, changes, agent: () => agent };
}

describe('emulated CCP with the real Streams bundle', () => {
    // Streams logs every step to the console; the assertions say what matters.
    beforeAll(() => {
        jest.spyOn(console, 'info').mockImplementation(() => undefined);
        jest.spyOn(console, 'log').mockImplementation(() => undefined);
    });
    let detach: (() => void) | null = null;
    afterEach(() => {
        detach?.();
        detach = null;
        delete (window as unknown as { connect?: unknown }).connect;
        document.body.innerHTML = '';
    });

    it('is acknowledged by Streams and delivers the first snapshot as Init -> Offline', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent();
        expect(agent).not.toBeNull();
        expect(agent!.getState()).toMatchObject({ name: 'Offline', type: 'offline' });
        expect(agent!.getAgentStates().map((s) => s.name)).toEqual([
            'Available',
            'Offline',
            'Lunch',
            'Training',
            'Working - Phone',
            'Working - Media'
        ]);
        expect(run.changes).toEqual(['Init->Offline']);
    });

    it('applies putAgentState and reports the change in a later snapshot', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        await setState(run.agent()!, 'Lunch');
        await flush();
        expect(run.ccp.state()).toBe('Lunch');
        expect(run.changes).toEqual(['Init->Offline', 'Offline->Lunch']);
        const put = run.ccp.calls().filter((c) => c.method === 'putAgentState');
        expect(put).toHaveLength(1);
        expect(put[0].params).toMatchObject({ state: { name: 'Lunch' }, enqueueNextState: false });
    });

    it('refuses a system state with InvalidStateException', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        const refused = new Promise<string>((resolve) =>
            agent.setState(
                { name: 'Busy', type: 'system' },
                { success: () => resolve('accepted'), failure: resolve }
            )
        );
        const err = JSON.parse(await refused) as { type: string; message: string };
        expect(err.type).toBe('InvalidStateException');
        expect(run.ccp.state()).toBe('Offline');
    });

    it('during a call refuses a plain change, queues it as next state, and applies it after the call', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        await setState(agent, 'Available');
        run.ccp.setState('PendingBusy');
        run.ccp.setState('Busy');
        await flush();
        expect(agent.getState()).toMatchObject({ name: 'Busy', type: 'system' });
        expect(agent.getContacts()).toHaveLength(1);

        await expect(setState(agent, 'Lunch')).rejects.toThrow(/InvalidStateException/);
        let enqueued = 0;
        agent.onEnqueuedNextState(() => enqueued++);
        await setState(agent, 'Lunch', true);
        await flush();
        expect(agent.getNextState()).toMatchObject({ name: 'Lunch' });
        expect(enqueued).toBe(1);

        run.ccp.setState('AfterCallWork');
        run.ccp.endContact();
        await flush();
        expect(agent.getState().name).toBe('Lunch');
        expect(agent.getNextState()).toBeNull();
        expect(run.changes.slice(-4)).toEqual([
            'Available->PendingBusy',
            'PendingBusy->Busy',
            'Busy->AfterCallWork',
            'AfterCallWork->Lunch'
        ]);
    });

    it('returns to the state before the call when nothing was queued', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        await setState(run.agent()!, 'Available');
        run.ccp.setState('Busy');
        run.ccp.setState('AfterCallWork');
        run.ccp.endContact();
        await flush();
        expect(run.agent()!.getState().name).toBe('Available');
    });

    it('never acknowledging leaves Streams without an agent', async () => {
        const run = await startStreams({ acknowledge: false });
        detach = run.ccp.detach;
        expect(run.agent()).toBeNull();
    });

    it('queues only a custom not-routable state or Offline, never a routable state or the availability state', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        await setState(agent, 'Lunch');
        run.ccp.setState('Busy');
        await flush();
        await expect(setState(agent, 'Available', true)).rejects.toThrow(/InvalidStateException/);
        // Issue #465 of amazon-connect-streams: queueing the current (availability) state is refused.
        await expect(setState(agent, 'Lunch', true)).rejects.toThrow(
            /Cannot change agent state: Invalid agent or contact state/
        );
        await setState(agent, 'Offline', true);
        await flush();
        expect(agent.getNextState()).toMatchObject({ name: 'Offline' });
        expect(agent.getAvailabilityState()).toMatchObject({ state: 'Lunch' });
    });

    it('puts the agent in an error state with no contact, from which a plain change works', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        await setState(agent, 'Available');
        run.ccp.setState('PendingBusy');
        run.ccp.setState('MissedCallAgent');
        await flush();
        expect(agent.getState()).toMatchObject({ name: 'MissedCallAgent', type: 'error' });
        expect(agent.getContacts()).toEqual([]);
        await setState(agent, 'Available');
        await flush();
        expect(agent.getState()).toMatchObject({ name: 'Available', type: 'routable' });
    });

    it('gives chat and task contacts no system state, refuses plain changes while they last, and applies the next state when the last contact clears', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        await setState(agent, 'Available');
        run.ccp.worker.startContact('chat');
        run.ccp.worker.startContact('task');
        await flush();
        expect(agent.getState()).toMatchObject({ name: 'Available', type: 'routable' });
        expect(agent.getContacts().map((c) => (c as { getType(): string }).getType())).toEqual([
            'chat',
            'task'
        ]);
        await expect(setState(agent, 'Lunch')).rejects.toThrow(/InvalidStateException/);
        await setState(agent, 'Lunch', true);
        run.ccp.endContact();
        await flush();
        expect(agent.getState().name).toBe('Available');
        run.ccp.endContact();
        await flush();
        expect(agent.getState().name).toBe('Lunch');
    });

    it('keeps a call and a chat at once: the state follows the call, the next state waits for both', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        await setState(agent, 'Available');
        run.ccp.worker.startContact('chat');
        run.ccp.setState('Busy');
        await setState(agent, 'Training', true);
        await flush();
        expect(agent.getContacts()).toHaveLength(2);
        expect(agent.getState().name).toBe('Busy');
        run.ccp.worker.endContact('emulated-contact-2');
        await flush();
        expect(agent.getState().name).toBe('Available');
        run.ccp.endContact();
        await flush();
        expect(agent.getState().name).toBe('Training');
    });

    it('answers no request while the agent is signed out: auth_fail instead, and snapshots again after sign-in', async () => {
        const run = await startStreams();
        detach = run.ccp.detach;
        const agent = run.agent()!;
        let authFails = 0;
        run.connect.core.onAuthFail(() => authFails++);
        run.ccp.worker.signOut();
        let answered = false;
        void setState(agent, 'Available').then(
            () => (answered = true),
            () => (answered = true)
        );
        await flush();
        expect(authFails).toBe(1);
        expect(answered).toBe(false);
        run.ccp.worker.signIn();
        run.ccp.setState('Lunch');
        await flush();
        expect(agent.getState().name).toBe('Lunch');
        expect(answered).toBe(false);
    });

    it('leaves the softphone to the agent’s own CCP unless the parent allows a framed softphone', async () => {
        for (const allowFramedSoftphone of [false, true]) {
            const worker = new CcpWorker({ initialState: 'Offline' });
            const native = new EmulatedCcp({ post: () => undefined, worker, portId: 'native-ccp' });
            native.receive({ event: 'configure', data: { softphone: { allowFramedSoftphone: true } } });
            const run = await startStreams({ worker, portId: 'presence-sync-ccp' }, { allowFramedSoftphone });
            expect(run.ccp.configured()?.softphone?.allowFramedSoftphone).toBe(allowFramedSoftphone);
            expect(worker.masters.get('softphone')).toBe(
                allowFramedSoftphone ? 'presence-sync-ccp' : 'native-ccp'
            );
            expect(worker.takeovers).toEqual(
                allowFramedSoftphone
                    ? [
                          { topic: 'softphone', from: 'native-ccp', to: 'presence-sync-ccp' },
                          { topic: 'ringtone', from: 'native-ccp', to: 'presence-sync-ccp' }
                      ]
                    : []
            );
            run.ccp.detach();
            delete (window as unknown as { connect?: unknown }).connect;
            document.body.innerHTML = '';
        }
    });

    it('may send the new snapshot before or after the response to putAgentState', async () => {
        for (const responseOrder of ['response-first', 'snapshot-first'] as const) {
            const run = await startStreams({ responseOrder });
            const agent = run.agent()!;
            const seen: string[] = [];
            agent.onStateChange(({ newState }) => seen.push(`state ${newState}`));
            await setState(agent, 'Lunch').then(() => seen.push('success'));
            await flush();
            expect(seen).toEqual(
                responseOrder === 'response-first' ? ['success', 'state Lunch'] : ['state Lunch', 'success']
            );
            run.ccp.detach();
            delete (window as unknown as { connect?: unknown }).connect;
            document.body.innerHTML = '';
        }
    });
});
