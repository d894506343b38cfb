import {
    byCorrelation,
    DETAIL_STEP,
    expandSummaries,
    MAX_DETAIL_CHARS,
    needsDetail,
    packSync,
    summarizeSync,
    summaryLevelEntries
} from 'c/presenceSyncTraceSummary';
import { buildSwimlanes, buildTimeline } from 'c/presenceSyncTraceView';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { createEngineRig, settle } from '../../../../../test/engineFakes';
import { buildSeedRules } from '../../../../../test/jest-mocks/apex/fixtures';
import { CALL_LATENCY_MS, OMNI_REFUSAL, recordLunchIncidentShift } from '../../../../../test/traceScenarios';
import type { RecordedShift } from '../../../../../test/traceScenarios';
import { bidirectional } from '../../../../../test/sessionTestRules';

let shift: RecordedShift;

beforeAll(async () => {
    shift = await recordLunchIncidentShift();
});

function syncs(entries: readonly TraceEntry[]): TraceEntry[][] {
    return [...byCorrelation(entries).values()];
}

function syncStartingWith(entries: readonly TraceEntry[], step: string, text: string): TraceEntry[] {
    const found = syncs(entries).find((sync) =>
        sync.some((e) => e.step === step && JSON.stringify(e).includes(text))
    );
    if (!found) {
        throw new Error(`No sync with a ${step} mentioning ${text}`);
    }
    return found;
}

describe('summarizeSync', () => {
    it('keeps the event, the rule, the result, the round trip and both sides before and after', () => {
        const phone = syncStartingWith(
            shift.entries,
            'event-received',
            '"connectNewState":"Working - Phone"'
        );
        const summary = summarizeSync(phone);

        expect(summary).toMatchObject({
            step: 'sync-summary',
            correlationId: phone[0].correlationId,
            at: phone[0].at,
            level: 'info',
            eventType: 'ConnectStateChange',
            side: 'connect',
            ruleName: 'Connect Working - Phone sets Omni-Channel Working – Phone',
            destination: 'SalesforceAgentState',
            value: 'Working_Phone',
            result: 'success',
            latencyMs: CALL_LATENCY_MS,
            connectState: 'Working - Phone',
            omniStatus: 'Working_Phone'
        });
        expect(summary.event?.connectOldState).toBe('Available');
        expect(summary.summary).toEqual({
            outcome: 'success',
            fromConnectState: 'Working - Phone',
            fromOmniStatus: 'Available',
            durationMs: phone[phone.length - 1].at - phone[0].at,
            steps: phone.length
        });
        expect(summary.matchedRuleIds).toHaveLength(1);
    });

    it('carries the platform refusal in its words', () => {
        const lunch = syncStartingWith(shift.entries, 'call-result', OMNI_REFUSAL);
        const summary = summarizeSync(lunch);
        expect(summary).toMatchObject({
            level: 'error',
            result: 'failure',
            message: OMNI_REFUSAL,
            value: 'Lunch'
        });
        expect(summary.summary?.outcome).toBe('failure');
    });

    it('says when no rule matched', () => {
        const call = syncStartingWith(shift.entries, 'event-received', '"connectNewState":"Busy"');
        const summary = summarizeSync(call);
        expect(summary.summary?.outcome).toBe('no-match');
        expect(summary.matchedRuleIds).toEqual([]);
        expect(summary.value).toBeUndefined();
    });

    it('summarises a start-up step under its own step name', () => {
        const loaded = syncs(shift.entries).find((sync) => sync[0].step === 'rules-loaded') as TraceEntry[];
        const summary = summarizeSync(loaded);
        expect(summary.summary).toMatchObject({ outcome: 'info', firstStep: 'rules-loaded', steps: 1 });
        expect(summary.message).toMatch(/active rules in use/);
    });
});

