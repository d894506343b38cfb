import { LightningElement, api } from 'lwc';
import { describeRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import type { PresenceStatusInfo } from 'presence-sync/contracts';
import { statusLabels } from 'c/presenceSyncRuleOptions';

interface RuleRow {
    id: string;
    position: number;
    name: string;
    sentence: string;
    active: boolean;
    statusText: string;
    upDisabled: boolean;
    downDisabled: boolean;
    warnings: { key: string; message: string }[];
    hasWarnings: boolean;
    itemClass: string;
    moveUpLabel: string;
    moveDownLabel: string;
    editLabel: string;
    cloneLabel: string;
    deleteLabel: string;
    toggleLabel: string;
}

/**
 * The rules in evaluation order, each as a sentence, with its analysis warnings. Pure display:
 * fires `toggleactive` ({ ruleId, active }), `move` ({ ruleId, offset }), `edit`, `clone` and
 * `delete` ({ ruleId }); the builder does the work.
 */
export default class PresenceSyncRuleList extends LightningElement {
    @api rules: PresenceSyncRule[] = [];
    @api statuses: PresenceStatusInfo[] = [];
    @api findings: AnalysisFinding[] = [];
    @api readOnly = false;
    @api busy = false;

    get isEmpty(): boolean {
        return this.rules.length === 0;
    }

    get actionsDisabled(): boolean {
        return this.readOnly || this.busy;
    }

    get rows(): RuleRow[] {
        const labels = statusLabels(this.statuses);
        return this.rules.map((rule, index) => {
            const warnings = this.findings
                .filter((f) => f.ruleIds[0] === rule.id)
                .map((f, i) => ({ key: `${rule.id}-${i}`, message: f.message }));
            return {
                id: rule.id,
                position: index + 1,
                name: rule.name,
                sentence: describeRule(rule, { statusLabels: labels }),
                active: rule.active,
                statusText: rule.active ? 'Active' : 'Inactive',
                upDisabled: this.actionsDisabled || index === 0,
                downDisabled: this.actionsDisabled || index === this.rules.length - 1,
                warnings,
                hasWarnings: warnings.length > 0,
                itemClass: rule.active ? 'slds-item' : 'slds-item slds-text-color_weak',
                moveUpLabel: `Move “${rule.name}” up`,
                moveDownLabel: `Move “${rule.name}” down`,
                editLabel: `Edit “${rule.name}”`,
                cloneLabel: `Clone “${rule.name}”`,
                deleteLabel: `Delete “${rule.name}”`,
                toggleLabel: `“${rule.name}” active`
            };
        });
    }

    private fire(name: string, event: Event, extra: Record<string, unknown> = {}): void {
        const ruleId = (event.currentTarget as HTMLElement).dataset.ruleId;
        this.dispatchEvent(new CustomEvent(name, { detail: { ruleId, ...extra } }));
    }

    handleToggle(event: CustomEvent<{ checked: boolean }>): void {
        this.fire('toggleactive', event, { active: event.detail.checked });
    }
    handleMoveUp(event: Event): void {
        this.fire('move', event, { offset: -1 });
    }
    handleMoveDown(event: Event): void {
        this.fire('move', event, { offset: 1 });
    }
    handleEdit(event: Event): void {
        this.fire('edit', event);
    }
    handleClone(event: Event): void {
        this.fire('clone', event);
    }
    handleDelete(event: Event): void {
        this.fire('delete', event);
    }
}
