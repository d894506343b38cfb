import type { RuleIssueCode } from './ruleIssueMessages';
import type { Comparator, Destination, MappingType, Operand, SourceEvent } from './vocabulary';

export interface PresenceSyncRule {
    id: string;
    name: string;
    active: boolean;
    order: number;
    source: SourceEvent;
    /** Value used when operandA is StaticValue. */
    operandA: Operand;
    operandAValue?: string;
    comparator: Comparator;
    operandB: Operand;
    operandBValue?: string;
    destination: Destination;
    destinationValue: string;
    /** Optional: the rule set (rule group) the rule belongs to. */
    ruleSetId?: string;
    /** Optional: the mapping row a rule was generated from, so mapping mode can keep it. */
    mappingId?: string;
}

export interface PresenceEvent {
    type: SourceEvent;
    connectNewState?: string;
    connectOldState?: string;
    /** Omni-Channel presence status developer name. */
    salesforceNewState?: string;
    /** Service channel developer name. */
    serviceChannel?: string;
    previousWorkload?: number;
    newWorkload?: number;
    configuredCapacity?: number;
    /** Interruptible work (Omni-Channel's interruptible capacity); absent where the org does not send it. */
    previousInterruptibleWorkload?: number;
    newInterruptibleWorkload?: number;
    configuredInterruptibleCapacity?: number;
}

export interface Decision {
    ruleId: string;
    destination: Destination;
    value: string;
}

export interface RuleIssue {
    /** The PresenceSyncRule (or StateMapping) property at fault, e.g. 'operandA', 'destinationValue'. */
    field: string;
    /** Plain words: what is wrong and how to fix it. */
    message: string;
    /** Which RULE_ISSUE_MESSAGES template produced the message (stable; Apex uses the same codes). */
    code?: RuleIssueCode;
}

/** One row of a status table: a Connect state paired with an Omni-Channel status. */
export interface StateMapping {
    id?: string;
    connectState: string;
    /** Omni-Channel presence status developer name. */
    salesforceStatus: string;
    type: MappingType;
}
