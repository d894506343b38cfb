/**
 * What the rule builder shows and asks, worked out from its state: pure, so the component keeps
 * only its state, its calls to the org and its handlers.
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { countFindings, groupFindings } from 'c/presenceSyncRuleAnalysis';
import type { AnalysisDomain, AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import { RULE_LIMITS } from 'c/presenceSyncRuleChecks';
import type { BatchCheck, OrgFacts } from 'c/presenceSyncRuleChecks';
import type { ConfirmOptions } from 'c/presenceSyncConfirm';
import { namedStatuses } from 'c/presenceSyncRuleOptions';
import type { RuleBuilderData, RuleSet, RuleSetDeletion, SaveRulesResult } from 'presence-sync/contracts';

/** Warnings a confirmation lists per kind; the Coverage and warnings tab lists them all. */
const WARNINGS_SHOWN_PER_KIND = 5;

/** Rule ids the server does not know yet: it inserts rules whose id is not a record id. */
let draftCounter = 0;
export function draftId(): string {
    draftCounter += 1;
    return `draft-${Date.now().toString(36)}-${draftCounter}`;
}

export function analysisDomain(data: RuleBuilderData | null): AnalysisDomain {
    return {
        connectStates: data?.connectStates ?? [],
        omniStatuses: namedStatuses(data?.statuses ?? []),
        serviceChannels: (data?.serviceChannels ?? []).map((c) => c.developerName)
    };
}

export function orgFactsOf(data: RuleBuilderData | null): OrgFacts {
    return {
        statusNames: namedStatuses(data?.statuses ?? []),
        connectStates: data?.connectStates ?? []
    };
}

export function warningSummary(count: number): string {
    if (count === 0) {
        return 'The analysis found no problems in the active rules.';
    }
    return count === 1
        ? 'The analysis found 1 problem in the active rules. See the rule it concerns below, or the Coverage tab.'
        : `The analysis found ${count} problems in the active rules. See the rules they concern below, or the Coverage tab.`;
}

export function warningSummaryClass(count: number): string {
    return count === 0
        ? 'slds-text-color_success slds-m-bottom_small'
        : 'slds-text-color_error slds-m-bottom_small';
}

/** The order a new rule takes: after every other. */
export function nextOrder(rules: PresenceSyncRule[]): number {
    return rules.reduce((max, r) => Math.max(max, r.order), 0) + 10;
}

/** A rule set at the stated limit takes no new rule: New rule and Clone say so instead. */
export function atLimit(rules: PresenceSyncRule[]): boolean {
    return rules.length >= RULE_LIMITS.rulesPerSet;
}

export function limitText(full: boolean): string {
    return full
        ? `This rule set holds ${RULE_LIMITS.rulesPerSet} rules, the most a rule set can hold. Delete rules to add others, or put them in another rule set.`
        : '';
}

/** "Name (copy)", or "(copy 2)" and on when that is taken: rule names are unique in a rule set. */
export function copyName(name: string, rules: PresenceSyncRule[]): string {
    const taken = new Set(rules.map((r) => r.name.trim().toLowerCase()));
    for (let n = 1; ; n++) {
        const candidate = `${name} (${n === 1 ? 'copy' : `copy ${n}`})`;
        if (!taken.has(candidate.toLowerCase())) {
            return candidate;
        }
    }
}

/** A new rule after the others, in the rule set shown. */
export function newRuleDraft(rules: PresenceSyncRule[], ruleSetId: string | null): Partial<PresenceSyncRule> {
    return { id: draftId(), active: true, order: nextOrder(rules), ruleSetId: ruleSetId ?? undefined };
}

/** A copy of a rule, after the others, named apart and no longer part of a mapping row. */
export function cloneDraft(rule: PresenceSyncRule, rules: PresenceSyncRule[]): Partial<PresenceSyncRule> {
    return {
        ...rule,
        id: draftId(),
        name: copyName(rule.name, rules),
        order: nextOrder(rules),
        mappingId: undefined
    };
}