describe('needsDetail', () => {
    it('keeps failures and refusals step by step, and a normal sync as its summary', () => {
        expect(needsDetail(syncStartingWith(shift.entries, 'call-result', OMNI_REFUSAL))).toBe(true);
        expect(
            needsDetail(
                syncStartingWith(shift.entries, 'event-received', '"connectNewState":"Working - Phone"')
            )
        ).toBe(false);
        expect(
            needsDetail(syncStartingWith(shift.entries, 'event-received', '"connectNewState":"Busy"'))
        ).toBe(false);
    });

    it('does not count a decision held for the end of a contact, or one already met, as out of sync', () => {
        const held = syncStartingWith(shift.entries, 'event-received', '"salesforceNewState":"Available"');
        expect(held.some((e) => e.step === 'decision')).toBe(true);
        expect(needsDetail(held)).toBe(false);
        const met = syncs(shift.entries).filter((sync) =>
            sync.some((e) => e.step === 'decision' && /already/.test(e.message ?? ''))
        );
        expect(met.length).toBeGreaterThan(0);
        met.forEach((sync) => expect(needsDetail(sync)).toBe(false));
    });

    it('keeps the pause of the flapping guard and the decisions it leaves unmet', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { flapMaxChanges: 1 }
        });
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.connect.agentSets('Available');
        await settle(rig);
        rig.connect.agentSets('Lunch');
        await settle(rig);
        rig.connect.agentSets('Available');
        await settle(rig);
        const paused = syncs(rig.sink.entries).filter((sync) => sync.some((e) => e.step === 'sync-paused'));
        expect(paused).toHaveLength(1);
        expect(needsDetail(paused[0])).toBe(true);
        const afterPause = syncs(rig.sink.entries).pop() as TraceEntry[];
        expect(afterPause.some((e) => e.step === 'decision' && /paused/.test(e.message ?? ''))).toBe(true);
        expect(needsDetail(afterPause)).toBe(true);
    });

    it('keeps the decisions of a skip-on-contact setting, which leave Connect out of sync', async () => {
        const rig = createEngineRig({
            rules: bidirectional(),
            settings: { onContact: 'skip' }
        });
        rig.connect.startContact('Busy');
        await settle(rig);
        rig.omni.agentSets('Lunch');
        await settle(rig);
        const last = syncs(rig.sink.entries).pop() as TraceEntry[];
        expect(last.some((e) => e.step === 'decision' && e.result === 'skipped')).toBe(true);
        expect(needsDetail(last)).toBe(true);
    });

    it('keeps a tab that lost its writer role before the call', async () => {
        let lease = true;
        const rig = createEngineRig({
            rules: buildSeedRules(),
            writeLease: () => lease,
            connectState: 'Offline',
            omniStatus: 'Offline'
        });
        lease = false;
        rig.connect.agentSets('Available');
        await settle(rig);
        const last = syncs(rig.sink.entries).pop() as TraceEntry[];
        expect(last.some((e) => /no longer holds the writer role/.test(e.message ?? ''))).toBe(true);
        expect(needsDetail(last)).toBe(true);
    });
});

describe('the Summary level, read back', () => {
    it('stores one entry per sync, a refused one with its steps inside', () => {
        const stored = summaryLevelEntries(shift.entries);
        expect(stored).toHaveLength(byCorrelation(shift.entries).size);
        expect(shift.entries.length / stored.length).toBeGreaterThan(2);
        const refused = syncStartingWith(shift.entries, 'call-result', OMNI_REFUSAL);
        const packed = stored.filter((e) => e.step === DETAIL_STEP);
        expect(packed).toHaveLength(1);
        expect(packed[0].summary?.detail).toHaveLength(refused.length);
        expect(packed[0]).toMatchObject({ level: 'error', result: 'failure', message: OMNI_REFUSAL });
    });

    it('reads a packed sync back as the very steps the session traced', () => {
        const refused = syncStartingWith(shift.entries, 'call-result', OMNI_REFUSAL);
        const row = { ...packSync(refused), id: 'a0X1', tabId: 'tab1' };
        const steps = expandSummaries([row]);
        expect(steps.map(({ id: _id, tabId: _tab, ...step }) => step)).toEqual(refused);
        expect(steps.every((s) => s.id === 'a0X1' && s.tabId === 'tab1' && s.summary === undefined)).toBe(
            true
        );
        // Stored both ways (live debugging stored the steps too): each step once.
        expect(expandSummaries([row, ...refused])).toHaveLength(refused.length);
    });

    it('keeps a packed sync within its field: events first, then steps from the middle', () => {
        const refused = syncStartingWith(shift.entries, 'call-result', OMNI_REFUSAL);
        const long = 'x'.repeat(900);
        const many = Array.from({ length: 60 }, (_, i) => ({
            ...refused[i % refused.length],
            seq: i,
            message: long
        }));
        const packed = packSync(many);
        expect(JSON.stringify(packed.summary).length).toBeLessThanOrEqual(MAX_DETAIL_CHARS);
        const detail = packed.summary?.detail ?? [];
        expect(detail[0].seq).toBe(0);
        expect(detail[detail.length - 1].seq).toBe(59);
        expect(packed.summary?.detailOmitted).toBe(60 - detail.length);
        expect(packed.summary?.steps).toBe(60);
    });

    it('gives the timeline the same syncs, outcomes and rules as the full trace', () => {
        const full = buildTimeline(shift.entries);
        const summarised = buildTimeline(expandSummaries(summaryLevelEntries(shift.entries)));
        const outline = (groups: typeof full) =>
            groups.map((g) => ({
                title: g.title,
                outcome: g.outcome,
                rules: g.ruleNames,
                startAt: g.startAt
            }));
        expect(outline(summarised)).toEqual(outline(full));
    });

    it('draws the same out-of-sync intervals, with their cause, as the full trace', () => {
        const range = { from: shift.startAt, to: shift.endAt };
        const full = buildSwimlanes(shift.entries, range);
        const summarised = buildSwimlanes(expandSummaries(summaryLevelEntries(shift.entries)), range);
        expect(summarised.outOfSync.map((i) => i.label)).toEqual(full.outOfSync.map((i) => i.label));
        expect(summarised.outOfSync[0].cause).toBe(OMNI_REFUSAL);
        const states = (lanes: typeof full) =>
            lanes.connect.map((s) => s.state).concat(lanes.omni.map((s) => s.state));
        expect(states(summarised)).toEqual(states(full));
    });

    it('prefers the stored steps of a sync over its summary', () => {
        const phone = syncStartingWith(
            shift.entries,
            'event-received',
            '"connectNewState":"Working - Phone"'
        );
        const mixed = [summarizeSync(phone), ...phone];
        expect(expandSummaries(mixed)).toEqual(phone);
    });
});
