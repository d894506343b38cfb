/**
 * A rule set at the stated limit for the rule set benchmark: 500 valid rules with unique names,
 * as a big contact center might write them. Connect states and Omni-Channel statuses of the
 * workbench's org in every combination, Old State criteria, Not-equal rules and workload
 * thresholds, so that the analysis has real work (conflicts, rules that never take effect) and
 * the coverage matrix is full.
 */
export const RULE_SET_LIMIT = 500;

const CONNECT_STATES = ['Available', 'Offline', 'Lunch', 'Training', 'Working - Phone', 'Working - Media'];
const OMNI_STATUSES = ['Available', 'Busy', 'Lunch', 'Working_Phone', 'Working_Media'];
const TYPED_STATES = Array.from({ length: 40 }, (_, i) => `Queue state ${i + 1}`);

function base(i) {
    return { id: `bench-${i}`, active: true, order: i + 1, comparator: 'Equal', operandB: 'StaticValue' };
}

function rule(i) {
    const kind = i % 5;
    const state =
        i % 2 === 0 ? CONNECT_STATES[i % CONNECT_STATES.length] : TYPED_STATES[i % TYPED_STATES.length];
    const status = OMNI_STATUSES[i % OMNI_STATUSES.length];
    if (kind === 0 || kind === 1) {
        return {
            ...base(i),
            name: `Rule ${i + 1}: Connect ${state} sets Omni-Channel ${status}`,
            source: 'ConnectStateChange',
            operandA: kind === 0 ? 'ConnectNewState' : 'ConnectOldState',
            operandBValue: state,
            destination: 'SalesforceAgentState',
            destinationValue: status
        };
    }
    if (kind === 2) {
        const target = CONNECT_STATES[(i + 1) % CONNECT_STATES.length];
        return {
            ...base(i),
            name: `Rule ${i + 1}: Omni-Channel ${status} sets Connect ${target}`,
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            operandBValue: status,
            destination: 'ConnectAgentState',
            destinationValue: target
        };
    }
    if (kind === 3) {
        return {
            ...base(i),
            name: `Rule ${i + 1}: Connect not ${state} sets Omni-Channel ${status}`,
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            comparator: 'NotEqual',
            operandBValue: state,
            destination: 'SalesforceAgentState',
            destinationValue: status
        };
    }
    return {
        ...base(i),
        name: `Rule ${i + 1}: workload at least ${10 + (i % 90)}% sets Connect Training`,
        source: 'SalesforceWorkloadChanged',
        operandA: 'SalesforceNewWorkloadPct',
        comparator: 'GreaterThanOrEqual',
        operandBValue: String(10 + (i % 90)),
        destination: 'ConnectAgentState',
        destinationValue: 'Training'
    };
}

export function ruleSetAtTheLimit() {
    return Array.from({ length: RULE_SET_LIMIT }, (_, i) => rule(i));
}
