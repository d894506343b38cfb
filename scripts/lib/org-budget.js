// The org budget of Presence Sync: what a day of one agent costs the org (measured by
// npm run bench:org in the workbench), projected to a contact center's agent count and set
// against the published allocations of Enterprise and Unlimited Edition. docs/scale.md explains
// the model and cites every allocation; this module is its single source of numbers.
// CommonJS so that both the .mjs bench and a Jest test can load it.

const MB_PER_GB = 1024;

/**
 * Published allocations, per edition. Sources (docs/scale.md quotes them):
 * - data storage: Salesforce Help, "Data and File Storage Allocations";
 * - platform events: Platform Events Developer Guide, "Platform Event Allocations"
 *   (default allocations: publishing per hour, delivery per 24 hours; common allocations:
 *   concurrent CometD clients, which empApi uses);
 * - Apex: Apex Developer Guide, "Execution Governors and Limits" (Lightning Platform Apex
 *   limits: long-running synchronous transactions, asynchronous executions per 24 hours).
 */
const ALLOCATIONS = {
    Enterprise: {
        dataStoragePerOrgMb: 10 * MB_PER_GB,
        dataStoragePerUserMb: 20,
        eventsPublishedPerHour: 250000,
        eventsDeliveredPerDay: 25000,
        concurrentStreamingClients: 1000,
        longRunningApexRequests: 10,
        asyncApexPerDayMinimum: 250000,
        asyncApexPerUserLicense: 200
    },
    Unlimited: {
        dataStoragePerOrgMb: 10 * MB_PER_GB,
        dataStoragePerUserMb: 120,
        eventsPublishedPerHour: 250000,
        eventsDeliveredPerDay: 50000,
        concurrentStreamingClients: 2000,
        longRunningApexRequests: 10,
        asyncApexPerDayMinimum: 250000,
        asyncApexPerUserLicense: 200
    }
};

/**
 * What the model assumes beyond the measurement; docs/scale.md says why each holds.
 * - rowKb: a custom object record takes 2 KB of data storage, whatever its fields hold.
 * - logShareOfStorage: the share of the org's data storage the log may use (a fifth); the rest is
 *   the contact center's own records. "Fits with 2× headroom" means the log's peak stays under
 *   half of it: a tenth of the org's data storage (PresenceSyncLogHealth.STORAGE_SHARE).
 * - licensesPerAgent: every agent holds one Salesforce user licence (storage and async Apex grow with them).
 * - shiftHours: every agent works the same 8-hour shift: the hourly allocations see the whole contact center at once.
 * - ruleSavesPerDay, debugSessionsPerDay: announcements to the agents' components (Rules Changed,
 *   and a start and a stop per live debugging session), delivered to every subscribed component.
 * - streamingShare: the share of the org's concurrent streaming clients agents may take
 *   (PresenceSyncStreamingBudget); beyond it they learn of changes from the org's answers.
 * - apexMs: what one of Presence Sync's short Apex requests takes (one query, at most two DML
 *   statements); only requests over 5 s count against the long-running allocation.
 * - purgeWindowMinutes: the purge's query window (PresenceSyncLogPurgeBatch.WINDOW_MINUTES);
 *   purgeEveryHours: how often it runs; purgeChunk: rows per batch execution.
 */
const ASSUMPTIONS = {
    rowKb: 2,
    logShareOfStorage: 0.2,
    headroom: 2,
    licensesPerAgent: 1,
    shiftHours: 8,
    ruleSavesPerDay: 10,
    debugSessionsPerDay: 10,
    streamingShare: 0.25,
    apexMs: 100,
    purgeWindowMinutes: 15,
    purgeEveryHours: 1,
    purgeChunk: 2000
};

/** Presence Sync's defaults (Presence_Sync_Settings__c) that the projection depends on. */
const DEFAULTS = { logLevel: 'Summary', summaryRetentionDays: 1, retentionDays: 14 };

const AGENT_COUNTS = [1000, 10000, 50000];

/**
 * Per agent-day from what the workbench metered over some days: the tallies by Apex method
 * (EmulatedOrg.meter) and the number of agent-days they cover. Summary and step rows come from
 * the stored entries.
 */
function perAgentDay(meter, rows, agentDays) {
    const sum = (key) => Object.values(meter).reduce((total, tally) => total + tally[key], 0);
    const per = (n) => n / agentDays;
    return {
        logRows: per(rows.summary + rows.detail),
        summaryRows: per(rows.summary),
        detailRows: per(rows.detail),
        logBytes: per(sum('logBytes')),
        eventsPublished: per(sum('eventsPublished')),
        apexCalls: per(sum('calls')),
        soql: per(sum('soql')),
        queryRows: per(sum('queryRows')),
        dmlStatements: per(sum('dmlStatements')),
        dmlRows: per(sum('dmlRows'))
    };
}

