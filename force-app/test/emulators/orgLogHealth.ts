/**
 * The emulated org's log checks: PresenceSyncLogHealth's ids, colours and words, judged on the
 * facts the emulated org keeps (the agents' log counters, the emulated data storage). The log
 * trigger is always active here: the emulated org stores the server's own error entries itself.
 */
import type { HealthCheckResult, PresenceSyncSettings } from 'presence-sync/contracts';
import type { AgentLiveState } from 'presence-sync/contracts';
import { colour, names, oneDecimal, plural, result } from './orgHealthWords';

/** PresenceSyncLogHealth.STORAGE_SHARE: the log's share of data storage; green under half of it. */
export const STORAGE_SHARE = 0.2;
/** Data storage one record takes. */
export const ROW_KB = 2;
/** PresenceSyncLogSelector.AGENT_SAMPLE. */
export const AGENT_SAMPLE = 2000;
/** PresenceSyncHealthService.LOG_SHIP_GRACE_MS: an agent's entries reach the org well within this. */
const LOG_SHIP_GRACE_MS = 2 * 60 * 1000;
const ERROR_RATE = { amber: 2, red: 10 };
const ERRORS_PER_AGENT = { amber: 2, red: 10 };

/** PresenceSyncLogHealth.Facts. */
export interface LogHealthFacts {
    sampledAgents: number;
    rowsStored: number;
    rowsToday: number;
    syncsToday: number;
    problemSyncsToday: number;
    droppedEntries: number;
    summaryRowsPerAgentDay: number;
    detailRowsPerAgentDay: number;
    dataStorageMaxMb: number | null;
    dataStorageUsedMb: number | null;
    /** The oldest entry past its retention (ms), null when none. */
    oldestOverdue: number | null;
}

/** What the log checks read besides the log's facts. */
export interface LogCheckFacts {
    settings: PresenceSyncSettings;
    agentCount: number;
    purgeScheduled: boolean;
    liveAgents: AgentLiveState[];
    now: number;
    log: LogHealthFacts;
}

const en = (n: number): string => Math.round(n).toLocaleString('en-US');

export function logStore(facts: LogCheckFacts): HealthCheckResult {
    const { logLevel, logRetentionDays, logSummaryRetentionDays } = facts.settings;
    if (logLevel === 'Off') {
        return result(
            'log-store',
            'amber',
            'The log level is Off, so nothing is stored and the log reader stays empty.'
        );
    }
    return result(
        'log-store',
        'green',
        `Log entries are stored (log level ${logLevel}); summaries are kept ${plural(logSummaryRetentionDays, 'day')}, the steps of syncs that went wrong ${plural(logRetentionDays, 'day')}.`
    );
}

