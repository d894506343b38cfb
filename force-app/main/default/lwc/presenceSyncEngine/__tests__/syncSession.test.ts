/* eslint-disable no-await-in-loop -- each step must settle before the next one starts */
import { createSyncSession } from 'c/presenceSyncEngine';
import {
    ArrayTraceSink,
    createEngineRig,
    FakeConnect,
    FakeOmni,
    ManualClock,
    settle
} from '../../../../../test/engineFakes';
import { bidirectional, rule, steps } from '../../../../../test/sessionTestRules';

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

    it('runs the rules for a toolkit change it did not make: another integration is not an echo', async () => {
        const rig = createEngineRig({ rules: bidirectional() });
        // A flow or another utility calls the same toolkit: Omni-Channel says OmniToolkitStatusChange.
        rig.session.receive({
            kind: 'omni-status',
            statusDeveloperName: 'Lunch',
            reason: 'OmniToolkitStatusChange'
        });
        await settle(rig);
        expect(rig.connect.calls).toEqual([{ stateName: 'Lunch', enqueueNextState: false }]);
        expect(
            rig.sink.entries.some((e) => e.result === 'suppressed' && /toolkit/.test(e.message ?? ''))
        ).toBe(false);
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
        expect(rig.sink.entries.filter((e) => e.matchedRuleIds !== undefined)).toHaveLength(0);
        expect(rig.sink.entries.find((e) => e.result === 'suppressed')?.message).toBe(
            'Amazon Connect reports Available again: nothing changed, no rules run.'
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
