/**
 * What a rule set will do before it goes live: the coverage matrix (Connect states × Omni-Channel
 * statuses) and the warnings the rule builder shows before activation. Pure TypeScript on the
 * engine's own compileRules and validateRule, so the analysis and run time can never disagree.
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { AnalysisDomain, AnalysisFinding, RuleAnalysis } from './analysisTypes';
import { coverageMatrix } from './coverage';
import { findRuleProblems } from './findings';

export { coverageMatrix } from './coverage';
export { compareRulePrecedence, findRuleProblems } from './findings';
export { countFindings, FINDING_KIND_LABELS, groupFindings } from './findingGroups';
export type { FindingGroup } from './findingGroups';
export type * from './analysisTypes';

/** Findings and coverage in one call, for the same rules and domain. */
export function analyzeRules(rules: readonly PresenceSyncRule[], domain: AnalysisDomain = {}): RuleAnalysis {
    return { findings: findRuleProblems(rules, domain), coverage: coverageMatrix(rules, domain) };
}

/**
 * The findings a change would add: what the builder asks about before it activates or saves
 * rules. `rulesAfter` is the rule set as it would be after the change. A finding is the same
 * when it is of the same kind, shown by the same event, about the same rules: the same records
 * (a renamed rule keeps its id) or the same names (an import that replaces a rule set brings new
 * records of rules it already had; names are unique within a rule set).
 */
export function findingsIntroduced(
    rulesBefore: readonly PresenceSyncRule[],
    rulesAfter: readonly PresenceSyncRule[],
    domain: AnalysisDomain = {}
): AnalysisFinding[] {
    const keys = (rules: readonly PresenceSyncRule[]) => {
        const names = new Map(rules.map((r) => [r.id, r.name.trim().toLowerCase()]));
        return (f: AnalysisFinding): string[] => {
            const shown = `${f.kind}|${JSON.stringify(f.example ?? null)}`;
            return [
                `${shown}|ids:${f.ruleIds.join(',')}`,
                `${shown}|names:${f.ruleIds.map((id) => names.get(id) ?? id).join(',')}`
            ];
        };
    };
    const before = keys(rulesBefore);
    const after = keys(rulesAfter);
    const known = new Set(findRuleProblems(rulesBefore, domain).flatMap(before));
    return findRuleProblems(rulesAfter, domain).filter((f) => !after(f).some((k) => known.has(k)));
}
