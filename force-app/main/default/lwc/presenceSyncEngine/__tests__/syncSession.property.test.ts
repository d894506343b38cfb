/* eslint-disable no-await-in-loop -- the actions of a scenario happen one after another */
import fc from 'fast-check';
import { CONNECT_SYSTEM_STATES, evaluateRules } from 'c/presenceSyncEngine';
import type {
    Comparator,
    PresenceEvent,
    PresenceSyncRule,
    SessionInput,
    SourceEvent,
    TraceEntry
} from 'c/presenceSyncEngine';
import { createEngineRig, settle, tick } from '../../../../../test/engineFakes';
import type { EngineRig, ReportOrigin } from '../../../../../test/engineFakes';

const CONNECT_STATES = ['Available', 'Lunch', 'Break', 'Offline'];
/** Only Connect itself goes there; rules may still name them, in criteria and (wrongly) as destinations. */
const SYSTEM_STATES = ['Busy', 'AfterCallWork'];
const OMNI_STATUSES = ['Available', 'Lunch', 'Break', 'Busy_Omni', 'Offline'];

/**
 * Rules over a few shared state names, so random sets overlap, conflict and form cycles
 * (Connect Lunch → Omni Break → Connect Lunch …). Some name Connect system states as
 * destination, which must never be written.
 */
const ruleArb: fc.Arbitrary<PresenceSyncRule> = fc
    .record({
        source: fc.constantFrom<SourceEvent>(
            'ConnectStateChange',
            'SalesforceStateChange',
            'SalesforceLogout'
        ),
        comparator: fc.constantFrom<Comparator>('Equal', 'Equal', 'Equal', 'NotEqual'),
        criterionValue: fc.constantFrom(...CONNECT_STATES, ...SYSTEM_STATES, ...OMNI_STATUSES),
        connectTarget: fc.constantFrom(...CONNECT_STATES, ...CONNECT_STATES, ...SYSTEM_STATES),
        omniTarget: fc.constantFrom(...OMNI_STATUSES),
        order: fc.integer({ min: 1, max: 5 }),
        id: fc.integer({ min: 0, max: 1_000_000 })
    })
    .map((r): PresenceSyncRule => {
        const fromConnect = r.source === 'ConnectStateChange';
        return {
            id: `r${r.id}`,
            name: `Rule ${r.id}`,
            active: true,
            order: r.order,
            source: r.source,
            operandA: fromConnect ? 'ConnectNewState' : 'SalesforceNewState',
            comparator: r.comparator,
            operandB: 'StaticValue',
            operandBValue: r.source === 'SalesforceLogout' ? 'Offline' : r.criterionValue,
            destination: fromConnect ? 'SalesforceAgentState' : 'ConnectAgentState',
            destinationValue: fromConnect ? r.omniTarget : r.connectTarget
        };
    });

type Action =
    | { t: 'connect'; state: string }
    | { t: 'omni'; status: string }
    | { t: 'fail'; side: 'connect' | 'omni' }
    | { t: 'tick' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
    {
        weight: 4,
        arbitrary: fc
            .constantFrom(...CONNECT_STATES, ...SYSTEM_STATES)
            .map((state) => ({ t: 'connect' as const, state }))
    },
    {
        weight: 4,
        arbitrary: fc.constantFrom(...OMNI_STATUSES).map((status) => ({ t: 'omni' as const, status }))
    },
    {
        weight: 1,
        arbitrary: fc
            .constantFrom('connect' as const, 'omni' as const)
            .map((side) => ({ t: 'fail' as const, side }))
    },
    { weight: 3, arbitrary: fc.constant({ t: 'tick' as const }) }
);

const scenarioArb = fc.record({
    rules: fc.array(ruleArb, { maxLength: 12 }),
    actions: fc.array(actionArb, { minLength: 1, maxLength: 20 }),
    echoTiming: fc.constantFrom('after-result' as const, 'before-result' as const),
    onContact: fc.constantFrom('queue-next' as const, 'skip' as const)
});

