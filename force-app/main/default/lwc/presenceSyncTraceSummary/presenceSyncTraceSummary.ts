/**
 * One sync in one log entry. The session traces every step of a sync (event, rules, decision,
 * call, result, echo); storing each step as its own row costs an org's data storage about five
 * times what the story needs (a row takes 2 KB whatever it holds). At the Summary log level the
 * shipper stores one `sync-summary` entry per sync instead, and when something went wrong (a
 * failure or refusal, a pause, a decision left unmet: an out-of-sync period) one `sync-detail`
 * entry that carries every step inside it (`packSync`), kept for the longer retention.
 *
 * Both directions live here: `summarizeSync` folds a sync's entries into its summary, and
 * `expandSummaries` turns stored summaries back into the steps the log reader's timeline and
 * swimlanes draw, so the reader works the same from summaries and from full detail. Pure.
 */
import type {
    Destination,
    Side,
    SyncOutcome,
    TraceDetailStep,
    TraceEntry,
    TraceLevel,
    TraceStep,
    TraceSummary
} from 'c/presenceSyncEngine';

export const SUMMARY_STEP: TraceStep = 'sync-summary';
export const DETAIL_STEP: TraceStep = 'sync-detail';
/**
 * Most characters a sync-detail's summary JSON may take: Presence_Sync_Log__c.Summary_Json__c
 * holds 32,768, and the rest of the summary needs well under 2,000.
 */
export const MAX_DETAIL_CHARS = 30000;

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

const OUTCOME_RANK: readonly SyncOutcome[] = [
    'failure',
    'queued',
    'success',
    'skipped',
    'suppressed',
    'no-match',
    'info'
];
const LEVEL_RANK: Record<TraceLevel, number> = { info: 0, warn: 1, error: 2 };

/**
 * Why a decision can be skipped while its side stays where the rules do not want it: this tab
 * only watches, the flapping guard paused sync, the tab lost its writer role, or the admin set
 * On Contact to skip. The words are the engine's (writeGate, contactPolicy); the summary tests
 * drive the real session into each case, so a reworded reason fails them.
 */
const UNMET_REASONS: readonly RegExp[] = [
    /only watches/,
    /paused/,
    /no longer holds the writer role/,
    /on-contact setting is skip/
];

/** A stored entry that stands for a whole sync: a summary, or a sync that went wrong with its steps inside. */
export function isSummary(entry: TraceEntry): boolean {
    return entry.step === SUMMARY_STEP || entry.step === DETAIL_STEP;
}

/** What a sync came to, worst first: a failure anywhere makes it a failure. */
export function syncOutcome(entries: readonly TraceEntry[]): SyncOutcome {
    const found = new Set<SyncOutcome>();
    for (const entry of entries) {
        if (entry.summary) {
            found.add(entry.summary.outcome);
        } else if (entry.level === 'error' || entry.result === 'failure') {
            found.add('failure');
        } else if (entry.result) {
            found.add(entry.result);
        }
        if (entry.step === 'rules-evaluated' && (entry.matchedRuleIds?.length ?? 0) === 0) {
            found.add('no-match');
        }
    }
    return OUTCOME_RANK.find((outcome) => found.has(outcome)) ?? 'info';
}

export function worstLevel(entries: readonly TraceEntry[]): TraceLevel {
    return entries.reduce<TraceLevel>(
        (worst, entry) => (LEVEL_RANK[entry.level] > LEVEL_RANK[worst] ? entry.level : worst),
        'info'
    );
}

function sideOf(destination: Destination): Side {
    return destination === 'ConnectAgentState' ? 'connect' : 'omni';
}

function stateOf(entry: TraceEntry, side: Side): string | undefined {
    return side === 'connect' ? entry.connectState : entry.omniStatus;
}

/**
 * Whether a sync must be kept step by step: a warning or error (a refusal, an input held too
 * long), a failure, the flapping guard pausing or resuming sync, or a decision skipped for a
 * reason that leaves its side out of sync.
 */
export function needsDetail(entries: readonly TraceEntry[]): boolean {
    const last = entries[entries.length - 1];
    return entries.some((entry) => {
        if (entry.level !== 'info' || entry.result === 'failure') {
            return true;
        }
        if (entry.step === 'sync-paused' || entry.step === 'sync-resumed') {
            return true;
        }
        return (
            entry.step === 'decision' &&
            entry.result === 'skipped' &&
            entry.destination !== undefined &&
            stateOf(last, sideOf(entry.destination)) !== entry.value &&
            UNMET_REASONS.some((reason) => reason.test(entry.message ?? ''))
        );
    });
}

/** The decision the sync is about: the one that failed, else the latest (the final word). */
function primaryDecision(entries: readonly TraceEntry[]): TraceEntry | undefined {
    const decisions = entries.filter((e) => e.step === 'decision' && e.result !== 'suppressed');
    const failed = entries.find((e) => e.step === 'call-result' && e.result === 'failure');
    if (failed) {
        return decisions.filter((d) => d.destination === failed.destination && d.at <= failed.at).pop();
    }
    return decisions[decisions.length - 1];
}

