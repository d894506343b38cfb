import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import Toast from 'lightning/toast';
import canViewLogs from '@salesforce/customPermission/Presence_Sync_View_Logs';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import purgeLogs from '@salesforce/apex/PresenceSyncLogController.purgeLogs';
import { reduceErrors } from 'c/presenceSyncErrors';
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
import { expandSummaries } from 'c/presenceSyncTraceSummary';
import type {
    LaneSegment,
    OutOfSyncInterval,
    Swimlanes,
    TimelineGroup,
    TraceFilter
} from 'c/presenceSyncTraceView';
import type { TraceLevel, TraceResult, TraceStep } from 'c/presenceSyncEngine';
import type { AgentLogState, AssigneeOption, SyncLogEntry } from 'presence-sync/contracts';
import { suggestionMove } from './suggestionKeys';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';

const PAGE_SIZE = 500;
/** Enough for a working day of one busy agent; beyond that the range should be narrowed. */
const MAX_PAGES = 10;
export const LIVE_POLL_MS = 5000;
const SEARCH_DEBOUNCE_MS = 300;
/** Syncs drawn at once (newest); a busy day has thousands and the page must stay responsive. */
export const SYNCS_PER_PAGE = 200;
const MINUTE = 60 * 1000;

const RANGE_OPTIONS = [
    { label: 'Last 15 minutes', value: '15' },
    { label: 'Last hour', value: '60' },
    { label: 'Last 4 hours', value: '240' },
    { label: 'Last 24 hours', value: '1440' },
    { label: 'Last 7 days', value: '10080' },
    { label: 'Custom range', value: 'custom' }
];

const OUTCOME_BADGES: Record<string, string> = {
    failure: 'slds-badge slds-m-left_x-small slds-theme_error',
    queued: 'slds-badge slds-m-left_x-small slds-theme_warning',
    skipped: 'slds-badge slds-m-left_x-small slds-theme_warning',
    success: 'slds-badge slds-m-left_x-small slds-theme_success'
};

function options<K extends string>(labels: Record<K, string>): Array<{ label: string; value: K }> {
    return (Object.keys(labels) as K[]).map((value) => ({ label: labels[value], value }));
}

function toIsoInput(ms: number): string {
    return new Date(ms).toISOString();
}

interface SegmentView extends LaneSegment {
    style: string;
    className: string;
}

interface IntervalView extends OutOfSyncInterval {
    style: string;
}

export default class PresenceSyncLogReader extends LightningElement {
    /** Preselects an agent, e.g. when the page is opened from the health check. */
    @api agentId: string | undefined;
    @api agentName: string | undefined;

    readonly rangeOptions = RANGE_OPTIONS;
    readonly levelOptions = options<TraceLevel>(LEVEL_LABELS);
    readonly stepOptions = options<TraceStep>(STEP_LABELS);
    readonly resultOptions = options<TraceResult>(RESULT_LABELS);

    searchTerm = '';
    agentOptions: AssigneeOption[] = [];
    searching = false;
    agent: AssigneeOption | null = null;

    rangeChoice = '60';
    customFrom = '';
    customTo = '';
    rangeFrom = 0;
    rangeTo = 0;

    entries: SyncLogEntry[] = [];
    truncated = false;
    loading = false;
    loaded = false;
    retentionDays: number | null = null;
    summaryRetentionDays: number | null = null;
    /** The agent's live debugging and dropped entries (the live debugging panel shows them). */
    agentState: AgentLogState | null = null;
    canPurge = false;
    errorText: string | null = null;
    announcement = '';

    selectedLevels: TraceLevel[] = [];
    selectedSteps: TraceStep[] = [];
    selectedResults: TraceResult[] = [];

    live = false;
    shownLimit = SYNCS_PER_PAGE;
    private pollTimer: ReturnType<typeof setInterval> | null = null;
    private polling = false;
    private searchTimer: ReturnType<typeof setTimeout> | null = null;
    private readonly onVisibilityChange = (): void => this.syncPolling();

