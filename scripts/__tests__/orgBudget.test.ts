/**
 * The org budget model behind npm run bench:org (scripts/lib/org-budget.js): the allocations
 * docs/scale.md cites, an agent-day from the workbench's meter, and the projection's verdicts.
 */
import type { AgentDay, MeterTally } from '../lib/org-budget';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const budget = require('../lib/org-budget.js') as typeof import('../lib/org-budget');

const tally = (over: Partial<MeterTally>): MeterTally => ({
    calls: 0,
    soql: 0,
    queryRows: 0,
    dmlStatements: 0,
    dmlRows: 0,
    eventsPublished: 0,
    logRows: 0,
    logBytes: 0,
    ...over
});

/** Roughly what the bench measures at the defaults: a summary per sync, a few problems kept in full. */
const summaryDay: AgentDay = {
    logRows: 470,
    summaryRows: 450,
    detailRows: 20,
    logBytes: 450_000,
    eventsPublished: 0,
    apexCalls: 130,
    soql: 140,
    queryRows: 160,
    dmlStatements: 200,
    dmlRows: 650
};

const check = (projection: ReturnType<typeof budget.project>, name: string) => {
    const found = projection.checks.find((c) => c.name.startsWith(name));
    if (!found) {
        throw new Error(`no check ${name}`);
    }
    return found;
};

describe('the org budget model', () => {
    it('holds the published allocations docs/scale.md cites', () => {
        const { Enterprise, Unlimited } = budget.ALLOCATIONS;
        expect(Enterprise.dataStoragePerOrgMb).toBe(10240);
        expect(Enterprise.dataStoragePerUserMb).toBe(20);
        expect(Unlimited.dataStoragePerUserMb).toBe(120);
        expect(Enterprise.eventsPublishedPerHour).toBe(250000);
        expect(Enterprise.eventsDeliveredPerDay).toBe(25000);
        expect(Unlimited.eventsDeliveredPerDay).toBe(50000);
        expect(Enterprise.concurrentStreamingClients).toBe(1000);
        expect(Unlimited.concurrentStreamingClients).toBe(2000);
        expect(Enterprise.longRunningApexRequests).toBe(10);
        expect(Enterprise.asyncApexPerDayMinimum).toBe(250000);
        expect(budget.DEFAULTS).toEqual({ logLevel: 'Summary', summaryRetentionDays: 1, retentionDays: 14 });
    });

    it('sums the meter over every Apex method into one agent-day', () => {
        const day = budget.perAgentDay(
            {
                'PresenceSyncAgentController.writeLogEntries': tally({
                    calls: 40,
                    soql: 40,
                    dmlStatements: 80,
                    dmlRows: 500,
                    logBytes: 90_000
                }),
                'PresenceSyncAgentController.reportAgentState': tally({ calls: 20, soql: 20, dmlRows: 20 })
            },
            { summary: 440, detail: 20 },
            2
        );
        expect(day).toMatchObject({
            apexCalls: 30,
            soql: 30,
            dmlStatements: 40,
            dmlRows: 260,
            logBytes: 45_000,
            logRows: 230,
            summaryRows: 220,
            detailRows: 10,
            eventsPublished: 0
        });
    });

    it('fits 10,000 agents in an Enterprise org with 2× headroom at the defaults', () => {
        const projection = budget.project(summaryDay, 10000, 'Enterprise');
        expect(budget.fits(projection)).toBe(true);
        const storage = check(projection, 'Data storage');
        // 10,000 × (450 × (1 + 1/24) + 20 × (14 + 1/24)) + 10,000 state records, 2 KB each.
        const rows = 10000 * (450 * (1 + 1 / 24) + 20 * (14 + 1 / 24)) + 10000;
        expect(storage.used).toBeCloseTo((rows * 2) / 1024, 3);
        // The log's share: a fifth of 10 GB + 20 MB × 10,000 users.
        expect(storage.allocation).toBeCloseTo((10240 + 200000) * 0.2, 3);
        expect(check(projection, 'Platform events published').used).toBeLessThan(10);
        expect(check(projection, 'Concurrent streaming clients').used).toBe(250);
        expect(check(projection, 'Platform event deliveries').used).toBe(250 * 30);
    });

    it('does not fit when every step is kept for 14 days', () => {
        const everyStep: AgentDay = { ...summaryDay, summaryRows: 0, detailRows: 4000, logRows: 4000 };
        const projection = budget.project(everyStep, 10000, 'Enterprise', { settings: { logLevel: 'All' } });
        expect(budget.fits(projection)).toBe(false);
        expect(check(projection, 'Data storage').fits).toBe(false);
    });

    it('gives Unlimited Edition more room: storage per user and deliveries', () => {
        const enterprise = budget.project(summaryDay, 50000, 'Enterprise');
        const unlimited = budget.project(summaryDay, 50000, 'Unlimited');
        expect(check(unlimited, 'Data storage').share).toBeLessThan(check(enterprise, 'Data storage').share);
        expect(check(unlimited, 'Concurrent streaming clients').used).toBe(500);
        expect(check(unlimited, 'Platform event deliveries').allocation).toBe(50000);
    });

    it('counts the purge against the daily asynchronous Apex allocation', () => {
        const projection = budget.project(summaryDay, 50000, 'Enterprise');
        const purge = check(projection, 'Asynchronous Apex');
        expect(purge.allocation).toBe(200 * 50000);
        expect(purge.used).toBeGreaterThanOrEqual(Math.ceil((50000 * 470) / 2000));
        expect(purge.fits).toBe(true);
    });
});