/** The result of the call made for `decision`, if one was made. */
function resultOf(entries: readonly TraceEntry[], decision: TraceEntry): TraceEntry | undefined {
    return entries
        .filter(
            (e) =>
                e.step === 'call-result' &&
                e.destination === decision.destination &&
                e.value === decision.value &&
                e.at >= decision.at
        )
        .pop();
}

/**
 * One entry for the whole sync (every entry of one correlation, oldest first): the event, the
 * rules that matched, the decision that mattered with its result or the platform's refusal, the
 * call's round trip, and both sides' states at its start (in `summary`) and end.
 */
export function summarizeSync(entries: readonly TraceEntry[]): TraceEntry {
    const first = entries[0];
    const last = entries[entries.length - 1];
    const event = entries.find((e) => e.step === 'event-received');
    const evaluated = entries.find((e) => e.step === 'rules-evaluated');
    const decision = primaryDecision(entries);
    const result = decision ? resultOf(entries, decision) : undefined;
    const failure = entries.find((e) => e.result === 'failure' || e.level === 'error');
    const summary: TraceSummary = {
        outcome: syncOutcome(entries),
        durationMs: last.at - first.at,
        steps: entries.length
    };
    if (first.connectState !== undefined) {
        summary.fromConnectState = first.connectState;
    }
    if (first.omniStatus !== undefined) {
        summary.fromOmniStatus = first.omniStatus;
    }
    if (!event) {
        summary.firstStep = first.step;
    }
    const entry: TraceEntry = {
        at: first.at,
        seq: first.seq,
        correlationId: first.correlationId,
        step: SUMMARY_STEP,
        level: worstLevel(entries),
        summary
    };
    const eventType = entries.find((e) => e.eventType !== undefined)?.eventType;
    if (eventType !== undefined) {
        entry.eventType = eventType;
    }
    const side = event?.side ?? first.side;
    if (side !== undefined) {
        entry.side = side;
    }
    if (event?.event !== undefined) {
        entry.event = event.event;
    }
    if (last.connectState !== undefined) {
        entry.connectState = last.connectState;
    }
    if (last.omniStatus !== undefined) {
        entry.omniStatus = last.omniStatus;
    }
    if (evaluated?.matchedRuleIds !== undefined) {
        entry.matchedRuleIds = evaluated.matchedRuleIds;
    }
    if (decision) {
        copyDecision(entry, decision);
    }
    const finalResult = result?.result ?? decision?.result;
    if (finalResult !== undefined) {
        entry.result = finalResult;
    }
    const message =
        failure?.message ?? result?.message ?? decision?.message ?? evaluated?.message ?? first.message;
    if (message !== undefined) {
        entry.message = message;
    }
    if (result?.latencyMs !== undefined) {
        entry.latencyMs = result.latencyMs;
    }
    return entry;
}

function copyDecision(entry: TraceEntry, decision: TraceEntry): void {
    if (decision.ruleId !== undefined) {
        entry.ruleId = decision.ruleId;
    }
    if (decision.ruleName !== undefined) {
        entry.ruleName = decision.ruleName;
    }
    if (decision.destination !== undefined) {
        entry.destination = decision.destination;
    }
    if (decision.value !== undefined) {
        entry.value = decision.value;
    }
}

/**
 * A sync that went wrong as one entry: its summary, with every step inside (`summary.detail`), so
 * that it costs one row however many steps it took. When the steps would not fit the field, the
 * events of all but the first step go, then steps from the middle (the first and the latest say
 * how it began and how it ended); `detailOmitted` counts what went.
 */
export function packSync(entries: readonly TraceEntry[]): TraceEntry {
    const entry = summarizeSync(entries);
    entry.step = DETAIL_STEP;
    const summary = entry.summary as TraceSummary;
    let detail: TraceDetailStep[] = entries.map((step) => {
        const copy: TraceEntry = { ...step };
        delete (copy as Partial<TraceEntry>).correlationId;
        delete copy.summary;
        return copy as TraceDetailStep;
    });
    const size = (): number => JSON.stringify({ ...summary, detail }).length;
    if (size() > MAX_DETAIL_CHARS) {
        detail = detail.map((step, i) => {
            if (i === 0) {
                return step;
            }
            const copy = { ...step };
            delete copy.event;
            return copy;
        });
    }
    let omitted = 0;
    while (size() > MAX_DETAIL_CHARS && detail.length > 2) {
        detail.splice(1, 1);
        omitted++;
    }
    summary.detail = detail;
    if (omitted > 0) {
        summary.detailOmitted = omitted;
    }
    return entry;
}

/** Entries by correlation id, in the order their correlations first appear. */
export function byCorrelation<T extends TraceEntry>(entries: readonly T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const entry of entries) {
        const group = groups.get(entry.correlationId);
        if (group) {
            group.push(entry);
        } else {
            groups.set(entry.correlationId, [entry]);
        }
    }
    return groups;
}

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

/**
 * What the Summary level stores of whole syncs: each one's summary, or, when it needs detail, one
 * entry with its steps inside.
 */
export function summaryLevelEntries(entries: readonly TraceEntry[]): TraceEntry[] {
    const out: TraceEntry[] = [];
    for (const sync of byCorrelation(entries).values()) {
        out.push(needsDetail(sync) ? packSync(sync) : summarizeSync(sync));
    }
    return out;
}
