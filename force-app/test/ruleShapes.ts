/** Rules the tests build again and again: a criterion with its destination, and the plain Lunch rule. */
import type { Operand, PresenceSyncRule } from 'c/presenceSyncEngine';

type RuleShape = Pick<
    PresenceSyncRule,
    'source' | 'operandA' | 'comparator' | 'operandB' | 'operandBValue' | 'destination' | 'destinationValue'
>;

/** The criterion and destination of a rule from a Connect state to an Omni-Channel status. */
export function connectToOmni(connect: string, omni: string): RuleShape {
    return {
        source: 'ConnectStateChange',
        operandA: 'ConnectNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: connect,
        destination: 'SalesforceAgentState',
        destinationValue: omni
    };
}

/** The criterion and destination of a rule from an Omni-Channel status to a Connect state. */
export function omniToConnect(omni: string, connect: string): RuleShape {
    return {
        source: 'SalesforceStateChange',
        operandA: 'SalesforceNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: omni,
        destination: 'ConnectAgentState',
        destinationValue: connect
    };
}

/** The criterion and destination of a rule setting a Connect state once a workload operand is at least `value`. */
export function workloadAtLeast(operand: Operand, value: string, connect: string): RuleShape {
    return {
        source: 'SalesforceWorkloadChanged',
        operandA: operand,
        comparator: 'GreaterThanOrEqual',
        operandB: 'StaticValue',
        operandBValue: value,
        destination: 'ConnectAgentState',
        destinationValue: connect
    };
}

/** The criterion and destination of a rule setting a Connect state when work of one service channel is accepted. */
export function workAccepted(channel: string, connect: string): RuleShape {
    return {
        source: 'SalesforceWorkAccepted',
        operandA: 'SalesforceServiceChannel',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: channel,
        destination: 'ConnectAgentState',
        destinationValue: connect
    };
}

/** An active Connect Lunch → Omni Lunch rule, r1 "Lunch to Lunch" at order 10, unless told otherwise. */
export function lunchRule(overrides: Partial<PresenceSyncRule> = {}): PresenceSyncRule {
    return {
        id: 'r1',
        name: 'Lunch to Lunch',
        active: true,
        order: 10,
        ...connectToOmni('Lunch', 'Lunch'),
        ...overrides
    };
}