    /** Opened from the health check (or any link) with `c__agentId`: show that agent at once. */
    @wire(CurrentPageReference)
    setPageReference(pageReference: PageReference | undefined): void {
        const agentId = pageReference?.state?.c__agentId;
        if (!agentId || agentId === this.agent?.id) {
            return;
        }
        this.agent = { id: agentId, name: pageReference?.state?.c__agentName ?? agentId, type: 'User' };
        this.entries = [];
        this.loaded = false;
        if (this.connected && !this.refused) {
            this.load();
        }
    }

    private connected = false;

    get refused(): boolean {
        return !canViewLogs;
    }

    override connectedCallback(): void {
        if (this.agentId) {
            this.agent = { id: this.agentId, name: this.agentName ?? this.agentId, type: 'User' };
        }
        document.addEventListener('visibilitychange', this.onVisibilityChange);
        this.connected = true;
        if (this.agent && !this.refused) {
            this.load();
        }
    }

    override disconnectedCallback(): void {
        document.removeEventListener('visibilitychange', this.onVisibilityChange);
        this.connected = false;
        this.stopPolling();
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
    }

    // ---- agent search ----

    get hasAgentOptions(): boolean {
        return this.agentOptions.length > 0;
    }

    get noAgentFound(): boolean {
        return !this.searching && this.searchTerm.trim().length >= 2 && this.agentOptions.length === 0;
    }

    handleSearchChange(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value ?? '';
        if (this.searchTimer) {
            clearTimeout(this.searchTimer);
        }
        const term = this.searchTerm.trim();
        if (term.length < 2) {
            this.agentOptions = [];
            return;
        }
        // Debounce: one search per pause in typing, not one per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => this.runSearch(term), SEARCH_DEBOUNCE_MS);
    }

    private async runSearch(term: string): Promise<void> {
        this.searching = true;
        try {
            const found = await searchAgents({ term });
            if (term === this.searchTerm.trim()) {
                this.agentOptions = found;
            }
        } catch (error) {
            this.errorText = reduceErrors(error).join(' ');
        } finally {
            this.searching = false;
        }
    }

    /** Arrow keys from the search field into the suggestions and between them; Escape back. */
    handleAgentKeys(event: KeyboardEvent): void {
        const suggestions = [...(this.template?.querySelectorAll<HTMLElement>('button.agent-option') ?? [])];
        const current = suggestions.indexOf(this.template?.activeElement as HTMLElement);
        const next = suggestionMove(event.key, current, suggestions.length);
        if (next === null) {
            return;
        }
        event.preventDefault();
        if (next < 0) {
            this.template?.querySelector<HTMLElement>('lightning-input.agent-search')?.focus();
        } else {
            suggestions[next].focus();
        }
    }

    handleAgentPick(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const picked = this.agentOptions.find((option) => option.id === id);
        if (!picked) {
            return;
        }
        this.agent = picked;
        this.agentOptions = [];
        this.searchTerm = '';
        this.entries = [];
        this.loaded = false;
        this.load();
    }

    handleClearAgent(): void {
        this.agent = null;
        this.entries = [];
        this.loaded = false;
        this.setLive(false);
    }

    get agentLabel(): string {
        return this.agent ? this.agent.name : '';
    }

    // ---- range ----

    get isCustomRange(): boolean {
        return this.rangeChoice === 'custom';
    }

    handleRangeChange(event: CustomEvent<{ value: string }>): void {
        this.rangeChoice = event.detail.value;
        if (this.isCustomRange && !this.customFrom) {
            const now = Date.now();
            this.customFrom = toIsoInput(now - 60 * MINUTE);
            this.customTo = toIsoInput(now);
        }
        if (!this.isCustomRange && this.agent) {
            this.load();
        }
    }

    handleCustomFrom(event: CustomEvent<{ value: string }>): void {
        this.customFrom = event.detail.value;
    }

    handleCustomTo(event: CustomEvent<{ value: string }>): void {
        this.customTo = event.detail.value;
    }

