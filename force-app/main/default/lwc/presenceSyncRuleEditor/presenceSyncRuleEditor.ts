import { LightningElement, api } from 'lwc';
import { describeRule, validateRule } from 'c/presenceSyncEngine';
import type { Operand, PresenceSyncRule, RuleIssue, SourceEvent } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';
import {
    comparatorOptions,
    destinationFor,
    destinationOptions,
    operandHint,
    operandOptions,
    sourceOptions,
    statusLabels,
    valueKindFor
} from 'c/presenceSyncRuleOptions';
import type { ValueFieldKind } from 'c/presenceSyncRuleValueField';
import { lengthIssues, nameKey, nameTakenIssue, orgIssues, RULE_LIMITS } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';

type StepName = 'name' | 'source' | 'criteria' | 'destination' | 'review';

interface Step {
    name: StepName;
    label: string;
    fields: readonly string[];
}

/** The first seed's wizard order; each step owns the rule fields validateRule names. */
const STEPS: readonly Step[] = [
    { name: 'name', label: 'Name', fields: ['name', 'order', 'active'] },
    { name: 'source', label: 'Source', fields: ['source'] },
    {
        name: 'criteria',
        label: 'Criteria',
        fields: ['operandA', 'operandAValue', 'comparator', 'operandB', 'operandBValue']
    },
    { name: 'destination', label: 'Destination', fields: ['destination', 'destinationValue'] },
    { name: 'review', label: 'Save', fields: [] }
];

/** How the fields are labelled on screen, so a screen reader hears which field a problem is in. */
const FIELD_LABELS: Record<string, string> = {
    name: 'Presence sync rule name',
    order: 'Order',
    active: 'Active',
    source: 'Source',
    operandA: 'Operand A',
    operandAValue: 'Operand A value',
    comparator: 'Comparator',
    operandB: 'Operand B',
    operandBValue: 'Operand B value',
    destination: 'Destination',
    destinationValue: 'Destination value'
};

function stepOf(field: string): number {
    const index = STEPS.findIndex((step) => step.fields.includes(field));
    return index === -1 ? STEPS.length - 1 : index;
}

/**
 * The guided new/edit flow. Every step is checked with the engine's validateRule before the next
 * one opens, and the whole rule before `save` fires, so a rule the engine would refuse cannot be
 * saved. The server's own rejections (`serverIssues`) are shown in the same places.
 * Fires `save` ({ rule }) and `cancel`.
 */
export default class PresenceSyncRuleEditor extends LightningElement {
    @api statuses: PresenceStatusInfo[] = [];
    @api serviceChannels: ServiceChannelInfo[] = [];
    @api connectStates: string[] = [];
    @api saving = false;
    @api isNew = false;
    /** What the org checks a rule against; the editor checks it the same way before saving. */
    @api orgFacts: OrgFacts | null = null;
    /** Names of the rule set's other rules: a rule's name must differ from all of them. */
    @api otherRuleNames: string[] = [];

    draft: Partial<PresenceSyncRule> = {};
    /** Set when a step opens, so its first field takes the focus once it is drawn. */
    private focusPending = true;
    stepIndex = 0;
    issues: RuleIssue[] = [];
    /** After a failed Next/Save, issues follow every edit until fixed. */
    checking = false;

    @api
    get rule(): Partial<PresenceSyncRule> {
        return this.draft;
    }
    set rule(value: Partial<PresenceSyncRule>) {
        this.draft = { ...value };
        this.stepIndex = 0;
        this.issues = [];
        this.checking = false;
        this.focusPending = true;
    }

    /** Keyboard users land in the step's first field, not back at the top of the page. */
    override renderedCallback(): void {
        if (!this.focusPending) {
            return;
        }
        this.focusPending = false;
        this.template?.querySelector<HTMLElement>('[data-focus-first]')?.focus();
    }

    /** Everything the org would refuse: the engine's checks, the org's own, a name already used. */
    private check(rule: Partial<PresenceSyncRule>): RuleIssue[] {
        const issues = [
            ...validateRule(rule),
            ...(this.orgFacts ? orgIssues(rule, this.orgFacts) : lengthIssues(rule))
        ];
        const taken = nameTakenIssue(rule.name, new Set((this.otherRuleNames ?? []).map(nameKey)));
        return taken ? [...issues, taken] : issues;
    }

