import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import { NavigationMixin } from 'lightning/navigation';
import getHealthReport from '@salesforce/apex/PresenceSyncHealthController.getHealthReport';
import schedulePurge from '@salesforce/apex/PresenceSyncHealthController.schedulePurge';
import canAdminister from '@salesforce/customPermission/Presence_Sync_Administer_Rules';
import { reduceErrors } from 'c/presenceSyncErrors';
import { formatClock } from 'c/presenceSyncTraceView';
import type { HealthColour, HealthReport } from 'presence-sync/contracts';
import {
    COLOUR_TEXT,
    liveAgentRows,
    mergeClientChecks,
    summarise,
    syncedStatusRows,
    worstColour
} from './healthView';
import type { LiveAgentRow, SyncedStatusRow } from './healthView';

const PURGE_CHECK_ID = 'purge-job';
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

export default class PresenceSyncHealthCheck extends NavigationMixin(LightningElement) {
    report: HealthReport | null = null;
    /** Log reader address per agent user id, generated once per report. */
    logUrls: Record<string, string> = {};
    loading = false;
    scheduling = false;
    errorText: string | null = null;
    announcement = '';

    override connectedCallback(): void {
        this.refresh();
    }

    handleRefresh(): void {
        this.refresh();
    }

    private async refresh(): Promise<void> {
        this.loading = true;
        this.errorText = null;
        try {
            this.report = await getHealthReport();
            this.announcement = `Health check updated. ${this.summary}`;
            this.logUrls = await this.logReaderUrls(this.report);
        } catch (error) {
            this.report = null;
            this.errorText = reduceErrors(error).join(' ');
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
        return this.report ? `Checked at ${formatClock(this.report.generatedAt)}` : '';
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
        return `${running} ${running === 1 ? 'agent runs' : 'agents run'} sync now; ${trouble} out of sync or paused.`;
    }

    get logStatsText(): string {
        if (!this.report) {
            return '';
        }
        const { entries24h, errors24h, retentionDays } = this.report.logStats;
        return `${entries24h} log entries and ${errors24h} errors in the last 24 hours; entries are kept ${retentionDays} days.`;
    }

    async handleSchedulePurge(): Promise<void> {
        this.scheduling = true;
        try {
            await schedulePurge();
            Toast.show(
                {
                    label: 'Purge scheduled',
                    message: 'Old log entries will be deleted every night.',
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