function gmt(ms: number): string {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function purgeJob(facts: LogCheckFacts): HealthCheckResult {
    const { logRetentionDays, logSummaryRetentionDays } = facts.settings;
    const overdue =
        facts.log.oldestOverdue === null
            ? null
            : `entries older than their retention remain (the oldest from ${gmt(facts.log.oldestOverdue)} GMT)`;
    if (!facts.purgeScheduled) {
        return result(
            'purge-job',
            'amber',
            `No purge job is scheduled, so log entries are kept past their retention${overdue === null ? '' : `, and ${overdue}`}.`
        );
    }
    if (overdue !== null) {
        return result('purge-job', 'red', `The purge job is scheduled, yet ${overdue}.`);
    }
    return result(
        'purge-job',
        'green',
        `The purge job runs every hour; it deletes summaries older than ${plural(logSummaryRetentionDays, 'day')} and steps older than ${plural(logRetentionDays, 'day')}.`
    );
}

export function logVolume(facts: LogCheckFacts): HealthCheckResult {
    const { logLevel } = facts.settings;
    const { log } = facts;
    if (log.rowsToday === 0) {
        return nothingToday(facts);
    }
    const dropped =
        log.droppedEntries > 0
            ? ` The rate limit dropped ${en(log.droppedEntries)} entries of agents who logged far more than a normal day (they cost no storage).`
            : '';
    if (logLevel === 'Errors') {
        const perAgent = oneDecimal(log.problemSyncsToday / Math.max(1, facts.agentCount));
        return result(
            'log-volume',
            colour(perAgent, ERRORS_PER_AGENT),
            `${plural(log.problemSyncsToday, 'sync')} went wrong today (log level Errors stores only those), ${perAgent.toFixed(1)} per agent.${dropped}`
        );
    }
    const rate = oneDecimal((log.problemSyncsToday * 100) / Math.max(1, log.syncsToday));
    const sampled =
        log.sampledAgents >= AGENT_SAMPLE
            ? ` (counted for the ${en(log.sampledAgents)} agents heard from last).`
            : '.';
    return result(
        'log-volume',
        colour(rate, ERROR_RATE),
        `${en(log.rowsToday)} entries for ${en(log.syncsToday)} syncs today, ${rate.toFixed(1)}% of them went wrong${sampled}${dropped}`
    );
}

function nothingToday(facts: LogCheckFacts): HealthCheckResult {
    const { logLevel } = facts.settings;
    if (logLevel === 'Off') {
        return result('log-volume', 'green', 'No entries today: logging is off.');
    }
    // An agent ships its summaries within a minute or two: only an older sync proves they are lost.
    const synced = facts.liveAgents.filter(
        (a) => a.lastSyncAt !== null && a.lastSyncAt <= facts.now - LOG_SHIP_GRACE_MS
    );
    if (logLevel !== 'Errors' && synced.length > 0) {
        return result(
            'log-volume',
            'amber',
            `No entries today although ${plural(synced.length, 'agent')} synced more than 2 minutes ago with log level ${logLevel}: ${names(synced.map((a) => a.userName))}.`,
            'Check that these agents hold the Presence Sync Agent permission set (it lets them write log entries) and that no profile or user level of Presence Sync Settings sets Log Level to Off.'
        );
    }
    return result(
        'log-volume',
        'green',
        facts.liveAgents.length === 0
            ? 'No entries today: nothing went wrong.'
            : 'No entries today yet: agents running sync send their first entries within a minute or two.'
    );
}

function megabytes(rows: number): number {
    return oneDecimal((rows * ROW_KB) / 1024);
}

function size(mb: number): string {
    return mb >= 1024 ? `${oneDecimal(mb / 1024).toFixed(1)} GB` : `${oneDecimal(mb).toFixed(1)} MB`;
}

/** Stored at most: the retention plus the hour until the next (hourly) purge. */
export function projectedRows(
    summaryRowsPerAgentDay: number,
    detailRowsPerAgentDay: number,
    settings: Pick<PresenceSyncSettings, 'logRetentionDays' | 'logSummaryRetentionDays'>,
    agents: number
): number {
    const hour = 1 / 24;
    return (
        agents *
        (summaryRowsPerAgentDay * (settings.logSummaryRetentionDays + hour) +
            detailRowsPerAgentDay * (settings.logRetentionDays + hour))
    );
}

export function logCapacity(facts: LogCheckFacts): HealthCheckResult {
    const { log, settings } = facts;
    const usedMb = megabytes(log.rowsStored);
    const orgUse =
        log.dataStorageMaxMb === null
            ? ''
            : `; the org uses ${size(log.dataStorageUsedMb ?? 0)} of its ${size(log.dataStorageMaxMb)}`;
    const used = `The log holds about ${en(log.rowsStored)} entries (${size(usedMb)} of data storage${orgUse}).`;
    if (log.sampledAgents === 0) {
        return result('log-capacity', 'green', `${used} No agent has logged yet.`);
    }
    const projectedMb = megabytes(
        projectedRows(log.summaryRowsPerAgentDay, log.detailRowsPerAgentDay, settings, facts.agentCount)
    );
    const projection = ` At ${en(log.summaryRowsPerAgentDay + log.detailRowsPerAgentDay)} entries per agent a day, ${plural(facts.agentCount, 'agent')} ${facts.agentCount === 1 ? 'needs' : 'need'} about ${size(projectedMb)} with summaries kept ${plural(settings.logSummaryRetentionDays, 'day')} and steps ${plural(settings.logRetentionDays, 'day')}`;
    if (!log.dataStorageMaxMb) {
        return result('log-capacity', 'green', `${used}${projection}.`);
    }
    const share = oneDecimal((projectedMb * 100) / log.dataStorageMaxMb);
    const free = log.dataStorageMaxMb - (log.dataStorageUsedMb ?? 0) + usedMb;
    const reason = `${used}${projection}: ${share.toFixed(1)}% of the org's data storage.`;
    if (projectedMb > free || share > STORAGE_SHARE * 100) {
        return result('log-capacity', 'red', reason);
    }
    return result('log-capacity', share > STORAGE_SHARE * 50 ? 'amber' : 'green', reason);
}
