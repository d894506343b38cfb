/**
 * What the log reader shows, worked out from its state: the timeline and swimlanes as the
 * template draws them, and the sentences around them. Pure, so the component
 * keeps only its state, its calls to the org and its handlers.
 */
import {
    LEVEL_LABELS,
    RESULT_LABELS,
    SIDE_LABELS,
    STEP_LABELS,
    buildSwimlanes,
    buildTimeline,
    entriesOf,
    exportFileName,
    filterTimeline,
    formatClock,
    formatDuration,
    toCsv,
    toJson
} from 'c/presenceSyncTraceView';
import type {
    LaneSegment,
    OutOfSyncInterval,
    Swimlanes,
    TimelineGroup,
    TraceFilter
} from 'c/presenceSyncTraceView';
import { expandSummaries } from 'c/presenceSyncTraceSummary';
import type { SyncLogEntry } from 'presence-sync/contracts';
import type { TimeWindow } from './logQuery';

/** Syncs drawn at once (newest); a busy day has thousands and the page must stay responsive. */
export const SYNCS_PER_PAGE = 200;

const OUTCOME_BADGES: Record<string, string> = {
    failure: 'slds-badge slds-m-left_x-small slds-theme_error',
    queued: 'slds-badge slds-m-left_x-small slds-theme_warning',
    skipped: 'slds-badge slds-m-left_x-small slds-theme_warning',
    success: 'slds-badge slds-m-left_x-small slds-theme_success'
};

function options<K extends string>(labels: Record<K, string>): Array<{ label: string; value: K }> {
    return (Object.keys(labels) as K[]).map((value) => ({ label: labels[value], value }));
}

/** The filters' choices. */
export const LEVEL_OPTIONS = options(LEVEL_LABELS);
export const STEP_OPTIONS = options(STEP_LABELS);
export const RESULT_OPTIONS = options(RESULT_LABELS);

function plural(n: number, one: string, many: string): string {
    return n === 1 ? one : many;
}

// ---- derived views ----

/**
 * Steps, syncs and swimlanes of the entries, each derived once per input: a filter or another
 * page of syncs changes the view, not these, and a day's log has thousands of entries. Summaries
 * (the Summary log level) stand for the steps they summarise.
 */
class LogDerivations {
    private entries: readonly SyncLogEntry[] | null = null;
    private stepList: SyncLogEntry[] = [];
    private groupList: TimelineGroup[] = [];
    private lanesEntries: readonly SyncLogEntry[] | null = null;
    private lanesKey = '';
    private lanes: Swimlanes | null = null;

    steps(entries: readonly SyncLogEntry[]): SyncLogEntry[] {
        this.derive(entries);
        return this.stepList;
    }

    groups(entries: readonly SyncLogEntry[]): TimelineGroup[] {
        this.derive(entries);
        return this.groupList;
    }

    swimlanes(entries: readonly SyncLogEntry[], range: TimeWindow): Swimlanes {
        const key = `${range.from}-${range.to}`;
        if (!this.lanes || this.lanesEntries !== entries || this.lanesKey !== key) {
            this.lanesEntries = entries;
            this.lanesKey = key;
            const groups = this.groups(entries);
            // Nothing is known before the first entry: start the picture there, not at an empty range start.
            const firstAt = groups.length ? groups[0].startAt : range.from;
            this.lanes = buildSwimlanes(this.steps(entries), {
                from: Math.max(range.from, firstAt),
                to: range.to
            });
        }
        return this.lanes;
    }

    private derive(entries: readonly SyncLogEntry[]): void {
        if (this.entries !== entries) {
            this.entries = entries;
            this.stepList = expandSummaries(entries);
            this.groupList = buildTimeline(this.stepList);
        }
    }
}

export type TimelineView = Omit<TimelineGroup, 'steps'> & {
    startText: string;
    durationText: string;
    badgeClass: string;
    steps: Array<
        TimelineGroup['steps'][number] & {
            sinceStartText: string;
            latencyText: string;
            rowClass: string;
        }
    >;
};

