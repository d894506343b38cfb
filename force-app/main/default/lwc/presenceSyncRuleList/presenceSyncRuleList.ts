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
/** Rules drawn at once: a rule set of 500 opens at once, and "Show more" draws the next ones. */
export const RULES_PER_PAGE = 25;

export default class PresenceSyncRuleList extends LightningElement {
    @api statuses: PresenceStatusInfo[] = [];
    @api findings: AnalysisFinding[] = [];
    @api readOnly = false;
    @api busy = false;

    allRules: PresenceSyncRule[] = [];
    shown = RULES_PER_PAGE;
    filter = '';
    private ruleSetKey = '';

    /** Another rule set starts again at its first page; the same one, saved, keeps what is shown. */
    @api
    get rules(): PresenceSyncRule[] {
        return this.allRules;
    }
    set rules(value: PresenceSyncRule[]) {
        this.allRules = value ?? [];
        const key = this.allRules[0]?.ruleSetId ?? '';
        if (key !== this.ruleSetKey) {
            this.ruleSetKey = key;
            this.shown = RULES_PER_PAGE;
            this.filter = '';
        }
    }

    get isEmpty(): boolean {
        return this.allRules.length === 0;
    }

    /** The filter box appears once a rule set is longer than a page. */
    get offersFilter(): boolean {
        return this.allRules.length > RULES_PER_PAGE;
    }

    private get matching(): { rule: PresenceSyncRule; index: number }[] {
        const words = this.filter.trim().toLowerCase();
        const labels = statusLabels(this.statuses);
        return this.allRules
            .map((rule, index) => ({ rule, index }))
            .filter(
                ({ rule }) =>
                    words === '' ||
                    rule.name.toLowerCase().includes(words) ||
                    describeRule(rule, { statusLabels: labels }).toLowerCase().includes(words)
            );
    }

    get moreCount(): number {
        return Math.max(0, this.matching.length - this.shown);
    }

    get moreLabel(): string {
        const next = Math.min(RULES_PER_PAGE, this.moreCount);
        return `Show ${next} more (${this.moreCount} not shown yet)`;
    }

    get filterSummary(): string {
        const total = this.allRules.length;
        const found = this.matching.length;
        const drawn = Math.min(found, this.shown);
        if (this.filter.trim() !== '') {
            return found === 0
                ? `No rule matches “${this.filter.trim()}”.`
                : `${found} of ${total} rules match; showing ${drawn}.`;
        }
        return `Showing ${drawn} of ${total} rules, in the order they are evaluated.`;
    }

    handleFilter(event: CustomEvent<{ value: string }>): void {
        this.filter = event.detail.value ?? '';
        this.shown = RULES_PER_PAGE;
    }

    handleShowMore(): void {
        this.shown += RULES_PER_PAGE;
    }

    get actionsDisabled(): boolean {
        return this.readOnly || this.busy;
    }

    get rows(): RuleRow[] {
        const labels = statusLabels(this.statuses);
        const byRule = new Map<string, AnalysisFinding[]>();
        for (const finding of this.findings ?? []) {
            const first = finding.ruleIds[0];
            byRule.set(first, [...(byRule.get(first) ?? []), finding]);
        }
        const last = this.allRules.length - 1;
        return this.matching.slice(0, this.shown).map(({ rule, index }) => {
            const warnings = (byRule.get(rule.id) ?? []).map((f, i) => ({
                key: `${rule.id}-${i}`,
                message: f.message
            }));
            return {
                id: rule.id,
                position: index + 1,
                name: rule.name,
                sentence: describeRule(rule, { statusLabels: labels }),
                active: rule.active,
                statusText: rule.active ? 'Active' : 'Inactive',
                upDisabled: this.actionsDisabled || index === 0,
                downDisabled: this.actionsDisabled || index === last,
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
