import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import Toast from 'lightning/toast';
import canViewLogs from '@salesforce/customPermission/Presence_Sync_View_Logs';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import purgeLogs from '@salesforce/apex/PresenceSyncLogController.purgeLogs';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { TraceLevel, TraceResult, TraceStep } from 'c/presenceSyncEngine';
import type { AgentLogState, AssigneeOption, SyncLogEntry } from 'presence-sync/contracts';
import { suggestionMove } from './suggestionKeys';
import { AgentSearch, isSearchable } from './agentSearch';
import { LivePolling } from './livePolling';
import {
    LEVEL_OPTIONS,
    LogReaderViewModel,
    RESULT_OPTIONS,
    STEP_OPTIONS,
    SYNCS_PER_PAGE,
    exportFile,
    freshAnnouncement,
    loadedAnnouncement,
    purgeQuestion,
    purgedMessage
} from './logReaderModel';
import type { LogReaderView } from './logReaderModel';
import {
    LIVE_POLL_MS,
    RANGE_OPTIONS,
    freshEntries,
    initialCustomRange,
    pollRequest,
    pageFacts,
    rangeFor,
    readPages,
    rollingStart
} from './logQuery';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';

export { SYNCS_PER_PAGE } from './logReaderModel';

export default class PresenceSyncLogReader extends LightningElement {
    /** Preselects an agent, e.g. when the page is opened from the health check. */
    @api agentId: string | undefined;
    @api agentName: string | undefined;

    readonly rangeOptions = RANGE_OPTIONS;
    readonly levelOptions = LEVEL_OPTIONS;
    readonly stepOptions = STEP_OPTIONS;
    readonly resultOptions = RESULT_OPTIONS;

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
    private readonly polling = new LivePolling(() => this.poll(), LIVE_POLL_MS);
    private readonly search = new AgentSearch({
        search: (term) => searchAgents({ term }),
        found: (found) => (this.agentOptions = found),
        searching: (on) => (this.searching = on),
        failed: (error) => (this.errorText = reduceErrors(error).join(' '))
    });
    private readonly viewModel = new LogReaderViewModel();
    private readonly onVisibilityChange = (): void => this.syncPolling();

    /** Opened from the health check (or any link) with `c__agentId`: show that agent at once. */
    @wire(CurrentPageReference)
    setPageReference(pageReference: PageReference | undefined): void {
        const agentId = pageReference?.state?.c__agentId;
        if (!agentId || agentId === this.agent?.id) {
            return;
        }
        this.showAgent({ id: agentId, name: pageReference?.state?.c__agentName ?? agentId, type: 'User' });
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
        this.polling.stop();
        this.search.cancel();
    }

    // ---- agent search ----

    get hasAgentOptions(): boolean {
        return this.agentOptions.length > 0;
    }

    get noAgentFound(): boolean {
        return !this.searching && isSearchable(this.searchTerm) && this.agentOptions.length === 0;
    }

    handleSearchChange(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value ?? '';
        this.search.type(this.searchTerm);
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
        this.searchTerm = '';
        this.search.type('');
        this.showAgent(picked);
        this.load();
    }

    handleClearAgent(): void {
        this.showAgent(null);
        this.setLive(false);
    }

    /** Another agent (or none): nothing of the previous one's log stays on screen. */
    private showAgent(agent: AssigneeOption | null): void {
        this.agent = agent;
        this.entries = [];
        this.loaded = false;
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
            Object.assign(this, initialCustomRange(Date.now()));
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

    // ---- loading ----

    get loadDisabled(): boolean {
        return !this.agent || this.loading;
    }

    handleLoad(): void {
        this.load();
    }

    private async load(): Promise<void> {
        const agent = this.agent;
        const range = rangeFor(this.rangeChoice, this.customFrom, this.customTo, Date.now());
        if (typeof range === 'string') {
            this.errorText = range;
        }
        if (!agent || typeof range === 'string') {
            return;
        }
        this.loading = true;
        this.errorText = null;
        try {
            const { entries: collected, truncated } = await readPages(readLogs, agent.id, range, (page) =>
                Object.assign(this, pageFacts(page))
            );
            if (this.agent !== agent) {
                return;
            }
            this.truncated = truncated;
            this.entries = collected;
            this.rangeFrom = range.from;
            this.rangeTo = range.to;
            this.loaded = true;
            this.shownLimit = SYNCS_PER_PAGE;
            this.announcement = loadedAnnouncement(collected.length, this.view.syncCount, agent.name);
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
        this.polling.follow(this.live && !!this.agent && document.visibilityState !== 'hidden');
    }

    private async poll(): Promise<void> {
        const agent = this.agent;
        if (!agent) {
            return;
        }
        const now = Date.now();
        try {
            const page = await readLogs(pollRequest(agent.id, this.entries, this.rangeFrom, now));
            if (this.agent !== agent) {
                return;
            }
            this.agentState = page.agentState;
            const fresh = freshEntries(this.entries, page.entries);
            this.rangeTo = now;
            if (this.rangeChoice !== 'custom') {
                this.rangeFrom = rollingStart(this.rangeChoice, now);
            }
            if (fresh.length) {
                this.entries = [...this.entries, ...fresh];
                this.announcement = freshAnnouncement(fresh.length);
            }
        } catch (error) {
            this.errorText = `Live mode stopped: ${reduceErrors(error).join(' ')}`;
            this.setLive(false);
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

    // ---- views ----

    /** What the template draws, worked out once per state (a day's log has thousands of entries). */
    get view(): LogReaderView {
        return this.viewModel.view({
            entries: this.entries,
            loaded: this.loaded,
            range: { from: this.rangeFrom, to: this.rangeTo },
            filter: { levels: this.selectedLevels, steps: this.selectedSteps, results: this.selectedResults },
            shownLimit: this.shownLimit,
            retentionDays: this.retentionDays,
            summaryRetentionDays: this.summaryRetentionDays
        });
    }

    handleShowEarlier(): void {
        this.shownLimit += SYNCS_PER_PAGE;
    }

    // ---- export ----

    handleExportCsv(): void {
        this.download('csv');
    }

    handleExportJson(): void {
        this.download('json');
    }

    private download(format: 'csv' | 'json'): void {
        const file = exportFile(this.view.matching, format, this.agentLabel, {
            from: this.rangeFrom,
            to: this.rangeTo
        });
        const link = document.createElement('a');
        link.href = file.href;
        link.download = file.fileName;
        link.click();
    }

    // ---- purge ----

    async handlePurge(): Promise<void> {
        const confirmed = await PresenceSyncConfirm.ask({
            label: 'Purge sync logs?',
            message: purgeQuestion(this.retentionDays),
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
                    message: purgedMessage(deleted),
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