/** The newest `shown` syncs as the template draws them. */
export function timelineView(matching: readonly TimelineGroup[], shown: number): TimelineView[] {
    return matching.slice(-shown).map((group) => ({
        ...group,
        startText: formatClock(group.startAt),
        durationText: formatDuration(group.durationMs),
        badgeClass: OUTCOME_BADGES[group.outcome] ?? 'slds-badge slds-m-left_x-small',
        steps: group.steps.map((step) => ({
            ...step,
            sinceStartText: `+${formatDuration(step.sinceStartMs)}`,
            latencyText: formatDuration(step.latencyMs),
            rowClass: step.level === 'error' ? 'slds-text-color_error' : ''
        }))
    }));
}

/** Older matching syncs not drawn yet. */
export function hiddenCount(matching: number, shown: number): number {
    return Math.max(0, matching - shown);
}

export function visibleSummary(matching: number, total: number, shown: number): string {
    const summary = matching === total ? `${total} syncs` : `${matching} of ${total} syncs match the filters`;
    const hidden = hiddenCount(matching, shown);
    return hidden > 0 ? `${summary}; showing the newest ${matching - hidden}` : summary;
}

export function showEarlierLabel(hidden: number): string {
    return `Show ${Math.min(hidden, SYNCS_PER_PAGE)} earlier syncs`;
}

// ---- swimlanes ----

export interface SegmentView extends LaneSegment {
    style: string;
    className: string;
}

export interface IntervalView extends OutOfSyncInterval {
    style: string;
}

export interface LaneView {
    side: string;
    label: string;
    trackClass: string;
    altClass: string;
    segments: SegmentView[];
}

/** Both sides' lanes, Connect first: the picture and its text alternative render the same list. */
export function laneViews(lanes: Swimlanes): LaneView[] {
    return (['connect', 'omni'] as const).map((side) => ({
        side,
        label: SIDE_LABELS[side],
        trackClass: `lane-track lane-track-${side}`,
        altClass: `lane-alt-${side}`,
        segments: lanes[side].map((segment) => ({
            ...segment,
            style: `left:${segment.leftPct}%;width:${segment.widthPct}%`,
            className: `lane-segment lane-${segment.side}`
        }))
    }));
}

export function intervalViews(lanes: Swimlanes): IntervalView[] {
    return lanes.outOfSync.map((interval) => ({
        ...interval,
        style: `left:${interval.leftPct}%;width:${interval.widthPct}%`
    }));
}

export function swimlaneSummary({ connect, omni, outOfSync }: Swimlanes): string {
    const total = outOfSync.reduce((sum, interval) => sum + interval.durationMs, 0);
    const oos = outOfSync.length
        ? `out of sync ${outOfSync.length} ${plural(outOfSync.length, 'time', 'times')}, ${formatDuration(total)} in all`
        : 'never out of sync for longer than a second';
    return `${SIDE_LABELS.connect}: ${connect.length} states, ${SIDE_LABELS.omni}: ${omni.length} states; ${oos}.`;
}

// ---- sentences ----

export function retentionText(retentionDays: number | null, summaryRetentionDays: number | null): string {
    const days = (n: number): string => `${n} ${plural(n, 'day', 'days')}`;
    if (retentionDays === null) {
        return '';
    }
    return summaryRetentionDays === null
        ? `Log entries are kept for ${days(retentionDays)}, then purged.`
        : `Sync summaries are kept for ${days(summaryRetentionDays)}, the steps of syncs that went wrong or were debugged live for ${days(retentionDays)}, then purged.`;
}

export function truncatedText(shown: number): string {
    return `Showing the newest ${shown} entries only. Choose a shorter time range to see the rest.`;
}

export function loadedAnnouncement(entries: number, syncs: number, agentName: string): string {
    return `Loaded ${entries} log entries in ${syncs} ${plural(syncs, 'sync', 'syncs')} for ${agentName}.`;
}

export function freshAnnouncement(fresh: number): string {
    return `${fresh} new log ${plural(fresh, 'entry', 'entries')}.`;
}

export function purgeQuestion(retentionDays: number | null): string {
    return `Delete every Presence Sync log entry older than the retention period (${retentionDays ?? '?'} days), for all agents? This cannot be undone.`;
}

export function purgedMessage(deleted: number): string {
    return `${deleted} old log ${plural(deleted, 'entry was', 'entries were')} deleted.`;
}

