import getRuleBuilderData from '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData';
import getRules from '@salesforce/apex/PresenceSyncRuleController.getRules';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import saveRuleBatch from '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch';
import deleteRules from '@salesforce/apex/PresenceSyncRuleController.deleteRules';
import setRulesActive from '@salesforce/apex/PresenceSyncRuleController.setRulesActive';
import reorderRules from '@salesforce/apex/PresenceSyncRuleController.reorderRules';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { compareRulePrecedence, findingsIntroduced } from 'c/presenceSyncRuleAnalysis';
import { checkBatch } from 'c/presenceSyncRuleChecks';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { RejectedRule, RuleSet, RuleSetDeletion, SaveRulesResult } from 'presence-sync/contracts';
import { RuleBuilderView } from './ruleBuilderView';
import {
    batchMessage,
    cloneDraft,
    createdMessage,
    deletionMessage,
    moved,
    newRuleDraft,
    refusalsOf,
    warningsQuestion,
    withRuleSet
} from './ruleBuilderModel';

/**
 * The admin's rule builder: picks a rule set, lists its rules in order, and runs the guided
 * editor, mapping table, analysis, dry run, assignments and import/export on it. Every change
 * goes through PresenceSyncRuleController and is re-read from the server afterwards, so what is
 * shown is what agents will load.
 */
export default class PresenceSyncRuleBuilder extends RuleBuilderView {
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
        return added.length === 0 || PresenceSyncConfirm.ask(warningsQuestion(added, question, confirmLabel));
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
            this.announce(createdMessage(ruleSet));
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
        const message = deletionMessage(name, deletion, this.ruleSets.find((s) => s.id === movedTo)?.name);
        await this.load();
        if (!this.ruleSets.some((s) => s.id === ruleSetId)) {
            this.announce(message);
        }
    }

    private replaceRuleSet(saved: RuleSet): void {
        if (this.data) {
            this.data = { ...this.data, ruleSets: withRuleSet(this.data.ruleSets, saved) };
        }
    }

    handleNewRule(): void {
        if (this.atLimit) {
            return;
        }
        this.serverIssues = [];
        this.editing = { rule: newRuleDraft(this.rules, this.ruleSetId), isNew: true };
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
            this.editing = { rule: cloneDraft(rule, this.rules), isNew: true };
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
        }
        return refusalsOf(check, rules);
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
        const reordered = moved(this.rules, ruleId, offset);
        const rule = this.ruleById(ruleId);
        if (!reordered || !rule || !this.ruleSetId) {
            return;
        }
        const position = reordered.indexOf(rule) + 1;
        const previous = this.rules;
        // Shown at once; the server's order replaces it when the call returns.
        this.rules = reordered;
        this.busy = true;
        try {
            await reorderRules({ ruleSetId: this.ruleSetId, orderedRuleIds: reordered.map((r) => r.id) });
            await this.loadRules();
            this.announce(`Moved “${rule.name}” to position ${position}.`);
        } catch (error) {
            this.rules = previous;
            this.fail(`“${rule.name}” could not be moved`, error);
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
            this.actionError = batchMessage(label, result, deleteIds.length);
        } else {
            this.announce(batchMessage(label, result, deleteIds.length));
        }
    }

    handleRuleSetSaved(event: CustomEvent<{ ruleSet: RuleSet }>): void {
        const saved = event.detail.ruleSet;
        this.replaceRuleSet(saved);
        this.announce(`Saved the assignments of ${saved.name}.`);
    }
}
