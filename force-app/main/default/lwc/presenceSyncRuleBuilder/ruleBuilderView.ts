import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import { findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import type { AnalysisDomain, AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { RuleBuilderData, RuleSet } from 'presence-sync/contracts';
import {
    analysisDomain,
    atLimit,
    limitText,
    orgFactsOf,
    warningSummary,
    warningSummaryClass
} from './ruleBuilderModel';

export interface Editing {
    rule: Partial<PresenceSyncRule>;
    isNew: boolean;
}

/**
 * The template reads the findings several times per render: each rule list is analysed once.
 * Kept outside the component because a field written while rendering would re-render it.
 */
const analysisCache = new WeakMap<
    object,
    { rules: PresenceSyncRule[]; data: RuleBuilderData | null; findings: AnalysisFinding[] }
>();

const orgFactsCache = new WeakMap<object, OrgFacts>();
const EMPTY_DATA = {};

/**
 * The rule builder's state and everything its template reads, derived through the view model
 * (`ruleBuilderModel`). `PresenceSyncRuleBuilder` adds what the admin does: loading, and each
 * change sent to the org.
 */
export class RuleBuilderView extends LightningElement {
    data: RuleBuilderData | null = null;
    ruleSetId: string | null = null;
    rules: PresenceSyncRule[] = [];
    editing: Editing | null = null;
    serverIssues: RuleIssue[] = [];
    loading = true;
    busy = false;
    loadError = '';
    actionError = '';
    statusMessage = '';

    get ready(): boolean {
        return !this.loading && this.data !== null;
    }

    get readOnly(): boolean {
        return this.data?.readOnlyReason != null;
    }

    get readOnlyReason(): string {
        return this.data?.readOnlyReason ?? '';
    }

    get editable(): boolean {
        return !this.readOnly;
    }

    get ruleSets(): RuleSet[] {
        return this.data?.ruleSets ?? [];
    }

    get ruleSet(): RuleSet | undefined {
        return this.ruleSets.find((s) => s.id === this.ruleSetId);
    }

    get hasRuleSet(): boolean {
        return this.ruleSet !== undefined;
    }

    get statuses() {
        return this.data?.statuses ?? [];
    }
    get serviceChannels() {
        return this.data?.serviceChannels ?? [];
    }
    get connectStates() {
        return this.data?.connectStates ?? [];
    }
    get settings() {
        return this.data?.settings ?? null;
    }

    get domain(): AnalysisDomain {
        return analysisDomain(this.data);
    }

    get findings(): AnalysisFinding[] {
        const cached = analysisCache.get(this);
        if (cached && cached.rules === this.rules && cached.data === this.data) {
            return cached.findings;
        }
        const findings = findRuleProblems(this.rules, this.domain);
        analysisCache.set(this, { rules: this.rules, data: this.data, findings });
        return findings;
    }

    get warningCount(): number {
        return this.findings.length;
    }

    get warningSummary(): string {
        return warningSummary(this.warningCount);
    }

    get warningSummaryClass(): string {
        return warningSummaryClass(this.warningCount);
    }

    get isEditing(): boolean {
        return this.editing !== null;
    }

    get editingRule(): Partial<PresenceSyncRule> | undefined {
        return this.editing?.rule;
    }

    get editingIsNew(): boolean {
        return this.editing?.isNew ?? false;
    }

    get ruleCount(): number {
        return this.rules.length;
    }

    get activeRuleCount(): number {
        return this.rules.filter((r) => r.active).length;
    }

    get atLimit(): boolean {
        return atLimit(this.rules);
    }

    get newRuleDisabled(): boolean {
        return this.isEditing || this.atLimit;
    }

    get limitText(): string {
        return limitText(this.atLimit);
    }

    /** Names the rule being edited must not take. */
    get otherRuleNames(): string[] {
        const id = this.editing?.rule.id;
        return this.rules.filter((r) => r.id !== id).map((r) => r.name);
    }

    /** The same object while the builder data stays: children compare it to reuse their work. */
    get orgFacts(): OrgFacts {
        const key = this.data ?? EMPTY_DATA;
        let facts = orgFactsCache.get(key);
        if (!facts) {
            facts = orgFactsOf(this.data);
            orgFactsCache.set(key, facts);
        }
        return facts;
    }

    /** Screen readers hear it; the toast shows it. Clears an error an earlier action left. */
    protected announce(message: string, toast = true): void {
        this.statusMessage = message;
        this.actionError = '';
        if (toast) {
            Toast.show({ label: message, variant: 'success' }, this as unknown as HTMLElement);
        }
    }

    protected fail(prefix: string, error: unknown): void {
        this.actionError = `${prefix}: ${reduceErrors(error).join(' ')}`;
    }

    protected ruleById(id: string): PresenceSyncRule | undefined {
        return this.rules.find((r) => r.id === id);
    }
}
