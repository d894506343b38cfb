/**
 * What a rule set will do before it goes live: the coverage matrix (Connect states × Omni-Channel
 * statuses) and the warnings the rule builder shows before activation. Pure TypeScript on the
 * engine's own evaluateRules and validateRule, so the analysis and run time can never disagree.
 */
export { coverageMatrix } from './coverage';
export type * from './analysisTypes';
