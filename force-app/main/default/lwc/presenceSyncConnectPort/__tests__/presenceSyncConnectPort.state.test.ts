/* eslint-disable no-await-in-loop -- the cases run one after another */
import { describeStreamsError } from 'c/presenceSyncConnectPort';
import {
    codes,
    setUp,
    started,
    tearDown,
    useConnectPortHarness
} from '../../../../../test/connectPortHarness';
import type { Harness } from '../../../../../test/connectPortHarness';

useConnectPortHarness();

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
            tearDown(h);
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
