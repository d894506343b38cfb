import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { checkBatch, displayName, ruleSetSizeProblem } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import type { ParsedRuleFile, RejectedEntry } from './ruleFile';

/** Files larger than this are refused before they are read: 500 rules fit in far less. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ImportMode = 'add' | 'replace';

export interface KeptEntry {
    /** 1-based position in the file. */
    position: number;
    rule: PresenceSyncRule;
}

export interface ImportPlan {
    /** What will be imported, in file order. */
    kept: KeptEntry[];
    /** What will be left out, with every reason the org would give, in file order. */
    refused: RejectedEntry[];
    /** The import as a whole cannot be done (too many rules), or null. */
    problem: string | null;
}

/** The problem of a file too big to be a rules export, said before reading it; null otherwise. */
export function fileSizeProblem(name: string, bytes: number): string | null {
    if (bytes <= MAX_FILE_BYTES) {
        return null;
    }
    const size =
        bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
    return `“${name}” is ${size}; a rules file of a whole rule set (500 rules at most) is well under 1 MB, so this is not one. Choose the .json file Export wrote. Nothing was read.`;
}

/**
 * Applies every check the org makes to the entries the engine accepted: the org's own checks,
 * names unique among the rules the set keeps and the file's, and the size of the rule set after
 * the import. Adding keeps the current rules; replacing deletes them in the same save.
 */
export function planImport(
    parsed: ParsedRuleFile,
    current: readonly PresenceSyncRule[],
    mode: ImportMode,
    facts: OrgFacts | null
): ImportPlan {
    if (parsed.fileError) {
        return { kept: [], refused: [], problem: parsed.fileError };
    }
    const candidates = parsed.accepted.map((rule) => ({ ...rule, id: '' }));
    const deleteIds = mode === 'replace' ? current.map((r) => r.id) : [];
    const check = checkBatch(current, candidates, deleteIds, facts);
    const refusedHere = new Map(check.refused.map((entry) => [entry.position, entry]));
    const kept: KeptEntry[] = [];
    const refused: RejectedEntry[] = [...parsed.rejected];
    parsed.acceptedPositions.forEach((position, index) => {
        const entry = refusedHere.get(index + 1);
        if (entry) {
            refused.push({
                position,
                name: displayName(entry.name),
                reasons: entry.issues.map((i) => i.message)
            });
        } else {
            kept.push({ position, rule: parsed.accepted[index] });
        }
    });
    refused.sort((a, b) => a.position - b.position);
    // Only what is kept is sent: the limit applies to the rule set as the import leaves it.
    const countAfter = (mode === 'replace' ? 0 : current.length) + kept.length;
    return { kept, refused, problem: ruleSetSizeProblem(countAfter) };
}
