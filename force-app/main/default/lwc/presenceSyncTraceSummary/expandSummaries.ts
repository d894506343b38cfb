/**
 * Stored summaries back into the steps they stand for, so that the log reader's timeline and
 * swimlanes work the same from summaries and from full detail. Pure.
 */
import type { TraceDetailStep, TraceEntry, TraceSummary } from 'c/presenceSyncEngine';
import { isSummary } from './summarizeSync';

/** The TraceEntry properties: what a stored entry's steps take from their own record, not from the row. */
const TRACE_KEYS: readonly (keyof TraceEntry)[] = [
    'at',
    'seq',
    'correlationId',
    'step',
    'level',
    'eventType',
    'side',
    'connectState',
    'omniStatus',
    'ruleId',
    'ruleName',
    'matchedRuleIds',
    'destination',
    'value',
    'result',
    'message',
    'latencyMs',
    'event',
    'summary'
];
/**
 * The steps a summary stands for, as the timeline and swimlanes read them: the event with the
 * states it left both sides in, the rules evaluated, the decision, and its result at the end of
 * the sync with the final states. Each keeps the summary (`summary`), so a view can say that the
 * steps in between were not stored.
 */
export function expandSummary<T extends TraceEntry>(stored: T): T[] {
    const summary = stored.summary as TraceSummary;
    if (summary.detail) {
        return unpack(stored, summary.detail);
    }
    const base = {
        ...stored,
        connectState: summary.fromConnectState ?? stored.connectState,
        omniStatus: summary.fromOmniStatus ?? stored.omniStatus
    };
    const end = stored.at + summary.durationMs;
    if (summary.firstStep) {
        return [
            {
                ...base,
                step: summary.firstStep,
                connectState: stored.connectState,
                omniStatus: stored.omniStatus
            }
        ];
    }
    const steps: T[] = [
        withoutDecision({
            ...base,
            step: 'event-received',
            level: 'info',
            result: undefined,
            message: undefined
        })
    ];
    steps.push(
        withoutDecision({
            ...base,
            step: 'rules-evaluated',
            level: 'info',
            result: undefined,
            message: summary.outcome === 'no-match' ? stored.message : undefined,
            matchedRuleIds: stored.matchedRuleIds ?? []
        })
    );
    if (stored.destination === undefined || stored.value === undefined) {
        return steps;
    }
    // A decision skipped, suppressed or held for the end of a contact says so itself; the call's result ends the sync.
    const decided = stored.result === 'skipped' || stored.result === 'suppressed';
    const held = !decided && summary.outcome === 'queued';
    steps.push({
        ...base,
        step: 'decision',
        level: 'info',
        result: decided ? stored.result : held ? 'queued' : undefined,
        message: decided || held ? stored.message : undefined,
        latencyMs: undefined
    });
    if (!decided && stored.result !== undefined && stored.result !== 'queued') {
        steps.push({ ...stored, at: end, step: 'call-result', message: held ? undefined : stored.message });
    }
    return steps;
}

/** A sync-detail's steps as entries of their own, with what the stored row adds (its id, user, tab). */
function unpack<T extends TraceEntry>(stored: T, detail: readonly TraceDetailStep[]): T[] {
    const row: Partial<T> = { ...stored };
    for (const key of TRACE_KEYS) {
        delete row[key];
    }
    return detail.map((step) => ({ ...row, ...step, correlationId: stored.correlationId }) as T);
}

function withoutDecision<T extends TraceEntry>(entry: T): T {
    const copy = { ...entry };
    delete copy.ruleId;
    delete copy.ruleName;
    delete copy.destination;
    delete copy.value;
    delete copy.latencyMs;
    return copy;
}

const stepKey = (entry: TraceEntry): string => `${entry.correlationId}#${entry.seq}`;

/**
 * Stored entries as the views read them: steps stay as they are, a summary becomes the steps it
 * stands for unless its sync's first step is stored too (the detail tells more), and a
 * sync-detail becomes the steps inside it, less those stored as rows of their own. A sync can
 * have both: summarised, then continued while live debugging stored every step.
 */
export function expandSummaries<T extends TraceEntry>(entries: readonly T[]): T[] {
    const stored = new Set(entries.filter((e) => !isSummary(e)).map(stepKey));
    const out: T[] = [];
    for (const entry of entries) {
        if (!isSummary(entry)) {
            out.push(entry);
        } else if (entry.summary?.detail) {
            out.push(...expandSummary(entry).filter((step) => !stored.has(stepKey(step))));
        } else if (entry.summary && !stored.has(stepKey(entry))) {
            out.push(...expandSummary(entry));
        }
    }
    return out;
}
