/**
 * The emulated org's sync log, kept as the Apex keeps it: PresenceSyncLogWriter (the log level,
 * All while a supervisor debugs the agent live, the per-minute rate and daily quota of
 * PresenceSyncLogRateLimit, the agent's daily and stored-rows counters, the heartbeat riding
 * along), PresenceSyncLiveDebugService, the purge with one retention for summaries and one for
 * steps, the log facts of PresenceSyncLogHealth — and a meter of what each Apex call costs the
 * org (queries, query rows, DML statements and rows, platform events, log rows and bytes), which
 * `npm run bench:org` reads. The costs are the Apex entry points' own, as their tests bound them
 * (docs/data-model.md, "Governor budgets").
 */
import type { TraceEntry } from 'c/presenceSyncEngine';
import type {
    AgentLiveState,
    AgentLogState,
    LogLevelSetting,
    PresenceSyncSettings,
    SyncLogEntry,
    WriteLogResult
} from 'presence-sync/contracts';
import type { LogHealthFacts } from './orgLogHealth';
import { AGENT_SAMPLE } from './orgLogHealth';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** PresenceSyncLogWriter.MAX_ENTRIES_PER_CALL. */
export const MAX_ENTRIES_PER_CALL = 500;
/** PresenceSyncLogRateLimit: entries one agent may store per minute and per day. */
export const LOG_RATE = { windowMs: 60_000, perWindow: 1000, perDay: 2000 };
/** PresenceSyncLiveDebugService.DURATIONS, in minutes. */
export const DEBUG_MINUTES = [5, 15, 30, 60];
export const DEBUG_CHANNEL = '/event/Presence_Sync_Debug__e';
const SUMMARY_STEP = 'sync-summary';
/** A sync that went wrong, its steps inside: kept for the longer retention. */
const DETAIL_STEP = 'sync-detail';

/** Presence_Sync_Agent_State__c's log and debugging fields of one agent. */
export interface AgentLogRecord {
    windowStart: number | null;
    windowEntries: number;
    dropped: number;
    lastDroppedAt: number | null;
    /** The day (GMT, yyyy-mm-dd) the day counters count. */
    day: string | null;
    rowsDay: number;
    detailRowsDay: number;
    syncsDay: number;
    problemSyncsDay: number;
    rowsPriorDay: number | null;
    detailRowsPriorDay: number | null;
    rowsStored: number;
    debugUntil: number | null;
    debugSetAt: number | null;
    debugSetBy: string | null;
    lastHeartbeat: number | null;
}

/** What one Apex call cost the org. */
export interface ApexCost {
    soql: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
    eventsPublished: number;
    logRows: number;
    /** The stored entries' JSON: what a row holds (each row takes 2 KB of data storage whatever it holds). */
    logBytes: number;
}

export type ApexTally = ApexCost & { calls: number };

/** Every call's cost, by Apex method: what `npm run bench:org` reads. */
export class OrgMeter {
    private tallies: Record<string, ApexTally> = {};

    record(endpoint: string, cost: Partial<ApexCost>): void {
        const tally = (this.tallies[endpoint] ??= {
            calls: 0,
            soql: 0,
            queryRows: 0,
            dmlStatements: 0,
            dmlRows: 0,
            eventsPublished: 0,
            logRows: 0,
            logBytes: 0
        });
        tally.calls += 1;
        for (const [key, value] of Object.entries(cost) as Array<[keyof ApexCost, number]>) {
            tally[key] += value;
        }
    }

    read(): Record<string, ApexTally> {
        return JSON.parse(JSON.stringify(this.tallies)) as Record<string, ApexTally>;
    }

    reset(): void {
        this.tallies = {};
    }
}

export function emptyLogRecord(): AgentLogRecord {
    return {
        windowStart: null,
        windowEntries: 0,
        dropped: 0,
        lastDroppedAt: null,
        day: null,
        rowsDay: 0,
        detailRowsDay: 0,
        syncsDay: 0,
        problemSyncsDay: 0,
        rowsPriorDay: null,
        detailRowsPriorDay: null,
        rowsStored: 0,
        debugUntil: null,
        debugSetAt: null,
        debugSetBy: null,
        lastHeartbeat: null
    };
}