/** The rule sets after one was saved: saving a default makes every other one non-default on the server too. */
export function withRuleSet(ruleSets: RuleSet[], saved: RuleSet): RuleSet[] {
    const exists = ruleSets.some((s) => s.id === saved.id);
    const others = ruleSets.map((s) => ({
        ...s,
        isDefault: s.isDefault && !(saved.isDefault && s.id !== saved.id)
    }));
    return exists ? others.map((s) => (s.id === saved.id ? saved : s)) : [...others, saved];
}

export function createdMessage(ruleSet: RuleSet): string {
    return ruleSet.isDefault
        ? `Created the rule set ${ruleSet.name}, now the org default. Add rules to it.`
        : `Created the rule set ${ruleSet.name}. Add rules, then assign it on the Assignments tab.`;
}

/** What deleting a rule set did, in words; `movedToName` names the rule set its assignments went to. */
export function deletionMessage(
    name: string,
    deletion: RuleSetDeletion,
    movedToName: string | undefined
): string {
    const rules = deletion.deletedRules === 1 ? '1 rule' : `${deletion.deletedRules} rules`;
    const assignments =
        deletion.movedAssignments > 0
            ? ` Its ${deletion.movedAssignments} assignments moved to ${movedToName ?? 'the rule set you chose'}.`
            : deletion.removedAssignments > 0
              ? ` Its ${deletion.removedAssignments} assignments were deleted: those agents get their next assignment or the org default.`
              : '';
    return `Deleted the rule set ${name} and its ${rules}.${assignments}`;
}

/**
 * The org's answer to a batch its checks refuse, made here before anything is sent: null when
 * the batch would pass; no entries when it is refused as a whole (`check.problem` says why).
 */
export function refusalsOf(check: BatchCheck, rules: PresenceSyncRule[]): SaveRulesResult | null {
    if (check.problem) {
        return { saved: [], rejected: [] };
    }
    if (check.refused.length === 0) {
        return null;
    }
    return {
        saved: [],
        rejected: check.refused.map((entry) => ({
            id: rules[entry.position - 1]?.id ?? '',
            position: entry.position,
            name: entry.name,
            issues: entry.issues
        }))
    };
}

/** The confirmation for a change that adds analysis warnings, grouped by kind and counted. */
export function warningsQuestion(
    added: AnalysisFinding[],
    question: string,
    confirmLabel: string
): ConfirmOptions {
    const groups = groupFindings(added, WARNINGS_SHOWN_PER_KIND);
    return {
        label: question,
        message: `This change adds ${countFindings(groups)}. Agents get the rules as they are if you go ahead.`,
        confirmLabel,
        groups: groups.map((g) => ({
            heading: g.label,
            count: g.count,
            items: g.findings.map((f) => f.message),
            hidden: g.hidden
        }))
    };
}

/** The rules with one moved by `offset` places, or null when it cannot move there. */
export function moved(rules: PresenceSyncRule[], ruleId: string, offset: number): PresenceSyncRule[] | null {
    const from = rules.findIndex((r) => r.id === ruleId);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= rules.length) {
        return null;
    }
    const reordered = [...rules];
    const [rule] = reordered.splice(from, 1);
    reordered.splice(to, 0, rule);
    return reordered;
}

/** A batch's outcome in words: refused entries (nothing saved), or what was saved and replaced. */
export function batchMessage(label: string, result: SaveRulesResult, replaced: number): string {
    const count = result.rejected.length;
    if (count > 0) {
        return `${label}: nothing was saved, because ${count === 1 ? '1 rule was' : `${count} rules were`} refused. See which below.`;
    }
    const deleted = replaced > 0 ? `, replacing ${replaced}` : '';
    return `${label}: saved ${result.saved.length} ${result.saved.length === 1 ? 'rule' : 'rules'}${deleted}.`;
}
