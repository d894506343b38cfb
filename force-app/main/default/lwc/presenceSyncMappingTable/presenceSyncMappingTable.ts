import { LightningElement, api } from 'lwc';
import {
    expandMapping,
    expandMappings,
    RULE_BEHAVIOUR_FIELDS,
    SEED_EXAMPLE_MAPPINGS,
    validateMapping,
    validateRule
} from 'c/presenceSyncEngine';
import type { MappingType, PresenceSyncRule, SourceEvent, StateMapping } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo, RejectedRule } from 'presence-sync/contracts';
import { mappingTypeOptions } from 'c/presenceSyncRuleOptions';
import { compareRulePrecedence } from 'c/presenceSyncRuleAnalysis';
import { lengthIssues, orgIssues } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';

interface Row extends StateMapping {
    id: string;
    errors: string[];
    /** Set when a rule of the row was changed in the rule editor since the table generated it. */
    note: string;
}

/**
 * A row pairs states, so only state rules can be its rules. A table rule that the rule editor
 * turned into a work or workload rule (interruptible workload included) has left the table: it is
 * not read into a row, and saving the table keeps it.
 */
const STATE_SOURCES: ReadonlySet<SourceEvent> = new Set<SourceEvent>([
    'ConnectStateChange',
    'SalesforceStateChange',
    'SalesforceLogout'
]);

function isTableRule(rule: PresenceSyncRule): boolean {
    return Boolean(rule.mappingId) && STATE_SOURCES.has(rule.source);
}

/** Two rows of one pair clash when they sync the same way (Publisher and Subscriber do not). */
function overlaps(a: MappingType, b: MappingType): boolean {
    return a === b || a === 'BiDirectional' || b === 'BiDirectional';
}

let rowCounter = 0;
function newMappingId(): string {
    rowCounter += 1;
    return `map-${Date.now().toString(36)}-${rowCounter}`;
}

/** The rule a generated rule replaces: same row, same source. */
function ruleKey(rule: PresenceSyncRule): string {
    return `${rule.mappingId}|${rule.source}`;
}

function sameShape(a: PresenceSyncRule, b: PresenceSyncRule): boolean {
    // A row decides only what its rules do; their id, order, name and active flag are their own.
    return RULE_BEHAVIOUR_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''));
}

/** Rebuilds the table from the rules that carry a mappingId, in rule order. */
export function rowsFromRules(rules: readonly PresenceSyncRule[]): Row[] {
    const groups = new Map<string, PresenceSyncRule[]>();
    for (const rule of [...rules].sort(compareRulePrecedence)) {
        if (rule.mappingId && isTableRule(rule)) {
            groups.set(rule.mappingId, [...(groups.get(rule.mappingId) ?? []), rule]);
        }
    }
    return [...groups.entries()].map(([id, group]) => {
        const publisher = group.find((r) => r.source === 'ConnectStateChange');
        const subscriber = group.find(
            (r) => r.source === 'SalesforceStateChange' || r.source === 'SalesforceLogout'
        );
        const type: MappingType =
            publisher && subscriber ? 'BiDirectional' : publisher ? 'Publisher' : 'Subscriber';
        const connectState = publisher?.operandBValue ?? subscriber?.destinationValue ?? '';
        const salesforceStatus = publisher?.destinationValue ?? subscriber?.operandBValue ?? '';
        const expected = expandMapping({ id, connectState, salesforceStatus, type }, 0);
        const intact =
            expected.length === group.length &&
            expected.every((e) => group.some((r) => r.source === e.source && sameShape(r, e)));
        return {
            id,
            connectState,
            salesforceStatus,
            type,
            errors: [],
            note: intact
                ? ''
                : 'A rule of this row was changed in the rule editor; saving the table rewrites it.'
        };
    });
}

/**
 * Mapping mode: one row per Connect state ↔ Omni-Channel status pair, Publisher, Subscriber or
 * Bi-directional. Saving expands the rows with the engine's expandMappings, keeps the existing
 * rules of each row (same mappingId and source keep their record id) and deletes the rules of
 * removed rows. Fires `savebatch` ({ rules, deleteIds, label }).
 */
export default class PresenceSyncMappingTable extends LightningElement {
    @api ruleSetId: string | undefined;
    @api statuses: PresenceStatusInfo[] = [];
    @api connectStates: string[] = [];
    @api orgFacts: OrgFacts | null = null;
    @api readOnly = false;
    @api busy = false;

    rows: Row[] = [];
    dirty = false;
    savedRules: PresenceSyncRule[] = [];

    @api
    get rules(): PresenceSyncRule[] {
        return this.savedRules;
    }
    set rules(value: PresenceSyncRule[]) {
        this.savedRules = value ?? [];
        // The server's rules win over an unsaved table only when nothing was typed.
        if (!this.dirty) {
            this.rows = rowsFromRules(this.savedRules);
        }
    }

