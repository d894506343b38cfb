/**
 * The words of every rule validation issue. Apex validates rules on save with the very same
 * templates (a test compares both tables), so change a template here and in Apex together.
 *
 * Placeholders, filled by formatRuleIssue:
 *   {side}        'Operand A' or 'Operand B'
 *   {value}       the offending value exactly as given
 *   {operand}     an operand's label, e.g. 'Salesforce New Workload'
 *   {source}      a source event's label, e.g. 'Salesforce Agent Logout'
 *   {comparator}  a comparator's label, e.g. 'Greater than'
 *   {destination} a destination's label; {suggested} the label of the destination to use instead
 *   {choices}     the allowed labels in vocabulary order, joined by ', '
 *   {type}        a mapping type's label, e.g. 'Subscriber (Salesforce to Connect)'
 *   {target}      what the destination sets: 'Omni-Channel presence status', 'Amazon Connect agent
 *                 state', or both when the destination is not chosen yet
 * Texts use no backslashes and no apostrophes, so they paste into Apex string literals unchanged.
 */
export const RULE_ISSUE_MESSAGES = {
    nameMissing:
        'The rule has no name. Give it a short name that says what it does, for example Lunch to Lunch.',
    activeMissing: 'The rule does not say whether it is active. Set Active to true or false.',
    orderMissing:
        'The rule has no order. Enter a number such as 10; when several rules match, the lowest order wins.',
    sourceMissing: 'The rule has no source. Choose the event that triggers it: {choices}.',
    sourceUnknown: 'The source "{value}" is not a known event. Choose one of: {choices}.',
    operandMissing: '{side} is empty. Choose what to compare: {choices}.',
    operandUnknown: '{side} "{value}" is not a known operand. Choose one of: {choices}.',
    staticValueMissing:
        '{side} is a Static Value but no value is entered. Enter or pick the value to compare with, for example Lunch or 80.',
    operandNotInSource:
        '{side} "{operand}" is never part of a "{source}" event, so the rule could never match. Choose one of: {choices}.',
    comparatorMissing: 'The rule has no comparator. Choose one of: {choices}.',
    comparatorUnknown: 'The comparator "{value}" is not known. Choose one of: {choices}.',
    comparatorNeedsNumbers:
        '"{comparator}" compares numbers, but {side} ("{operand}") is never a number. Use Equal to or Not equal to, or compare a workload value with a number.',
    destinationMissing: 'The rule has no destination. Choose what it sets: {choices}.',
    destinationUnknown: 'The destination "{value}" is not known. Choose one of: {choices}.',
    destinationSamePlatform:
        'A "{source}" rule cannot set "{destination}": a rule changes the other platform. Choose "{suggested}" instead.',
    destinationValueMissing: 'The rule does not say which {target} to set. Choose one.',
    destinationSystemState:
        '"{value}" is an Amazon Connect system state that only Amazon Connect itself sets. Choose a state agents can select, such as Available or Offline.',
    logoutNeedsOffline:
        'A "Salesforce Agent Logout" rule matches only when it compares "Salesforce Agent New State" Equal to the Static Value Offline. Change the criterion to exactly that.',
    mappingConnectStateMissing: 'The row has no Amazon Connect state. Enter a Connect agent state name.',
    mappingStatusMissing: 'The row has no Omni-Channel status. Enter a presence status developer name.',
    mappingTypeUnknown: 'The row type "{value}" is not known. Choose one of: {choices}.',
    mappingSystemState:
        '"{value}" is an Amazon Connect system state that only Amazon Connect itself sets, so a "{type}" row cannot set it. Make it a Publisher row, or choose a state agents can select.'
} as const;

export type RuleIssueCode = keyof typeof RULE_ISSUE_MESSAGES;

export type RuleIssueParams = Partial<
    Record<
        | 'side'
        | 'value'
        | 'operand'
        | 'source'
        | 'comparator'
        | 'destination'
        | 'suggested'
        | 'choices'
        | 'type'
        | 'target',
        string
    >
>;

/** Fills a template's {placeholders}; a placeholder without a value stays visible rather than vanishing. */
export function formatRuleIssue(code: RuleIssueCode, params: RuleIssueParams = {}): string {
    return RULE_ISSUE_MESSAGES[code].replace(/\{(\w+)\}/g, (whole, key: string) => {
        const value = (params as Record<string, string | undefined>)[key];
        return value === undefined ? whole : value;
    });
}
