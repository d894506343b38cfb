/**
 * Turns the engine's trace entries into what a person reads: a timeline of correlated steps
 * (event → rules → decision → call → result, with the time each step took), swimlanes of both
 * sides' states with the intervals they disagreed, filters and exports. Pure: no platform imports,
 * so the log reader, the workbench and the tests share exactly the same reading of a trace.
 */
import type {
    Destination,
    PresenceEvent,
    Side,
    SyncOutcome,
    TraceEntry,
    TraceLevel,
    TraceResult,
    TraceStep
} from 'c/presenceSyncEngine';
import { syncOutcome, worstLevel } from 'c/presenceSyncTraceSummary';

export const SIDE_LABELS: Record<Side, string> = {
    connect: 'Amazon Connect',
    omni: 'Omni-Channel'
};

export const STEP_LABELS: Record<TraceStep, string> = {
    'rules-loaded': 'Rules loaded',
    'side-ready': 'Side ready',
    'event-received': 'Event received',
    'event-queued': 'Event held',
    'rules-evaluated': 'Rules evaluated',
    decision: 'Decision',
    'call-issued': 'Platform call',
    'call-result': 'Result',
    'sync-paused': 'Sync paused',
    'sync-resumed': 'Sync resumed',
    'writer-changed': 'Writer tab changed',
    'sync-summary': 'Sync summary',
    'sync-detail': 'Sync (every step)'
};

export const LEVEL_LABELS: Record<TraceLevel, string> = { info: 'Info', warn: 'Warning', error: 'Error' };

export const RESULT_LABELS: Record<TraceResult, string> = {
    success: 'Success',
    failure: 'Failure',
    queued: 'Queued',
    skipped: 'Skipped',
    suppressed: 'Suppressed'
};

/** What a correlation came to, worst first. `no-match`: an event no active rule matched. */
export type TimelineOutcome = SyncOutcome;

export const OUTCOME_LABELS: Record<TimelineOutcome, string> = {
    failure: 'Failed',
    queued: 'Queued',
    success: 'Synced',
    skipped: 'Skipped',
    suppressed: 'Suppressed',
    'no-match': 'No rule matched',
    info: 'Information'
};

const STATE_EVENTS = new Set(['ConnectStateChange', 'SalesforceStateChange', 'SalesforceLogout']);

export interface TimelineStep {
    /** Unique within a timeline (template iteration key). */
    key: string;
    step: TraceStep;
    stepLabel: string;
    /** Plain words: what happened in this step. */
    detail: string;
    at: number;
    level: TraceLevel;
    result: TraceResult | null;
    /** Milliseconds since the correlation's first entry. */
    sinceStartMs: number;
    /**
     * How long this step took: the platform's round trip for a call result, otherwise the time
     * since the previous step of the same correlation (0 for the first).
     */
    latencyMs: number;
    entry: TraceEntry;
}

export interface TimelineGroup {
    key: string;
    correlationId: string;
    /** What started it, in plain words (the event, or the first step when there is no event). */
    title: string;
    startAt: number;
    endAt: number;
    durationMs: number;
    outcome: TimelineOutcome;
    outcomeLabel: string;
    /** The highest level among its entries. */
    level: TraceLevel;
    ruleNames: string[];
    /** Stored as a summary (the Summary log level): the steps in between were not kept. */
    summarized: boolean;
    steps: TimelineStep[];
}

/** Orders entries as the session wrote them: by time, then by the session's sequence number. */
export function compareEntries(a: TraceEntry, b: TraceEntry): number {
    return a.at - b.at || a.seq - b.seq;
}

export function sortEntries<T extends TraceEntry>(entries: readonly T[]): T[] {
    return [...entries].sort(compareEntries);
}

export function destinationSide(destination: Destination): Side {
    return destination === 'ConnectAgentState' ? 'connect' : 'omni';
}

function otherSide(side: Side): Side {
    return side === 'connect' ? 'omni' : 'connect';
}