    /** Issues the server returned for this rule: shown like the builder's own, on their step. */
    @api
    get serverIssues(): RuleIssue[] {
        return this.issues;
    }
    set serverIssues(value: RuleIssue[]) {
        if (value && value.length > 0) {
            this.issues = [...value];
            this.stepIndex = Math.min(...value.map((i) => stepOf(i.field)));
        }
    }

    get steps(): readonly Step[] {
        return STEPS;
    }

    get currentStep(): StepName {
        return STEPS[this.stepIndex].name;
    }

    get heading(): string {
        return this.isNew ? 'New presence sync rule' : `Edit “${this.draft.name ?? ''}”`;
    }

    get isNameStep(): boolean {
        return this.currentStep === 'name';
    }
    get isSourceStep(): boolean {
        return this.currentStep === 'source';
    }
    get isCriteriaStep(): boolean {
        return this.currentStep === 'criteria';
    }
    get isDestinationStep(): boolean {
        return this.currentStep === 'destination';
    }
    get isReviewStep(): boolean {
        return this.currentStep === 'review';
    }
    get isFirstStep(): boolean {
        return this.stepIndex === 0;
    }

    /** An existing rule can be saved from any step: a change to one field needs no walk to the end. */
    get showSave(): boolean {
        return this.isReviewStep || !this.isNew;
    }

    get showNext(): boolean {
        return !this.isReviewStep;
    }

    get nextVariant(): string {
        return this.showSave ? 'neutral' : 'brand';
    }

    get nameHelp(): string {
        const length = (this.draft.name ?? '').length;
        return `${length} of ${RULE_LIMITS.nameLength} characters.`;
    }

    get sourceOptions() {
        return sourceOptions();
    }
    get operandOptions() {
        return operandOptions(this.draft.source);
    }
    get comparatorOptions() {
        return comparatorOptions();
    }
    get destinationOptions() {
        return destinationOptions(this.draft.source);
    }

    get orderText(): string {
        return this.draft.order === undefined ? '' : String(this.draft.order);
    }

    get operandAHint(): string | undefined {
        return operandHint(this.draft.operandA);
    }
    get operandBHint(): string | undefined {
        return operandHint(this.draft.operandB);
    }

    get isStaticA(): boolean {
        return this.draft.operandA === 'StaticValue';
    }
    get isStaticB(): boolean {
        return this.draft.operandB === 'StaticValue';
    }

    /** A static value gets the picker of what it is compared with. */
    private staticKind(other: Operand | undefined): ValueFieldKind {
        const kind = valueKindFor(other);
        if (kind === 'omni-status' && this.draft.source === 'SalesforceLogout') {
            return 'omni-status-offline';
        }
        return kind;
    }
    get valueKindA(): ValueFieldKind {
        return this.staticKind(this.draft.operandB);
    }
    get valueKindB(): ValueFieldKind {
        return this.staticKind(this.draft.operandA);
    }
    get destinationKind(): ValueFieldKind {
        return this.draft.destination === 'ConnectAgentState' ? 'connect-destination' : 'omni-status';
    }
    get destinationValueLabel(): string {
        return this.draft.destination === 'ConnectAgentState'
            ? 'Amazon Connect agent state'
            : 'Omni-Channel presence status';
    }

    /** The rule in words, once there is a source to speak of. */
    get sentence(): string {
        return this.draft.source
            ? describeRule(this.draft, { statusLabels: statusLabels(this.statuses) })
            : '';
    }

    private errorFor(field: string): string | undefined {
        const messages = this.issues.filter((i) => i.field === field).map((i) => i.message);
        return messages.length > 0 ? messages.join(' ') : undefined;
    }
    get nameError() {
        return this.errorFor('name');
    }
    get orderError() {
        return this.errorFor('order');
    }
    get sourceError() {
        return this.errorFor('source');
    }
    get operandAError() {
        return this.errorFor('operandA');
    }
    get operandAValueError() {
        return this.errorFor('operandAValue');
    }
    get comparatorError() {
        return this.errorFor('comparator');
    }
    get operandBError() {
        return this.errorFor('operandB');
    }
    get operandBValueError() {
        return this.errorFor('operandBValue');
    }
    get destinationError() {
        return this.errorFor('destination');
    }
    get destinationValueError() {
        return this.errorFor('destinationValue');
    }

