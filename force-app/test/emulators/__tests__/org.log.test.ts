/**
 * The emulated org keeps the log as the Apex does: pages, rate and quota, summaries, live debugging, heartbeats and costs.
 */
import type { AgentLogState, HealthReport, LogPage, WriteLogResult } from 'presence-sync/contracts';
import { AGENT_USER_ID, buildTraceEntries } from '../../jest-mocks/apex/fixtures';
import { EmulatedOrg, seedOrgData } from '../org';
import type { OrgData } from '../org';
import { DAY_MS, DEBUG_CHANNEL, LOG_RATE } from '../orgLog';
import { recordingOrg } from '../../orgHarness';

describe('emulated org log', () => {
    let org: EmulatedOrg;
    beforeEach(() => {
        ({ org } = recordingOrg());
    });

    it('stores trace entries and reads them newest first in pages', async () => {
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().map((e) => ({ ...e, tabId: 'tab1' })))
        });
        const page = (await org.call('PresenceSyncLogController.readLogs', {
            userId: '',
            fromMs: 0,
            toMs: Date.now() + 1e12,
            pageSize: 3,
            pageToken: null
        })) as LogPage;
        expect(page.entries.map((e) => e.seq)).toEqual([45, 44, 43]);
        expect(page.entries[0].tabId).toBe('tab1');
        expect(page.nextPageToken).toBe('3');
    });

    it('keeps each agent within the log rate of PresenceSyncLogRateLimit and drops the rest', async () => {
        const batch = JSON.stringify(
            Array.from({ length: 200 }, (_, i) => ({ ...buildTraceEntries()[0], seq: i, level: 'info' }))
        );
        org.updateSettings({ logLevel: 'All' });
        let accepted = 0;
        let dropped = 0;
        for (let call = 0; call < 6; call++) {
            const result = (await org.call('PresenceSyncAgentController.writeLogEntries', {
                entriesJson: batch
            })) as { accepted: number; dropped: number };
            accepted += result.accepted;
            dropped += result.dropped;
        }
        expect({ accepted, dropped }).toEqual({ accepted: 1000, dropped: 200 });
    });

    it('holds a flooding client to its daily quota: the excess costs no row and no event, and is counted', async () => {
        org.updateSettings({ logLevel: 'All' });
        const flood = (minute: number) =>
            JSON.stringify(
                Array.from({ length: 500 }, (_, i) => ({ ...buildTraceEntries()[0], seq: minute * 1000 + i }))
            );
        const start = Date.UTC(2026, 10, 21, 9, 0, 0);
        let accepted = 0;
        for (let minute = 0; minute < 10; minute++) {
            const result = (await org.call(
                'PresenceSyncAgentController.writeLogEntries',
                { entriesJson: flood(minute) },
                start + minute * 60_000
            )) as WriteLogResult;
            accepted += result.accepted;
        }
        expect(accepted).toBe(LOG_RATE.perDay);
        expect(org.logs()).toHaveLength(LOG_RATE.perDay);
        const meter = org.meter()['PresenceSyncAgentController.writeLogEntries'];
        expect(meter).toMatchObject({ calls: 10, logRows: LOG_RATE.perDay, eventsPublished: 0 });
        const page = (await org.call('PresenceSyncLogController.readLogs', {
            userId: AGENT_USER_ID,
            fromMs: 0,
            toMs: start + DAY_MS,
            pageSize: 1,
            pageToken: null
        })) as LogPage;
        expect(page.agentState.droppedEntries).toBe(5000 - LOG_RATE.perDay);
        // The next day the agent logs again.
        const tomorrow = (await org.call(
            'PresenceSyncAgentController.writeLogEntries',
            { entriesJson: flood(99) },
            start + DAY_MS
        )) as WriteLogResult;
        expect(tomorrow.accepted).toBe(500);
    });

    it('stores summaries and the steps of syncs that went wrong at the Summary level', async () => {
        org.updateSettings({ logLevel: 'Summary' });
        const [event, evaluated] = buildTraceEntries();
        const result = (await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify([
                { ...event, step: 'sync-summary', correlationId: 'fine' },
                { ...event, correlationId: 'fine' },
                { ...event, correlationId: 'refused' },
                { ...evaluated, correlationId: 'refused', level: 'error', result: 'failure' }
            ])
        })) as WriteLogResult;
        expect(result).toMatchObject({ accepted: 3, dropped: 1 });
        expect(org.logs().map((e) => `${e.correlationId}:${e.step}`)).toEqual([
            'fine:sync-summary',
            'refused:event-received',
            'refused:rules-evaluated'
        ]);
    });

    it('debugs one agent live: every step until the time is up, announced on Presence_Sync_Debug__e', async () => {
        const published: Array<[string, Record<string, unknown>]> = [];
        let stored: OrgData | null = seedOrgData();
        const debugged = new EmulatedOrg({
            store: { load: () => stored, save: (d) => (stored = d) },
            publish: (channel, payload) => published.push([channel, payload]),
            now: () => Date.UTC(2026, 10, 21, 9, 0, 0)
        });
        debugged.updateSettings({ logLevel: 'Summary' });
        const state = (await debugged.call('PresenceSyncLogController.startLiveDebug', {
            userId: AGENT_USER_ID,
            minutes: 15
        })) as AgentLogState;
        expect(state.debugUntil).toBe(Date.UTC(2026, 10, 21, 9, 15, 0));
        expect(published).toContainEqual([
            DEBUG_CHANNEL,
            { User_Id__c: AGENT_USER_ID, Until_Ms__c: state.debugUntil, Set_At_Ms__c: state.debugSetAt }
        ]);
        const during = (await debugged.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().slice(0, 2))
        })) as WriteLogResult;
        expect(during).toMatchObject({ accepted: 2, debugUntil: state.debugUntil });
        const after = (await debugged.call(
            'PresenceSyncAgentController.writeLogEntries',
            { entriesJson: JSON.stringify(buildTraceEntries().slice(0, 2)) },
            Date.UTC(2026, 10, 21, 9, 16, 0)
        )) as WriteLogResult;
        expect(after.accepted).toBe(0);
        await expect(
            debugged.call('PresenceSyncLogController.startLiveDebug', { userId: AGENT_USER_ID, minutes: 7 })
        ).rejects.toThrow('5, 15, 30, 60 minutes');
    });

    it('takes the heartbeat riding on a log call, and meters what each call costs the org', async () => {
        org.resetMeter();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().slice(0, 1)),
            stateJson: JSON.stringify({ connectState: 'Lunch', omniStatus: 'Lunch', status: 'in-sync' })
        });
        const health = (await org.call('PresenceSyncHealthController.getHealthReport')) as HealthReport;
        expect(health.liveAgents[0]).toMatchObject({ connectState: 'Lunch', userId: AGENT_USER_ID });
        expect(org.meter()['PresenceSyncAgentController.writeLogEntries']).toEqual({
            calls: 1,
            soql: 1,
            queryRows: 0,
            dmlStatements: 2,
            dmlRows: 2,
            eventsPublished: 0,
            logRows: 1,
            logBytes: expect.any(Number)
        });
    });
});