export function describeEvent(event: PresenceEvent): string {
    switch (event.type) {
        case 'ConnectStateChange':
            return `Amazon Connect changed from ${event.connectOldState ?? 'unknown'} to ${event.connectNewState ?? 'unknown'}`;
        case 'SalesforceStateChange':
            return `Omni-Channel changed to ${event.salesforceNewState ?? 'unknown'}`;
        case 'SalesforceLogout':
            return 'Omni-Channel logged out';
        case 'SalesforceWorkAccepted':
            return `Omni-Channel work accepted on ${event.serviceChannel ?? 'an unknown channel'}`;
        case 'SalesforceWorkloadChanged': {
            const primary = `Omni-Channel workload changed from ${event.previousWorkload ?? '?'} to ${event.newWorkload ?? '?'} of ${event.configuredCapacity ?? '?'}`;
            // Only orgs that route interruptible work send these numbers.
            return event.configuredInterruptibleCapacity === undefined
                ? primary
                : `${primary}, interruptible from ${event.previousInterruptibleWorkload ?? '?'} to ${event.newInterruptibleWorkload ?? '?'} of ${event.configuredInterruptibleCapacity}`;
        }
        default:
            return 'Unknown event';
    }
}

function withMessage(text: string, message: string | undefined): string {
    return message ? `${text}: ${message}` : text;
}

/** One sentence for one trace entry. */
export function describeEntry(entry: TraceEntry): string {
    const target = entry.destination ? SIDE_LABELS[destinationSide(entry.destination)] : null;
    switch (entry.step) {
        case 'event-received':
            // An echo of our own write carries why no rules ran on it.
            return withMessage(entry.event ? describeEvent(entry.event) : 'Event received', entry.message);
        case 'rules-evaluated': {
            if (entry.message) {
                return entry.message;
            }
            const matched = entry.matchedRuleIds?.length ?? 0;
            return matched === 0
                ? 'No active rule matched'
                : `${matched} rule${matched === 1 ? '' : 's'} matched`;
        }
        case 'decision': {
            let text = target ? `Set ${target} to ${entry.value ?? 'unknown'}` : 'No change';
            if (entry.ruleName) {
                text += ` (rule "${entry.ruleName}")`;
            }
            if (entry.result === 'skipped' || entry.result === 'suppressed') {
                text += `, ${entry.result}`;
            }
            return withMessage(text, entry.message);
        }
        case 'call-issued':
            return withMessage(
                `Asked ${target ?? 'the platform'} for ${entry.value ?? 'a change'}`,
                entry.message
            );
        case 'call-result': {
            const result = entry.result ? RESULT_LABELS[entry.result] : 'Done';
            const latency = entry.latencyMs !== undefined ? ` after ${formatDuration(entry.latencyMs)}` : '';
            return withMessage(`${result}${latency}`, entry.message);
        }
        case 'side-ready':
            return entry.message ?? `${entry.side ? SIDE_LABELS[entry.side] : 'A side'} ready`;
        default:
            return withMessage(STEP_LABELS[entry.step] ?? entry.step, entry.message);
    }
}

function buildGroup(correlationId: string, entries: TraceEntry[]): TimelineGroup {
    const startAt = entries[0].at;
    const endAt = entries[entries.length - 1].at;
    const steps = entries.map((entry, i): TimelineStep => {
        const sincePrevious = i === 0 ? 0 : entry.at - entries[i - 1].at;
        return {
            key: `${correlationId}#${entry.seq}#${i}`,
            step: entry.step,
            stepLabel: STEP_LABELS[entry.step] ?? entry.step,
            detail: describeEntry(entry),
            at: entry.at,
            level: entry.level,
            result: entry.result ?? null,
            sinceStartMs: entry.at - startAt,
            latencyMs:
                entry.step === 'call-result' && entry.latencyMs !== undefined
                    ? entry.latencyMs
                    : sincePrevious,
            entry
        };
    });
    const event = entries.find((entry) => entry.step === 'event-received');
    const outcome = syncOutcome(entries);
    const ruleNames = [...new Set(entries.map((entry) => entry.ruleName).filter((n): n is string => !!n))];
    return {
        key: correlationId,
        correlationId,
        title: event ? describeEntry(event) : steps[0].detail,
        startAt,
        endAt,
        durationMs: endAt - startAt,
        outcome,
        outcomeLabel: OUTCOME_LABELS[outcome],
        level: worstLevel(entries),
        ruleNames,
        summarized: entries.some((entry) => entry.summary !== undefined),
        steps
    };
}

