import type { PresenceSyncRule, SessionSnapshot, TraceEntry } from 'c/presenceSyncEngine';
import { createEngineRig, settle } from '../../../../../test/engineFakes';
import { bidirectional, rule, steps } from '../../../../../test/sessionTestRules';

describe('sync session: start-up takes the states at load as they are', () => {
    it('writes nothing when both sides already agree with the rules, and says In sync', async () => {
        const rig = createEngineRig({ rules: bidirectional(), connectState: 'Lunch', omniStatus: 'Lunch' });
        await settle(rig);
        expect(rig.connect.calls).toEqual([]);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', statusText: 'In sync' });
        const check = rig.sink.entries.find((e) => e.step === 'rules-evaluated');
        expect(check?.message).toBe(
            'Start-up: the current states are kept as they are; the two sides agree with the rules.'
        );
    });

    it('never overwrites a side at load when the sides differ: it names what the rules want instead', async () => {
        // The probe of issue 12: Connect Lunch, Omni-Channel restores Available after a reload.
        const rig = createEngineRig({
            rules: bidirectional(),
            connectState: 'Lunch',
            omniStatus: 'Available'
        });
        await settle(rig);
        expect(rig.connect.calls).toEqual([]);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'out-of-sync',
            statusText: 'Out of sync: rules want Connect Available'
        });
        expect(rig.sink.entries.find((e) => e.step === 'rules-evaluated')?.message).toMatch(
            /the rules want Amazon Connect Available and Omni-Channel Lunch; nothing is written until a side changes or Sync now/
        );
        // Sync now settles it from Connect, the side that decides when nothing changed yet.
        rig.session.syncNow();
        await settle(rig);
        expect(rig.omni.status).toBe('Lunch');
        expect(rig.session.snapshot().statusText).toBe('In sync');
    });

    it('takes a side known only later (Omni-Channel logging in at load) as a state at load too', async () => {
        const rig = createEngineRig({ rules: bidirectional(), connectState: 'Lunch', omniStatus: 'Offline' });
        // Logged out as far as the first read could tell: the rules would want Connect Offline.
        expect(rig.session.snapshot().statusText).toBe('Out of sync: rules want Connect Offline');
        rig.session.sideReady('omni', 'Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.connect.calls).toEqual([]);
        expect(rig.session.snapshot()).toMatchObject({ omniStatus: 'Lunch', statusText: 'In sync' });
        expect(rig.sink.entries.filter((e) => e.step === 'rules-evaluated').pop()?.message).toMatch(
            /^Omni-Channel at load: the current states are kept as they are; the two sides agree/
        );
    });

    it('says which state no rule covers when neither side has a rule', async () => {
        const rig = createEngineRig({ rules: bidirectional(), connectState: 'Training', omniStatus: 'Busy' });
        expect(rig.session.snapshot()).toMatchObject({
            status: 'no-rule',
            statusText: 'No rule for Training'
        });
    });

    it('checks the new rules against the current states when rules change, without writing', async () => {
        const rig = createEngineRig({ rules: [], connectState: 'Lunch', omniStatus: 'Available' });
        expect(rig.session.snapshot().statusText).toBe('No rule for Lunch');
        rig.session.setRules([rule({ id: 'lunch' })]);
        await settle(rig);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.session.snapshot().statusText).toBe('Out of sync: rules want Omni Lunch');
        expect(rig.sink.entries.filter((e) => e.step === 'rules-evaluated').pop()?.message).toMatch(
            /^New rules:/
        );
    });
});

