import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import getHealthReport from '@salesforce/apex/PresenceSyncHealthController.getHealthReport';
import schedulePurge from '@salesforce/apex/PresenceSyncHealthController.schedulePurge';
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

export default class PresenceSyncHealthCheck extends LightningElement {
    report: HealthReport | null = null;
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
        } catch (error) {
            this.report = null;
            this.errorText = reduceErrors(error).join(' ');
        } finally {
            this.loading = false;
        }
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
                offerSchedulePurge: check.id === PURGE_CHECK_ID && !purgeScheduled
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

    get liveAgents(): LiveAgentRow[] {
        // The org stamps heartbeats with its clock; comparing with the report's time avoids browser clock skew.
        return this.report ? liveAgentRows(this.report.liveAgents, this.report.generatedAt) : [];
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
