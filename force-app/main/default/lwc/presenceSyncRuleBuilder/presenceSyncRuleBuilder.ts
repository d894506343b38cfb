import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import saveRuleBatch from '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import {
    compareRulePrecedence,
    countFindings,
    findingsIntroduced,
    findRuleProblems,
    groupFindings
} from 'c/presenceSyncRuleAnalysis';
import type { AnalysisDomain, AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import { checkBatch, RULE_LIMITS } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import { reduceErrors } from 'c/presenceSyncErrors';
import type {
    RejectedRule,
    RuleBuilderData,
    RuleSet,
    RuleSetDeletion,
    SaveRulesResult
} from 'presence-sync/contracts';

/** Warnings a confirmation lists per kind; the Coverage and warnings tab lists them all. */
const WARNINGS_SHOWN_PER_KIND = 5;

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

const orgFactsCache = new WeakMap<object, OrgFacts>();
const EMPTY_DATA = {};

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

    get ruleCount(): number {
        return this.rules.length;
    }

    get activeRuleCount(): number {
        return this.rules.filter((r) => r.active).length;
    }

    /** A rule set at the stated limit takes no new rule: New rule and Clone say so instead. */
    get atLimit(): boolean {
        return this.rules.length >= RULE_LIMITS.rulesPerSet;
    }

    get newRuleDisabled(): boolean {
        return this.isEditing || this.atLimit;
    }

    get limitText(): string {
        return this.atLimit
            ? `This rule set holds ${RULE_LIMITS.rulesPerSet} rules, the most a rule set can hold. Delete rules to add others, or put them in another rule set.`
            : '';
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
            facts = {
                statusNames: this.statuses.map((s) => s.developerName),
                connectStates: this.connectStates
            };
            orgFactsCache.set(key, facts);
        }
        return facts;
    }

    /** Screen readers hear it; the toast shows it. Clears an error an earlier action left. */
    private announce(message: string, toast = true): void {
        this.statusMessage = message;
        this.actionError = '';
        if (toast) {
            Toast.show({ label: message, variant: 'success' }, this as unknown as HTMLElement);
        }
    }

    private fail(prefix: string, error: unknown): void {
        this.actionError = `${prefix}: ${reduceErrors(error).join(' ')}`;
    }

    private ruleById(id: string): PresenceSyncRule | undefined {
        return this.rules.find((r) => r.id === id);
    }

    /**
     * Asks before a change adds analysis warnings, grouped by kind and counted, with a button that
     * names the action. Resolves true when there are none or the admin goes ahead anyway.
     */
    private async confirmWarnings(
        rulesAfter: PresenceSyncRule[],
        question: string,
        confirmLabel: string
    ): Promise<boolean> {
        const added = findingsIntroduced(this.rules, rulesAfter, this.domain);
        if (added.length === 0) {
            return true;
        }
        const groups = groupFindings(added, WARNINGS_SHOWN_PER_KIND);
        return PresenceSyncConfirm.ask({
            label: question,
            message: `This change adds ${countFindings(groups)}. Agents get the rules as they are if you go ahead.`,
            confirmLabel,
            groups: groups.map((g) => ({
                heading: g.label,
                count: g.count,
                items: g.findings.map((f) => f.message),
                hidden: g.hidden
            }))
        });
    }

    async handleSelectRuleSet(event: CustomEvent<{ ruleSetId: string }>): Promise<void> {
        this.ruleSetId = event.detail.ruleSetId;
        this.editing = null;
        this.busy = true;
        try {
            await this.loadRules();
            this.announce(`Showing the rules of ${this.ruleSet?.name ?? 'the rule set'}.`, false);
        } catch (error) {
            this.fail('The rules could not be loaded', error);
        } finally {
            this.busy = false;
        }
    }

    /** A rule set created or renamed in the rule set panel. */
    async handleRuleSetPanelSaved(event: CustomEvent<{ ruleSet: RuleSet; created: boolean }>): Promise<void> {
        const { ruleSet, created } = event.detail;
        this.replaceRuleSet(ruleSet);
        if (!created) {
            this.announce(`Renamed the rule set to ${ruleSet.name}.`);
            return;
        }
        this.ruleSetId = ruleSet.id;
        this.editing = null;
        this.busy = true;
        try {
            await this.loadRules();
            this.announce(
                ruleSet.isDefault
                    ? `Created the rule set ${ruleSet.name}, now the org default. Add rules to it.`
                    : `Created the rule set ${ruleSet.name}. Add rules, then assign it on the Assignments tab.`
            );
        } finally {
            this.busy = false;
        }
    }

    async handleRuleSetDeleted(
        event: CustomEvent<{
            ruleSetId: string;
            name: string;
            deletion: RuleSetDeletion;
            movedTo: string | null;
        }>
    ): Promise<void> {
        const { ruleSetId, name, deletion, movedTo } = event.detail;
        this.ruleSetId = movedTo ?? this.ruleSets.find((s) => s.isDefault)?.id ?? null;
        this.editing = null;
        const rules = deletion.deletedRules === 1 ? '1 rule' : `${deletion.deletedRules} rules`;
        const assignments =
            deletion.movedAssignments > 0
                ? ` Its ${deletion.movedAssignments} assignments moved to ${this.ruleSets.find((s) => s.id === movedTo)?.name ?? 'the rule set you chose'}.`
                : deletion.removedAssignments > 0
                  ? ` Its ${deletion.removedAssignments} assignments were deleted: those agents get their next assignment or the org default.`
                  : '';
        await this.load();
        if (!this.ruleSets.some((s) => s.id === ruleSetId)) {
            this.announce(`Deleted the rule set ${name} and its ${rules}.${assignments}`);
        }
    }

    private replaceRuleSet(saved: RuleSet): void {
        if (!this.data) {
            return;
        }
        const exists = this.data.ruleSets.some((s) => s.id === saved.id);
        // Saving a default makes every other rule set non-default on the server too.
        const others = this.data.ruleSets.map((s) => ({
            ...s,
            isDefault: s.isDefault && !(saved.isDefault && s.id !== saved.id)
        }));
        this.data = {
            ...this.data,
            ruleSets: exists ? others.map((s) => (s.id === saved.id ? saved : s)) : [...others, saved]
        };
    }

    handleNewRule(): void {
        if (this.atLimit) {
            return;
        }
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
        if (rule && this.atLimit) {
            this.actionError = this.limitText;
            return;
        }
        if (rule) {
            this.serverIssues = [];
            this.editing = {
                rule: {
                    ...rule,
                    id: draftId(),
                    name: this.copyName(rule.name),
                    order: this.nextOrder,
                    mappingId: undefined
                },
                isNew: true
            };
        }
    }

    /** "Name (copy)", or "(copy 2)" and on when that is taken: rule names are unique in a rule set. */
    private copyName(name: string): string {
        const taken = new Set(this.rules.map((r) => r.name.trim().toLowerCase()));
        for (let n = 1; ; n++) {
            const candidate = `${name} (${n === 1 ? 'copy' : `copy ${n}`})`;
            if (!taken.has(candidate.toLowerCase())) {
                return candidate;
            }
        }
    }

    handleCancelEdit(): void {
        this.editing = null;
        this.serverIssues = [];
    }

    async handleSaveRule(event: CustomEvent<{ rule: PresenceSyncRule }>): Promise<void> {
        const rule = event.detail.rule;
        const after = [...this.rules.filter((r) => r.id !== rule.id), rule];
        const refused = this.precheck([rule], []);
        if (refused?.rejected.length === 0) {
            return;
        }
        if (!refused && !(await this.confirmWarnings(after, `Save “${rule.name}”?`, 'Save anyway'))) {
            return;
        }
        const result = refused ?? (await this.save([rule], []));
        if (!result) {
            return;
        }
        const rejected = result.rejected.find((r) => r.id === rule.id) ?? result.rejected[0];
        if (rejected) {
            this.serverIssues = rejected.issues;
            this.actionError = `The server refused “${rule.name}”. Fix the fields marked below.`;
            return;
        }
        const isNew = this.editing?.isNew ?? false;
        this.editing = null;
        this.serverIssues = [];
        this.announce(isNew ? `Saved the new rule “${rule.name}”.` : `Saved “${rule.name}”.`);
    }

    /**
     * Saves rules (all or nothing) and deletes `deleteIds` in one call, after the org's own checks
     * made here first; then re-reads the rule set, whatever happened, so the list shows what the
     * org holds. Returns null (with the error shown) when the call failed.
     */
    private async save(rules: PresenceSyncRule[], deleteIds: string[]): Promise<SaveRulesResult | null> {
        if (!this.ruleSetId) {
            return null;
        }
        this.busy = true;
        const rulesJson = JSON.stringify(rules.map((r) => ({ ...r, ruleSetId: this.ruleSetId })));
        try {
            return deleteIds.length === 0
                ? await saveRules({ ruleSetId: this.ruleSetId, rulesJson })
                : await saveRuleBatch({ ruleSetId: this.ruleSetId, rulesJson, deleteRuleIds: deleteIds });
        } catch (error) {
            if (this.editing) {
                this.serverIssues = [{ field: 'rule', message: reduceErrors(error).join(' ') }];
            }
            this.fail('Saving failed', error);
            return null;
        } finally {
            await this.reloadQuietly();
            this.busy = false;
        }
    }

    /**
     * The org's own checks, made here before anything is sent: the refusals as the org would
     * answer them, or null when the batch would pass. A batch too big for the rule set is refused
     * as a whole (the error is shown; the answer has no entries).
     */
    private precheck(rules: PresenceSyncRule[], deleteIds: string[]): SaveRulesResult | null {
        const check = checkBatch(this.rules, rules, deleteIds, this.orgFacts);
        if (check.problem) {
            this.actionError = check.problem;
            return { saved: [], rejected: [] };
        }
        if (check.refused.length === 0) {
            return null;
        }
        return {
            saved: [],
            rejected: check.refused.map((entry) => ({
                id: rules[entry.position - 1]?.id ?? '',
                position: entry.position,
                name: entry.name,
                issues: entry.issues
            }))
        };
    }

    /** Re-reads the rules after a change; a failure to read keeps what is shown and says so. */
    private async reloadQuietly(): Promise<void> {
        try {
            await this.loadRules();
        } catch (error) {
            this.fail('The rules could not be read again', error);
        }
    }

    async handleToggleActive(event: CustomEvent<{ ruleId: string; active: boolean }>): Promise<void> {
        const { ruleId, active } = event.detail;
        const rule = this.ruleById(ruleId);
        if (!rule) {
            return;
        }
        const after = this.rules.map((r) => (r.id === ruleId ? { ...r, active } : r));
        if (active && !(await this.confirmWarnings(after, `Activate “${rule.name}”?`, 'Activate anyway'))) {
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
        const confirmed = await PresenceSyncConfirm.ask({
            label: `Delete “${rule.name}”?`,
            message: 'Agents stop using it as soon as their rules reload. This cannot be undone.',
            confirmLabel: 'Delete rule',
            destructive: true
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

    /**
     * From the mapping table or an import: saves the batch and deletes what it replaces in one
     * all-or-nothing call, and hands every refusal (position, name, reasons) back to the sender.
     */
    async handleSaveBatch(
        event: CustomEvent<{
            rules: PresenceSyncRule[];
            deleteIds: string[];
            label: string;
            confirmLabel?: string;
        }>
    ): Promise<void> {
        const { rules, deleteIds, label } = event.detail;
        const target = event.target as HTMLElement & {
            showRejections?: (r: RejectedRule[], saved: number) => void;
        };
        const kept = this.rules.filter((r) => !deleteIds.includes(r.id) && !rules.some((n) => n.id === r.id));
        const refused = this.precheck(rules, deleteIds);
        if (refused && refused.rejected.length === 0) {
            // Refused as a whole; the error says why.
            target.showRejections?.([], -1);
            return;
        }
        if (
            !refused &&
            !(await this.confirmWarnings(
                [...kept, ...rules],
                `${label}?`,
                event.detail.confirmLabel ?? 'Save anyway'
            ))
        ) {
            target.showRejections?.([], -1);
            return;
        }
        const result = refused ?? (await this.save(rules, deleteIds));
        if (!result) {
            target.showRejections?.([], -1);
            return;
        }
        target.showRejections?.(result.rejected, result.saved.length);
        if (result.rejected.length > 0) {
            const count = result.rejected.length;
            this.actionError = `${label}: nothing was saved, because ${count === 1 ? '1 rule was' : `${count} rules were`} refused. See which below.`;
            return;
        }
        const deleted = deleteIds.length > 0 ? `, replacing ${deleteIds.length}` : '';
        this.announce(
            `${label}: saved ${result.saved.length} ${result.saved.length === 1 ? 'rule' : 'rules'}${deleted}.`
        );
    }

    handleRuleSetSaved(event: CustomEvent<{ ruleSet: RuleSet }>): void {
        const saved = event.detail.ruleSet;
        this.replaceRuleSet(saved);
        this.announce(`Saved the assignments of ${saved.name}.`);
    }
}
