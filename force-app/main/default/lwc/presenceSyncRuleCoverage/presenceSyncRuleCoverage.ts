import { LightningElement, api } from 'lwc';
import { describeRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, SourceEvent } from 'c/presenceSyncEngine';
import {
    compareRulePrecedence,
    countFindings,
    coverageMatrix,
    groupFindings
} from 'c/presenceSyncRuleAnalysis';
import type { AnalysisFinding, CoverageMatrix, SyncDirection } from 'c/presenceSyncRuleAnalysis';
import type { PresenceStatusInfo } from 'presence-sync/contracts';
import { namedStatuses, statusLabels } from 'c/presenceSyncRuleOptions';

const DIRECTION_TEXT: Record<SyncDirection, { symbol: string; words: string }> = {
    publisher: { symbol: '→', words: 'Connect sets Omni-Channel (publisher)' },
    subscriber: { symbol: '←', words: 'Omni-Channel sets Connect (subscriber)' },
    bidirectional: { symbol: '↔', words: 'both ways (bi-directional)' }
};

/** Findings listed per kind before "Show all": a big rule set can have thousands. */
const SHOWN_PER_KIND = 20;

/** Sources whose rules react to work, not to a state, so they have no place in the state matrix. */
const WORK_SOURCES: ReadonlySet<SourceEvent> = new Set<SourceEvent>([
    'SalesforceWorkAccepted',
    'SalesforceWorkloadChanged'
]);

/** Outside the component: a field written while rendering would re-render it. */
const matrixCache = new WeakMap<
    object,
    {
        rules: PresenceSyncRule[];
        statuses: PresenceStatusInfo[];
        connectStates: string[];
        matrix: CoverageMatrix;
    }
>();

/**
 * The coverage matrix of the active rules and the analysis warnings, so an admin sees what is
 * synced, in which direction, and what is not, before agents do.
 */
export default class PresenceSyncRuleCoverage extends LightningElement {
    @api rules: PresenceSyncRule[] = [];
    @api statuses: PresenceStatusInfo[] = [];
    @api connectStates: string[] = [];
    @api findings: AnalysisFinding[] = [];

    /** Read by several getters per render: computed once per set of inputs. */
    get matrix(): CoverageMatrix {
        const cached = matrixCache.get(this);
        if (
            cached &&
            cached.rules === this.rules &&
            cached.statuses === this.statuses &&
            cached.connectStates === this.connectStates
        ) {
            return cached.matrix;
        }
        const matrix = coverageMatrix(this.rules, {
            connectStates: this.connectStates,
            omniStatuses: namedStatuses(this.statuses)
        });
        matrixCache.set(this, {
            rules: this.rules,
            statuses: this.statuses,
            connectStates: this.connectStates,
            matrix
        });
        return matrix;
    }

    get columns() {
        const labels = statusLabels(this.statuses);
        return this.matrix.omniStatuses.map((status) => ({
            key: status,
            label: labels[status] && labels[status] !== status ? `${labels[status]} (${status})` : status
        }));
    }

    get rows() {
        return this.matrix.cells.map((cells, r) => ({
            key: this.matrix.connectStates[r],
            state: this.matrix.connectStates[r],
            cells: cells.map((cell) => {
                const text = cell.direction ? DIRECTION_TEXT[cell.direction] : null;
                return {
                    key: `${cell.connectState}|${cell.omniStatus}`,
                    symbol: text ? `${text.symbol}${cell.conditional ? '*' : ''}` : '',
                    words: text
                        ? `${cell.connectState} and ${cell.omniStatus}: ${text.words}${cell.conditional ? ', only after some states' : ''}`
                        : `${cell.connectState} and ${cell.omniStatus}: not synced`,
                    direction: cell.direction ?? 'none',
                    cellClass: text ? 'slds-text-align_center slds-theme_success' : 'slds-text-align_center'
                };
            })
        }));
    }

    get hasMatrix(): boolean {
        return this.matrix.connectStates.length > 0 && this.matrix.omniStatuses.length > 0;
    }

    get unmappedConnect(): string {
        return this.matrix.unmappedConnectStates.join(', ') || 'none';
    }

    get unmappedOmni(): string {
        return this.matrix.unmappedOmniStatuses.join(', ') || 'none';
    }

    get unlistedText(): string {
        const { unlistedConnectStateTarget: toOmni, unlistedOmniStatusTarget: toConnect } = this.matrix;
        const parts: string[] = [];
        if (toOmni) {
            parts.push(`any other Connect state sets Omni-Channel to ${toOmni}`);
        }
        if (toConnect) {
            parts.push(`any other Omni-Channel status sets Connect to ${toConnect}`);
        }
        return parts.length ? `Not-equal rules: ${parts.join('; ')}.` : '';
    }

    /** Active work and workload rules (interruptible workload included), in words, in the order they are evaluated. */
    get workRules(): { key: string; text: string }[] {
        const labels = statusLabels(this.statuses);
        return this.rules
            .filter((rule) => rule.active && WORK_SOURCES.has(rule.source))
            .sort(compareRulePrecedence)
            .map((rule) => ({ key: rule.id, text: describeRule(rule, { statusLabels: labels }) }));
    }

    get hasWorkRules(): boolean {
        return this.workRules.length > 0;
    }

    /** Kinds whose whole list the admin asked to see. */
    expanded: string[] = [];

    get findingGroups() {
        return groupFindings(this.findings).map((group) => {
            const all = this.expanded.includes(group.kind);
            const shown = all ? group.findings : group.findings.slice(0, SHOWN_PER_KIND);
            const severity = group.findings[0].severity;
            return {
                key: group.kind,
                kind: group.kind,
                title: `${group.label} (${group.count.toLocaleString('en-US')})`,
                iconName: severity === 'error' ? 'utility:error' : 'utility:warning',
                variant: severity === 'error' ? 'error' : 'warning',
                alternativeText: severity === 'error' ? 'Error' : 'Warning',
                items: shown.map((f, i) => ({ key: `${group.kind}-${i}`, message: f.message })),
                more: group.count - shown.length,
                moreLabel: `Show all ${group.count.toLocaleString('en-US')}`
            };
        });
    }

    get findingsSummary(): string {
        return countFindings(groupFindings(this.findings));
    }

    handleShowAll(event: Event): void {
        const kind = (event.currentTarget as HTMLElement).dataset.kind;
        if (kind && !this.expanded.includes(kind)) {
            this.expanded = [...this.expanded, kind];
        }
    }

    get hasFindings(): boolean {
        return this.findings.length > 0;
    }
}
