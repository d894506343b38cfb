/**
 * Realistic traces for the log reader and trace view tests: recorded from the engine's own sync
 * session (createEngineRig) driven through an agent's morning, never written by hand.
 *
 * The "lunch incident" shift, times from the rig's clock start (2026-01-05 09:00:00 UTC):
 * -   0 s  rules loaded, both sides ready (Available / Available)
 * -   5 s  the agent goes to Lunch in the CCP; Omni-Channel refuses Lunch (the status is not
 *          granted): Connect Lunch while Omni-Channel stayed Available …
 * -  45 s  … until the agent comes back to Available in the CCP (the rule's decision is skipped:
 *          Omni-Channel already is Available)
 * -  55 s  Connect Working - Phone → Omni-Channel Working_Phone, the toolkit answers in 185 ms
 * -  58 s  the agent picks Working_Media in Omni-Channel → Connect Working - Media
 * -  88 s  a call arrives (Connect Busy, no rule matches); the agent sets Omni-Channel
 *          Available during the call → Connect Available, which Connect cannot queue (it is
 *          routable), is held until the contact ends
 * - 108 s  the call ends; Connect returns to Working - Media (no rules run) and the held
 *          Available is written (echo, suppressed)
 */
import type { PresenceSyncRule, TraceEntry } from 'c/presenceSyncEngine';
import type { SyncLogEntry } from 'presence-sync/contracts';
import { createEngineRig, settle } from './engineFakes';
import type { EngineRig } from './engineFakes';
import { buildRule, buildSeedRules, buildSyncLogEntry, fakeId } from './jest-mocks/apex/fixtures';

export const LUNCH_RULE_ID = fakeId('a0C', 5);
export const OMNI_REFUSAL = 'Omni-Channel refused Lunch: the status is not available to this user.';
export const CALL_LATENCY_MS = 185;

/** The seed's four rules plus "Connect Lunch sets Omni-Channel Lunch". */
export function shiftRules(): PresenceSyncRule[] {
    return [
        ...buildSeedRules(),
        buildRule({
            id: LUNCH_RULE_ID,
            name: 'Connect Lunch sets Omni-Channel Lunch',
            order: 5,
            operandBValue: 'Lunch',
            destinationValue: 'Lunch'
        })
    ];
}

export interface RecordedShift {
    rig: EngineRig;
    /** Every entry the session wrote, oldest first. */
    entries: TraceEntry[];
    /** The rig clock at the start. */
    startAt: number;
    /** The rig clock after the last step. */
    endAt: number;
}

/** Runs the lunch-incident shift through a real session and returns its trace. */
export async function recordLunchIncidentShift(idPrefix = 'tab1'): Promise<RecordedShift> {
    const rig = createEngineRig({ rules: shiftRules(), idPrefix });
    const startAt = rig.clock.now();

    rig.clock.advance(5000);
    rig.omni.failNext(OMNI_REFUSAL);
    rig.connect.agentSets('Lunch');
    await settle(rig);

    rig.clock.advance(40000);
    rig.connect.agentSets('Available');
    await settle(rig);

    rig.clock.advance(10000);
    rig.omni.hold();
    rig.connect.agentSets('Working - Phone');
    await settle(rig);
    rig.clock.advance(CALL_LATENCY_MS);
    rig.omni.release();
    await settle(rig);

    rig.clock.advance(3000);
    rig.omni.agentSets('Working_Media');
    await settle(rig);

    rig.clock.advance(30000);
    rig.connect.startContact('Busy');
    await settle(rig);
    rig.omni.agentSets('Available');
    await settle(rig);

    rig.clock.advance(20000);
    rig.connect.endContact();
    await settle(rig);

    return { rig, entries: [...rig.sink.entries], startAt, endAt: rig.clock.now() };
}

/** The entries as the org stores and returns them (ids, user, tab), oldest first. */
export function asStoredEntries(entries: readonly TraceEntry[], tabId = 'tab1'): SyncLogEntry[] {
    return entries.map((entry, i) => buildSyncLogEntry(entry, i + 1, { tabId }));
}
