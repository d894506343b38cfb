import { LightningElement, api } from 'lwc';
import { describeRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, SourceEvent } from 'c/presenceSyncEngine';
import { compareRulePrecedence, coverageMatrix } from 'c/presenceSyncRuleAnalysis';
import type { AnalysisFinding, CoverageMatrix, SyncDirection } from 'c/presenceSyncRuleAnalysis';
import type { PresenceStatusInfo } from 'presence-sync/contracts';
import { statusLabels } from 'c/presenceSyncRuleOptions';

const DIRECTION_TEXT: Record<SyncDirection, { symbol: string; words: string }> = {
    publisher: { symbol: '→', words: 'Connect sets Omni-Channel (publisher)' },
    subscriber: { symbol: '←', words: 'Omni-Channel sets Connect (subscriber)' },
    bidirectional: { symbol: '↔', words: 'both ways (bi-directional)' }
};

const KIND_LABELS: Record<AnalysisFinding['kind'], string> = {
    invalid: 'Refused at save',
    conflict: 'Conflict',
    shadowed: 'Never takes effect',
    'never-matches': 'Never matches',
    'round-trip': 'Sides disagree',
    loop: 'Flip-flop loop'
};

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
            omniStatuses: this.statuses.map((s) => s.developerName)
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

    get findingItems() {
        return this.findings.map((f, i) => ({
            key: `${f.kind}-${i}`,
            kind: KIND_LABELS[f.kind],
            message: f.message,
            iconName: f.severity === 'error' ? 'utility:error' : 'utility:warning',
            variant: f.severity === 'error' ? 'error' : 'warning'
        }));
    }

    get hasFindings(): boolean {
        return this.findings.length > 0;
    }
}
