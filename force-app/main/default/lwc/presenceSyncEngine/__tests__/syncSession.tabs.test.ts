import { createSyncSession } from 'c/presenceSyncEngine';
import { createEngineRig, FakeConnect, FakeOmni, ManualClock, settle } from '../../../../../test/engineFakes';
import { bidirectional } from '../../../../../test/sessionTestRules';

describe('sync session: tabs, sync now, trace', () => {
    it('evaluates and traces but never calls a port in a non-writer tab', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.session.setWriter(false);
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.session.snapshot().status).toBe('read-only');
        expect(rig.sink.entries.find((e) => e.step === 'decision')?.message).toMatch(/only watches/);
        rig.session.setWriter(true);
        expect(rig.sink.entries.filter((e) => e.step === 'writer-changed')).toHaveLength(2);
        rig.session.syncNow();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
    });

    it('drops a waiting write when the tab stops being the writer', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        rig.omni.hold();
        rig.connect.agentSets('Lunch');
        rig.connect.agentSets('Available');
        rig.session.setWriter(false);
        rig.omni.release();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
    });

    it('syncNow re-applies the rules from Connect when no external change came yet', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            connectState: 'Lunch',
            omniStatus: 'Available'
        });
        rig.session.syncNow();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
        const entry = rig.sink.entries.find((e) => e.message?.startsWith('Sync now'));
        expect(entry).toMatchObject({ side: 'connect', eventType: 'ConnectStateChange' });
    });

    it('syncNow repairs a failed write from the side of the last external change', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.failNext('{"type":"InvalidStateException"}');
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({ status: 'out-of-sync', connectState: 'Available' });
        rig.session.syncNow();
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', connectState: 'Lunch' });

        rig.connect.failNext('down');
        rig.omni.logout();
        await settle(rig);
        expect(rig.connect.state).toBe('Lunch');
        rig.session.syncNow();
        await settle(rig);
        expect(rig.connect.state).toBe('Offline');
        const syncs = rig.sink.entries.filter((e) => e.message?.startsWith('Sync now'));
        expect(syncs.map((e) => e.eventType)).toEqual(['SalesforceStateChange', 'SalesforceLogout']);
    });

    it('syncNow before readiness is traced and does nothing', () => {
        const rig = createEngineRig({ ready: false });
        rig.session.syncNow();
        expect(rig.sink.entries[0]).toMatchObject({ step: 'event-received', result: 'skipped' });
    });

    it('keeps a bounded trace, oldest first, with increasing sequence numbers', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { traceLimit: 5 },
            idPrefix: 'tab7'
        });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.connect.agentSets('Available');
        await settle(rig);
        const kept = rig.session.traceEntries();
        expect(kept).toHaveLength(5);
        expect(kept).toEqual(rig.sink.entries.slice(-5));
        expect(kept.map((e) => e.seq)).toEqual([...kept.map((e) => e.seq)].sort((a, b) => a - b));
        expect(kept.every((e) => e.correlationId.startsWith('tab7-'))).toBe(true);
        expect(kept[kept.length - 1]).toMatchObject({ connectState: 'Available', omniStatus: 'Available' });
    });

    it('keeps no trace when the limit is 0, and survives a throwing sink and listener', async () => {
        const session = createSyncSession({
            connect: new FakeConnect(),
            omni: new FakeOmni(),
            clock: new ManualClock(),
            trace: {
                write: () => {
                    throw new Error('log full');
                }
            },
            settings: { traceLimit: 0 }
        });
        const good = jest.fn();
        session.subscribe(() => {
            throw new Error('bad listener');
        });
        const unsubscribe = session.subscribe(good);
        session.setRules(bidirectional());
        expect(session.traceEntries()).toEqual([]);
        expect(good).toHaveBeenCalledTimes(1);
        unsubscribe();
        session.sideReady('omni', 'Available');
        expect(good).toHaveBeenCalledTimes(1);
    });

    it('stops after dispose', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.hold();
        rig.connect.agentSets('Lunch');
        const idle = rig.session.idle();
        rig.session.dispose();
        await idle;
        const count = rig.sink.entries.length;
        rig.omni.release();
        rig.connect.agentSets('Available');
        rig.session.setRules([]);
        rig.session.sideReady('omni', 'x');
        rig.session.setWriter(false);
        rig.session.syncNow();
        rig.session.resume();
        rig.session.dispose();
        await settle(rig);
        expect(rig.sink.entries).toHaveLength(count);
        await expect(rig.session.idle()).resolves.toBeUndefined();
    });
});