describe('sync session: readiness', () => {
    it('holds events until rules and both sides are ready, then processes them in order', async () => {
        const rig = createEngineRig({ ready: false });
        const seen: SessionSnapshot[] = [];
        rig.session.subscribe((s) => seen.push(s));
        rig.connect.agentSets('Lunch');
        rig.connect.agentSets('Available');
        rig.session.setRules(bidirectional());
        rig.session.sideReady('omni', 'Offline');
        expect(rig.omni.calls).toEqual([]);
        expect(rig.session.snapshot().status).toBe('not-ready');
        rig.session.sideReady('connect', 'Init');
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch', 'Available']);
        expect(rig.omni.status).toBe('Available');
        expect(seen[0].status).toBe('not-ready');
        expect(seen[seen.length - 1].status).toBe('in-sync');
        const queued = rig.sink.entries.filter((e) => e.step === 'event-queued');
        expect(queued.map((e) => [e.side, e.eventType, e.event?.connectNewState])).toEqual([
            ['connect', 'ConnectStateChange', 'Lunch'],
            ['connect', 'ConnectStateChange', 'Available']
        ]);
        // Each held event keeps its correlation id when it is finally processed.
        const received = rig.sink.entries.filter((e) => e.step === 'event-received' && e.side === 'connect');
        expect(received.map((e) => e.correlationId)).toEqual(queued.map((e) => e.correlationId));
    });

    it('processes a held change even when the side becomes ready in the state it reported', async () => {
        const rig = createEngineRig({ ready: false, connectState: 'Offline', omniStatus: 'Offline' });
        rig.session.setRules(bidirectional());
        rig.session.sideReady('omni', 'Offline');
        rig.session.receive({ kind: 'connect-state', oldState: 'Offline', newState: 'Lunch' });
        const held = rig.sink.entries.find((e) => e.step === 'event-queued') as TraceEntry;
        // The CCP loads after the change, so its ready state already shows it.
        rig.session.sideReady('connect', 'Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
        expect(rig.omni.status).toBe('Lunch');
        expect(rig.session.snapshot()).toMatchObject({
            status: 'in-sync',
            connectState: 'Lunch',
            omniStatus: 'Lunch'
        });
        expect(steps(rig.sink.entries, held.correlationId)).toEqual([
            'event-queued',
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result:success',
            'event-received:suppressed'
        ]);
        const evaluated = rig.sink.entries.find(
            (e) => e.correlationId === held.correlationId && e.step === 'rules-evaluated'
        );
        expect(evaluated?.matchedRuleIds).toEqual(['lunch:publisher']);
        expect(rig.sink.entries.some((e) => /again: nothing changed/.test(e.message ?? ''))).toBe(false);
    });

    it('still runs no rules on a held report of the state its side was ready in when it arrived', async () => {
        const rig = createEngineRig({ ready: false, connectState: 'Lunch', omniStatus: 'Offline' });
        rig.session.sideReady('connect', 'Lunch');
        rig.session.sideReady('omni', 'Offline');
        // A refresh while the rules are still loading, then a real change and its refresh.
        rig.session.receive({ kind: 'connect-state', oldState: 'Init', newState: 'Lunch' });
        rig.session.receive({ kind: 'omni-status', statusDeveloperName: 'Available' });
        rig.session.receive({ kind: 'omni-status', statusDeveloperName: 'Available' });
        rig.session.setRules(bidirectional());
        await settle(rig);
        expect(rig.connect.calls.map((c) => c.stateName)).toEqual(['Available']);
        expect(rig.omni.calls).toEqual([]);
        expect(rig.sink.entries.filter((e) => e.matchedRuleIds !== undefined)).toHaveLength(1);
        expect(
            rig.sink.entries.filter((e) =>
                /reports (Lunch|Available) again: nothing changed/.test(e.message ?? '')
            )
        ).toHaveLength(2);
    });

    it('drops the oldest held events beyond the limit and traces it', async () => {
        const rig = createEngineRig({ ready: false, settings: { pendingEventLimit: 2 } });
        rig.connect.agentSets('Lunch');
        rig.connect.agentSets('Break');
        rig.connect.agentSets('Available');
        const dropped = rig.sink.entries.filter((e) => e.step === 'event-queued' && e.result === 'skipped');
        expect(dropped).toHaveLength(1);
        expect(dropped[0].message).toMatch(/more than 2 events/);
        rig.session.setRules(bidirectional());
        rig.session.sideReady('connect', 'Available');
        rig.session.sideReady('omni', 'Lunch');
        await settle(rig);
        // Lunch was dropped; Break matches nothing; Available wins.
        expect(rig.omni.calls).toEqual(['Available']);
    });

    it('starts with a side whose state is not known yet, and learns it from the next report', async () => {
        const rig = createEngineRig({ ready: false });
        rig.session.setRules(bidirectional());
        rig.session.sideReady('connect', undefined as unknown as string);
        rig.session.sideReady('omni', 'Available');
        expect(rig.session.snapshot()).toMatchObject({ ready: true, connectState: null });
        expect(rig.sink.entries.find((e) => e.step === 'side-ready')?.message).toBe(
            'Amazon Connect is ready; its state is not known yet.'
        );
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.session.snapshot()).toMatchObject({ connectState: 'Lunch', omniStatus: 'Lunch' });
    });

    it('counts only well-formed active rules', () => {
        const rig = createEngineRig({
            rules: [...bidirectional(), rule({ id: 'off', active: false }), { id: 'bad' } as PresenceSyncRule]
        });
        expect(rig.session.snapshot().ruleCount).toBe(6);
        expect(rig.sink.entries.find((e) => e.step === 'rules-loaded')?.message).toBe(
            '6 active rules in use (of 8 loaded).'
        );
    });
});
