import { LightningElement } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import type { ConfirmDialog } from 'presence-sync/confirm';
import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import saveRuleSet from '@salesforce/apex/PresenceSyncRuleController.saveRuleSet';
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import { compareRulePrecedence, findingsIntroduced, findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import type { AnalysisDomain, AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { RuleBuilderData, RuleSet, SaveRulesResult } from 'presence-sync/contracts';

const confirmDialog = LightningConfirm as unknown as ConfirmDialog;

interface Editing {
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

/** Rule ids the server does not know yet: it inserts rules whose id is not a record id. */
let draftCounter = 0;
function draftId(): string {
    draftCounter += 1;
    return `draft-${Date.now().toString(36)}-${draftCounter}`;
}

/**
 * The admin's rule builder: picks a rule set, lists its rules in order, and runs the guided
 * editor, mapping table, analysis, dry run, assignments and import/export on it. Every change
 * goes through PresenceSyncRuleController and is re-read from the server afterwards, so what is
 * shown is what agents will load.
 */
export default class PresenceSyncRuleBuilder extends LightningElement {
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
    creatingRuleSet = false;
    newRuleSetName = '';
    newRuleSetDescription = '';
    newRuleSetDefault = false;
    newRuleSetError = '';

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = '';
        try {
            this.data = await getRuleBuilderData();
            const sets = this.data.ruleSets;
            const preferred =
                sets.find((s) => s.id === this.ruleSetId) ?? sets.find((s) => s.isDefault) ?? sets[0];
            this.ruleSetId = preferred ? preferred.id : null;
            await this.loadRules();
        } catch (error) {
            this.loadError = `The rule builder could not load: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.loading = false;
        }
    }

    private async loadRules(): Promise<void> {
        this.rules = this.ruleSetId
            ? [...(await getRules({ ruleSetId: this.ruleSetId }))].sort(compareRulePrecedence)
            : [];
    }

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

    get ruleSetOptions() {
        return this.ruleSets.map((s) => ({
            label: s.isDefault ? `${s.name} (org default)` : s.name,
            value: s.id
        }));
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
        return {
            connectStates: this.connectStates,
            omniStatuses: this.statuses.map((s) => s.developerName),
            serviceChannels: this.serviceChannels.map((c) => c.developerName)
        };
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
        const count = this.warningCount;
        if (count === 0) {
            return 'The analysis found no problems in the active rules.';
        }
        return count === 1
            ? 'The analysis found 1 problem in the active rules. See the rule it concerns below, or the Coverage tab.'
            : `The analysis found ${count} problems in the active rules. See the rules they concern below, or the Coverage tab.`;
    }

    get warningSummaryClass(): string {
        return this.warningCount === 0
            ? 'slds-text-color_success slds-m-bottom_small'
            : 'slds-text-color_error slds-m-bottom_small';
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

    get nextOrder(): number {
        return this.rules.reduce((max, r) => Math.max(max, r.order), 0) + 10;
    }

    private announce(message: string): void {
        this.statusMessage = message;
        this.actionError = '';
    }

    private fail(prefix: string, error: unknown): void {
        this.actionError = `${prefix}: ${reduceErrors(error).join(' ')}`;
    }

    private ruleById(id: string): PresenceSyncRule | undefined {
        return this.rules.find((r) => r.id === id);
    }

    /**
     * Asks before a change adds analysis warnings, listing them. Resolves true when there are none
     * or the admin goes ahead anyway.
     */
    private async confirmWarnings(rulesAfter: PresenceSyncRule[], action: string): Promise<boolean> {
        const added = findingsIntroduced(this.rules, rulesAfter, this.domain);
        if (added.length === 0) {
            return true;
        }
        return confirmDialog.open({
            label: `${action}: ${added.length === 1 ? '1 new warning' : `${added.length} new warnings`}`,
            message: added.map((f) => `• ${f.message}`).join('\n'),
            theme: 'warning',
            variant: 'header'
        });
    }

    async handleRuleSetChange(event: CustomEvent<{ value: string }>): Promise<void> {
        this.ruleSetId = event.detail.value;
        this.editing = null;
        this.busy = true;
        try {
            await this.loadRules();
            this.announce(`Showing the rules of ${this.ruleSet?.name ?? 'the rule set'}.`);
        } catch (error) {
            this.fail('The rules could not be loaded', error);
        } finally {
            this.busy = false;
        }
    }

    handleStartRuleSet(): void {
        this.creatingRuleSet = true;
        this.newRuleSetName = '';
        this.newRuleSetDescription = '';
        // The first rule set of an org is its default: without one, agents have no rules at all.
        this.newRuleSetDefault = this.ruleSets.length === 0;
        this.newRuleSetError = '';
    }

    handleRuleSetDefault(event: CustomEvent<{ checked: boolean }>): void {
        this.newRuleSetDefault = event.detail.checked;
    }

    handleCancelRuleSet(): void {
        this.creatingRuleSet = false;
    }

    handleRuleSetField(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field;
        if (field === 'ruleSetName') {
            this.newRuleSetName = event.detail.value;
        } else {
            this.newRuleSetDescription = event.detail.value;
        }
    }

    /** A new, empty rule set: the org default, or one that applies to nobody until it is assigned. */
    async handleCreateRuleSet(): Promise<void> {
        const name = this.newRuleSetName.trim();
        if (!name) {
            this.newRuleSetError = 'Give the rule set a name, for example Phone team.';
            return;
        }
        this.busy = true;
        this.newRuleSetError = '';
        try {
            const created = await saveRuleSet({
                ruleSetJson: JSON.stringify({
                    id: null,
                    name,
                    description: this.newRuleSetDescription.trim() || null,
                    isDefault: this.newRuleSetDefault,
                    assignments: []
                })
            });
            if (this.data) {
                // Saving a default makes every other rule set non-default on the server too.
                const others = created.isDefault
                    ? this.data.ruleSets.map((s) => ({ ...s, isDefault: false }))
                    : this.data.ruleSets;
                this.data = { ...this.data, ruleSets: [...others, created] };
            }
            this.ruleSetId = created.id;
            this.creatingRuleSet = false;
            this.editing = null;
            await this.loadRules();
            this.announce(
                `Created the rule set ${created.name}. Add rules, then assign it on the Assignments tab.`
            );
        } catch (error) {
            this.newRuleSetError = `The rule set was not created: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.busy = false;
        }
    }

    handleNewRule(): void {
        this.serverIssues = [];
        this.editing = {
            rule: {
                id: draftId(),
                active: true,
                order: this.nextOrder,
                ruleSetId: this.ruleSetId ?? undefined
            },
            isNew: true
        };
    }

    handleEdit(event: CustomEvent<{ ruleId: string }>): void {
        const rule = this.ruleById(event.detail.ruleId);
        if (rule) {
            this.serverIssues = [];
            this.editing = { rule: { ...rule }, isNew: false };
        }
    }

    handleClone(event: CustomEvent<{ ruleId: string }>): void {
        const rule = this.ruleById(event.detail.ruleId);
        if (rule) {
            this.serverIssues = [];
            this.editing = {
                rule: {
                    ...rule,
                    id: draftId(),
                    name: `${rule.name} (copy)`,
                    order: this.nextOrder,
                    mappingId: undefined
                },
                isNew: true
            };
        }
    }

    handleCancelEdit(): void {
        this.editing = null;
        this.serverIssues = [];
    }

    async handleSaveRule(event: CustomEvent<{ rule: PresenceSyncRule }>): Promise<void> {
        const rule = event.detail.rule;
        const after = [...this.rules.filter((r) => r.id !== rule.id), rule];
        if (!(await this.confirmWarnings(after, `Save “${rule.name}”`))) {
            return;
        }
        const result = await this.save([rule]);
        if (!result) {
            return;
        }
        const rejected = result.rejected.find((r) => r.id === rule.id) ?? result.rejected[0];
        if (rejected) {
            this.serverIssues = rejected.issues;
            this.actionError = `The server refused “${rule.name}”. Fix the fields marked below.`;
            return;
        }
        this.editing = null;
        this.serverIssues = [];
        this.announce(`Saved “${rule.name}”.`);
    }

    /** Saves rules and re-reads the rule set; returns null (with the error shown) when the call failed. */
    private async save(rules: PresenceSyncRule[]): Promise<SaveRulesResult | null> {
        if (!this.ruleSetId) {
            return null;
        }
        this.busy = true;
        try {
            const result = await saveRules({
                ruleSetId: this.ruleSetId,
                rulesJson: JSON.stringify(rules.map((r) => ({ ...r, ruleSetId: this.ruleSetId })))
            });
            await this.loadRules();
            return result;
        } catch (error) {
            if (this.editing) {
                this.serverIssues = [{ field: 'rule', message: reduceErrors(error).join(' ') }];
            }
            this.fail('Saving failed', error);
            return null;
        } finally {
            this.busy = false;
        }
    }

    async handleToggleActive(event: CustomEvent<{ ruleId: string; active: boolean }>): Promise<void> {
        const { ruleId, active } = event.detail;
        const rule = this.ruleById(ruleId);
        if (!rule) {
            return;
        }
        const after = this.rules.map((r) => (r.id === ruleId ? { ...r, active } : r));
        if (active && !(await this.confirmWarnings(after, `Activate “${rule.name}”`))) {
            // Re-render so the toggle shows the rule's real state again.
            this.rules = [...this.rules];
            return;
        }
        this.busy = true;
        try {
            await setRulesActive({ ruleIds: [ruleId], active });
            await this.loadRules();
            this.announce(`“${rule.name}” is now ${active ? 'active' : 'inactive'}.`);
        } catch (error) {
            this.rules = [...this.rules];
            this.fail(`“${rule.name}” could not be ${active ? 'activated' : 'deactivated'}`, error);
        } finally {
            this.busy = false;
        }
    }

    async handleMove(event: CustomEvent<{ ruleId: string; offset: number }>): Promise<void> {
        const { ruleId, offset } = event.detail;
        const from = this.rules.findIndex((r) => r.id === ruleId);
        const to = from + offset;
        if (from < 0 || to < 0 || to >= this.rules.length || !this.ruleSetId) {
            return;
        }
        const reordered = [...this.rules];
        const [moved] = reordered.splice(from, 1);
        reordered.splice(to, 0, moved);
        const previous = this.rules;
        // Shown at once; the server's order replaces it when the call returns.
        this.rules = reordered;
        this.busy = true;
        try {
            await reorderRules({ ruleSetId: this.ruleSetId, orderedRuleIds: reordered.map((r) => r.id) });
            await this.loadRules();
            this.announce(`Moved “${moved.name}” to position ${to + 1}.`);
        } catch (error) {
            this.rules = previous;
            this.fail(`“${moved.name}” could not be moved`, error);
        } finally {
            this.busy = false;
        }
    }

    async handleDelete(event: CustomEvent<{ ruleId: string }>): Promise<void> {
        const rule = this.ruleById(event.detail.ruleId);
        if (!rule) {
            return;
        }
        const confirmed = await confirmDialog.open({
            label: 'Delete rule',
            message: `Delete “${rule.name}”? Agents stop using it as soon as their rules reload. This cannot be undone.`,
            theme: 'warning',
            variant: 'header'
        });
        if (!confirmed) {
            return;
        }
        await this.deleteAndReload([rule.id], `Deleted “${rule.name}”.`);
    }

    private async deleteAndReload(ruleIds: string[], message: string): Promise<boolean> {
        this.busy = true;
        try {
            if (ruleIds.length > 0) {
                await deleteRules({ ruleIds });
            }
            await this.loadRules();
            this.announce(message);
            return true;
        } catch (error) {
            this.fail('Deleting failed', error);
            return false;
        } finally {
            this.busy = false;
        }
    }

    /** From the mapping table or an import: save a batch, delete what it replaces, report rejections. */
    async handleSaveBatch(
        event: CustomEvent<{ rules: PresenceSyncRule[]; deleteIds: string[]; label: string }>
    ): Promise<void> {
        const { rules, deleteIds, label } = event.detail;
        const target = event.target as HTMLElement & {
            showRejections?: (r: SaveRulesResult['rejected']) => void;
        };
        const kept = this.rules.filter((r) => !deleteIds.includes(r.id) && !rules.some((n) => n.id === r.id));
        if (!(await this.confirmWarnings([...kept, ...rules], label))) {
            return;
        }
        const result = await this.save(rules);
        if (!result) {
            return;
        }
        target.showRejections?.(result.rejected);
        if (result.rejected.length > 0) {
            const what =
                result.saved.length === 0
                    ? `the server refused ${rules.length === 1 ? 'the rule' : `all ${rules.length} rules`}`
                    : `the server refused ${result.rejected.length} of ${rules.length} rules and saved the others`;
            this.actionError = `${label}: ${what}; nothing was deleted. See what was refused below.`;
            return;
        }
        await this.deleteAndReload(deleteIds, `${label}: saved ${result.saved.length} rules.`);
    }

    handleRuleSetSaved(event: CustomEvent<{ ruleSet: RuleSet }>): void {
        if (!this.data) {
            return;
        }
        const saved = event.detail.ruleSet;
        const exists = this.data.ruleSets.some((s) => s.id === saved.id);
        this.data = {
            ...this.data,
            ruleSets: exists
                ? this.data.ruleSets.map((s) => (s.id === saved.id ? saved : s))
                : [...this.data.ruleSets, saved]
        };
        this.announce(`Saved the assignments of ${saved.name}.`);
    }
}
