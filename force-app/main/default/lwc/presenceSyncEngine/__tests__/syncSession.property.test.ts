import fc from 'fast-check';
import { CONNECT_SYSTEM_STATES, evaluateRules } from 'c/presenceSyncEngine';
import type { PresenceEvent } from 'c/presenceSyncEngine';
import {
    classify,
    hasUnrepairedFailure,
    play,
    scenarioArb,
    unmetWishes
} from '../../../../../test/sessionScenarios';
import { propertyRuns } from '../../../../../test/propertyRuns';

// 4 properties × 2,500 runs: 10,000 scenarios every CI run (see propertyRuns for deeper runs
// and replays).
const RUNS = propertyRuns(2500);
/** A scenario spends most of its time waiting for timers (echoes, ticks), not computing. */
const TIMEOUT_MS = 5_000 + RUNS.numRuns * 20;

// Concurrent: the properties' scenarios wait on timers, so their waits overlap (10,000 scenarios
// take about 10 s instead of 30 s). Each property plays its own rigs; nothing is shared.
describe('sync session properties', () => {
    it.concurrent(
        'makes at most one accepted automated write per side per external event, and never writes a system state',
        async () => {
            await fc.assert(
                fc.asyncProperty(scenarioArb, async (scenario) => {
                    const { rig, inputs } = await play(scenario);
                    const { received, actsAsExternal } = classify(rig, inputs);
                    const externalCauses = new Set(
                        received.filter((_, i) => actsAsExternal[i]).map((e) => e.correlationId)
                    );
                    const issued = rig.sink.entries.filter((e) => e.step === 'call-issued');
                    for (const e of issued) {
                        expect(externalCauses.has(e.correlationId)).toBe(true);
                    }
                    // Issue 12: a plain change Connect refuses because a contact has just started is
                    // asked once more as the next state, so only accepted writes count, one at most.
                    const accepted = rig.sink.entries.filter(
                        (e) => e.step === 'call-result' && (e.result === 'success' || e.result === 'queued')
                    );
                    const perCause = new Map<string, number>();
                    for (const e of accepted) {
                        const key = `${e.correlationId}/${e.side}`;
                        perCause.set(key, (perCause.get(key) ?? 0) + 1);
                    }
                    expect([...perCause.values()].every((n) => n === 1)).toBe(true);
                    expect(rig.connect.calls.length + rig.omni.calls.length).toBe(issued.length);
                    expect(rig.connect.calls.some((c) => CONNECT_SYSTEM_STATES.has(c.stateName))).toBe(false);
                }),
                RUNS
            );
        },
        TIMEOUT_MS
    );

    it.concurrent(
        'always quiesces, with every call answered, the session seeing what the platforms show, and a verdict that does not lie',
        async () => {
            await fc.assert(
                fc.asyncProperty(scenarioArb, async (scenario) => {
                    const { rig } = await play(scenario);
                    await rig.session.idle();
                    const snapshot = rig.session.snapshot();
                    // Issue 12: "no rule" and "pending" (waiting for a contact to end) are named too.
                    expect(['in-sync', 'out-of-sync', 'no-rule', 'pending']).toContain(snapshot.status);
                    expect(snapshot.connectState).toBe(rig.connect.state);
                    expect(snapshot.omniStatus).toBe(rig.omni.status);
                    expect(snapshot.connectNextState).toBe(rig.connect.nextState);
                    const issued = rig.sink.entries.filter((e) => e.step === 'call-issued').length;
                    const answered = rig.sink.entries.filter((e) => e.step === 'call-result').length;
                    expect(answered).toBe(issued);
                    // Issue 12: a refusal is out of sync until repaired or overtaken by a change of
                    // that side; and In sync means the rules' wishes for the last change hold.
                    const failed = hasUnrepairedFailure(rig);
                    expect(failed ? snapshot.status : 'out-of-sync').toBe('out-of-sync');
                    expect(snapshot.status === 'in-sync' ? unmetWishes(rig, scenario.rules) : []).toEqual([]);
                }),
                RUNS
            );
        },
        TIMEOUT_MS
    );

    it.concurrent(
        'ends with the states the rules say for the last external event',
        async () => {
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
                        // Issue 12: with the on-contact setting skip, a decision met during a contact
                        // is dropped for good (a chat ends without a state change to run rules on).
                        const skippedOnContact = entries.some(
                            (e) =>
                                e.correlationId === last.correlationId &&
                                e.step === 'decision' &&
                                e.side === side &&
                                /on-contact setting is skip/.test(e.message ?? '')
                        );
                        if (side === last.side || failedSince || skippedOnContact) {
                            continue;
                        }
                        const onContact = side === 'connect' && rig.connect.onContact;
                        if (!onContact) {
                            const actual = side === 'omni' ? rig.omni.status : rig.connect.state;
                            if (actual !== decision.value) {
                                wrong.push(`${side} is ${actual}, rules say ${decision.value}`);
                            }
                        } else if (scenario.onContact === 'queue-next') {
                            // Issue 12: on a contact, Connect's state after the contact (its next state,
                            // else its availability state) or the session's held decision is the rule's.
                            const snapshot = rig.session.snapshot();
                            const after =
                                snapshot.connectDeferredState ??
                                rig.connect.nextState ??
                                rig.connect.availability;
                            if (after !== decision.value) {
                                wrong.push(
                                    `Connect becomes ${after} after the contact, rules say ${decision.value}`
                                );
                            }
                        }
                    }
                    expect(wrong).toEqual([]);
                }),
                RUNS
            );
        },
        TIMEOUT_MS
    );

    it.concurrent(
        'accounts for every input in the trace',
        async () => {
            await fc.assert(
                fc.asyncProperty(scenarioArb, async (scenario) => {
                    const { rig, inputs } = await play(scenario);
                    const { received, actsAsExternal } = classify(rig, inputs);
                    expect(received).toHaveLength(inputs.length);
                    const evaluated = new Set(
                        rig.sink.entries
                            .filter((e) => e.step === 'rules-evaluated')
                            .map((e) => e.correlationId)
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
        },
        TIMEOUT_MS
    );
});
