/* eslint-disable no-await-in-loop -- each step must settle before the next one starts */
import { createEngineRig, settle } from '../../../../../test/engineFakes';
import { bidirectional, rule, steps } from '../../../../../test/sessionTestRules';
import { workAccepted, workloadAtLeast } from '../../../../../test/ruleShapes';

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
                ...workAccepted('Phone', 'Working')
            }),
            rule({
                id: 'full',
                ...workloadAtLeast('SalesforceNewWorkloadPct', '100', 'Full')
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
                    ...workloadAtLeast('SalesforceNewInterruptibleWorkloadPct', '100', 'Busy Chat')
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
