import { LightningElement, api } from 'lwc';
import searchAssignees from '@salesforce/apex/PresenceSyncRuleController.searchAssignees';
import saveRuleSet from '@salesforce/apex/PresenceSyncRuleController.saveRuleSet';
import type { AssigneeOption, AssignmentType, RuleSet, RuleSetAssignment } from 'presence-sync/contracts';
import { reduceErrors } from 'c/presenceSyncErrors';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';

/** Most specific first: the order in which the server resolves an agent's rule set. */
const PRECEDENCE: readonly AssignmentType[] = ['User', 'Group', 'PermissionSet', 'Profile'];

const TYPE_LABELS: Record<AssignmentType, string> = {
    User: 'User',
    Group: 'Team (public group)',
    PermissionSet: 'Permission set',
    Profile: 'Profile'
};

/** What an assignment of each type wins over, in the precedence column. */
const WINS_OVER: Record<AssignmentType, string> = {
    User: 'Wins over every other assignment',
    Group: 'Wins over permission sets, profiles and the org default',
    PermissionSet: 'Wins over profiles and the org default',
    Profile: 'Wins over the org default only'
};

/**
 * Whom a rule set applies to. An agent covered by several rule sets gets the one reached by the
 * most specific assignment: User, then Group, then Permission Set, then Profile, then the org
 * default. Fires `saved` ({ ruleSet }) after saveRuleSet.
 */
export default class PresenceSyncAssignments extends LightningElement {
    @api ruleSets: RuleSet[] = [];
    @api readOnly = false;
    /** Active rules of the rule set: assigning one without any gives those agents no rules at all. */
    @api activeRuleCount = 0;

    assignments: RuleSetAssignment[] = [];
    current: RuleSet | undefined;
    searchType: AssignmentType = 'Group';
    term = '';
    results: AssigneeOption[] = [];
    searched = false;
    dirty = false;
    busy = false;
    error = '';
    status = '';

    @api
    get ruleSet(): RuleSet | undefined {
        return this.current;
    }
    set ruleSet(value: RuleSet | undefined) {
        this.current = value;
        this.assignments = value ? [...value.assignments] : [];
        this.dirty = false;
        this.results = [];
        this.searched = false;
        this.error = '';
    }

    get precedenceSentence(): string {
        const order = `${PRECEDENCE.map((t) => TYPE_LABELS[t]).join(' > ')} > org default`;
        return `When several rule sets cover an agent, the most specific assignment wins: ${order}.`;
    }

    get isDefault(): boolean {
        return this.current?.isDefault ?? false;
    }

    get typeOptions() {
        return PRECEDENCE.map((value) => ({ label: TYPE_LABELS[value], value }));
    }

    get editable(): boolean {
        return !this.readOnly;
    }

    /** The org default covers everyone already: it takes no assignments. */
    get canAssign(): boolean {
        return this.editable && !this.isDefault;
    }

    get hasAssignments(): boolean {
        return this.assignments.length > 0;
    }

    /** Targets already assigned to another rule set: those agents stay there unless removed. */
    private elsewhere(targetId: string): string | undefined {
        return this.ruleSets.find(
            (s) => s.id !== this.current?.id && s.assignments.some((a) => a.targetId === targetId)
        )?.name;
    }

    get rows() {
        return [...this.assignments]
            .sort(
                (a, b) =>
                    PRECEDENCE.indexOf(a.type) - PRECEDENCE.indexOf(b.type) ||
                    a.targetName.localeCompare(b.targetName)
            )
            .map((a) => {
                const other = this.elsewhere(a.targetId);
                return {
                    key: `${a.type}-${a.targetId}`,
                    targetId: a.targetId,
                    precedence: WINS_OVER[a.type],
                    type: TYPE_LABELS[a.type],
                    name: a.targetName,
                    note: other ? `Also assigned to “${other}”.` : '',
                    removeLabel: `Remove ${a.targetName}`
                };
            });
    }

    get resultRows() {
        return this.results.map((r) => {
            const assigned = this.assignments.some((a) => a.targetId === r.id);
            return {
                key: r.id,
                id: r.id,
                name: r.name,
                type: TYPE_LABELS[r.type],
                assigned,
                addLabel: assigned ? `${r.name} is assigned` : `Add ${r.name}`
            };
        });
    }

    get noResults(): boolean {
        return this.searched && this.results.length === 0;
    }

    get saveDisabled(): boolean {
        return !this.dirty || this.busy || this.readOnly;
    }

    handleType(event: CustomEvent<{ value: string }>): void {
        this.searchType = event.detail.value as AssignmentType;
        this.results = [];
        this.searched = false;
    }

    handleTerm(event: CustomEvent<{ value: string }>): void {
        this.term = event.detail.value;
    }

    async handleSearch(): Promise<void> {
        this.error = '';
        this.busy = true;
        try {
            this.results = await searchAssignees({ type: this.searchType, term: this.term.trim() });
            this.searched = true;
        } catch (error) {
            this.error = `The search failed: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.busy = false;
        }
    }

    handleAdd(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const option = this.results.find((r) => r.id === id);
        if (!option || !this.current || this.assignments.some((a) => a.targetId === option.id)) {
            return;
        }
        this.assignments = [
            ...this.assignments,
            {
                id: null,
                ruleSetId: this.current.id,
                type: option.type,
                targetId: option.id,
                targetName: option.name
            }
        ];
        this.dirty = true;
        this.status = `${option.name} will be assigned when you save.`;
    }

    handleRemove(event: Event): void {
        const targetId = (event.currentTarget as HTMLElement).dataset.targetId;
        const removed = this.assignments.find((a) => a.targetId === targetId);
        this.assignments = this.assignments.filter((a) => a.targetId !== targetId);
        this.dirty = true;
        this.status = removed ? `${removed.targetName} will be removed when you save.` : '';
    }

    /** Targets this save adds that were not assigned before. */
    private get added(): RuleSetAssignment[] {
        const before = new Set(this.current?.assignments.map((a) => a.targetId) ?? []);
        return this.assignments.filter((a) => !before.has(a.targetId));
    }

    get emptyWarning(): string {
        return this.activeRuleCount === 0 && this.assignments.length > 0
            ? `“${this.current?.name ?? 'This rule set'}” has no active rules: the agents assigned to it get no rules at all, so sync changes nothing for them. Add and activate rules on the Rules tab.`
            : '';
    }

    async handleSave(): Promise<void> {
        if (!this.current) {
            return;
        }
        if (this.activeRuleCount === 0 && this.added.length > 0) {
            const names = this.added.map((a) => a.targetName);
            const go = await PresenceSyncConfirm.ask({
                label: `Assign “${this.current.name}”? It has no active rules.`,
                message:
                    `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} would get this rule set, ` +
                    'which has no active rules: sync would change nothing for those agents until you add and activate rules. Their current rule set stops applying to them.',
                confirmLabel: 'Assign anyway'
            });
            if (!go) {
                return;
            }
        }
        this.busy = true;
        this.error = '';
        try {
            const saved = await saveRuleSet({
                ruleSetJson: JSON.stringify({ ...this.current, assignments: this.assignments })
            });
            this.current = saved;
            this.assignments = [...saved.assignments];
            this.dirty = false;
            this.status = `Saved: ${saved.assignments.length} assignments.`;
            this.dispatchEvent(new CustomEvent('saved', { detail: { ruleSet: saved } }));
        } catch (error) {
            this.error = `The assignments were not saved: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.busy = false;
        }
    }
}