export function dayOf(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

type Entry = TraceEntry & { tabId?: string };

function isProblem(entry: Entry): boolean {
    return entry.level === 'error' || entry.level === 'warn' || entry.result === 'failure';
}

/** PresenceSyncLogWriter.needsSteps: a step that makes its sync worth storing whole at the Summary level. */
function needsSteps(entry: Entry): boolean {
    return (
        entry.step === 'sync-paused' ||
        entry.step === 'sync-resumed' ||
        (entry.step === 'decision' && entry.result === 'skipped')
    );
}

function wellFormed(entry: unknown): entry is Entry {
    const e = entry as Partial<Entry> | null;
    return (
        typeof e === 'object' &&
        e !== null &&
        typeof e.at === 'number' &&
        typeof e.step === 'string' &&
        typeof e.correlationId === 'string'
    );
}

/** PresenceSyncLogWriter.keep: the well-formed entries (at most MAX_ENTRIES_PER_CALL) the level keeps. */
export function keepForLevel(items: unknown[], level: LogLevelSetting): Entry[] {
    if (level === 'Off') {
        return [];
    }
    const entries = items.filter(wellFormed).slice(0, MAX_ENTRIES_PER_CALL);
    if (level === 'All') {
        return entries;
    }
    const summaries = level === 'Summary';
    const detailed = new Set(
        entries.filter((e) => isProblem(e) || (summaries && needsSteps(e))).map((e) => e.correlationId)
    );
    return entries.filter((e) => {
        if (e.step === SUMMARY_STEP) {
            return summaries;
        }
        if (e.step === DETAIL_STEP) {
            return summaries || isProblem(e);
        }
        return detailed.has(e.correlationId);
    });
}

/** PresenceSyncLogRateLimit.admit: how many of `wanted` the agent may store now; counts the rest as dropped. */
export function admit(record: AgentLogRecord, wanted: number, now: number): number {
    if (
        record.windowStart === null ||
        now - record.windowStart >= LOG_RATE.windowMs ||
        now < record.windowStart
    ) {
        record.windowStart = now;
        record.windowEntries = 0;
    }
    const today = record.day === dayOf(now) ? record.rowsDay : 0;
    const allowed = Math.max(
        0,
        Math.min(wanted, LOG_RATE.perWindow - record.windowEntries, LOG_RATE.perDay - today)
    );
    record.windowEntries += allowed;
    if (wanted > allowed) {
        record.dropped += wanted - allowed;
        record.lastDroppedAt = now;
    }
    return allowed;
}

/** PresenceSyncLogRateLimit.count: the day's counters and the stored rows. */
export function count(record: AgentLogRecord, inserted: Entry[], now: number): void {
    if (inserted.length === 0) {
        return;
    }
    const today = dayOf(now);
    if (record.day !== today) {
        if (record.day !== null) {
            record.rowsPriorDay = record.rowsDay;
            record.detailRowsPriorDay = record.detailRowsDay;
        }
        record.day = today;
        record.rowsDay = 0;
        record.detailRowsDay = 0;
        record.syncsDay = 0;
        record.problemSyncsDay = 0;
    }
    record.rowsDay += inserted.length;
    record.detailRowsDay += inserted.filter((e) => e.step !== SUMMARY_STEP).length;
    record.syncsDay += new Set(inserted.map((e) => e.correlationId)).size;
    record.problemSyncsDay += new Set(inserted.filter(isProblem).map((e) => e.correlationId)).size;
    record.rowsStored += inserted.length;
}

export interface WriteOutcome {
    result: WriteLogResult;
    stored: SyncLogEntry[];
    cost: ApexCost;
    /** The heartbeat that rode along, when it was readable. */
    heartbeat: Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'> | null;
}

/**
 * PresenceSyncLogWriter.write for one agent whose record is `record`: the level (All while
 * debugging), the rate limit, the rows to store, the counters, and what the call cost.
 */
export function writeLog(
    record: AgentLogRecord,
    items: unknown[],
    stateJson: unknown,
    options: { level: LogLevelSetting; now: number; userId: string; userName: string; nextId: () => string }
): WriteOutcome {
    const { now } = options;
    // PresenceSyncAgentStateStore.ownState finds the agent's record once anything was stored on it.
    const existed =
        record.windowStart !== null ||
        record.day !== null ||
        record.lastHeartbeat !== null ||
        record.debugSetAt !== null;
    const debugging = record.debugUntil !== null && record.debugUntil > now;
    const kept = keepForLevel(items, debugging ? 'All' : options.level);
    const heartbeat = readHeartbeat(stateJson);
    const allowed = kept.length === 0 ? 0 : admit(record, kept.length, now);
    const inserted = kept.slice(0, allowed);
    count(record, inserted, now);
    if (heartbeat) {
        record.lastHeartbeat = now;
    }
    const stored = inserted.map(({ tabId, ...trace }) => ({
        ...trace,
        id: options.nextId(),
        userId: options.userId,
        userName: options.userName,
        tabId: tabId ?? null
    }));
    const saved = kept.length > 0 || heartbeat !== null;
    return {
        result: {
            accepted: inserted.length,
            dropped: items.length - inserted.length,
            debugUntil: record.debugUntil,
            debugSetAt: record.debugSetAt
        },
        stored,
        heartbeat,
        cost: {
            soql: 1,
            queryRows: existed ? 1 : 0,
            dmlStatements: (inserted.length > 0 ? 1 : 0) + (saved ? 1 : 0),
            dmlRows: inserted.length + (saved ? 1 : 0),
            eventsPublished: 0,
            logRows: inserted.length,
            logBytes: inserted.reduce((bytes, entry) => bytes + JSON.stringify(entry).length, 0)
        }
    };
}

function readHeartbeat(stateJson: unknown): WriteOutcome['heartbeat'] {
    if (typeof stateJson !== 'string' || stateJson === '') {
        return null;
    }
    try {
        const state = JSON.parse(stateJson) as unknown;
        return typeof state === 'object' && state !== null && !Array.isArray(state)
            ? (state as WriteOutcome['heartbeat'])
            : null;
    } catch {
        return null;
    }
}

/** PresenceSyncLiveDebugService.start/stop: the window, as stored and as announced. */
export function setDebugWindow(record: AgentLogRecord, untilMs: number, now: number, by: string): void {
    record.debugUntil = untilMs;
    record.debugSetAt = now;
    record.debugSetBy = by;
}

/** PresenceSyncLiveDebugService.stateOf. */
export function agentLogState(userId: string, record: AgentLogRecord | undefined): AgentLogState {
    return {
        userId,
        debugUntil: record?.debugUntil ?? null,
        debugSetAt: record?.debugSetAt ?? null,
        debugSetBy: record?.debugSetBy ?? null,
        droppedEntries: record?.dropped ?? 0,
        lastDroppedAt: record?.lastDroppedAt ?? null,
        lastHeartbeat: record?.lastHeartbeat ?? null
    };
}

/** Which stored entries have expired: steps past the retention, summaries past theirs (the `at` stands for CreatedDate). */
export function expired(
    entry: SyncLogEntry,
    now: number,
    settings: Pick<PresenceSyncSettings, 'logRetentionDays' | 'logSummaryRetentionDays'>,
    graceMs = 0
): boolean {
    const days = entry.step === SUMMARY_STEP ? settings.logSummaryRetentionDays : settings.logRetentionDays;
    return entry.at < now - days * DAY_MS - graceMs;
}

/** PresenceSyncLogHealth.gather, on the emulated org's records and its data storage. */
export function logHealthFacts(
    records: AgentLogRecord[],
    logs: SyncLogEntry[],
    options: {
        now: number;
        settings: Pick<PresenceSyncSettings, 'logRetentionDays' | 'logSummaryRetentionDays'>;
        dataStorageMaxMb: number;
        otherDataMb: number;
    }
): LogHealthFacts {
    const { now } = options;
    const today = dayOf(now);
    const sampled = records
        .filter((r) => r.lastHeartbeat !== null && r.lastHeartbeat >= now - DAY_MS)
        .sort((a, b) => (b.lastHeartbeat ?? 0) - (a.lastHeartbeat ?? 0))
        .slice(0, AGENT_SAMPLE);
    let rows = 0;
    let detail = 0;
    const facts: LogHealthFacts = {
        sampledAgents: sampled.length,
        rowsStored: 0,
        rowsToday: 0,
        syncsToday: 0,
        problemSyncsToday: 0,
        droppedEntries: 0,
        summaryRowsPerAgentDay: 0,
        detailRowsPerAgentDay: 0,
        dataStorageMaxMb: options.dataStorageMaxMb,
        dataStorageUsedMb: 0,
        oldestOverdue: null
    };
    for (const r of sampled) {
        facts.rowsStored += r.rowsStored;
        facts.droppedEntries += r.dropped;
        const current = r.day === today;
        if (current) {
            facts.rowsToday += r.rowsDay;
            facts.syncsToday += r.syncsDay;
            facts.problemSyncsToday += r.problemSyncsDay;
        }
        rows += r.rowsPriorDay ?? (current ? r.rowsDay : 0);
        detail += r.rowsPriorDay !== null ? (r.detailRowsPriorDay ?? 0) : current ? r.detailRowsDay : 0;
    }
    if (sampled.length > 0) {
        facts.summaryRowsPerAgentDay = Math.round(((rows - detail) / sampled.length) * 10) / 10;
        facts.detailRowsPerAgentDay = Math.round((detail / sampled.length) * 10) / 10;
    }
    facts.dataStorageUsedMb = options.otherDataMb + (logs.length * 2) / 1024;
    // One hour of grace: the hourly run may not have come yet.
    const overdue = logs.filter((e) => expired(e, now, options.settings, 60 * 60 * 1000));
    facts.oldestOverdue = overdue.length === 0 ? null : Math.min(...overdue.map((e) => e.at));
    return facts;
}