/** Groups entries by correlation id, oldest correlation first, each group's steps in order. */
export function buildTimeline(entries: readonly TraceEntry[]): TimelineGroup[] {
    const byCorrelation = new Map<string, TraceEntry[]>();
    for (const entry of sortEntries(entries)) {
        const list = byCorrelation.get(entry.correlationId);
        if (list) {
            list.push(entry);
        } else {
            byCorrelation.set(entry.correlationId, [entry]);
        }
    }
    return [...byCorrelation.entries()]
        .map(([correlationId, list]) => buildGroup(correlationId, list))
        .sort((a, b) => a.startAt - b.startAt || compareEntries(a.steps[0].entry, b.steps[0].entry));
}

export interface TraceFilter {
    /** Empty or missing: any. */
    levels?: readonly TraceLevel[];
    steps?: readonly TraceStep[];
    results?: readonly TraceResult[];
}

export function isFilterEmpty(filter: TraceFilter): boolean {
    return !filter.levels?.length && !filter.steps?.length && !filter.results?.length;
}

export function entryMatches(entry: TraceEntry, filter: TraceFilter): boolean {
    if (filter.levels?.length && !filter.levels.includes(entry.level)) {
        return false;
    }
    if (filter.steps?.length && !filter.steps.includes(entry.step)) {
        return false;
    }
    if (filter.results?.length && (!entry.result || !filter.results.includes(entry.result))) {
        return false;
    }
    return true;
}

/**
 * Keeps the correlations with at least one matching step, whole: a failure is only understood
 * with the event and decision that led to it.
 */
export function filterTimeline(groups: readonly TimelineGroup[], filter: TraceFilter): TimelineGroup[] {
    if (isFilterEmpty(filter)) {
        return [...groups];
    }
    return groups.filter((group) => group.steps.some((step) => entryMatches(step.entry, filter)));
}

/** The entries of the given groups, in order: what an export of the visible timeline holds. */
export function entriesOf<T extends TraceEntry>(groups: readonly TimelineGroup[]): T[] {
    return groups.flatMap((group) => group.steps.map((step) => step.entry as T));
}

export interface TimeRange {
    from: number;
    to: number;
}

export interface LaneSegment {
    key: string;
    side: Side;
    state: string;
    from: number;
    to: number;
    durationMs: number;
    /** Position within the range, in percent (for drawing). */
    leftPct: number;
    widthPct: number;
    /** Text alternative, e.g. "Amazon Connect Lunch from 09:30:12 for 40 s". */
    label: string;
}

export interface OutOfSyncInterval {
    key: string;
    from: number;
    to: number;
    durationMs: number;
    /** True when the range ends before the sides agreed again. */
    ongoing: boolean;
    /** The side that should have changed, and to what. */
    expectedSide: Side;
    expectedValue: string;
    /** That side's state while it did not follow. */
    actualValue: string | null;
    /** The state of the side that led. */
    leadingValue: string | null;
    ruleName: string | null;
    correlationId: string;
    /** Why it did not follow (the platform's error, a skip or queue reason), when the trace says. */
    cause: string | null;
    leftPct: number;
    widthPct: number;
    label: string;
}

export interface Swimlanes {
    range: TimeRange;
    connect: LaneSegment[];
    omni: LaneSegment[];
    outOfSync: OutOfSyncInterval[];
}

export interface SwimlaneOptions {
    /**
     * Disagreements shorter than this are the normal round trip of a sync, not a problem worth
     * drawing. Default 1000 ms.
     */
    minOutOfSyncMs?: number;
}

function pct(value: number, range: TimeRange): number {
    const span = range.to - range.from;
    if (span <= 0) {
        return 0;
    }
    return Math.round(((value - range.from) / span) * 100000) / 1000;
}

interface OpenSegment {
    state: string;
    from: number;
}

interface Expectation {
    side: Side;
    value: string;
    since: number;
    ruleName: string | null;
    correlationId: string;
    actualValue: string | null;
    leadingValue: string | null;
    cause: string | null;
}

