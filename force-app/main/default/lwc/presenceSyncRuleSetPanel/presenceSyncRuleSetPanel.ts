import { LightningElement, api } from 'lwc';
import saveRuleSet from '@salesforce/apex/PresenceSyncRuleController.saveRuleSet';
import deleteRuleSet from '@salesforce/apex/PresenceSyncRuleController.deleteRuleSet';
import { reduceErrors } from 'c/presenceSyncErrors';
import { RULE_LIMITS, ruleSetNameProblems } from 'c/presenceSyncRuleChecks';
import type { RuleSet, RuleSetDeletion } from 'presence-sync/contracts';

type Mode = 'none' | 'create' | 'rename' | 'delete';
type AssignmentChoice = 'move' | 'remove';

/** How many assignments of each type, in words: "2 users and 1 team". */
function describeAssignments(ruleSet: RuleSet): string {
    const words: Record<string, [string, string]> = {
        User: ['user', 'users'],
        Group: ['team', 'teams'],
        PermissionSet: ['permission set', 'permission sets'],
        Profile: ['profile', 'profiles']
    };
    const parts = Object.entries(words).flatMap(([type, [one, many]]) => {
        const n = ruleSet.assignments.filter((a) => a.type === type).length;
        return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
    });
    return parts.length <= 1
        ? parts.join('')
        : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Picks the rule set the builder shows, and creates, renames and deletes rule sets. Names are
 * checked as the org checks them (present, at most 80 characters, unique regardless of case)
 * while they are typed. Deleting asks what becomes of the rule set's assignments: moved to
 * another rule set, or deleted so those agents fall back to their next assignment or the org
 * default. Fires `select` ({ ruleSetId }), `saved` ({ ruleSet, created }) and `deleted`
 * ({ ruleSetId, deletion, movedTo }).
 */
export default class PresenceSyncRuleSetPanel extends LightningElement {
    @api ruleSets: RuleSet[] = [];
    @api ruleSetId: string | null = null;
    /** Rules of the selected rule set, for the delete question. */
    @api ruleCount = 0;
    @api readOnly = false;
    @api busy = false;

    mode: Mode = 'none';
    name = '';
    description = '';
    isDefault = false;
    choice: AssignmentChoice = 'move';
    moveTo: string | null = null;
    error = '';
    working = false;
    /** Shown after a name was typed or a save was tried: not while the form is still empty. */
    touched = false;

    get ruleSet(): RuleSet | undefined {
        return this.ruleSets.find((s) => s.id === this.ruleSetId);
    }

    get options() {
        return this.ruleSets.map((s) => ({
            label: s.isDefault ? `${s.name} (org default)` : s.name,
            value: s.id
        }));
    }

    get editable(): boolean {
        return !this.readOnly;
    }

    get hasRuleSet(): boolean {
        return this.ruleSet !== undefined;
    }

    get pickerDisabled(): boolean {
        return this.busy || this.working || this.mode !== 'none';
    }

    get actionsDisabled(): boolean {
        return this.busy || this.working || this.mode !== 'none';
    }

    get isForm(): boolean {
        return this.mode === 'create' || this.mode === 'rename';
    }

    get isDelete(): boolean {
        return this.mode === 'delete';
    }

    get formHeading(): string {
        return this.mode === 'create' ? 'New rule set' : `Rename “${this.ruleSet?.name ?? ''}”`;
    }

    get submitLabel(): string {
        return this.mode === 'create' ? 'Create rule set' : 'Save name';
    }

    /** The org default stays one until another rule set is made the default. */
    get defaultLocked(): boolean {
        return this.mode === 'rename' && (this.ruleSet?.isDefault ?? false);
    }

    get defaultHelp(): string {
        return this.defaultLocked
            ? 'This is the org default. To change that, make another rule set the org default.'
            : 'The org default applies to every agent without a more specific assignment; the previous default stops being one.';
    }

    private otherNames(): string[] {
        return this.ruleSets
            .filter((s) => this.mode === 'create' || s.id !== this.ruleSetId)
            .map((s) => s.name);
    }

    get nameProblems(): string[] {
        return ruleSetNameProblems(this.name, this.otherNames());
    }

    get nameError(): string {
        return this.touched ? this.nameProblems.join(' ') : '';
    }

    get nameHelp(): string {
        const length = this.name.trim().length;
        return `${length} of ${RULE_LIMITS.ruleSetNameLength} characters.`;
    }

    // ----- choosing -----

    handleChange(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(new CustomEvent('select', { detail: { ruleSetId: event.detail.value } }));
    }

    // ----- create and rename -----

    handleStartCreate(): void {
        this.open('create', '', '', this.ruleSets.length === 0);
    }

    handleStartRename(): void {
        const ruleSet = this.ruleSet;
        if (ruleSet) {
            this.open('rename', ruleSet.name, ruleSet.description ?? '', ruleSet.isDefault);
        }
    }

    private open(mode: Mode, name: string, description: string, isDefault: boolean): void {
        this.mode = mode;
        this.name = name;
        this.description = description;
        // The first rule set of an org is its default: without one, agents have no rules at all.
        this.isDefault = isDefault;
        this.error = '';
        this.touched = false;
        this.focusFirst = true;
    }

    private focusFirst = false;

    override renderedCallback(): void {
        if (this.focusFirst) {
            this.focusFirst = false;
            const first = this.template?.querySelector<HTMLElement>('[data-focus-first]');
            first?.focus();
        }
    }

    handleName(event: CustomEvent<{ value: string }>): void {
        this.name = event.detail.value ?? '';
        this.touched = true;
    }

    handleDescription(event: CustomEvent<{ value: string }>): void {
        this.description = event.detail.value ?? '';
    }

    handleDefault(event: CustomEvent<{ checked: boolean }>): void {
        this.isDefault = event.detail.checked;
    }

    handleCancel(): void {
        this.mode = 'none';
        this.error = '';
    }

    async handleSubmit(): Promise<void> {
        this.touched = true;
        if (this.nameProblems.length > 0) {
            return;
        }
        const creating = this.mode === 'create';
        const current = this.ruleSet;
        this.working = true;
        this.error = '';
        try {
            const saved = await saveRuleSet({
                ruleSetJson: JSON.stringify({
                    id: creating ? null : current?.id,
                    name: this.name.trim(),
                    description: this.description.trim() || null,
                    isDefault: this.isDefault,
                    assignments: creating ? [] : (current?.assignments ?? [])
                })
            });
            this.mode = 'none';
            this.dispatchEvent(new CustomEvent('saved', { detail: { ruleSet: saved, created: creating } }));
        } catch (error) {
            this.error = `${creating ? 'The rule set was not created' : 'The rule set was not renamed'}: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.working = false;
        }
    }

    // ----- delete -----

    get otherRuleSetOptions() {
        return this.ruleSets
            .filter((s) => s.id !== this.ruleSetId)
            .map((s) => ({ label: s.isDefault ? `${s.name} (org default)` : s.name, value: s.id }));
    }

    get isDefaultSelected(): boolean {
        return this.ruleSet?.isDefault ?? false;
    }

    get hasAssignments(): boolean {
        return (this.ruleSet?.assignments.length ?? 0) > 0;
    }

    get deleteQuestion(): string {
        const ruleSet = this.ruleSet;
        if (!ruleSet) {
            return '';
        }
        if (this.ruleCount === 0) {
            return `“${ruleSet.name}” has no rules. Deleting it cannot be undone.`;
        }
        const rules = this.ruleCount === 1 ? 'its rule' : `its ${this.ruleCount} rules`;
        return `Deleting “${ruleSet.name}” deletes ${rules} too. This cannot be undone.`;
    }

    get assignmentQuestion(): string {
        const ruleSet = this.ruleSet;
        return ruleSet
            ? `It is assigned to ${describeAssignments(ruleSet)}. What should happen to these assignments?`
            : '';
    }

    get choiceOptions() {
        return [
            { label: 'Move them to another rule set', value: 'move' },
            {
                label: 'Delete them: those agents get their next assignment, or the org default',
                value: 'remove'
            }
        ];
    }

    get moving(): boolean {
        return this.choice === 'move';
    }

    get deleteDisabled(): boolean {
        return this.working || (this.hasAssignments && this.moving && !this.moveTo);
    }

    handleStartDelete(): void {
        this.mode = 'delete';
        this.error = '';
        this.choice = 'move';
        this.moveTo = this.ruleSets.find((s) => s.isDefault && s.id !== this.ruleSetId)?.id ?? null;
        this.focusFirst = true;
    }

    handleChoice(event: CustomEvent<{ value: string }>): void {
        this.choice = event.detail.value as AssignmentChoice;
    }

    handleMoveTo(event: CustomEvent<{ value: string }>): void {
        this.moveTo = event.detail.value;
    }

    async handleDelete(): Promise<void> {
        const ruleSet = this.ruleSet;
        if (!ruleSet) {
            return;
        }
        const movedTo = this.hasAssignments && this.moving ? this.moveTo : null;
        this.working = true;
        this.error = '';
        try {
            const deletion: RuleSetDeletion = await deleteRuleSet({
                ruleSetId: ruleSet.id,
                moveAssignmentsToId: movedTo
            });
            this.mode = 'none';
            this.dispatchEvent(
                new CustomEvent('deleted', {
                    detail: { ruleSetId: ruleSet.id, name: ruleSet.name, deletion, movedTo }
                })
            );
        } catch (error) {
            this.error = `The rule set was not deleted: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.working = false;
        }
    }
}
