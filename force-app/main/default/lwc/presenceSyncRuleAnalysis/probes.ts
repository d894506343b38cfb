import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { Operand, PresenceEvent, PresenceSyncRule, SourceEvent } from 'c/presenceSyncEngine';
import type { AnalysisDomain } from './analysisTypes';

/*
 * The analysis asks the engine itself what rules do, on a finite set of probe events. For text
 * criteria (equal / not equal) every value a rule names plus one value no rule names covers all
 * cases; for numbers, every threshold, the midpoints between thresholds and one value beyond each
 * end do. So "never matches" and "never wins" are answers about every possible event, not a sample.
 */

/** Stands for "a value no rule and no list names". Contains a control character so no real name equals it. */
export const OTHER_VALUE = '\u0000other';

/** Upper bound on workload probes, so a rule set full of thresholds stays fast in the browser. */
const MAX_WORKLOAD_PROBES = 20000;

export function isOtherValue(value: string | undefined): boolean {
    return value === OTHER_VALUE;
}

/** The named values and numeric thresholds that rules of one source compare against. */
function staticValuesOf(rules: readonly PresenceSyncRule[], source: SourceEvent): string[] {
    const values: string[] = [];
    for (const rule of rules) {
        if (rule.source !== source) {
            continue;
        }
        if (rule.operandA === 'StaticValue' && typeof rule.operandAValue === 'string') {
            values.push(rule.operandAValue);
        }
        if (rule.operandB === 'StaticValue' && typeof rule.operandBValue === 'string') {
            values.push(rule.operandBValue);
        }
    }
    return values;
}

export function usesOperand(
    rules: readonly PresenceSyncRule[],
    source: SourceEvent,
    operand: Operand
): boolean {
    return rules.some((r) => r.source === source && (r.operandA === operand || r.operandB === operand));
}

function unique(values: Iterable<string>): string[] {
    return [...new Set(values)];
}

/** Every Connect state the domain or any rule names, in first-seen order (domain first). */
export function knownConnectStates(rules: readonly PresenceSyncRule[], domain: AnalysisDomain): string[] {
    return unique([
        ...(domain.connectStates ?? []),
        ...staticValuesOf(rules, 'ConnectStateChange'),
        ...rules.filter((r) => r.destination === 'ConnectAgentState').map((r) => r.destinationValue)
    ]).filter((value) => typeof value === 'string' && value.trim() !== '');
}

/** Every Omni-Channel status developer name the domain or any rule names (Offline when a logout rule exists). */
export function knownOmniStatuses(rules: readonly PresenceSyncRule[], domain: AnalysisDomain): string[] {
    const hasLogoutRule = rules.some((r) => r.source === 'SalesforceLogout');
    return unique([
        ...(domain.omniStatuses ?? []),
        ...staticValuesOf(rules, 'SalesforceStateChange'),
        ...(hasLogoutRule ? [OMNI_OFFLINE] : []),
        ...rules.filter((r) => r.destination === 'SalesforceAgentState').map((r) => r.destinationValue)
    ]).filter((value) => typeof value === 'string' && value.trim() !== '');
}

/** Thresholds, midpoints between neighbours, and one step beyond each end. */
function numericProbes(texts: readonly string[], extra: readonly number[]): number[] {
    const thresholds = [
        ...new Set([...texts.map((t) => Number(t.trim())).filter((n) => Number.isFinite(n)), ...extra])
    ].sort((a, b) => a - b);
    const probes = new Set<number>(thresholds);
    for (let i = 1; i < thresholds.length; i++) {
        probes.add((thresholds[i - 1] + thresholds[i]) / 2);
    }
    if (thresholds.length > 0) {
        probes.add(thresholds[0] - 1);
        probes.add(thresholds[thresholds.length - 1] + 1);
    }
    return [...probes];
}

/** Probe events for one source event type. */
export function probeEvents(
    rules: readonly PresenceSyncRule[],
    source: SourceEvent,
    domain: AnalysisDomain
): PresenceEvent[] {
    switch (source) {
        case 'ConnectStateChange': {
            const states = [...knownConnectStates(rules, domain), OTHER_VALUE];
            // Pairs of new and old state matter only when some rule reads the old state.
            const olds = usesOperand(rules, source, 'ConnectOldState') ? states : [OTHER_VALUE];
            return states.flatMap((newState) =>
                olds.map((oldState) => ({
                    type: source,
                    connectNewState: newState,
                    connectOldState: oldState
                }))
            );
        }
        case 'SalesforceStateChange':
            return [...knownOmniStatuses(rules, domain), OTHER_VALUE].map((status) => ({
                type: source,
                salesforceNewState: status
            }));
        case 'SalesforceLogout':
            return [{ type: source, salesforceNewState: OMNI_OFFLINE }];
        case 'SalesforceWorkAccepted':
            return unique([
                ...(domain.serviceChannels ?? []),
                ...staticValuesOf(rules, source),
                OTHER_VALUE
            ]).map((serviceChannel) => ({ type: source, serviceChannel }));
        case 'SalesforceWorkloadChanged':
            return workloadProbes(staticValuesOf(rules, source), {
                capacity: usesOperand(rules, source, 'SalesforceConfiguredCapacity'),
                previous:
                    usesOperand(rules, source, 'SalesforcePreviousWorkload') ||
                    usesOperand(rules, source, 'SalesforcePreviousWorkloadPct'),
                next:
                    usesOperand(rules, source, 'SalesforceNewWorkload') ||
                    usesOperand(rules, source, 'SalesforceNewWorkloadPct')
            });
        default:
            return [];
    }
}

/*
 * Capacity 100 makes a percentage equal the workload, so one list of numbers reaches every
 * workload and percentage threshold; capacity 0 is the case where percentages are unavailable.
 */
function workloadProbes(
    statics: readonly string[],
    compared: { capacity: boolean; previous: boolean; next: boolean }
): PresenceEvent[] {
    const workloads = numericProbes(statics, [0]);
    // A number no rule reads needs no variety: one value stands for all.
    const previousWorkloads = compared.previous ? workloads : [0];
    const newWorkloads = compared.next ? workloads : [0];
    // 100 and 0 first: if the bound cuts the list, the cases that matter most are in.
    const capacities = compared.capacity
        ? [...new Set([100, 0, ...numericProbes(statics, []).filter((c) => c >= 0)])]
        : [100, 0];
    const events: PresenceEvent[] = [];
    for (const configuredCapacity of capacities) {
        for (const previousWorkload of previousWorkloads) {
            for (const newWorkload of newWorkloads) {
                events.push({
                    type: 'SalesforceWorkloadChanged',
                    previousWorkload,
                    newWorkload,
                    configuredCapacity
                });
                if (events.length >= MAX_WORKLOAD_PROBES) {
                    return events;
                }
            }
        }
    }
    return events;
}