/**
 * Both sides' states over the range, and the intervals where a rule had asked one side to follow
 * and it had not (yet). Every entry carries both sides' known states, so the lanes come from the
 * trace alone; the expectation a decision sets ends when the side reaches the value, or when a
 * newer state change makes it moot.
 */
export function buildSwimlanes(
    entries: readonly TraceEntry[],
    range: TimeRange,
    options: SwimlaneOptions = {}
): Swimlanes {
    const minOutOfSyncMs = options.minOutOfSyncMs ?? 1000;
    const lanes: Record<Side, LaneSegment[]> = { connect: [], omni: [] };
    const open: Record<Side, OpenSegment | null> = { connect: null, omni: null };
    const outOfSync: OutOfSyncInterval[] = [];
    let expectation: Expectation | null = null;

    const clip = (from: number, to: number): [number, number] | null => {
        const start = Math.max(from, range.from);
        const end = Math.min(to, range.to);
        return end > start ? [start, end] : null;
    };

    const closeSegment = (side: Side, to: number): void => {
        const segment = open[side];
        open[side] = null;
        const clipped = segment && clip(segment.from, to);
        if (!segment || !clipped) {
            return;
        }
        const [from, end] = clipped;
        lanes[side].push({
            key: `${side}-${from}-${lanes[side].length}`,
            side,
            state: segment.state,
            from,
            to: end,
            durationMs: end - from,
            leftPct: pct(from, range),
            widthPct: Math.round((pct(end, range) - pct(from, range)) * 1000) / 1000,
            label: `${SIDE_LABELS[side]} ${segment.state} from ${formatClock(from)} for ${formatDuration(end - from)}`
        });
    };

    const closeExpectation = (to: number, ongoing: boolean): void => {
        const e = expectation;
        expectation = null;
        const clipped = e && clip(e.since, to);
        if (!e || !clipped || clipped[1] - clipped[0] < minOutOfSyncMs) {
            return;
        }
        const [from, end] = clipped;
        const leader = otherSide(e.side);
        const duration = formatDuration(end - from);
        let label = `Out of sync from ${formatClock(from)} for ${duration}${ongoing ? ' (still at the end of the range)' : ''}: ${SIDE_LABELS[leader]} ${e.leadingValue ?? 'unknown'} while ${SIDE_LABELS[e.side]} stayed ${e.actualValue ?? 'unknown'}; expected ${SIDE_LABELS[e.side]} ${e.value}`;
        if (e.ruleName) {
            label += ` by rule "${e.ruleName}"`;
        }
        if (e.cause) {
            label += `. Cause: ${e.cause}`;
        }
        outOfSync.push({
            key: `oos-${from}-${outOfSync.length}`,
            from,
            to: end,
            durationMs: end - from,
            ongoing,
            expectedSide: e.side,
            expectedValue: e.value,
            actualValue: e.actualValue,
            leadingValue: e.leadingValue,
            ruleName: e.ruleName,
            correlationId: e.correlationId,
            cause: e.cause,
            leftPct: pct(from, range),
            widthPct: Math.round((pct(end, range) - pct(from, range)) * 1000) / 1000,
            label
        });
    };

    const current = (side: Side): string | null => open[side]?.state ?? null;

    for (const entry of sortEntries(entries)) {
        if (entry.at > range.to) {
            break;
        }
        if (
            expectation &&
            entry.step === 'event-received' &&
            entry.eventType &&
            STATE_EVENTS.has(entry.eventType) &&
            entry.correlationId !== expectation.correlationId
        ) {
            // A newer state change starts a new story; the old request no longer applies.
            closeExpectation(entry.at, false);
        }
        const states: Record<Side, string | undefined> = {
            connect: entry.connectState,
            omni: entry.omniStatus
        };
        for (const side of ['connect', 'omni'] as const) {
            const state = states[side];
            if (state !== undefined && state !== current(side)) {
                closeSegment(side, entry.at);
                open[side] = { state, from: entry.at };
            }
        }
        if (
            entry.step === 'decision' &&
            entry.destination &&
            entry.value !== undefined &&
            entry.result !== 'suppressed'
        ) {
            const side = destinationSide(entry.destination);
            if (expectation) {
                closeExpectation(entry.at, false);
            }
            expectation = {
                side,
                value: entry.value,
                since: entry.at,
                ruleName: entry.ruleName ?? null,
                correlationId: entry.correlationId,
                actualValue: current(side),
                leadingValue: current(otherSide(side)),
                cause:
                    entry.result === 'skipped'
                        ? (entry.message ?? 'skipped')
                        : entry.result === 'queued'
                          ? `queued until the contact ends (${entry.message ?? 'held'})`
                          : null
            };
        } else if (
            expectation &&
            entry.correlationId === expectation.correlationId &&
            (entry.result === 'failure' || entry.result === 'queued' || entry.result === 'skipped') &&
            entry.step !== 'decision'
        ) {
            const cause = entry.message ?? RESULT_LABELS[entry.result];
            expectation.cause =
                entry.result === 'queued' ? `queued until the contact ends (${cause})` : cause;
        }
        if (expectation && current(expectation.side) === expectation.value) {
            closeExpectation(entry.at, false);
        }
    }
    closeSegment('connect', range.to);
    closeSegment('omni', range.to);
    if (expectation) {
        closeExpectation(range.to, true);
    }
    return { range, connect: lanes.connect, omni: lanes.omni, outOfSync };
}

