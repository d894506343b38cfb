/* eslint-disable no-await-in-loop -- each step must settle before the next one starts */
import { DEFAULT_SESSION_SETTINGS } from 'c/presenceSyncEngine';
import { createEngineRig, settle } from '../../../../../test/engineFakes';
import { bidirectional, rule } from '../../../../../test/sessionTestRules';

describe('sync session: what the agent is told', () => {
    it('names a state no rule covers instead of saying In sync', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        expect(rig.session.snapshot().statusText).toBe('In sync');
        rig.connect.agentSets('Training');
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'no-rule',
            statusText: 'No rule for Training'
        });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.session.snapshot().statusText).toBe('In sync');
    });

    it('names the refusal: Out of sync: Omni refused Lunch, until the side changes or a later decision lands', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.failNext('The presence status "Lunch" is not available to you.');
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'out-of-sync',
            statusText: 'Out of sync: Omni refused Lunch',
            lastApplied: null
        });
        rig.omni.logout(); // the agent leaves Omni-Channel by hand: the rules run on that
        await settle(rig);
        expect(rig.connect.state).toBe('Offline');
        expect(rig.session.snapshot().statusText).toBe('In sync');
    });

    it('shows as last rule applied only what a platform accepted, never a skipped decision', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Lunch' });
        rig.connect.agentSets('Lunch'); // Omni is Lunch already: decided, skipped
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({
            lastDecision: { ruleId: 'lunch:publisher' },
            lastApplied: null
        });
        rig.connect.agentSets('Available');
        await settle(rig);
        expect(rig.session.snapshot().lastApplied).toMatchObject({
            ruleId: 'avail:publisher',
            destination: 'SalesforceAgentState',
            value: 'Available'
        });
    });

    it('says Paused: sides differ, and Resume applies the rules to the current states', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { flapMaxChanges: 1, flapWindowMs: 60_000 }
        });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.omni.agentSets('Available'); // second automated write: paused, skipped
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'paused',
            statusText: 'Paused: sides differ',
            connectState: 'Lunch',
            omniStatus: 'Available',
            lastApplied: { value: 'Lunch' }
        });
        rig.session.resume();
        await settle(rig);
        // The last change was Omni-Channel's Available: the rules set Connect Available now.
        expect(rig.connect.state).toBe('Available');
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', statusText: 'In sync' });
        expect(rig.session.snapshot().lastApplied).toMatchObject({
            ruleId: 'avail:subscriber',
            value: 'Available'
        });
    });

    it('says Paused without more when the sides are what the rules want', async () => {
        const rig = createEngineRig({ rules: [rule({ id: 'lunch' })], settings: { flapMaxChanges: 1 } });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.omni.agentSets('Available');
        rig.connect.agentSets('Available');
        rig.connect.agentSets('Lunch'); // Omni must be Lunch again: paused
        await settle(rig);
        expect(rig.session.snapshot().statusText).toBe('Paused: sides differ');
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.session.snapshot().statusText).toBe('Paused');
    });

    it('skips a write when the tab no longer holds the writer lease, without calling the port', async () => {
        let lease = true;
        const rig = createEngineRig({ rules: bidirectional(), writeLease: () => lease });
        lease = false;
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.sink.entries.find((e) => e.step === 'decision' && e.result === 'skipped')?.message).toBe(
            'This tab no longer holds the writer role; another tab applies decisions.'
        );
    });
});

describe('sync session: flapping guard', () => {
    it('pauses after too many automated writes in the window, and resumes on request', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { flapMaxChanges: 3, flapWindowMs: 10_000 }
        });
        for (const state of ['Lunch', 'Available', 'Lunch']) {
            rig.connect.agentSets(state);
            await settle(rig);
            rig.clock.advance(1000);
        }
        expect(rig.omni.calls).toHaveLength(3);
        rig.connect.agentSets('Available');
        await settle(rig);
        expect(rig.omni.calls).toHaveLength(3);
        const snap = rig.session.snapshot();
        expect(snap.status).toBe('paused');
        expect(snap.pausedReason).toMatch(/More than 3 automated changes within 10 seconds/);
        expect(rig.sink.entries.find((e) => e.step === 'sync-paused')?.level).toBe('warn');

        // While paused, decisions are made and traced but not applied.
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.omni.calls).toHaveLength(3);
        const skipped = rig.sink.entries.filter((e) => e.step === 'decision' && e.result === 'skipped');
        expect(skipped[skipped.length - 1].message).toMatch(/paused/);

        rig.session.resume();
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', pausedReason: null });
        const resumed = rig.sink.entries.findIndex((e) => e.step === 'sync-resumed');
        expect(rig.sink.entries[resumed + 1].message).toBe(
            'Resume: applying the rules to the current Amazon Connect state again.'
        );
        rig.connect.agentSets('Available');
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch', 'Available', 'Lunch', 'Available']);
    });

    it('forgets writes older than the window', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { flapMaxChanges: 2, flapWindowMs: 1000 }
        });
        for (const state of ['Lunch', 'Available', 'Lunch', 'Available', 'Lunch']) {
            rig.connect.agentSets(state);
            await settle(rig);
            rig.clock.advance(600);
        }
        expect(rig.omni.calls).toHaveLength(5);
        expect(rig.session.snapshot().status).toBe('in-sync');
    });

    it('uses documented defaults and repairs nonsense settings', () => {
        // Written out as documented, not copied from sessionSettings.ts, so that a changed default fails here.
        expect(DEFAULT_SESSION_SETTINGS).toEqual({
            onContact: 'queue-next',
            flapMaxChanges: 8,
            flapWindowMs: 10_000,
            pendingEventLimit: 100,
            traceLimit: 500,
            echoTimeoutMs: 5_000
        });
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { flapMaxChanges: -1, traceLimit: Number.NaN, onContact: 'bogus' as never }
        });
        for (let i = 0; i < 8; i++) {
            rig.connect.agentSets(i % 2 ? 'Lunch' : 'Available');
        }
        expect(rig.session.snapshot().status).not.toBe('paused');
    });
});
