import { isComparator, isDestination, isOperand, isSourceEvent, PERCENT_OPERANDS } from './ruleCatalog';
import type { PresenceSyncRule } from './types';
import type { Comparator, Operand, SourceEvent } from './vocabulary';
import { OMNI_OFFLINE } from './vocabulary';

export interface DescribeRuleOptions {
    /** Omni-Channel status labels by developer name, so a sentence says "Working (Phone)", not "Working_Phone". */
    statusLabels?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
}

const OPERAND_PHRASES: Record<Exclude<Operand, 'StaticValue'>, string> = {
    ConnectNewState: "the Connect agent's new state",
    ConnectOldState: "the Connect agent's previous state",
    SalesforceNewState: "the agent's new Omni-Channel status",
    SalesforceServiceChannel: "the accepted work's service channel",
    SalesforcePreviousWorkload: 'the previous Omni-Channel workload',
    SalesforcePreviousWorkloadPct: 'the previous workload as a percentage of capacity',
    SalesforceNewWorkload: 'the new Omni-Channel workload',
    SalesforceNewWorkloadPct: 'the new workload as a percentage of capacity',
    SalesforceConfiguredCapacity: 'the configured Omni-Channel capacity',
    SalesforcePreviousInterruptibleWorkload: 'the previous interruptible workload',
    SalesforcePreviousInterruptibleWorkloadPct:
        'the previous interruptible workload as a percentage of interruptible capacity',
    SalesforceNewInterruptibleWorkload: 'the new interruptible workload',
    SalesforceNewInterruptibleWorkloadPct:
        'the new interruptible workload as a percentage of interruptible capacity',
    SalesforceConfiguredInterruptibleCapacity: 'the configured interruptible capacity'
};

const COMPARATOR_PHRASES: Record<Comparator, string> = {
    Equal: 'equals',
    NotEqual: 'does not equal',
    GreaterThan: 'is greater than',
    GreaterThanOrEqual: 'is at least',
    LessThan: 'is less than',
    LessThanOrEqual: 'is at most'
};

/** Words that open the sentence for sources whose operands do not already say what happened. */
const SOURCE_OPENINGS: Partial<Record<SourceEvent, string>> = {
    SalesforceLogout: 'the agent logs out of Omni-Channel',
    SalesforceWorkAccepted: 'the agent accepts Omni-Channel work',
    SalesforceWorkloadChanged: 'the Omni-Channel workload changes'
};

const MISSING = '[not chosen yet]';

function statusLabel(developerName: string, options: DescribeRuleOptions): string {
    const labels = options.statusLabels;
    const label =
        labels instanceof Map
            ? labels.get(developerName)
            : (labels as Record<string, string> | undefined)?.[developerName];
    return typeof label === 'string' && label !== '' ? label : developerName;
}

function sidePhrase(operand: unknown, value: unknown, other: unknown, options: DescribeRuleOptions): string {
    if (!isOperand(operand)) {
        return MISSING;
    }
    if (operand !== 'StaticValue') {
        return OPERAND_PHRASES[operand];
    }
    if (typeof value !== 'string' || value === '') {
        return '[no value yet]';
    }
    if (other === 'SalesforceNewState') {
        return statusLabel(value, options);
    }
    if (isOperand(other) && PERCENT_OPERANDS.has(other)) {
        return `${value}%`;
    }
    return value;
}

function isLogoutCriterion(r: Partial<PresenceSyncRule>): boolean {
    return (
        r.comparator === 'Equal' &&
        ((r.operandA === 'SalesforceNewState' &&
            r.operandB === 'StaticValue' &&
            r.operandBValue === OMNI_OFFLINE) ||
            (r.operandB === 'SalesforceNewState' &&
                r.operandA === 'StaticValue' &&
                r.operandAValue === OMNI_OFFLINE))
    );
}

/**
 * One English sentence saying what a rule does, e.g. "When the Connect agent's new state equals
 * Lunch, set the Omni-Channel status to Lunch." Parts not chosen yet read as "[not chosen yet]",
 * so the rule builder can show the sentence while a rule is being written. Never throws.
 */
export function describeRule(
    rule: Partial<PresenceSyncRule> | null | undefined,
    options: DescribeRuleOptions = {}
): string {
    const r: Partial<PresenceSyncRule> = typeof rule === 'object' && rule !== null ? rule : {};
    const a = sidePhrase(r.operandA, r.operandAValue, r.operandB, options);
    const b = sidePhrase(r.operandB, r.operandBValue, r.operandA, options);
    const comparator = isComparator(r.comparator) ? COMPARATOR_PHRASES[r.comparator] : MISSING;
    let condition = `${a} ${comparator} ${b}`;

    const opening = isSourceEvent(r.source) ? SOURCE_OPENINGS[r.source] : undefined;
    if (r.source === 'SalesforceLogout' && isLogoutCriterion(r)) {
        condition = opening as string;
    } else if (opening) {
        condition = `${opening} and ${condition}`;
    }

    const value =
        typeof r.destinationValue === 'string' && r.destinationValue !== '' ? r.destinationValue : undefined;
    let action: string;
    if (!isDestination(r.destination)) {
        action = `set ${MISSING} to ${value ?? MISSING}`;
    } else if (r.destination === 'SalesforceAgentState') {
        action = `set the Omni-Channel status to ${value === undefined ? MISSING : statusLabel(value, options)}`;
    } else {
        action = `set the Connect agent state to ${value ?? MISSING}`;
    }
    return `When ${condition}, ${action}.`;
}
