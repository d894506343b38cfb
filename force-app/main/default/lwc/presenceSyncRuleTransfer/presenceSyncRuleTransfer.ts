import { LightningElement, api } from 'lwc';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import type { RejectedRule, RuleSet } from 'presence-sync/contracts';
import { parseRuleFile, serializeRuleFile } from './ruleFile';
import type { ParsedRuleFile, RejectedEntry } from './ruleFile';
import { fileSizeProblem, planImport } from './importPlan';
import type { ImportMode, ImportPlan, KeptEntry } from './importPlan';

let importCounter = 0;

/**
 * The template reads the plan and the export many times per render; each is worked out once for
 * the inputs it depends on. Kept outside the component: a field written while rendering would
 * render it again.
 */
const planCache = new WeakMap<object, { inputs: unknown[]; plan: ImportPlan | null }>();
const exportCache = new WeakMap<object, { rules: unknown; name: string; href: string }>();

/** "1, 2, 5–9 and 12" for the positions of entries. */
export function positionsText(positions: readonly number[]): string {
    const ranges: string[] = [];
    let start = positions[0];
    let end = start;
    for (const position of [...positions.slice(1), NaN]) {
        if (position === end + 1) {
            end = position;
            continue;
        }
        ranges.push(
            start === end ? String(start) : end === start + 1 ? `${start}, ${end}` : `${start}–${end}`
        );
        start = position;
        end = position;
    }
    return ranges.length <= 1
        ? ranges.join('')
        : `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1]}`;
}

/**
 * Export of the rule set as JSON (the engine's rule shape) and import with every check the org
 * makes, before anything is sent: the file's size before it is read, then each entry (the
 * engine's validation, the org's own checks, unique names, the rule set's limit). The report says
 * entry by entry what will be imported and what is left out and why; the save is all or nothing,
 * and after it the report says what was kept. Fires `savebatch` ({ rules, deleteIds, label,
 * confirmLabel }).
 */
export default class PresenceSyncRuleTransfer extends LightningElement {
    @api rules: PresenceSyncRule[] = [];
    @api ruleSet: RuleSet | undefined;
    @api orgFacts: OrgFacts | null = null;
    @api readOnly = false;
    @api busy = false;

    parsed: ParsedRuleFile | null = null;
    fileName = '';
    /** A file refused before it was read. */
    sizeError = '';
    mode: ImportMode = 'add';
    /** Kept entries of the import in flight, in the order they were sent, and those left out. */
    sent: KeptEntry[] = [];
    leftOut: RejectedEntry[] = [];
    pending = false;
    /** The import of this file is done: choosing another file starts again. */
    imported = false;
    outcome = '';
    serverRejections: RejectedEntry[] = [];

    get exportFileName(): string {
        const name = (this.ruleSet?.name ?? 'rules').replace(/[^A-Za-z0-9_-]+/g, '-');
        return `presence-sync-${name}.json`;
    }

    get exportHref(): string {
        const name = this.ruleSet?.name ?? '';
        const cached = exportCache.get(this);
        if (cached && cached.rules === this.rules && cached.name === name) {
            return cached.href;
        }
        const json = serializeRuleFile(name, this.rules, new Date());
        const href = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
        exportCache.set(this, { rules: this.rules, name, href });
        return href;
    }

    get exportLabel(): string {
        return `Export ${this.rules.length} ${this.rules.length === 1 ? 'rule' : 'rules'} as JSON`;
    }

    get plan(): ImportPlan | null {
        const inputs = [this.parsed, this.rules, this.mode, this.orgFacts];
        const cached = planCache.get(this);
        if (cached && cached.inputs.every((input, i) => input === inputs[i])) {
            return cached.plan;
        }
        const plan = this.parsed ? planImport(this.parsed, this.rules, this.mode, this.orgFacts) : null;
        planCache.set(this, { inputs, plan });
        return plan;
    }

    get importDisabled(): boolean {
        const plan = this.plan;
        return (
            this.readOnly ||
            this.busy ||
            this.pending ||
            this.imported ||
            !plan ||
            plan.problem !== null ||
            plan.kept.length === 0
        );
    }

    get modeOptions() {
        return [
            { label: 'Add to the rules of this rule set', value: 'add' },
            { label: 'Replace the rules of this rule set', value: 'replace' }
        ];
    }

    get hasReport(): boolean {
        return this.parsed !== null && !this.parsed.fileError;
    }

    /** Shown until this file is imported; then the outcome says what was kept. */
    get modeDisabled(): boolean {
        return this.readOnly || this.imported || this.pending;
    }

    get fileError(): string {
        return (
            this.sizeError ||
            (this.parsed?.fileError ?? '') ||
            (this.imported ? '' : (this.plan?.problem ?? ''))
        );
    }

