export * from './vocabulary';
export type * from './types';
export type * from './sessionTypes';
export { compileRules, evaluateRules } from './evaluateRules';
export type { CompiledRules, RuleEvaluation } from './evaluateRules';
export { validateRule } from './validateRule';
export { RULE_ISSUE_MESSAGES, formatRuleIssue } from './ruleIssueMessages';
export type { RuleIssueCode, RuleIssueParams } from './ruleIssueMessages';
export { expandMapping, expandMappings, validateMapping, SEED_EXAMPLE_MAPPINGS } from './stateMappings';
export { describeRule } from './describeRule';
export type { DescribeRuleOptions } from './describeRule';
export {
    INTERRUPTIBLE_OPERANDS,
    NUMERIC_OPERANDS,
    OPERAND_SOURCES,
    ORDERING_COMPARATORS,
    PERCENT_OPERANDS,
    RULE_BEHAVIOUR_FIELDS,
    isConnectSystemState,
    parseStaticNumber
} from './ruleCatalog';
export { createSyncSession, DEFAULT_SESSION_SETTINGS } from './syncSession';
