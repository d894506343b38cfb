import { LightningElement, api } from 'lwc';
import Toast from 'lightning/toast';
import { subscribe as empSubscribe, unsubscribe as empUnsubscribe } from 'lightning/empApi';
import type { EmpSubscription } from 'lightning/empApi';
import { NavigationMixin } from 'lightning/navigation';
import getHealthReport from '@salesforce/apex/PresenceSyncHealthController.getHealthReport';
import schedulePurge from '@salesforce/apex/PresenceSyncHealthController.schedulePurge';
import canAdminister from '@salesforce/customPermission/Presence_Sync_Administer_Rules';
import { reduceErrors } from 'c/presenceSyncErrors';
import { formatClock } from 'c/presenceSyncTraceView';
import type { HealthColour, HealthReport } from 'presence-sync/contracts';
import {
    COLOUR_TEXT,
    KEEP_ALIVE_MS,
    liveAgentRows,
    STALE_HEARTBEAT_MS,
    mergeClientChecks,
    summarise,
    syncedStatusRows,
    worstColour
} from './healthView';
import type { LiveAgentRow, SyncedStatusRow } from './healthView';

const PURGE_CHECK_ID = 'purge-job';
/** Published by every rule, rule set and assignment change (PresenceSyncRuleService.publishChanged). */
export const RULES_CHANGED_CHANNEL = '/event/Presence_Sync_Rules_Changed__e';
/** Changes come in bursts (a mapping table save, an import): one check after the burst. */
const CHANGE_QUIET_MS = 500;
/** The Log Reader tab of the Presence Sync app; it reads the agent from the c__agentId URL parameter. */
export const LOG_READER_TAB = 'Presence_Sync_Log_Reader';

interface CheckRow {
    id: string;
    label: string;
    status: HealthColour;
    reason: string;
    fix: string | null;
    icon: string;
    variant: string;
    word: string;
    rowClass: string;
    offerSchedulePurge: boolean;
}

/**
 * The health check. It checks again by itself, so what it shows is never older than a change
 * made elsewhere: when rules, rule sets or assignments change (Presence_Sync_Rules_Changed__e),
 * every `refreshSeconds` while the page is visible (live agents and log counts move on their
 * own), and when the page becomes visible again after that long. **Check again** does it at once.
 */
export default class PresenceSyncHealthCheck extends NavigationMixin(LightningElement) {
    private seconds = 60;

    /** Seconds between checks while the page is visible; 0 checks only on changes and on request. */
    @api
    get refreshSeconds(): number {
        return this.seconds;
    }
    set refreshSeconds(value: number) {
        this.seconds = Number.isFinite(Number(value)) && Number(value) >= 0 ? Number(value) : 60;
        if (this.connected) {
            this.startTimer();
        }
    }

    report: HealthReport | null = null;
    /** Log reader address per agent user id, generated once per report. */
    logUrls: Record<string, string> = {};
    loading = false;
    scheduling = false;
    errorText: string | null = null;
    announcement = '';
    private subscription: EmpSubscription | null = null;
    private timer: ReturnType<typeof setInterval> | null = null;
    private changeTimer: ReturnType<typeof setTimeout> | null = null;
    private connected = false;
    private readonly onVisibility = (): void => {
        if (document.visibilityState === 'visible' && this.isStale()) {
            this.refresh();
        }
    };

    override connectedCallback(): void {
        this.connected = true;
        this.refresh();
        this.listenForChanges();
        document.addEventListener('visibilitychange', this.onVisibility);
        this.startTimer();
    }

    private startTimer(): void {
        if (this.timer !== null) {
            clearInterval(this.timer);
            this.timer = null;
        }
        if (this.seconds > 0) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- live agents and log counts change without any event
            this.timer = setInterval(() => {
                if (document.visibilityState !== 'hidden') {
                    this.refresh();
                }
            }, this.seconds * 1000);
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        document.removeEventListener('visibilitychange', this.onVisibility);
        if (this.timer !== null) {
            clearInterval(this.timer);
            this.timer = null;
        }
        if (this.changeTimer !== null) {
            clearTimeout(this.changeTimer);
            this.changeTimer = null;
        }
        if (this.subscription) {
            empUnsubscribe(this.subscription).catch(() => undefined);
            this.subscription = null;
        }
    }

    /** Without the event (no streaming access), the periodic check still keeps the page current. */
    private listenForChanges(): void {
        empSubscribe(RULES_CHANGED_CHANNEL, -1, () => this.changedElsewhere()).then(
            (subscription) => {
                if (this.connected) {
                    this.subscription = subscription;
                } else {
                    empUnsubscribe(subscription).catch(() => undefined);
                }
            },
            () => undefined
        );
    }