function check(name, used, allocation, unit, assumptions, note) {
    const share = allocation > 0 ? used / allocation : Infinity;
    return {
        name,
        used,
        allocation,
        unit,
        share,
        fits: used * assumptions.headroom <= allocation,
        note: note ?? null
    };
}

/** Data storage: the log at its peak (the retention plus the time until the next purge), and one state record per agent. */
function storageCheck(day, agents, limits, a, settings) {
    const purgeLagDays = a.purgeEveryHours / 24;
    const rows =
        agents *
            (day.summaryRows * (settings.summaryRetentionDays + purgeLagDays) +
                day.detailRows * (settings.retentionDays + purgeLagDays)) +
        agents;
    const storageMb = (rows * a.rowKb) / 1024;
    const allocationMb =
        limits.dataStoragePerOrgMb + limits.dataStoragePerUserMb * agents * a.licensesPerAgent;
    return check(
        'Data storage (log at its peak)',
        storageMb,
        allocationMb * a.logShareOfStorage,
        'MB',
        a,
        `${Math.round(rows).toLocaleString('en-US')} rows; ${((storageMb / allocationMb) * 100).toFixed(1)}% of the org's ${(allocationMb / MB_PER_GB).toFixed(0)} GB; the log's share is ${a.logShareOfStorage * 100}%`
    );
}

/** Platform events: the log publishes none; announcements go to every subscribed component. */
function eventChecks(day, agents, limits, a) {
    const subscribers = Math.min(agents, Math.floor(limits.concurrentStreamingClients * a.streamingShare));
    const announcementsPerDay = a.ruleSavesPerDay + 2 * a.debugSessionsPerDay;
    const publishedPerHour =
        (agents * day.eventsPublished) / a.shiftHours + announcementsPerDay / a.shiftHours;
    return [
        check(
            'Platform events published per hour',
            publishedPerHour,
            limits.eventsPublishedPerHour,
            'events',
            a
        ),
        check(
            'Platform event deliveries per 24 hours',
            subscribers * announcementsPerDay,
            limits.eventsDeliveredPerDay,
            'deliveries',
            a,
            `${announcementsPerDay} announcements a day to ${subscribers.toLocaleString('en-US')} subscribed components`
        ),
        check(
            'Concurrent streaming clients (empApi)',
            subscribers,
            limits.concurrentStreamingClients,
            'clients',
            a,
            agents > subscribers
                ? `${(agents - subscribers).toLocaleString('en-US')} agents learn of changes from the org's answers instead`
                : null
        )
    ];
}

/** Apex: requests in the shift, how many run at once at apexMs each, and the purge's executions. */
function apexChecks(day, agents, limits, a) {
    const apexPerSecond = (agents * day.apexCalls) / (a.shiftHours * 3600);
    const concurrent = (apexPerSecond * a.apexMs) / 1000;
    // The purge: one execution per chunk of expired rows, plus each window's start and finish.
    const purgedPerDay = agents * day.logRows;
    const windowsPerRun = 2 * Math.ceil((a.purgeEveryHours * 60) / a.purgeWindowMinutes);
    const purgeExecutions =
        Math.ceil(purgedPerDay / a.purgeChunk) + (24 / a.purgeEveryHours) * windowsPerRun * 2;
    return [
        check(
            'Concurrent Apex requests (long-running over 5 s)',
            0,
            limits.longRunningApexRequests,
            'requests',
            a,
            `${apexPerSecond.toFixed(1)} short requests a second in the shift, ${concurrent.toFixed(1)} at once at ${a.apexMs} ms; none runs for 5 s`
        ),
        check(
            'Asynchronous Apex executions per 24 hours (purge)',
            purgeExecutions,
            Math.max(
                limits.asyncApexPerDayMinimum,
                limits.asyncApexPerUserLicense * agents * a.licensesPerAgent
            ),
            'executions',
            a,
            `${Math.round(purgedPerDay).toLocaleString('en-US')} rows purged a day in chunks of ${a.purgeChunk}`
        )
    ];
}

/** Every allocation for `agents` agents in `edition`, given the measured cost of an agent-day. */
function project(day, agents, edition, options = {}) {
    const a = { ...ASSUMPTIONS, ...(options.assumptions ?? {}) };
    const settings = { ...DEFAULTS, ...(options.settings ?? {}) };
    const limits = ALLOCATIONS[edition];
    return {
        agents,
        edition,
        checks: [
            storageCheck(day, agents, limits, a, settings),
            ...eventChecks(day, agents, limits, a),
            ...apexChecks(day, agents, limits, a)
        ]
    };
}

/** Whether every check of a projection fits with the headroom. */
function fits(projection) {
    return projection.checks.every((c) => c.fits);
}

module.exports = { ALLOCATIONS, ASSUMPTIONS, DEFAULTS, AGENT_COUNTS, perAgentDay, project, fits };
