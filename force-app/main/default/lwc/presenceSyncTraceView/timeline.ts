/**
 * The trace as a timeline: entries grouped by correlation (event → rules → decision → call →
 * result, with the time each step took), what each correlation came to, and the filters that keep
 * whole correlations. Pure.
 */
import type { TraceEntry, TraceLevel, TraceResult, TraceStep } from 'c/presenceSyncEngine';
import { syncOutcome, worstLevel } from 'c/presenceSyncTraceSummary';
import { OUTCOME_LABELS, STEP_LABELS, describeEntry } from './traceWords';
import type { TimelineOutcome } from './traceWords';

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
