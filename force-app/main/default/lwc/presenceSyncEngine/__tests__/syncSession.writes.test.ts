/* eslint-disable no-await-in-loop -- each step must settle before the next one starts */
import { createSyncSession } from 'c/presenceSyncEngine';
import { ArrayTraceSink, createEngineRig, ManualClock, settle } from '../../../../../test/engineFakes';
import { bidirectional, rule } from '../../../../../test/sessionTestRules';

describe('sync session: serial writes, latest wins', () => {
    it('lets only the latest wanted state wait behind the call in flight', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        const more = rule({ id: 'break', operandBValue: 'Break', destinationValue: 'Break' });
        rig.session.setRules([...bidirectional(), more]);
        rig.omni.hold();
        rig.connect.agentSets('Lunch'); // in flight
        rig.connect.agentSets('Break'); // waits
        rig.connect.agentSets('Available'); // replaces Break
        expect(rig.omni.calls).toEqual(['Lunch']);
        expect(rig.session.snapshot().status).toBe('syncing');
        const superseded = rig.sink.entries.filter((e) => e.message?.startsWith('Superseded'));
        expect(superseded).toHaveLength(1);
        expect(superseded[0].value).toBe('Break');
        rig.omni.release();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch', 'Available']);
        expect(rig.omni.status).toBe('Available');
    });

    it('drops a waiting write when the state in flight is wanted again', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        rig.omni.hold();
        rig.connect.agentSets('Lunch');
        rig.connect.agentSets('Available');
        rig.connect.agentSets('Lunch');
        rig.omni.release();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
        expect(rig.omni.status).toBe('Lunch');
    });

    it('resolves idle() only when no call is in flight', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.hold();
        rig.connect.agentSets('Lunch');
        let idle = false;
        rig.session.idle().then(() => {
            idle = true;
        });
        await Promise.resolve();
        expect(idle).toBe(false);
        rig.omni.release();
        await settle(rig);
        expect(idle).toBe(true);
    });
});

describe('sync session: failures', () => {
    it('reports a refused call with the platform message and does not retry', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.failNext('You do not have access to the Lunch status.');
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
        const failure = rig.sink.entries.find((e) => e.step === 'call-result');
        expect(failure).toMatchObject({
            result: 'failure',
            level: 'error',
            side: 'omni',
            message: 'You do not have access to the Lunch status.'
        });
        expect(failure?.latencyMs).toBe(0);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'out-of-sync',
            lastError: { side: 'omni', message: 'You do not have access to the Lunch status.' }
        });
        rig.clock.advance(60_000);
        await settle(rig);
        expect(rig.omni.calls).toHaveLength(1);
    });

    it('is back in sync once a later decision for that side is applied', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        rig.omni.failNext('down');
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.connect.agentSets('Available');
        await settle(rig);
        expect(rig.session.snapshot().status).toBe('in-sync');
        expect(rig.session.snapshot().lastError).toBeNull();
    });

    it('keeps the refusal while the sides differ, and forgets it once that side takes a change', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        rig.omni.failNext('down');
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.clock.advance(5_000);
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'out-of-sync',
            lastError: { message: 'down' }
        });
        rig.session.syncNow();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch', 'Lunch']);
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', lastError: null });
    });

    it('turns a port that throws synchronously, or rejects with odd values, into failures', async () => {
        const clock = new ManualClock();
        const sink = new ArrayTraceSink();
        const reasons: unknown[] = [{ code: 42 }, 'plain words', undefined, {}];
        const session = createSyncSession({
            connect: {
                setState: () => {
                    throw new Error('Streams is not initialised');
                },
                stateType: () => 'not_routable'
            },
            omni: { setStatus: () => Promise.reject(reasons.shift()) },
            clock,
            trace: sink
        });
        session.setRules(bidirectional());
        session.sideReady('connect', 'Available');
        session.sideReady('omni', 'Offline');
        for (const state of ['Lunch', 'Available', 'Lunch', 'Available']) {
            session.receive({ kind: 'connect-state', oldState: 'x', newState: state });
            await session.idle();
        }
        session.receive({ kind: 'omni-status', statusDeveloperName: 'Lunch' });
        await session.idle();
        const messages = sink.entries.filter((e) => e.result === 'failure').map((e) => e.message);
        expect(messages).toEqual([
            '{"code":42}',
            'plain words',
            'The platform refused the change without saying why.',
            'The platform refused the change without saying why.',
            'Streams is not initialised'
        ]);
    });
});