interface Run {
    rig: EngineRig;
    /** Every input the session received, in order; `external` = made by the test, not an echo of a write. */
    inputs: { input: SessionInput; external: boolean }[];
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function play(scenario: Scenario): Promise<Run> {
    const rig = createEngineRig({
        rules: scenario.rules,
        connectState: 'Available',
        omniStatus: 'Available',
        // The flapping guard has its own tests; here it would only cut scenarios short.
        settings: { onContact: scenario.onContact, flapMaxChanges: 1000 }
    });
    const inputs: Run['inputs'] = [];
    const deliver = (input: SessionInput, origin: ReportOrigin) => {
        inputs.push({ input, external: origin === 'agent' });
        rig.session.receive(input);
    };
    rig.connect.attach(deliver);
    rig.omni.attach(deliver);
    rig.connect.echoTiming = scenario.echoTiming;
    rig.omni.echoTiming = scenario.echoTiming;
    for (const action of scenario.actions) {
        if (action.t === 'connect') {
            rig.connect.agentSets(action.state);
        } else if (action.t === 'omni') {
            if (action.status === 'Offline') {
                rig.omni.logout();
            } else {
                rig.omni.agentSets(action.status);
            }
        } else if (action.t === 'fail') {
            (action.side === 'connect' ? rig.connect : rig.omni).failNext(`${action.side} refused`);
        }
        if (action.t === 'tick') {
            await tick();
        }
    }
    await settle(rig);
    return { rig, inputs };
}

// PROPERTY_RUNS=5000 npx jest … for a deeper search; the default keeps the suite fast.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

describe('sync session properties', () => {
    it('makes at most one automated write per side per external event, and never writes a system state', async () => {
        await fc.assert(
            fc.asyncProperty(scenarioArb, async (scenario) => {
                const { rig, inputs } = await play(scenario);
                const { received, actsAsExternal } = classify(rig, inputs);
                const externalCauses = new Set(
                    received.filter((_, i) => actsAsExternal[i]).map((e) => e.correlationId)
                );
                const issued = rig.sink.entries.filter((e) => e.step === 'call-issued');
                const perCause = new Map<string, number>();
                for (const e of issued) {
                    expect(externalCauses.has(e.correlationId)).toBe(true);
                    const key = `${e.correlationId}/${e.side}`;
                    perCause.set(key, (perCause.get(key) ?? 0) + 1);
                }
                expect([...perCause.values()].every((n) => n === 1)).toBe(true);
                expect(rig.connect.calls.length + rig.omni.calls.length).toBe(issued.length);
                expect(rig.connect.calls.some((c) => CONNECT_SYSTEM_STATES.has(c.stateName))).toBe(false);
            }),
            RUNS
        );
    });

    it('always quiesces, with every call answered and the session seeing what the platforms show', async () => {
        await fc.assert(
            fc.asyncProperty(scenarioArb, async (scenario) => {
                const { rig } = await play(scenario);
                await rig.session.idle();
                const snapshot = rig.session.snapshot();
                expect(['in-sync', 'out-of-sync']).toContain(snapshot.status);
                expect(snapshot.connectState).toBe(rig.connect.state);
                expect(snapshot.omniStatus).toBe(rig.omni.status);
                const issued = rig.sink.entries.filter((e) => e.step === 'call-issued').length;
                const answered = rig.sink.entries.filter((e) => e.step === 'call-result').length;
                expect(answered).toBe(issued);
                expect(snapshot.status === 'out-of-sync').toBe(
                    snapshot.lastError !== null && hasUnrepairedFailure(rig)
                );
            }),
            RUNS
        );
    });

    it('ends with the states the rules say for the last external event', async () => {
        await fc.assert(
            fc.asyncProperty(scenarioArb, async (scenario) => {
                const { rig } = await play(scenario);
                const entries = rig.sink.entries;
                const last = [...entries]
                    .reverse()
                    .find((e) => e.step === 'event-received' && e.result === undefined && e.event);
                if (!last?.event) {
                    return;
                }
                const event: PresenceEvent = last.event;
                const wrong: string[] = [];
                for (const decision of evaluateRules(scenario.rules, event)) {
                    const side = decision.destination === 'ConnectAgentState' ? 'connect' : 'omni';
                    const failedSince = entries.some(
                        (e) =>
                            e.seq > last.seq &&
                            e.step === 'call-result' &&
                            e.result === 'failure' &&
                            e.side === side
                    );
                    if (side === last.side || failedSince) {
                        continue;
                    }
                    const onContact = side === 'connect' && CONNECT_SYSTEM_STATES.has(rig.connect.state);
                    if (!onContact) {
                        const actual = side === 'omni' ? rig.omni.status : rig.connect.state;
                        if (actual !== decision.value) {
                            wrong.push(`${side} is ${actual}, rules say ${decision.value}`);
                        }
                    } else if (scenario.onContact === 'queue-next') {
                        // On a contact: queued as the next state (or skipped, by setting).
                        const next = rig.session.snapshot().connectNextState;
                        if (next !== decision.value) {
                            wrong.push(`Connect next state is ${next}, rules say ${decision.value}`);
                        }
                    }
                }
                expect(wrong).toEqual([]);
            }),
            RUNS
        );
    });

    it('accounts for every input in the trace', async () => {
        await fc.assert(
            fc.asyncProperty(scenarioArb, async (scenario) => {
                const { rig, inputs } = await play(scenario);
                const { received, actsAsExternal } = classify(rig, inputs);
                expect(received).toHaveLength(inputs.length);
                const evaluated = new Set(
                    rig.sink.entries.filter((e) => e.step === 'rules-evaluated').map((e) => e.correlationId)
                );
                const unaccounted = received.filter((entry, i) => {
                    if (!actsAsExternal[i]) {
                        // The platform reporting our own write: traced as an echo, no rules run.
                        return entry.result !== 'suppressed';
                    }
                    return entry.result === undefined && !evaluated.has(entry.correlationId);
                });
                expect(unaccounted).toEqual([]);
                const seqs = rig.sink.entries.map((e) => e.seq);
                expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
            }),
            RUNS
        );
    });
});

/**
 * Pairs inputs with their event-received entries and says which count as external. An echo
 * counts as external only in the one case the session cannot tell apart: while our write of
 * state X was outstanding, the agent also chose X; that report was taken as the echo, so the real
 * echo, arriving later, is news. Each such swap is allowed once per agent report.
 */
function classify(
    rig: EngineRig,
    inputs: Run['inputs']
): { received: TraceEntry[]; actsAsExternal: boolean[] } {
    const received = rig.sink.entries.filter((e) => e.step === 'event-received');
    const swaps = new Map<string, number>();
    const stateOf = (entry: TraceEntry) =>
        `${entry.side}/${entry.event?.connectNewState ?? entry.event?.salesforceNewState ?? ''}`;
    const actsAsExternal = received.map((entry, i) => {
        if (inputs[i].external) {
            if (entry.result === 'suppressed' && /the state this session set/.test(entry.message ?? '')) {
                swaps.set(stateOf(entry), (swaps.get(stateOf(entry)) ?? 0) + 1);
            }
            return true;
        }
        const available = swaps.get(stateOf(entry)) ?? 0;
        if (entry.result !== 'suppressed' && available > 0) {
            swaps.set(stateOf(entry), available - 1);
            return true;
        }
        return false;
    });
    return { received, actsAsExternal };
}

/** A side whose last call failed and which no later decision for that side repaired. */
function hasUnrepairedFailure(rig: EngineRig): boolean {
    for (const side of ['connect', 'omni'] as const) {
        const sideEntries = rig.sink.entries.filter(
            (e) => e.side === side && (e.step === 'call-result' || e.step === 'decision')
        );
        const lastFailure = sideEntries.map((e) => e.result).lastIndexOf('failure');
        if (lastFailure < 0) {
            continue;
        }
        const repaired = sideEntries
            .slice(lastFailure + 1)
            .some(
                (e) => e.result === 'success' || e.result === 'queued' || /is already /.test(e.message ?? '')
            );
        if (!repaired) {
            return true;
        }
    }
    return false;
}
