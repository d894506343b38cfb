import { LightningElement, api } from 'lwc';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { RejectedRule, RuleSet } from 'presence-sync/contracts';
import { parseRuleFile, serializeRuleFile } from './ruleFile';
import type { ParsedRuleFile } from './ruleFile';

type ImportMode = 'add' | 'replace';

let importCounter = 0;

/**
 * Export of the rule set as JSON (the engine's rule shape) and import with validation: every
 * rule is checked with the engine's validateRule, and what is refused is listed with the reasons
 * before anything is saved. Fires `savebatch` ({ rules, deleteIds, label }).
 */
export default class PresenceSyncRuleTransfer extends LightningElement {
    @api rules: PresenceSyncRule[] = [];
    @api ruleSet: RuleSet | undefined;
    @api readOnly = false;
    @api busy = false;

    parsed: ParsedRuleFile | null = null;
    fileName = '';
    mode: ImportMode = 'add';
    serverRejections: string[] = [];

    get exportFileName(): string {
        const name = (this.ruleSet?.name ?? 'rules').replace(/[^A-Za-z0-9_-]+/g, '-');
        return `presence-sync-${name}.json`;
    }

    get exportJson(): string {
        return serializeRuleFile(this.ruleSet?.name ?? '', this.rules, new Date());
    }

    get exportHref(): string {
        return `data:application/json;charset=utf-8,${encodeURIComponent(this.exportJson)}`;
    }

    get exportLabel(): string {
        return `Export ${this.rules.length} ${this.rules.length === 1 ? 'rule' : 'rules'} as JSON`;
    }

    get importDisabled(): boolean {
        return this.readOnly || this.busy || !this.parsed || this.parsed.accepted.length === 0;
    }

    get modeOptions() {
        return [
            { label: 'Add to the rules of this rule set', value: 'add' },
            { label: 'Replace the rules of this rule set', value: 'replace' }
        ];
    }

    get hasReport(): boolean {
        return this.parsed !== null;
    }

    get fileError(): string {
        return this.parsed?.fileError ?? '';
    }

    get reportSummary(): string {
        if (!this.parsed || this.parsed.fileError) {
            return '';
        }
        const { accepted, rejected } = this.parsed;
        return `${this.fileName}: ${accepted.length} ${accepted.length === 1 ? 'rule' : 'rules'} can be imported, ${rejected.length} rejected.`;
    }

    get rejectedEntries() {
        return (this.parsed?.rejected ?? []).map((entry) => ({
            key: String(entry.position),
            title: `Entry ${entry.position}: ${entry.name}`,
            reasons: entry.reasons.map((reason, i) => ({ key: `${entry.position}-${i}`, text: reason }))
        }));
    }

    get hasRejected(): boolean {
        return this.rejectedEntries.length > 0;
    }

    get importLabel(): string {
        const count = this.parsed?.accepted.length ?? 0;
        return `Import ${count} ${count === 1 ? 'rule' : 'rules'}`;
    }

    get hasServerRejections(): boolean {
        return this.serverRejections.length > 0;
    }

    async handleFile(event: CustomEvent<{ files: File[] }>): Promise<void> {
        const file = event.detail.files?.[0];
        this.serverRejections = [];
        if (!file) {
            this.parsed = null;
            return;
        }
        this.fileName = file.name;
        this.parsed = parseRuleFile(await file.text());
    }

    handleModeChange(event: CustomEvent<{ value: string }>): void {
        this.mode = event.detail.value as ImportMode;
    }

    handleImport(): void {
        if (!this.parsed) {
            return;
        }
        const replacing = this.mode === 'replace';
        const offset = replacing ? 0 : this.rules.reduce((max, r) => Math.max(max, r.order), 0);
        importCounter += 1;
        const batch = `import-${Date.now().toString(36)}-${importCounter}`;
        // Fresh ids: an import never overwrites records of another rule set or org.
        const rules = this.parsed.accepted.map((rule, i) => ({
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
                    label: `Import of ${this.fileName}`
                }
            })
        );
    }

    /** Called by the builder with the server's answer to the import. */
    @api
    showRejections(rejected: RejectedRule[]): void {
        this.serverRejections = rejected.flatMap((r) => r.issues.map((i) => i.message));
        if (rejected.length === 0) {
            this.parsed = null;
            this.fileName = '';
        }
    }
}
