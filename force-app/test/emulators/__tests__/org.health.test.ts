/**
 * The emulated org judges its health as PresenceSyncHealthService does.
 */
import type { HealthCheckResult, HealthReport } from 'presence-sync/contracts';
import { AGENT_USER_ID } from '../../jest-mocks/apex/fixtures';
import {
    buildHealthCheck,
    HEALTH_CHECK_IDS,
    HEALTH_CHECK_WORDING
} from '../../jest-mocks/apex/healthFixtures';
import type { HealthCheckId } from '../../jest-mocks/apex/healthFixtures';
import { EmulatedOrg, seedOrgData } from '../org';
import type { OrgData } from '../org';

describe('emulated org health report', () => {
    const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
    const DAY = 24 * 60 * 60 * 1000;

    function orgWith(data: OrgData = seedOrgData(), grantedStatuses?: string[]): EmulatedOrg {
        let stored: OrgData | null = data;
        return new EmulatedOrg({
            store: { load: () => stored, save: (d) => (stored = d) },
            now: () => NOW,
            grantedStatuses
        });
    }

    async function report(org: EmulatedOrg): Promise<HealthReport> {
        return (await org.call('PresenceSyncHealthController.getHealthReport')) as HealthReport;
    }

    async function check(org: EmulatedOrg, id: HealthCheckId): Promise<HealthCheckResult> {
        return (await report(org)).checks.find((c) => c.id === id) as HealthCheckResult;
    }

    function entries(count: number, errors: number, at: number): string {
        return JSON.stringify(
            Array.from({ length: count }, (_, i) => ({
                at,
                seq: i,
                correlationId: `c${i}`,
                step: 'call-result',
                level: i < errors ? 'error' : 'info'
            }))
        );
    }

    it('gives the Apex check ids, in the Apex order, with the Apex labels', async () => {
        const { checks } = await report(orgWith());
        expect(checks.map((c) => c.id)).toEqual([...HEALTH_CHECK_IDS]);
        expect(checks.map((c) => c.label)).toEqual(
            HEALTH_CHECK_IDS.map((id) => HEALTH_CHECK_WORDING[id].label)
        );
    });

    it('judges the seed as the Apex would, in the Apex words', async () => {
        const org = orgWith();
        org.updateSettings({ logLevel: 'Summary' });
        const byId = Object.fromEntries((await report(org)).checks.map((c) => [c.id, c]));
        for (const id of ['sync-enabled', 'ccp-url', 'rules-valid', 'statuses-exist', 'log-store'] as const) {
            expect([id, byId[id].status, byId[id].reason]).toEqual([
                id,
                'green',
                HEALTH_CHECK_WORDING[id].green.reason
            ]);
        }
        expect(byId['purge-job']).toEqual(buildHealthCheck('purge-job', 'amber'));
        expect(byId['statuses-granted'].reason).toBe('All 1 agent may use every status their rules set.');
    });

    it('offers the purge until it is scheduled, then says when old entries are still there', async () => {
        const org = orgWith();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: entries(3, 0, NOW - 20 * DAY)
        });
        const before = await check(org, 'purge-job');
        expect(before.status).toBe('amber');
        expect(before.reason).toBe(
            'No purge job is scheduled, so log entries are kept past their retention, and entries older than their retention remain (the oldest from 2026-11-01 12:00 GMT).'
        );
        expect(before.fix).toContain('Schedule purge');

        await org.call('PresenceSyncHealthController.schedulePurge');
        const overdue = await check(org, 'purge-job');
        expect(overdue.status).toBe('red');
        expect(overdue.reason).toBe(
            'The purge job is scheduled, yet entries older than their retention remain (the oldest from 2026-11-01 12:00 GMT).'
        );
        await org.call('PresenceSyncLogController.purgeLogs');
        expect(await check(org, 'purge-job')).toEqual(buildHealthCheck('purge-job', 'green'));
    });

    it('follows the settings: sync off, no CCP URL, a CCP URL that is not Amazon Connect, logging off', async () => {
        const org = orgWith();
        org.updateSettings({ enabled: false, ccpUrl: null, logLevel: 'Off' });
        expect(await check(org, 'sync-enabled')).toEqual(buildHealthCheck('sync-enabled', 'red'));
        expect(await check(org, 'ccp-url')).toEqual(buildHealthCheck('ccp-url', 'red'));
        expect((await check(org, 'csp-trusted-site')).status).toBe('amber');
        expect(await check(org, 'log-store')).toEqual(buildHealthCheck('log-store', 'amber'));
        expect((await check(org, 'log-volume')).reason).toBe('No entries today: logging is off.');

        org.updateSettings({ ccpUrl: 'http://localhost:3333/ccp-v2/' });
        const local = await check(org, 'ccp-url');
        expect([local.status, local.reason]).toEqual([
            'amber',
            'The CCP URL http://localhost:3333/ccp-v2/ does not look like an Amazon Connect address.'
        ]);
    });

    it('finds invalid and missing rules, unknown statuses and statuses the agent may not use', async () => {
        const data = seedOrgData();
        data.rules[0] = { ...data.rules[0], destinationValue: 'Lunch_Break' };
        const org = orgWith(data, ['Available']);
        expect((await check(org, 'statuses-exist')).reason).toBe(
            'Active rules name statuses that do not exist: Lunch_Break.'
        );
        expect((await check(org, 'statuses-granted')).reason).toBe(
            '1 agent may not use a status their rules set: Avery Agent (Working_Phone).'
        );

        await org.call('PresenceSyncRuleController.setRulesActive', {
            ruleIds: org.rules().map((r) => r.id),
            active: false
        });
        expect(await check(org, 'rules-valid')).toEqual(buildHealthCheck('rules-valid', 'amber'));
        expect((await check(org, 'statuses-exist')).status).toBe('amber');
    });

    it('judges the share of syncs that went wrong, and problems per agent at log level Errors', async () => {
        const org = orgWith();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: entries(10, 1, NOW - 60_000),
            stateJson: JSON.stringify({
                connectState: 'Available',
                omniStatus: 'Available',
                status: 'in-sync'
            })
        });
        const all = await check(org, 'log-volume');
        expect([all.status, all.reason]).toEqual([
            'red',
            '10 entries for 10 syncs today, 10.0% of them went wrong.'
        ]);

        org.updateSettings({ logLevel: 'Errors' });
        const errors = await check(org, 'log-volume');
        expect([errors.status, errors.reason]).toEqual([
            'green',
            '1 sync went wrong today (log level Errors stores only those), 1.0 per agent.'
        ]);
    });

    it('shows the log storage used and what the agents will need', async () => {
        const org = orgWith();
        org.updateSettings({ logLevel: 'Summary' });
        expect((await check(org, 'log-capacity')).reason).toBe(
            'The log holds about 0 entries (0.0 MB of data storage; the org uses 0.0 MB of its 10.0 GB). No agent has logged yet.'
        );
        const summaries = JSON.stringify(
            Array.from({ length: 480 }, (_, i) => ({
                at: NOW,
                seq: i,
                correlationId: `s${i}`,
                step: 'sync-summary',
                level: 'info'
            }))
        );
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: summaries,
            stateJson: JSON.stringify({
                connectState: 'Available',
                omniStatus: 'Available',
                status: 'in-sync'
            })
        });
        const capacity = await check(org, 'log-capacity');
        expect([capacity.status, capacity.reason]).toEqual([
            'green',
            "The log holds about 480 entries (0.9 MB of data storage; the org uses 0.9 MB of its 10.0 GB). At 480 entries per agent a day, 1 agent needs about 1.0 MB with summaries kept 1 day and steps 14 days: 0.0% of the org's data storage."
        ]);
    });

    it('counts only agents heard from in the last 15 minutes as live', async () => {
        const data = seedOrgData();
        const beat = (userId: string, lastHeartbeat: number) => ({
            userId,
            userName: userId,
            lastHeartbeat,
            connectState: 'Available',
            omniStatus: 'Available',
            status: 'in-sync',
            lastSyncAt: null,
            lastError: null,
            paused: false
        });
        data.liveAgents = [beat('recent', NOW - 14 * 60 * 1000), beat('gone', NOW - 16 * 60 * 1000)];
        const health = await report(orgWith(data));
        expect(health.liveAgents.map((a) => a.userId)).toEqual(['recent']);
    });

    it('blames lost log entries only once an agent synced long enough ago for them to have arrived', async () => {
        const data = seedOrgData();
        const live = (lastSyncAt: number | null) => ({
            userId: 'avery',
            userName: 'Avery Agent',
            lastHeartbeat: NOW - 10_000,
            connectState: 'Available',
            omniStatus: 'Available',
            status: 'in-sync',
            lastSyncAt,
            lastError: null,
            paused: false
        });
        data.liveAgents = [live(null)];
        const fresh = (await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!;
        expect([fresh.status, fresh.reason]).toEqual([
            'green',
            'No entries today yet: agents running sync send their first entries within a minute or two.'
        ]);
        data.liveAgents = [live(NOW - 30_000)];
        expect((await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!.status).toBe('green');

        data.liveAgents = [live(NOW - 5 * 60 * 1000)];
        const lost = (await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!;
        expect([lost.status, lost.reason]).toEqual([
            'amber',
            'No entries today although 1 agent synced more than 2 minutes ago with log level All: Avery Agent.'
        ]);
        expect(lost.fix).toMatch(/Presence Sync Agent permission set.*Log Level to Off/);
    });

    it('says when an agent gets a rule set without active rules', async () => {
        const org = orgWith();
        expect((await check(org, 'agent-rule-sets')).reason).toBe(
            'The rule set of the 1 agent has active rules (1 rule set in use).'
        );
        await org.call('PresenceSyncRuleController.saveRuleSet', {
            ruleSetJson: JSON.stringify({
                name: 'Phone team',
                isDefault: false,
                assignments: [{ type: 'User', targetId: AGENT_USER_ID, targetName: 'Avery Agent' }]
            })
        });
        expect(await check(org, 'agent-rule-sets')).toEqual(buildHealthCheck('agent-rule-sets', 'red'));
    });
});