    private computeRange(): { from: number; to: number } | null {
        if (!this.isCustomRange) {
            const to = Date.now();
            return { from: to - Number(this.rangeChoice) * MINUTE, to };
        }
        const from = Date.parse(this.customFrom);
        const to = Date.parse(this.customTo);
        if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
            this.errorText = 'Choose a start time before the end time.';
            return null;
        }
        return { from, to };
    }

    // ---- loading ----

    get loadDisabled(): boolean {
        return !this.agent || this.loading;
    }

    handleLoad(): void {
        this.load();
    }

    private async load(): Promise<void> {
        const agent = this.agent;
        const range = this.computeRange();
        if (!agent || !range) {
            return;
        }
        this.loading = true;
        this.errorText = null;
        try {
            const collected: SyncLogEntry[] = [];
            let pageToken: string | null = null;
            let pages = 0;
            do {
                // Pages are sequential by design: each token comes from the previous page.
                // eslint-disable-next-line no-await-in-loop
                const page = await readLogs({
                    userId: agent.id,
                    fromMs: range.from,
                    toMs: range.to,
                    pageSize: PAGE_SIZE,
                    pageToken
                });
                collected.push(...page.entries);
                this.retentionDays = page.retentionDays;
                this.summaryRetentionDays = page.summaryRetentionDays;
                this.agentState = page.agentState;
                this.canPurge = page.canPurge;
                pageToken = page.nextPageToken;
                pages++;
            } while (pageToken && pages < MAX_PAGES);
            if (this.agent !== agent) {
                return;
            }
            this.truncated = pageToken !== null;
            this.entries = collected;
            this.rangeFrom = range.from;
            this.rangeTo = range.to;
            this.loaded = true;
            this.shownLimit = SYNCS_PER_PAGE;
            const groups = this.allGroups.length;
            this.announcement = `Loaded ${collected.length} log entries in ${groups} ${groups === 1 ? 'sync' : 'syncs'} for ${agent.name}.`;
        } catch (error) {
            this.errorText = reduceErrors(error).join(' ');
            this.setLive(false);
        } finally {
            this.loading = false;
        }
    }

    // ---- live mode ----

    get liveDisabled(): boolean {
        return !this.agent || this.isCustomRange;
    }

    handleLiveToggle(event: CustomEvent<{ checked: boolean }>): void {
        this.setLive(!!event.detail.checked);
    }

    private setLive(on: boolean): void {
        this.live = on;
        this.syncPolling();
    }

    /** Polls only while live mode is on, the tab is visible and an agent is picked. */
    private syncPolling(): void {
        const shouldPoll = this.live && !!this.agent && document.visibilityState !== 'hidden';
        if (shouldPoll && !this.pollTimer) {
            // Live mode is polling by nature; stopped when hidden, turned off or disconnected.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.pollTimer = setInterval(() => this.poll(), LIVE_POLL_MS);
        } else if (!shouldPoll) {
            this.stopPolling();
        }
    }

    private stopPolling(): void {
        if (this.pollTimer) {
            clearInterval(this.pollTimer);
            this.pollTimer = null;
        }
    }

    private async poll(): Promise<void> {
        const agent = this.agent;
        if (this.polling || !agent) {
            return;
        }
        this.polling = true;
        const now = Date.now();
        const since = this.entries.reduce((latest, entry) => Math.max(latest, entry.at), this.rangeFrom);
        try {
            const page = await readLogs({
                userId: agent.id,
                fromMs: since,
                toMs: now,
                pageSize: PAGE_SIZE,
                pageToken: null
            });
            if (this.agent !== agent) {
                return;
            }
            this.agentState = page.agentState;
            const known = new Set(this.entries.map((entry) => entry.id));
            const fresh = page.entries.filter((entry) => !known.has(entry.id));
            this.rangeTo = now;
            if (this.rangeChoice !== 'custom') {
                this.rangeFrom = now - Number(this.rangeChoice) * MINUTE;
            }
            if (fresh.length) {
                this.entries = [...this.entries, ...fresh];
                this.announcement = `${fresh.length} new log ${fresh.length === 1 ? 'entry' : 'entries'}.`;
            }
        } catch (error) {
            this.errorText = `Live mode stopped: ${reduceErrors(error).join(' ')}`;
            this.setLive(false);
        } finally {
            this.polling = false;
        }
    }

    // ---- filters ----

    handleLevels(event: CustomEvent<{ value: TraceLevel[] }>): void {
        this.selectedLevels = event.detail.value;
    }

    handleSteps(event: CustomEvent<{ value: TraceStep[] }>): void {
        this.selectedSteps = event.detail.value;
    }

    handleResults(event: CustomEvent<{ value: TraceResult[] }>): void {
        this.selectedResults = event.detail.value;
    }

    /** Live debugging started or ended: follow the agent live while every step is stored. */
    handleDebugChange(event: CustomEvent<AgentLogState>): void {
        this.agentState = event.detail;
        const active = (event.detail?.debugUntil ?? 0) > Date.now();
        if (active && !this.live && !this.liveDisabled) {
            this.setLive(true);
        }
    }

    handleClearFilters(): void {
        this.selectedLevels = [];
        this.selectedSteps = [];
        this.selectedResults = [];
    }

    private get filter(): TraceFilter {
        return { levels: this.selectedLevels, steps: this.selectedSteps, results: this.selectedResults };
    }

    // ---- views ----

    /**
     * Getters run several times per render and a day's log has thousands of entries: derive each
     * view once per input. Mutating this plain object's properties triggers no re-render.
     */
    private readonly memo: {
        entries: SyncLogEntry[] | null;
        steps: SyncLogEntry[];
        groups: TimelineGroup[];
        lanesEntries: SyncLogEntry[] | null;
        lanesKey: string;
        lanes: Swimlanes | null;
    } = { entries: null, steps: [], groups: [], lanesEntries: null, lanesKey: '', lanes: null };

    /** Steps and syncs of the entries: summaries (the Summary log level) stand for the steps they summarise. */
    private derive(): void {
        if (this.memo.entries !== this.entries) {
            this.memo.entries = this.entries;
            this.memo.steps = expandSummaries(this.entries);
            this.memo.groups = buildTimeline(this.memo.steps);
        }
    }

    private get steps(): SyncLogEntry[] {
        this.derive();
        return this.memo.steps;
    }

    private get allGroups(): TimelineGroup[] {
        this.derive();
        return this.memo.groups;
    }

    get timeline(): Array<
        TimelineGroup & {
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
        }
    > {
        return this.matching.slice(-this.shownLimit).map((group) => ({
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

    get hasEntries(): boolean {
        return this.entries.length > 0;
    }

    get isEmpty(): boolean {
        return this.loaded && this.entries.length === 0;
    }

    /** The syncs the filters keep, oldest first. */
    private get matching(): TimelineGroup[] {
        return filterTimeline(this.allGroups, this.filter);
    }

    get filteredOut(): boolean {
        return this.hasEntries && this.matching.length === 0;
    }

    get visibleSummary(): string {
        const matching = this.matching.length;
        const total = this.allGroups.length;
        const summary =
            matching === total ? `${total} syncs` : `${matching} of ${total} syncs match the filters`;
        return this.hiddenCount > 0
            ? `${summary}; showing the newest ${matching - this.hiddenCount}`
            : summary;
    }

    /** Older matching syncs not drawn yet. */
    get hiddenCount(): number {
        return Math.max(0, this.matching.length - this.shownLimit);
    }

    get showEarlierLabel(): string {
        return `Show ${Math.min(this.hiddenCount, SYNCS_PER_PAGE)} earlier syncs`;
    }

    handleShowEarlier(): void {
        this.shownLimit += SYNCS_PER_PAGE;
    }

    private get swimlanes(): Swimlanes {
        const key = `${this.rangeFrom}-${this.rangeTo}`;
        if (!this.memo.lanes || this.memo.lanesEntries !== this.entries || this.memo.lanesKey !== key) {
            this.memo.lanesEntries = this.entries;
            this.memo.lanesKey = key;
            // Nothing is known before the first entry: start the picture there, not at an empty range start.
            const firstAt = this.allGroups.length ? this.allGroups[0].startAt : this.rangeFrom;
            this.memo.lanes = buildSwimlanes(this.steps, {
                from: Math.max(this.rangeFrom, firstAt),
                to: this.rangeTo
            });
        }
        return this.memo.lanes;
    }

    private segmentViews(segments: LaneSegment[]): SegmentView[] {
        return segments.map((segment) => ({
            ...segment,
            style: `left:${segment.leftPct}%;width:${segment.widthPct}%`,
            className: `lane-segment lane-${segment.side}`
        }));
    }

    /** Both sides' lanes, Connect first: the picture and its text alternative render the same list. */
    get stateLanes(): {
        side: string;
        label: string;
        trackClass: string;
        altClass: string;
        segments: SegmentView[];
    }[] {
        return (['connect', 'omni'] as const).map((side) => ({
            side,
            label: SIDE_LABELS[side],
            trackClass: `lane-track lane-track-${side}`,
            altClass: `lane-alt-${side}`,
            segments: this.segmentViews(this.swimlanes[side])
        }));
    }

    get outOfSyncIntervals(): IntervalView[] {
        return this.swimlanes.outOfSync.map((interval) => ({
            ...interval,
            style: `left:${interval.leftPct}%;width:${interval.widthPct}%`
        }));
    }

    get hasOutOfSync(): boolean {
        return this.swimlanes.outOfSync.length > 0;
    }

    get swimlaneSummary(): string {
        const { connect, omni, outOfSync } = this.swimlanes;
        const total = outOfSync.reduce((sum, interval) => sum + interval.durationMs, 0);
        const oos = outOfSync.length
            ? `out of sync ${outOfSync.length} ${outOfSync.length === 1 ? 'time' : 'times'}, ${formatDuration(total)} in all`
            : 'never out of sync for longer than a second';
        return `${SIDE_LABELS.connect}: ${connect.length} states, ${SIDE_LABELS.omni}: ${omni.length} states; ${oos}.`;
    }

    get rangeStartText(): string {
        return formatClock(this.swimlanes.range.from);
    }

    get rangeEndText(): string {
        return formatClock(this.rangeTo);
    }

    get retentionText(): string {
        const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;
        if (this.retentionDays === null) {
            return '';
        }
        return this.summaryRetentionDays === null
            ? `Log entries are kept for ${days(this.retentionDays)}, then purged.`
            : `Sync summaries are kept for ${days(this.summaryRetentionDays)}, the steps of syncs that went wrong or were debugged live for ${days(this.retentionDays)}, then purged.`;
    }

    get truncatedText(): string {
        return `Showing the newest ${this.entries.length} entries only. Choose a shorter time range to see the rest.`;
    }

    // ---- export ----

    get exportDisabled(): boolean {
        return this.matching.length === 0;
    }

    handleExportCsv(): void {
        this.download(toCsv(this.exportEntries()), 'csv', 'text/csv');
    }

    handleExportJson(): void {
        this.download(toJson(this.exportEntries()), 'json', 'application/json');
    }

    /** What the filters keep (also syncs not drawn yet), oldest first. */
    private exportEntries(): SyncLogEntry[] {
        return entriesOf<SyncLogEntry>(this.matching);
    }

    private download(content: string, extension: 'csv' | 'json', mime: string): void {
        const link = document.createElement('a');
        // A data URL rather than a Blob URL: Locker and LWS both allow it.
        link.href = `data:${mime};charset=utf-8,${encodeURIComponent(content)}`;
        link.download = exportFileName(
            this.agentLabel,
            { from: this.rangeFrom, to: this.rangeTo },
            extension
        );
        link.click();
    }

    // ---- purge ----

    async handlePurge(): Promise<void> {
        const confirmed = await PresenceSyncConfirm.ask({
            label: 'Purge sync logs?',
            message: `Delete every Presence Sync log entry older than the retention period (${this.retentionDays ?? '?'} days), for all agents? This cannot be undone.`,
            confirmLabel: 'Purge old entries',
            destructive: true
        });
        if (!confirmed) {
            return;
        }
        try {
            const { deleted } = await purgeLogs();
            Toast.show(
                {
                    label: 'Logs purged',
                    message: `${deleted} old log ${deleted === 1 ? 'entry was' : 'entries were'} deleted.`,
                    variant: 'success'
                },
                // The toast finds its container from the component that raised it.
                this as unknown as HTMLElement
            );
            await this.load();
        } catch (error) {
            this.errorText = `The purge failed: ${reduceErrors(error).join(' ')}`;
        }
    }
}
