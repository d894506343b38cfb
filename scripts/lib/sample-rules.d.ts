import type { PresenceSyncRule } from 'c/presenceSyncEngine';

export interface SampleRules {
    ruleSet: { name: string; description?: string; isDefault?: boolean };
    /** Connect agent state names offered in the rule builder's pick lists. */
    connectStates: string[];
    rules: PresenceSyncRule[];
}

export interface ImportTreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}

export interface ImportTree {
    plan: Array<{ sobject: string; files: string[] }>;
    files: Record<string, { records: ImportTreeRecord[] }>;
}

export const RULE_FIELDS: Record<string, string>;
export const RULE_SET_FIELDS: Record<string, string>;
export const RULE_OBJECT: string;
export const RULE_SET_OBJECT: string;
export function toImportTree(sample: unknown): ImportTree;