    /**
     * The builder's answer: refusals shown on the rows whose rules they are (each message once,
     * though a Bi-directional row has two rules); none means saved. `saved` is -1 when the call
     * failed, and the table stays as typed.
     */
    @api
    showRejections(rejected: RejectedRule[], saved = 0): void {
        if (saved < 0) {
            return;
        }
        const generated = this.generate();
        this.rows = this.rows.map((row) => {
            const ids = new Set(generated.filter((r) => r.mappingId === row.id).map((r) => r.id));
            const messages = rejected
                .filter((r) => ids.has(r.id))
                .flatMap((r) => r.issues.map((i) => i.message));
            return { ...row, errors: [...new Set(messages)] };
        });
        if (rejected.length === 0) {
            this.dirty = false;
            this.rows = rowsFromRules(this.savedRules);
        }
    }

    get typeOptions() {
        return mappingTypeOptions();
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get showExample(): boolean {
        return this.rows.length === 0;
    }

    get disabled(): boolean {
        return this.readOnly || this.busy;
    }

    get saveDisabled(): boolean {
        return this.disabled || !this.dirty;
    }

    get rowViews() {
        return this.rows.map((row, index) => ({
            ...row,
            position: index + 1,
            hasErrors: row.errors.length > 0,
            errorKey: `${row.id}-errors`,
            noteKey: `${row.id}-note`,
            errorText: row.errors.join(' '),
            connectLabel: `Row ${index + 1}: Amazon Connect state`,
            statusLabel: `Row ${index + 1}: Omni-Channel status`,
            typeLabel: `Row ${index + 1}: direction`,
            removeLabel: `Remove row ${index + 1}`
        }));
    }

    get ruleCountText(): string {
        const count = this.generate().length;
        return `${this.rows.length} rows make ${count} ${count === 1 ? 'rule' : 'rules'}.`;
    }

    private setRows(rows: Row[]): void {
        this.rows = rows;
        this.dirty = true;
    }

    private patchRow(id: string, changes: Partial<Row>): void {
        this.setRows(this.rows.map((row) => (row.id === id ? { ...row, ...changes, errors: [] } : row)));
    }

    handleAddRow(): void {
        this.setRows([
            ...this.rows,
            {
                id: newMappingId(),
                connectState: '',
                salesforceStatus: '',
                type: 'BiDirectional',
                errors: [],
                note: ''
            }
        ]);
    }

    handleUseExample(): void {
        this.setRows(SEED_EXAMPLE_MAPPINGS.map((m) => ({ ...m, id: newMappingId(), errors: [], note: '' })));
    }

    handleRemoveRow(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.rowId;
        this.setRows(this.rows.filter((row) => row.id !== id));
    }

    handleValueChange(event: CustomEvent<{ name: string; value: string }>): void {
        const id = (event.currentTarget as HTMLElement).dataset.rowId as string;
        this.patchRow(id, { [event.detail.name]: event.detail.value });
    }

    handleTypeChange(event: CustomEvent<{ value: string }>): void {
        const id = (event.currentTarget as HTMLElement).dataset.rowId as string;
        this.patchRow(id, { type: event.detail.value as MappingType });
    }

    handleDiscard(): void {
        this.dirty = false;
        this.rows = rowsFromRules(this.savedRules);
    }

    /** The rows as rules, reusing the record ids (and active flags) of the rules they replace. */
    private generate(): PresenceSyncRule[] {
        const existing = new Map(this.savedRules.filter(isTableRule).map((r) => [ruleKey(r), r]));
        const mappings: StateMapping[] = this.rows.map(({ id, connectState, salesforceStatus, type }) => ({
            id,
            connectState,
            salesforceStatus,
            type
        }));
        return expandMappings(mappings, this.ruleSetId).map((rule) => {
            const previous = existing.get(ruleKey(rule));
            return previous ? { ...rule, id: previous.id, active: previous.active } : rule;
        });
    }

    handleSave(): void {
        const generated = this.generate();
        let valid = true;
        this.rows = this.rows.map((row, index) => {
            const rowIssues = validateMapping(row).map((i) => i.message);
            // The row's own words first; its rules' only when the row itself is sound, so one
            // problem is not said twice in two wordings.
            const ruleIssues =
                rowIssues.length > 0
                    ? []
                    : generated
                          .filter((r) => r.mappingId === row.id)
                          .flatMap((r) => [
                              ...validateRule(r),
                              ...(this.orgFacts ? orgIssues(r, this.orgFacts) : lengthIssues(r))
                          ])
                          .map((i) => i.message);
            const repeated = this.rows.findIndex(
                (other, i) =>
                    i < index &&
                    row.connectState.trim() !== '' &&
                    other.connectState.trim() === row.connectState.trim() &&
                    other.salesforceStatus.trim() === row.salesforceStatus.trim() &&
                    overlaps(other.type, row.type)
            );
            const repeats =
                repeated >= 0
                    ? [
                          `Row ${index + 1} syncs the same states the same way as row ${repeated + 1}. Remove one of them.`
                      ]
                    : [];
            const errors = [...new Set([...rowIssues, ...repeats, ...ruleIssues])];
            valid = valid && errors.length === 0;
            return { ...row, errors };
        });
        if (!valid) {
            return;
        }
        const kept = new Set(generated.map((r) => r.id));
        const deleteIds = this.savedRules.filter((r) => isTableRule(r) && !kept.has(r.id)).map((r) => r.id);
        this.dispatchEvent(
            new CustomEvent('savebatch', {
                detail: {
                    rules: generated,
                    deleteIds,
                    label: 'Save the mapping table',
                    confirmLabel: 'Save table anyway'
                }
            })
        );
    }
}