// ---- export ----

const MIME_TYPES = { csv: 'text/csv', json: 'application/json' } as const;

/**
 * A download of what the filters keep (also syncs not drawn yet), oldest first: a data URL rather
 * than a Blob URL, as Locker and LWS both allow it.
 */
export function exportFile(
    matching: readonly TimelineGroup[],
    format: 'csv' | 'json',
    who: string,
    range: TimeWindow
): { href: string; fileName: string } {
    const entries = entriesOf<SyncLogEntry>(matching);
    const content = format === 'csv' ? toCsv(entries) : toJson(entries);
    return {
        href: `data:${MIME_TYPES[format]};charset=utf-8,${encodeURIComponent(content)}`,
        fileName: exportFileName(who, range, format)
    };
}

// ---- the whole view ----

/** What the view is worked out from: the component's state. */
export interface LogViewState {
    entries: readonly SyncLogEntry[];
    loaded: boolean;
    range: TimeWindow;
    filter: TraceFilter;
    /** Newest syncs drawn (more on "Show earlier syncs"). */
    shownLimit: number;
    retentionDays: number | null;
    summaryRetentionDays: number | null;
}

/** Everything the template reads besides the state itself. */
export interface LogReaderView {
    /** The syncs the filters keep, oldest first (also those not drawn yet: what an export holds). */
    matching: TimelineGroup[];
    syncCount: number;
    timeline: TimelineView[];
    hasEntries: boolean;
    isEmpty: boolean;
    filteredOut: boolean;
    visibleSummary: string;
    hiddenCount: number;
    showEarlierLabel: string;
    exportDisabled: boolean;
    retentionText: string;
    truncatedText: string;
    stateLanes: LaneView[];
    outOfSyncIntervals: IntervalView[];
    hasOutOfSync: boolean;
    swimlaneSummary: string;
    rangeStartText: string;
    rangeEndText: string;
}

function sameState(a: LogViewState, b: LogViewState): boolean {
    return (
        a.entries === b.entries &&
        a.loaded === b.loaded &&
        a.range.from === b.range.from &&
        a.range.to === b.range.to &&
        a.filter.levels === b.filter.levels &&
        a.filter.steps === b.filter.steps &&
        a.filter.results === b.filter.results &&
        a.shownLimit === b.shownLimit &&
        a.retentionDays === b.retentionDays &&
        a.summaryRetentionDays === b.summaryRetentionDays
    );
}

/**
 * The log reader's view, worked out once per state: the template reads it many times per render,
 * and a day's log has thousands of entries.
 */
export class LogReaderViewModel {
    private readonly derived = new LogDerivations();
    private last: { state: LogViewState; view: LogReaderView } | null = null;

    view(state: LogViewState): LogReaderView {
        if (!this.last || !sameState(this.last.state, state)) {
            this.last = { state, view: this.build(state) };
        }
        return this.last.view;
    }

    private build(state: LogViewState): LogReaderView {
        const groups = this.derived.groups(state.entries);
        const matching = filterTimeline(groups, state.filter);
        const lanes = this.derived.swimlanes(state.entries, state.range);
        const hidden = hiddenCount(matching.length, state.shownLimit);
        const hasEntries = state.entries.length > 0;
        return {
            matching,
            syncCount: groups.length,
            timeline: timelineView(matching, state.shownLimit),
            hasEntries,
            isEmpty: state.loaded && !hasEntries,
            filteredOut: hasEntries && matching.length === 0,
            visibleSummary: visibleSummary(matching.length, groups.length, state.shownLimit),
            hiddenCount: hidden,
            showEarlierLabel: showEarlierLabel(hidden),
            exportDisabled: matching.length === 0,
            retentionText: retentionText(state.retentionDays, state.summaryRetentionDays),
            truncatedText: truncatedText(state.entries.length),
            stateLanes: laneViews(lanes),
            outOfSyncIntervals: intervalViews(lanes),
            hasOutOfSync: lanes.outOfSync.length > 0,
            swimlaneSummary: swimlaneSummary(lanes),
            rangeStartText: formatClock(lanes.range.from),
            rangeEndText: formatClock(state.range.to)
        };
    }
}
