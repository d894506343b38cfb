/**
 * The sync session's property tests' world: random rule sets over a few shared state names,
 * random interleavings of what the agent, Connect and Omni-Channel do, a player that runs them
 * against the engine fakes, and the oracles the properties judge a run by.
 */
import fc from 'fast-check';
import { evaluateRules } from 'c/presenceSyncEngine';
import type {
    Comparator,
    PresenceSyncRule,
    SessionInput,
    SourceEvent,
    TraceEntry
} from 'c/presenceSyncEngine';
import { createEngineRig, settle, tick } from './engineFakes';
import type { EngineRig, ReportOrigin } from './engineFakes';

const CONNECT_STATES = ['Available', 'Lunch', 'Break', 'Offline'];
/** Only Connect itself goes there; rules may still name them, in criteria and (wrongly) as destinations. */
const SYSTEM_STATES = ['Busy', 'AfterCallWork'];
/** An error state: Connect sets it, but it is no contact. */
const ERROR_STATE = 'MissedCallAgent';
const OMNI_STATUSES = ['Available', 'Lunch', 'Break', 'Busy_Omni', 'Offline'];

/**
 * Rules over a few shared state names, so random sets overlap, conflict and form cycles
 * (Connect Lunch → Omni Break → Connect Lunch …). Some name Connect system states as
 * destination, which must never be written.
 */
export const ruleArb: fc.Arbitrary<PresenceSyncRule> = fc
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

export type Action =
    | { t: 'connect'; state: string }
    | { t: 'chat' }
    | { t: 'end-contact' }
    | { t: 'omni'; status: string }
    | { t: 'fail'; side: 'connect' | 'omni' }
    | { t: 'tick' };

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
    {
        weight: 4,
        arbitrary: fc
            .constantFrom(...CONNECT_STATES, ...SYSTEM_STATES, ERROR_STATE)
            .map((state) => ({ t: 'connect' as const, state }))
    },
    { weight: 1, arbitrary: fc.constant({ t: 'chat' as const }) },
    { weight: 2, arbitrary: fc.constant({ t: 'end-contact' as const }) },
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

export const scenarioArb = fc.record({
    rules: fc.array(ruleArb, { maxLength: 12 }),
    actions: fc.array(actionArb, { minLength: 1, maxLength: 20 }),
    echoTiming: fc.constantFrom('after-result' as const, 'before-result' as const),
    onContact: fc.constantFrom('queue-next' as const, 'skip' as const)
});

export interface Run {
    rig: EngineRig;
    /** Every input the session received, in order; `external` = made by the test, not an echo of a write. */
    inputs: { input: SessionInput; external: boolean }[];
}

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export async function play(scenario: Scenario): Promise<Run> {
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
            playConnect(rig, action.state);
        } else if (action.t === 'chat') {
            if (!rig.connect.onContact) {
                rig.connect.startChat();
            }
        } else if (action.t === 'end-contact') {
            if (rig.connect.onContact) {
                rig.connect.endContact();
            }
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

/**
 * What the agent (or Connect) can do in the CCP: a call moves through system states; a state the
 * agent picks during a contact ends it first (the CCP queues nothing by itself here); an error
 * state is no contact.
 */
function playConnect(rig: EngineRig, state: string): void {
    if (SYSTEM_STATES.includes(state)) {
        if (rig.connect.onContact) {
            rig.connect.agentSets(state);
        } else {
            rig.connect.startContact(state);
        }
        return;
    }
    if (rig.connect.onContact) {
        rig.connect.endContact();
        return;
    }
    rig.connect.agentSets(state);
}

/**
 * Pairs inputs with their event-received entries and says which count as external. An echo
 * counts as external only in the one case the session cannot tell apart: while our write of
 * state X was outstanding, the agent also chose X; that report was taken as the echo, so the real
 * echo, arriving later, is news. Each such swap is allowed once per agent report.
 */
export function classify(
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

/**
 * What the rules want of the other side for the last state change that ran them (and what a
 * later decision for a side asked since), compared with what the platforms show. Empty when the
 * sides are what the rules want.
 */
export function unmetWishes(rig: EngineRig, rules: PresenceSyncRule[]): string[] {
    const ran = rig.sink.entries.filter(
        (e) => e.step === 'event-received' && e.result === undefined && e.event && e.side
    );
    const last = ran[ran.length - 1];
    if (!last?.event) {
        return [];
    }
    const unmet: string[] = [];
    for (const decision of evaluateRules(rules, last.event)) {
        const side = decision.destination === 'ConnectAgentState' ? 'connect' : 'omni';
        const changedSince = rig.sink.entries.some(
            (e) =>
                e.seq > last.seq && e.step === 'event-received' && e.side === side && e.result === undefined
        );
        const actual = side === 'connect' ? rig.connect.state : rig.omni.status;
        if (side !== last.side && !changedSince && actual !== decision.value) {
            unmet.push(`${side} is ${actual}, rules want ${decision.value}`);
        }
    }
    return unmet;
}

/** A side whose last call failed and which no later decision for that side repaired. */
export function hasUnrepairedFailure(rig: EngineRig): boolean {
    for (const side of ['connect', 'omni'] as const) {
        const sideEntries = rig.sink.entries.filter(
            (e) => e.side === side && (e.step === 'call-result' || e.step === 'decision')
        );
        const lastFailure = sideEntries.map((e) => e.result).lastIndexOf('failure');
        if (lastFailure < 0) {
            continue;
        }
        const failedAt = sideEntries[lastFailure].seq;
        const repaired =
            sideEntries
                .slice(lastFailure + 1)
                .some(
                    (e) =>
                        e.result === 'success' || e.result === 'queued' || /is already /.test(e.message ?? '')
                ) ||
            // Issue 12: the side changed by itself since: the refusal is no longer what it shows.
            rig.sink.entries.some(
                (e) =>
                    e.seq > failedAt &&
                    e.step === 'event-received' &&
                    e.side === side &&
                    e.result === undefined
            );
        if (!repaired) {
            return true;
        }
    }
    return false;
}
