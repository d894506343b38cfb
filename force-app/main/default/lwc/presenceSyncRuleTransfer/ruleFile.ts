import { INTERRUPTIBLE_OPERANDS, RULE_BEHAVIOUR_FIELDS, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';

/** Marks our files, so an import can tell a rule set export from any other JSON. */
export const RULE_FILE_FORMAT = 'presence-sync-rules';
/**
 * The newest format version this package reads and writes. The version rule: a file is stamped
 * with the lowest version that holds everything in it, and a reader takes every version up to its
 * own. Version 1 is the original rule shape; version 2 adds the interruptible workload operands
 * (the file's shape is unchanged, only operand values are new). So a file without those operands
 * stays version 1 and older packages import it as before, while one that uses them is version 2
 * and an older package refuses it as a whole ("written by a newer Presence Sync") rather than
 * importing only part of the rule set.
 */
export const RULE_FILE_VERSION = 2;

/** The lowest format version that holds these rules. */
export function ruleFileVersion(rules: readonly PresenceSyncRule[]): number {
    const usesInterruptible = rules.some(
        (rule) => INTERRUPTIBLE_OPERANDS.has(rule.operandA) || INTERRUPTIBLE_OPERANDS.has(rule.operandB)
    );
    return usesInterruptible ? 2 : 1;
}

export interface RuleFile {
    format: typeof RULE_FILE_FORMAT;
    version: number;
    ruleSetName: string;
    exportedAt: string;
    rules: PresenceSyncRule[];
}

export interface RejectedEntry {
    /** 1-based position in the file. */
    position: number;
    /** The rule's name as given, or a stand-in when it has none. */
    name: string;
    reasons: string[];
}

export interface ParsedRuleFile {
    /** Set when the file as a whole is unusable; then nothing is accepted. */
    fileError: string | null;
    accepted: PresenceSyncRule[];
    /** The 1-based file position of each accepted rule. */
    acceptedPositions: number[];
    rejected: RejectedEntry[];
}

/** Only the engine's rule fields travel; ruleSetId does not (the importing rule set decides). */
const RULE_FIELDS: readonly (keyof PresenceSyncRule)[] = [
    'id',
    'name',
    'active',
    'order',
    ...RULE_BEHAVIOUR_FIELDS,
    'mappingId'
];

function pick(rule: Record<string, unknown>): PresenceSyncRule {
    const copy: Record<string, unknown> = {};
    for (const field of RULE_FIELDS) {
        if (rule[field] !== undefined && rule[field] !== null) {
            copy[field] = rule[field];
        }
    }
    return copy as unknown as PresenceSyncRule;
}

export function serializeRuleFile(
    ruleSetName: string,
    rules: readonly PresenceSyncRule[],
    now: Date
): string {
    const file: RuleFile = {
        format: RULE_FILE_FORMAT,
        version: ruleFileVersion(rules),
        ruleSetName,
        exportedAt: now.toISOString(),
        rules: rules.map((rule) => pick(rule as unknown as Record<string, unknown>))
    };
    return JSON.stringify(file, null, 2);
}

function failure(fileError: string): ParsedRuleFile {
    return { fileError, accepted: [], acceptedPositions: [], rejected: [] };
}

/** A NUL byte, or bytes that are not UTF-8 (read as U+FFFD): never in a JSON text file. */
function looksBinary(text: string): boolean {
    const head = text.slice(0, 4096);
    return head.includes('\u0000') || head.includes('\uFFFD');
}

/** "line 3, column 14" for a character offset, without repeating the file's content. */
function lineAndColumn(text: string, offset: number): string {
    const before = text.slice(0, offset).split('\n');
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Where JSON.parse stopped, in words, when its message says so (engines word it differently). */
function wherePlace(text: string, error: unknown): string {
    const message = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(message);
    if (position) {
        return ` (at ${lineAndColumn(text, Number(position[1]))})`;
    }
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    return lineColumn ? ` (at line ${lineColumn[1]}, column ${lineColumn[2]})` : '';
}

/**
 * Reads an export (or a bare JSON array of rules) and sorts its rules into accepted and rejected,
 * each rejection with the engine's reasons. Never throws.
 */
export function parseRuleFile(text: string): ParsedRuleFile {
    if (looksBinary(text)) {
        return failure(
            'The file is not a text file (an image or a document, perhaps), so it cannot be a rules export. Choose the .json file Export wrote.'
        );
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        // The parser's own message quotes the file; a person needs only where it stops making sense.
        return failure(
            `The file is not valid JSON${wherePlace(text, error)}. Export a rule set and import that file, or fix the file there.`
        );
    }
    let entries: unknown;
    if (Array.isArray(data)) {
        entries = data;
    } else if (typeof data === 'object' && data !== null && 'rules' in data) {
        const file = data as Partial<RuleFile>;
        if (file.format !== undefined && file.format !== RULE_FILE_FORMAT) {
            return failure(`The file is a "${String(file.format)}" file, not a Presence Sync rules export.`);
        }
        if (typeof file.version === 'number' && file.version > RULE_FILE_VERSION) {
            return failure(
                `The file was written by a newer Presence Sync (format version ${file.version}). Upgrade the package first.`
            );
        }
        entries = file.rules;
    } else {
        return failure(
            'The file holds no rules: expected a Presence Sync rules export or a JSON array of rules.'
        );
    }
    if (!Array.isArray(entries)) {
        return failure('The file\'s "rules" is not a list of rules.');
    }
    if (entries.length === 0) {
        return failure('The file holds no rules.');
    }

    const accepted: PresenceSyncRule[] = [];
    const acceptedPositions: number[] = [];
    const rejected: RejectedEntry[] = [];
    const seenIds = new Set<string>();
    entries.forEach((entry, index) => {
        const position = index + 1;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            rejected.push({
                position,
                name: '(no name)',
                reasons: ['It is not a rule (an object with the rule fields).']
            });
            return;
        }
        const rule = pick(entry as Record<string, unknown>);
        const name = typeof rule.name === 'string' && rule.name.trim() !== '' ? rule.name : '(no name)';
        const reasons = validateRule(rule).map((issue) => issue.message);
        if (typeof rule.id === 'string' && rule.id !== '') {
            if (seenIds.has(rule.id)) {
                reasons.push(
                    `The id "${rule.id}" appears earlier in the file too; each rule must be there once.`
                );
            }
            seenIds.add(rule.id);
        }
        if (reasons.length > 0) {
            rejected.push({ position, name, reasons });
        } else {
            accepted.push(rule);
            acceptedPositions.push(position);
        }
    });
    return { fileError: null, accepted, acceptedPositions, rejected };
}
