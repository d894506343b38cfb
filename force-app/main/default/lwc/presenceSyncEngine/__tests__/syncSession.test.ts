/* eslint-disable no-await-in-loop -- each step must settle before the next one starts */
import { createSyncSession, DEFAULT_SESSION_SETTINGS, expandMappings } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, SessionSnapshot, TraceEntry } from 'c/presenceSyncEngine';
import {
    ArrayTraceSink,
    createEngineRig,
    FakeConnect,
    FakeOmni,
    ManualClock,
    settle
} from '../../../../../test/engineFakes';

/** Connect Lunch ⇄ Omni Lunch, Connect Available ⇄ Omni Available, Omni Offline → Connect Offline. */
function bidirectional(): PresenceSyncRule[] {
    return expandMappings([
        { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' },
        { id: 'avail', connectState: 'Available', salesforceStatus: 'Available', type: 'BiDirectional' },
        { id: 'off', connectState: 'Offline', salesforceStatus: 'Offline', type: 'Subscriber' }
    ]);
}

function rule(partial: Partial<PresenceSyncRule> & Pick<PresenceSyncRule, 'id'>): PresenceSyncRule {
    return {
        name: partial.id,
        active: true,
        order: 10,
        source: 'ConnectStateChange',
        operandA: 'ConnectNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: 'Lunch',
        destination: 'SalesforceAgentState',
        destinationValue: 'Lunch',
        ...partial
    };
}

function steps(entries: TraceEntry[], correlationId?: string): string[] {
    return entries
        .filter((e) => correlationId === undefined || e.correlationId === correlationId)
        .map((e) => (e.result ? `${e.step}:${e.result}` : e.step));
}

describe('sync session: ordinary sync', () => {
    it('sets Omni-Channel when the agent changes Connect, and the echo runs no rules', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.agentSets('Lunch');
        await settle(rig);

        expect(rig.omni.calls).toEqual(['Lunch']);
        expect(rig.connect.calls).toEqual([]);
        expect(rig.session.snapshot()).toMatchObject({
            status: 'in-sync',
            connectState: 'Lunch',
            omniStatus: 'Lunch',
            lastDecision: { ruleId: 'lunch:publisher', destination: 'SalesforceAgentState', value: 'Lunch' }
        });
        const external = rig.sink.entries.find((e) => e.step === 'event-received' && e.side === 'connect');
        expect(steps(rig.sink.entries, external?.correlationId)).toEqual([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result:success',
            'event-received:suppressed'
        ]);
    });

    it('sets Connect when the agent changes Omni-Channel', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.connect.calls).toEqual([{ stateName: 'Lunch', enqueueNextState: false }]);
        expect(rig.connect.state).toBe('Lunch');
        expect(rig.omni.calls).toEqual([]);
    });

    it('treats an Omni-Channel logout as the Offline status', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.omni.logout();
        await settle(rig);
        expect(rig.connect.state).toBe('Offline');
        expect(rig.session.snapshot().omniStatus).toBe('Offline');
    });

    it('passes work-accepted and workload events to the rules', async () => {
        const rules = [
            rule({
                id: 'work',
                source: 'SalesforceWorkAccepted',
                operandA: 'SalesforceServiceChannel',
                operandBValue: 'Phone',
                destination: 'ConnectAgentState',
                destinationValue: 'Working'
            }),
            rule({
                id: 'full',
                source: 'SalesforceWorkloadChanged',
                operandA: 'SalesforceNewWorkloadPct',
                comparator: 'GreaterThanOrEqual',
                operandBValue: '100',
                destination: 'ConnectAgentState',
                destinationValue: 'Full'
            })
        ];
        const rig = createEngineRig({ rules });
        rig.omni.acceptWork('Phone');
        await settle(rig);
        expect(rig.connect.state).toBe('Working');
        rig.omni.workload(1, 2, 2);
        await settle(rig);
        expect(rig.connect.state).toBe('Full');
        expect(rig.session.snapshot().omniStatus).toBe('Available');
    });

    it('passes the interruptible numbers of a workload event to the rules', async () => {
        const rig = createEngineRig({
            rules: [
                rule({
                    id: 'interruptible-full',
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewInterruptibleWorkloadPct',
                    comparator: 'GreaterThanOrEqual',
                    operandBValue: '100',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Busy Chat'
                })
            ]
        });
        rig.omni.workload(0, 0, 10);
        await settle(rig);
        expect(rig.connect.calls).toEqual([]);
        rig.omni.workload(0, 0, 10, {
            previousInterruptibleWorkload: 2,
            newInterruptibleWorkload: 3,
            configuredInterruptibleCapacity: 3
        });
        await settle(rig);
        expect(rig.connect.state).toBe('Busy Chat');
        const received = rig.sink.entries.filter((e) => e.step === 'event-received' && e.side === 'omni');
        expect(received.at(-1)?.event).toMatchObject({
            type: 'SalesforceWorkloadChanged',
            newInterruptibleWorkload: 3,
            configuredInterruptibleCapacity: 3
        });
    });

    it('never sets a side to the state it already has', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Lunch' });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        expect(rig.omni.calls).toEqual([]);
        const skipped = rig.sink.entries.find((e) => e.step === 'decision' && e.result === 'skipped');
        expect(skipped?.message).toBe('Omni-Channel is already Lunch.');
        expect(rig.session.snapshot().status).toBe('in-sync');
    });

    it('ignores inputs it does not understand, and says so', () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.session.receive({ kind: 'connect-state', oldState: 'x', newState: '' });
        rig.session.receive({ kind: 'nonsense' } as never);
        const ignored = rig.sink.entries.filter((e) => e.result === 'skipped' && e.step === 'event-received');
        expect(ignored).toHaveLength(2);
        expect(ignored[0].level).toBe('warn');
    });
});