/** "185 ms", "40 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
    if (ms < 1000) {
        return `${Math.round(ms)} ms`;
    }
    const seconds = Math.round(ms / 1000);
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        const rest = seconds % 60;
        return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    const restMinutes = minutes % 60;
    return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
}

/** Local wall-clock time with milliseconds, "09:30:12.125": support staff compare it with what the agent saw. */
export function formatClock(at: number): string {
    const d = new Date(at);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A stored entry may carry who and where; exports include those columns when present. */
export type ExportableEntry = TraceEntry & {
    id?: string;
    userId?: string;
    userName?: string;
    tabId?: string | null;
};

type Column = [header: string, value: (entry: ExportableEntry) => string | number | undefined | null];

const CSV_COLUMNS: Column[] = [
    ['time', (e) => new Date(e.at).toISOString()],
    ['epochMs', (e) => e.at],
    ['seq', (e) => e.seq],
    ['correlationId', (e) => e.correlationId],
    ['userName', (e) => e.userName],
    ['userId', (e) => e.userId],
    ['tabId', (e) => e.tabId],
    ['step', (e) => e.step],
    ['level', (e) => e.level],
    ['side', (e) => e.side],
    ['eventType', (e) => e.eventType],
    ['connectState', (e) => e.connectState],
    ['omniStatus', (e) => e.omniStatus],
    ['ruleId', (e) => e.ruleId],
    ['ruleName', (e) => e.ruleName],
    ['matchedRuleIds', (e) => e.matchedRuleIds?.join(' ')],
    ['destination', (e) => e.destination],
    ['value', (e) => e.value],
    ['result', (e) => e.result],
    ['latencyMs', (e) => e.latencyMs],
    ['description', (e) => describeEntry(e)],
    ['message', (e) => e.message]
];

function csvCell(value: string | number | undefined | null): string {
    if (value === undefined || value === null) {
        return '';
    }
    if (typeof value === 'number') {
        return String(value);
    }
    // Platform error texts end up here: a leading = + - @ would run as a formula in a spreadsheet.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends), one row per entry in the given order, with a header row. */
export function toCsv(entries: readonly ExportableEntry[]): string {
    const rows = [CSV_COLUMNS.map(([header]) => header).join(',')];
    for (const entry of entries) {
        rows.push(CSV_COLUMNS.map(([, value]) => csvCell(value(entry))).join(','));
    }
    return rows.join('\r\n') + '\r\n';
}

/** The entries as stored, pretty-printed: re-readable by tools and by `buildTimeline`. */
export function toJson(entries: readonly ExportableEntry[]): string {
    return JSON.stringify(entries, null, 2);
}

function compactStamp(at: number): string {
    return new Date(at)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}

/** e.g. `presence-sync-log_avery-agent_20261121T093000Z-20261121T103000Z.csv`. */
export function exportFileName(who: string, range: TimeRange, extension: 'csv' | 'json'): string {
    const slug =
        who
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'agent';
    return `presence-sync-log_${slug}_${compactStamp(range.from)}-${compactStamp(range.to)}.${extension}`;
}