    /** Issues of fields no step shows (e.g. a server message about the whole rule). */
    get generalIssues(): RuleIssue[] {
        const known = new Set(STEPS.flatMap((s) => s.fields));
        return this.issues.filter((i) => !known.has(i.field));
    }
    get hasGeneralIssues(): boolean {
        return this.generalIssues.length > 0;
    }

    get issueSummary(): string {
        const count = this.issues.length;
        if (count === 0) {
            return '';
        }
        return count === 1 ? '1 problem to fix before saving.' : `${count} problems to fix before saving.`;
    }

    /** Read out with the count: each problem with the label of its field. */
    get issueDetails(): string {
        return this.issues
            .map((i) => (FIELD_LABELS[i.field] ? `${FIELD_LABELS[i.field]}: ${i.message}` : i.message))
            .join(' ');
    }

    handleTextChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as keyof PresenceSyncRule;
        this.update({ [field]: event.detail.value });
    }

    handleOrderChange(event: CustomEvent<{ value: string }>): void {
        const text = event.detail.value;
        this.update({ order: text === '' ? undefined : Number(text) });
    }

    handleActiveChange(event: CustomEvent<{ checked: boolean }>): void {
        this.update({ active: event.detail.checked });
    }

    handleSourceChange(event: CustomEvent<{ value: string }>): void {
        const source = event.detail.value as SourceEvent;
        const allowed = new Set(operandOptions(source).map((o) => o.value));
        const changes: Partial<PresenceSyncRule> = { source, destination: destinationFor(source) };
        // Operands the new source never carries would only produce errors: clear them.
        if (this.draft.operandA && !allowed.has(this.draft.operandA)) {
            changes.operandA = undefined;
        }
        if (this.draft.operandB && !allowed.has(this.draft.operandB)) {
            changes.operandB = undefined;
        }
        if (this.draft.destination !== changes.destination) {
            changes.destinationValue = '';
        }
        this.update(changes);
    }

    handleOperandChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as 'operandA' | 'operandB';
        const valueField = field === 'operandA' ? 'operandAValue' : 'operandBValue';
        const operand = event.detail.value as Operand;
        this.update({ [field]: operand, ...(operand === 'StaticValue' ? {} : { [valueField]: undefined }) });
    }

    handleValueChange(event: CustomEvent<{ name: string; value: string }>): void {
        this.update({ [event.detail.name]: event.detail.value });
    }

    private update(changes: Partial<PresenceSyncRule>): void {
        this.draft = { ...this.draft, ...changes };
        // A name too long or already used is said as it is typed or pasted, never cut silently.
        const live = 'name' in changes;
        if (this.checking || live) {
            // Only the steps the admin has reached: fields further on are not theirs to fix yet.
            const reached = this.isReviewStep
                ? null
                : new Set(STEPS.slice(0, this.stepIndex + 1).flatMap((step) => step.fields));
            const found = this.check(this.draft).filter((i) => !reached || reached.has(i.field));
            this.issues = this.checking ? found : found.filter((i) => i.field === 'name' && !i.code);
        }
    }

    handleBack(): void {
        this.stepIndex = Math.max(0, this.stepIndex - 1);
        this.focusPending = true;
    }

    handleNext(): void {
        const fields = STEPS[this.stepIndex].fields;
        const stepIssues = this.check(this.draft).filter((i) => fields.includes(i.field));
        if (stepIssues.length > 0) {
            this.checking = true;
            this.issues = stepIssues;
            return;
        }
        this.issues = [];
        this.stepIndex = Math.min(STEPS.length - 1, this.stepIndex + 1);
        this.focusPending = true;
    }

    handleSave(): void {
        const issues = this.check(this.draft);
        if (issues.length > 0) {
            this.checking = true;
            this.issues = issues;
            this.stepIndex = Math.min(...issues.map((i) => stepOf(i.field)));
            this.focusPending = true;
            return;
        }
        this.dispatchEvent(
            new CustomEvent('save', { detail: { rule: { ...this.draft } as PresenceSyncRule } })
        );
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
