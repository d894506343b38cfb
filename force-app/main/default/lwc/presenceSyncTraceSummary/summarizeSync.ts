/**
 * Folding a sync's entries into what the Summary level stores: one `sync-summary` entry, or, when
 * something went wrong, one `sync-detail` entry with every step inside (`packSync`). Pure.
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