    get reportSummary(): string {
        const plan = this.plan;
        if (!plan || this.parsed?.fileError || this.imported) {
            return '';
        }
        const kept = plan.kept.length;
        const left = plan.refused.length;
        const keptText =
            kept === 0
                ? 'no entry can be imported'
                : `${kept === 1 ? 'entry' : 'entries'} ${positionsText(plan.kept.map((k) => k.position))} can be imported`;
        return left === 0
            ? `${this.fileName}: all ${kept} ${kept === 1 ? 'entry' : 'entries'} can be imported.`
            : `${this.fileName}: ${keptText}; ${left} ${left === 1 ? 'entry is' : 'entries are'} left out (listed below).`;
    }

    private entriesView(entries: readonly RejectedEntry[], prefix: string) {
        return entries.map((entry) => ({
            key: `${prefix}-${entry.position}`,
            title: `Entry ${entry.position}: “${entry.name}”`,
            reasons: entry.reasons.map((reason, i) => ({
                key: `${prefix}-${entry.position}-${i}`,
                text: reason
            }))
        }));
    }

    get rejectedEntries() {
        return this.imported ? [] : this.entriesView(this.plan?.refused ?? [], 'file');
    }

    get hasRejected(): boolean {
        return this.rejectedEntries.length > 0;
    }

    get importLabel(): string {
        if (this.imported) {
            return 'Imported';
        }
        const count = this.plan?.kept.length ?? 0;
        const left = this.plan?.refused.length ?? 0;
        const rules = `${count} ${count === 1 ? 'rule' : 'rules'}`;
        return left > 0 ? `Import ${rules}, leave out ${left}` : `Import ${rules}`;
    }

    get serverEntries() {
        return this.entriesView(this.serverRejections, 'server');
    }

    get hasServerRejections(): boolean {
        return this.serverRejections.length > 0;
    }

    async handleFile(event: CustomEvent<{ files: File[] }>): Promise<void> {
        const file = event.detail.files?.[0];
        this.serverRejections = [];
        this.imported = false;
        this.outcome = '';
        this.sizeError = '';
        this.parsed = null;
        if (!file) {
            return;
        }
        this.fileName = file.name;
        const tooBig = fileSizeProblem(file.name, file.size);
        if (tooBig) {
            this.sizeError = tooBig;
            return;
        }
        this.parsed = parseRuleFile(await file.text());
    }

    handleModeChange(event: CustomEvent<{ value: string }>): void {
        this.mode = event.detail.value as ImportMode;
    }

    handleImport(): void {
        const plan = this.plan;
        if (!plan || this.importDisabled) {
            return;
        }
        this.outcome = '';
        const replacing = this.mode === 'replace';
        const offset = replacing ? 0 : this.rules.reduce((max, r) => Math.max(max, r.order), 0);
        importCounter += 1;
        const batch = `import-${Date.now().toString(36)}-${importCounter}`;
        this.sent = plan.kept;
        // Taken now: once saved, the rule set holds these rules and the plan would read differently.
        this.leftOut = plan.refused;
        this.pending = true;
        this.serverRejections = [];
        // Fresh ids: an import never overwrites records of another rule set or org.
        const rules = plan.kept.map(({ rule }, i) => ({
            ...rule,
            id: `${batch}-${i + 1}`,
            order: offset + rule.order,
            ruleSetId: this.ruleSet?.id
        }));
        this.dispatchEvent(
            new CustomEvent('savebatch', {
                detail: {
                    rules,
                    deleteIds: replacing ? this.rules.map((r) => r.id) : [],
                    label: `Import ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} from ${this.fileName}`,
                    confirmLabel: 'Import anyway'
                }
            })
        );
    }

    /**
     * The builder's answer: the refusals (positions in the batch sent, turned back into file
     * positions), and how many rules were saved; -1 when the call itself failed.
     */
    @api
    showRejections(rejected: RejectedRule[], saved = 0): void {
        this.pending = false;
        if (saved < 0) {
            return;
        }
        if (rejected.length > 0) {
            this.serverRejections = rejected.map((r) => ({
                position: this.sent[r.position - 1]?.position ?? r.position,
                name: r.name,
                reasons: r.issues.map((i) => i.message)
            }));
            return;
        }
        const left = this.leftOut;
        this.imported = true;
        this.outcome =
            `Imported ${saved} ${saved === 1 ? 'rule' : 'rules'} from ${this.fileName}: ` +
            `${this.sent.length === 1 ? 'entry' : 'entries'} ${positionsText(this.sent.map((k) => k.position))}.` +
            (left.length > 0
                ? ` Left out: ${left.map((e) => `entry ${e.position} “${e.name}”`).join(', ')}.`
                : '') +
            ' Choose another file to import more.';
    }
}