    private changedElsewhere(): void {
        if (this.changeTimer !== null) {
            clearTimeout(this.changeTimer);
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- one check after a burst of changes
        this.changeTimer = setTimeout(() => {
            this.changeTimer = null;
            this.refresh();
        }, CHANGE_QUIET_MS);
    }

    private isStale(): boolean {
        return !this.report || Date.now() - this.checkedAt > Math.max(this.refreshSeconds, 1) * 1000;
    }

    /** When this browser last received a report (the report's own time is the org's clock). */
    private checkedAt = 0;

    handleRefresh(): void {
        this.refresh();
    }

    private async refresh(): Promise<void> {
        if (this.loading) {
            return;
        }
        this.loading = true;
        try {
            const report = await getHealthReport();
            this.report = report;
            this.checkedAt = Date.now();
            // A check that works again clears the problem the last one had.
            this.errorText = null;
            this.announcement = `Health check updated. ${this.summary}`;
            this.logUrls = await this.logReaderUrls(report);
        } catch (error) {
            // The last report stays: an agent's state is still worth seeing while the org does not answer.
            this.errorText = this.report
                ? `Could not check again, so this is the report of ${formatClock(this.report.generatedAt)}: ${reduceErrors(error).join(' ')}`
                : reduceErrors(error).join(' ');
        } finally {
            this.loading = false;
        }
    }

    /** Links from each live agent to their trace, so "why is this agent out of sync?" is one click away. */
    private async logReaderUrls(report: HealthReport): Promise<Record<string, string>> {
        const entries = await Promise.all(
            report.liveAgents.map(async (agent) => {
                const url = await this[NavigationMixin.GenerateUrl]({
                    type: 'standard__navItemPage',
                    attributes: { apiName: LOG_READER_TAB },
                    state: { c__agentId: agent.userId, c__agentName: agent.userName }
                });
                return [agent.userId, url] as const;
            })
        );
        return Object.fromEntries(entries);
    }

    get hasReport(): boolean {
        return this.report !== null;
    }

    get checks(): CheckRow[] {
        if (!this.report) {
            return [];
        }
        const purgeScheduled = this.report.logStats.purgeScheduled;
        return mergeClientChecks(this.report).map((check) => {
            const colour = COLOUR_TEXT[check.status];
            return {
                ...check,
                icon: colour.icon,
                variant: colour.variant,
                word: colour.word,
                rowClass: `slds-item check check-${check.status}`,
                // Only admins may schedule (the org refuses others); supervisors read the fix instead.
                offerSchedulePurge: check.id === PURGE_CHECK_ID && !purgeScheduled && !!canAdminister
            };
        });
    }

    get summary(): string {
        return summarise(this.checks);
    }

    get overallClass(): string {
        const colour = worstColour(this.checks);
        const theme = { green: 'slds-theme_success', amber: 'slds-theme_warning', red: 'slds-theme_error' }[
            colour
        ];
        return `slds-box slds-box_x-small slds-m-bottom_small overall ${theme}`;
    }

    get generatedText(): string {
        if (!this.report) {
            return '';
        }
        const every = this.refreshSeconds > 0 ? ` and every ${this.refreshSeconds} s` : '';
        return `Checked at ${formatClock(this.report.generatedAt)}; checks again by itself when rules change${every}.`;
    }

    /** The synced pairs, one table per rule set, so the table stays three columns wide. */
    get syncedGroups() {
        const groups = new Map<
            string,
            { key: string; heading: string; appliesTo: string; rows: SyncedStatusRow[] }
        >();
        for (const row of this.syncedRows) {
            const group = groups.get(row.ruleSetName) ?? {
                key: row.ruleSetName,
                heading: row.ruleSetName,
                appliesTo: `Applies to: ${row.appliesTo}`,
                rows: []
            };
            group.rows.push(row);
            groups.set(row.ruleSetName, group);
        }
        return [...groups.values()];
    }

    get syncedRows(): SyncedStatusRow[] {
        return this.report ? syncedStatusRows(this.report) : [];
    }

    get hasSyncedRows(): boolean {
        return this.syncedRows.length > 0;
    }

    get liveAgents(): Array<LiveAgentRow & { logUrl: string | null; logLinkTitle: string }> {
        // The org stamps heartbeats with its clock; comparing with the report's time avoids browser clock skew.
        if (!this.report) {
            return [];
        }
        return liveAgentRows(this.report.liveAgents, this.report.generatedAt).map((row) => ({
            ...row,
            logUrl: this.logUrls[row.userId] ?? null,
            logLinkTitle: `Open the log reader for ${row.userName}`
        }));
    }

    get hasLiveAgents(): boolean {
        return this.liveAgents.length > 0;
    }

    get liveAgentsSummary(): string {
        const rows = this.liveAgents;
        const running = rows.filter((row) => !row.stale).length;
        const trouble = rows.filter(
            (row) => !row.stale && (row.paused || row.status === 'out-of-sync')
        ).length;
        return `${running} ${running === 1 ? 'agent runs' : 'agents run'} sync now; ${trouble} out of sync or paused. Each reports within seconds of a problem and at least every ${KEEP_ALIVE_MS / 60000} minutes; one not heard from for ${Math.round(STALE_HEARTBEAT_MS / 60000)} minutes is shown as not seen.`;
    }

    get logStatsText(): string {
        if (!this.report) {
            return '';
        }
        const { entries24h, errors24h, retentionDays, summaryRetentionDays } = this.report.logStats;
        return `${entries24h} log entries and ${errors24h} syncs that went wrong today; summaries are kept ${summaryRetentionDays} ${summaryRetentionDays === 1 ? 'day' : 'days'}, the steps of syncs that went wrong ${retentionDays} days.`;
    }

    async handleSchedulePurge(): Promise<void> {
        this.scheduling = true;
        try {
            await schedulePurge();
            Toast.show(
                {
                    label: 'Purge scheduled',
                    message: 'Old log entries will be deleted every hour.',
                    variant: 'success'
                },
                // The toast finds its container from the component that raised it.
                this as unknown as HTMLElement
            );
            await this.refresh();
        } catch (error) {
            this.errorText = `The purge job could not be scheduled: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.scheduling = false;
        }
    }
}
