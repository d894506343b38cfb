/**
 * What the org checks when rules and rule sets are saved, beyond the engine's validateRule: field
 * lengths, that a destination status exists and a Connect destination is one the admin listed,
 * that rule names are unique within a rule set and rule-set names within the org, and how many
 * rules one rule set may hold. Apex (PresenceSyncRuleChecks, PresenceSyncRuleBatch,
 * PresenceSyncRuleSetService) makes the same checks with the same templates and limits (the
 * apexParity test compares them); the rule builder makes them before anything is sent, and the
 * workbench's emulated org makes them with this very module. Pure: no platform imports.
 */
import { CONNECT_SYSTEM_STATES, OMNI_OFFLINE, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';

/**
 * The stated limits. 500 rules per rule set keeps every save of a whole rule set (deleting what it
 * replaces and inserting the rest: at most 1,000 DML rows) far inside the platform's 10,000 rows
 * per transaction, and a rule set at the limit opens, is analysed and saves in under a second
 * (npm run bench:rules). Field lengths are those of the rule and rule set objects.
 */
export const RULE_LIMITS = {
    rulesPerSet: 500,
    nameLength: 80,
    valueLength: 255,
    ruleSetNameLength: 80,
    ruleSetDescriptionLength: 255
} as const;

/**
 * Templates of the org's own refusals; `{placeholders}` as in the engine's table. Texts use no
 * backslashes and no apostrophes, so they paste into Apex string literals unchanged.
 */
export const ORG_RULE_MESSAGES = {
    statusUnknown:
        'There is no Omni-Channel presence status with the developer name "{value}". Use the developer name, not the label; this org has: {choices}.',
    connectStateNotListed:
        '"{value}" is not among the Amazon Connect states listed in Presence Sync Settings. Add it there, or choose one of: {choices}.',
    nameTooLong: 'The rule name has {length} characters; at most {limit} fit. Shorten it.',
    valueTooLong: 'The value has {length} characters; at most {limit} fit. Shorten it.',
    nameTaken: 'Another rule of this rule set is already called "{value}". Give each rule its own name.',
    ruleGone:
        'This rule is no longer in the rule set; someone may have deleted it. Reload the rules and try again.',
    ruleSetFull:
        'A rule set holds at most {limit} rules, and this change would leave {count} in it. Delete rules first, or split them into several rule sets.',
    ruleSetNameMissing: 'Give the rule set a name, for example Phone team.',
    ruleSetNameTooLong: 'The rule set name has {length} characters; at most {limit} fit. Shorten it.',
    ruleSetNameTaken: 'Another rule set is already called "{value}". Choose another name.'
} as const;

export type OrgRuleIssueCode = keyof typeof ORG_RULE_MESSAGES;

export function formatOrgIssue(code: OrgRuleIssueCode, params: Record<string, string | number> = {}): string {
    return ORG_RULE_MESSAGES[code].replace(/\{(\w+)\}/g, (whole, key: string) => {
        const value = params[key];
        return value === undefined ? whole : String(value);
    });
}

/** What the org knows that a rule is checked against. */
export interface OrgFacts {
    /** Developer names of the org's presence statuses. */
    statusNames: readonly string[];
    /** The Connect states listed in Presence Sync Settings (empty: any state may be set). */
    connectStates: readonly string[];
}

/** A Salesforce record id (15 or 18 characters); the builder's ids of new rules never look like one. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

const VALUE_FIELDS = ['operandAValue', 'operandBValue', 'destinationValue'] as const;

/** Names and values longer than their fields hold: known without asking the org anything. */
export function lengthIssues(rule: Partial<PresenceSyncRule>): RuleIssue[] {
    const issues: RuleIssue[] = [];
    if (typeof rule.name === 'string' && rule.name.length > RULE_LIMITS.nameLength) {
        issues.push({
            field: 'name',
            message: formatOrgIssue('nameTooLong', {
                length: rule.name.length,
                limit: RULE_LIMITS.nameLength
            })
        });
    }
    for (const field of VALUE_FIELDS) {
        const value = rule[field];
        if (typeof value === 'string' && value.length > RULE_LIMITS.valueLength) {
            issues.push({
                field,
                message: formatOrgIssue('valueTooLong', {
                    length: value.length,
                    limit: RULE_LIMITS.valueLength
                })
            });
        }
    }
    return issues;
}

/** One rule's org-only problems (PresenceSyncRuleChecks.orgIssues). */
export function orgIssues(rule: Partial<PresenceSyncRule>, facts: OrgFacts): RuleIssue[] {
    const issues = lengthIssues(rule);
    const value = typeof rule.destinationValue === 'string' ? rule.destinationValue.trim() : '';
    if (value === '') {
        return issues;
    }
    if (
        rule.destination === 'SalesforceAgentState' &&
        !facts.statusNames.includes(value) &&
        value !== OMNI_OFFLINE
    ) {
        const names = [...facts.statusNames].sort();
        issues.push({
            field: 'destinationValue',
            message: formatOrgIssue('statusUnknown', {
                value,
                choices: names.length === 0 ? '(none)' : names.join(', ')
            })
        });
    }
    if (
        rule.destination === 'ConnectAgentState' &&
        facts.connectStates.length > 0 &&
        !facts.connectStates.includes(value) &&
        !CONNECT_SYSTEM_STATES.has(value)
    ) {
        issues.push({
            field: 'destinationValue',
            message: formatOrgIssue('connectStateNotListed', {
                value,
                choices: facts.connectStates.join(', ')
            })
        });
    }
    return issues;
}

/** How names compare for uniqueness: trimmed, case ignored (as Apex compares them). */
export function nameKey(name: unknown): string {
    return typeof name === 'string' ? name.trim().toLowerCase() : '';
}

/** The issue of a rule whose name another rule of the set already has, or null. */
export function nameTakenIssue(name: unknown, takenKeys: ReadonlySet<string>): RuleIssue | null {
    const key = nameKey(name);
    return key !== '' && takenKeys.has(key)
        ? { field: 'name', message: formatOrgIssue('nameTaken', { value: String(name).trim() }) }
        : null;
}

/** The refusal of a change that would leave `count` rules in one rule set, or null within the limit. */
export function ruleSetSizeProblem(count: number): string | null {
    return count > RULE_LIMITS.rulesPerSet
        ? formatOrgIssue('ruleSetFull', { limit: RULE_LIMITS.rulesPerSet, count })
        : null;
}

/** A rule set name's problems: missing, too long, or another rule set's (`otherNames`). */
export function ruleSetNameProblems(name: unknown, otherNames: readonly string[]): string[] {
    const text = typeof name === 'string' ? name.trim() : '';
    if (text === '') {
        return [formatOrgIssue('ruleSetNameMissing')];
    }
    const problems: string[] = [];
    if (text.length > RULE_LIMITS.ruleSetNameLength) {
        problems.push(
            formatOrgIssue('ruleSetNameTooLong', {
                length: text.length,
                limit: RULE_LIMITS.ruleSetNameLength
            })
        );
    }
    if (otherNames.some((other) => nameKey(other) === nameKey(text))) {
        problems.push(formatOrgIssue('ruleSetNameTaken', { value: text }));
    }
    return problems;
}

/** One entry of a batch that the org would refuse: its 1-based position, its name and why. */
export interface RefusedEntry {
    position: number;
    name: string;
    issues: RuleIssue[];
}

export interface BatchCheck {
    /** Entries the org would refuse; the org saves a batch only when there are none. */
    refused: RefusedEntry[];
    /** The batch as a whole is refused (too many rules), or null. */
    problem: string | null;
    /** How many rules the rule set holds after the batch. */
    countAfter: number;
}

/**
 * Everything the org checks when a batch is saved into a rule set that holds `current`: each rule
 * (the engine's validation and the org's), names unique among the rules the set keeps and the
 * batch, and the size of the set afterwards. `deleteIds` are rules the batch deletes; a rule whose
 * id is a current rule's replaces it. Without `facts` (not loaded yet) the org's own checks of
 * statuses and Connect states are left to the org. This is PresenceSyncRuleBatch.save in Apex.
 */
export function checkBatch(
    current: readonly PresenceSyncRule[],
    batch: readonly Partial<PresenceSyncRule>[],
    deleteIds: readonly string[],
    facts: OrgFacts | null
): BatchCheck {
    const deleted = new Set(deleteIds);
    const currentIds = new Set(current.map((rule) => rule.id));
    const replaced = new Set(
        batch.map((rule) => rule.id).filter((id): id is string => typeof id === 'string')
    );
    const kept = current.filter((rule) => !deleted.has(rule.id) && !replaced.has(rule.id));
    const taken = new Set(kept.map((rule) => nameKey(rule.name)));
    const refused: RefusedEntry[] = [];
    batch.forEach((rule, index) => {
        const issues = [...validateRule(rule), ...(facts ? orgIssues(rule, facts) : lengthIssues(rule))];
        const duplicate = nameTakenIssue(rule.name, taken);
        if (duplicate) {
            issues.push(duplicate);
        }
        taken.add(nameKey(rule.name));
        if (typeof rule.id === 'string' && RECORD_ID.test(rule.id) && !currentIds.has(rule.id)) {
            issues.push({ field: 'id', message: formatOrgIssue('ruleGone') });
        }
        if (issues.length > 0) {
            refused.push({ position: index + 1, name: displayName(rule.name), issues });
        }
    });
    const countAfter = kept.length + batch.length;
    return { refused, problem: ruleSetSizeProblem(countAfter), countAfter };
}

/** A rule's name for a message, or a stand-in when it has none. */
export function displayName(name: unknown): string {
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : '(no name)';
}