describe('sync session: no ping-pong', () => {
    it('settles a bi-directional pair after one write per side', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.omni.agentSets('Available');
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch']);
        expect(rig.connect.calls.map((c) => c.stateName)).toEqual(['Available']);
        expect(rig.connect.state).toBe('Available');
        expect(rig.omni.status).toBe('Available');
    });

    it('settles a deliberately cyclic rule set after one write per side', async () => {
        // Connect A → Omni B, Omni B → Connect C, Connect C → Omni D, Omni D → Connect A …
        const rules = [
            rule({ id: 'r1', operandBValue: 'A', destinationValue: 'B' }),
            rule({
                id: 'r2',
                source: 'SalesforceStateChange',
                operandA: 'SalesforceNewState',
                operandBValue: 'B',
                destination: 'ConnectAgentState',
                destinationValue: 'C'
            }),
            rule({ id: 'r3', operandBValue: 'C', destinationValue: 'D' }),
            rule({
                id: 'r4',
                source: 'SalesforceStateChange',
                operandA: 'SalesforceNewState',
                operandBValue: 'D',
                destination: 'ConnectAgentState',
                destinationValue: 'A'
            })
        ];
        for (const timing of ['after-result', 'before-result'] as const) {
            const rig = createEngineRig({ rules });
            rig.connect.echoTiming = timing;
            rig.omni.echoTiming = timing;
            rig.connect.agentSets('A');
            await settle(rig);
            expect(rig.omni.calls).toEqual(['B']);
            expect(rig.connect.calls).toEqual([]);
        }
    });

    it('suppresses an Omni toolkit change even without a matching write (another tab made it)', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.session.receive({
            kind: 'omni-status',
            statusDeveloperName: 'Lunch',
            reason: 'OmniToolkitStatusChange'
        });
        await settle(rig);
        expect(rig.connect.calls).toEqual([]);
        expect(rig.session.snapshot().omniStatus).toBe('Lunch');
        const entry = rig.sink.entries.find((e) => e.result === 'suppressed');
        expect(entry?.message).toMatch(/toolkit/);
    });

    it('treats a later change to a state it once wrote as external once the echo was seen', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.omni.agentSets('Available');
        await settle(rig);
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.connect.calls.map((c) => c.stateName)).toEqual(['Available', 'Lunch']);
    });

    it('takes an echo as lost 5 s after the call resolved, once the side moved on', async () => {
        for (const [wait, expected] of [
            [4_000, ['Offline']],
            [5_000, ['Offline', 'Lunch']]
        ] as const) {
            const rig = createEngineRig({ rules: bidirectional() });
            rig.omni.attach(() => undefined); // Omni loses the report of our write
            rig.connect.agentSets('Lunch');
            await settle(rig);
            expect(rig.omni.calls).toEqual(['Lunch']);
            rig.omni.attach((input) => rig.session.receive(input));
            rig.clock.advance(wait);
            rig.omni.logout();
            await settle(rig);
            // Within the window a report of Lunch could still be our echo; after it, it is the agent.
            rig.omni.agentSets('Lunch');
            await settle(rig);
            expect(rig.connect.calls.map((c) => c.stateName)).toEqual(expected);
        }
    });

    it('still recognises an echo that arrives behind the agent’s own change', async () => {
        const rig = createEngineRig({ rules: bidirectional(), omniStatus: 'Offline' });
        rig.omni.hold();
        rig.connect.agentSets('Lunch'); // Omni write of Lunch in flight
        rig.connect.agentSets('Available'); // waits behind it
        rig.omni.release();
        await settle(rig);
        expect(rig.omni.calls).toEqual(['Lunch', 'Available']);
        expect(rig.sink.entries.filter((e) => e.side === 'omni' && e.result === 'suppressed')).toHaveLength(
            2
        );
    });

    it('runs no rules when a platform reports the state it already had', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.agentSets('Available');
        await settle(rig);
        expect(rig.sink.entries.filter((e) => e.step === 'rules-evaluated')).toHaveLength(0);
        expect(rig.sink.entries.find((e) => e.result === 'suppressed')?.message).toBe(
            'Amazon Connect reports Available again: nothing changed, no rules run.'
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
        expect(rig.sink.entries.filter((e) => e.step === 'rules-evaluated')).toHaveLength(1);
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

describe('sync session: Connect on a contact', () => {
    it('queues a Connect decision as the next state while the agent is on a contact', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.startContact('Busy');
        await settle(rig);
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.connect.calls).toEqual([{ stateName: 'Lunch', enqueueNextState: true }]);
        expect(rig.session.snapshot().connectNextState).toBe('Lunch');
        expect(rig.sink.entries.some((e) => e.step === 'call-result' && e.result === 'queued')).toBe(true);
        rig.connect.agentSets('AfterCallWork');
        await settle(rig);
        expect(rig.session.snapshot().connectNextState).toBe('Lunch');
        rig.connect.endContact();
        await settle(rig);
        // Connect reached the queued state: an echo, so no rules ran and Omni keeps Lunch.
        expect(rig.session.snapshot()).toMatchObject({
            connectState: 'Lunch',
            connectNextState: null,
            omniStatus: 'Lunch'
        });
        expect(rig.omni.calls).toEqual([]);
    });

    it('clears the queued state when Connect ends somewhere else', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        rig.connect.startContact('Busy');
        rig.omni.agentSets('Lunch');
        await settle(rig);
        rig.connect.nextState = null; // the agent cleared it in the CCP
        rig.connect.endContact('Available');
        await settle(rig);
        expect(rig.session.snapshot().connectNextState).toBeNull();
        expect(rig.omni.calls).toEqual(['Available']);
    });

    it('skips the Connect decision when the on-contact setting says skip', async () => {
        const rig = createEngineRig({ rules: bidirectional(), settings: { onContact: 'skip' } });
        rig.connect.startContact('Busy');
        rig.omni.agentSets('Lunch');
        await settle(rig);
        expect(rig.connect.calls).toEqual([]);
        const skipped = rig.sink.entries.find((e) => e.step === 'decision' && e.result === 'skipped');
        expect(skipped?.message).toMatch(/on a contact.*skip/);
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
        expect(rig.session.snapshot().lastError?.message).toBe('down');
    });

    it('turns a port that throws synchronously, or rejects with odd values, into failures', async () => {
        const clock = new ManualClock();
        const sink = new ArrayTraceSink();
        const reasons: unknown[] = [{ code: 42 }, 'plain words', undefined, {}];
        const session = createSyncSession({
            connect: {
                setState: () => {
                    throw new Error('Streams is not initialised');
                }
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
        expect(rig.session.snapshot()).toMatchObject({ status: 'in-sync', pausedReason: null });
        expect(rig.sink.entries[rig.sink.entries.length - 1].step).toBe('sync-resumed');
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
