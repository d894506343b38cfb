import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type {
    Operand,
    PresenceEvent,
    PresenceSyncRule,
    SourceEvent,
    WorkloadField
} from 'c/presenceSyncEngine';
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
            return workloadProbes(rules);
        default:
            return [];
    }
}

/** The numbers of one kind of work in a workload event, and the operands that read them. */
interface WorkloadFamily {
    fields: { previous: WorkloadField; next: WorkloadField; capacity: WorkloadField };
    operands: { previous: readonly Operand[]; next: readonly Operand[]; capacity: readonly Operand[] };
    /** Whether Omni-Channel may leave the fields out (orgs that route no such work). */
    optional: boolean;
}

type WorkloadNumbers = Partial<Record<WorkloadField, number>>;

const PRIMARY: WorkloadFamily = {
    fields: { previous: 'previousWorkload', next: 'newWorkload', capacity: 'configuredCapacity' },
    operands: {
        previous: ['SalesforcePreviousWorkload', 'SalesforcePreviousWorkloadPct'],
        next: ['SalesforceNewWorkload', 'SalesforceNewWorkloadPct'],
        capacity: ['SalesforceConfiguredCapacity']
    },
    optional: false
};

const INTERRUPTIBLE: WorkloadFamily = {
    fields: {
        previous: 'previousInterruptibleWorkload',
        next: 'newInterruptibleWorkload',
        capacity: 'configuredInterruptibleCapacity'
    },
    operands: {
        previous: ['SalesforcePreviousInterruptibleWorkload', 'SalesforcePreviousInterruptibleWorkloadPct'],
        next: ['SalesforceNewInterruptibleWorkload', 'SalesforceNewInterruptibleWorkloadPct'],
        capacity: ['SalesforceConfiguredInterruptibleCapacity']
    },
    optional: true
};

function familyOperands(family: WorkloadFamily): Operand[] {
    return [...family.operands.previous, ...family.operands.next, ...family.operands.capacity];
}

/** Workload rules whose criterion reads an operand of the family. */
function rulesReading(rules: readonly PresenceSyncRule[], family: WorkloadFamily): PresenceSyncRule[] {
    const operands = familyOperands(family);
    return rules.filter(
        (r) =>
            r.source === 'SalesforceWorkloadChanged' &&
            (operands.includes(r.operandA) || operands.includes(r.operandB))
    );
}

/*
 * Capacity 100 makes a percentage equal the workload, so one list of numbers reaches every
 * workload and percentage threshold; capacity 0 is the case where percentages are unavailable.
 * Each family is probed with the thresholds of the rules that read it; a family no rule reads
 * needs one combination only (and an optional family none at all: its fields are left out).
 */
function familyCombinations(rules: readonly PresenceSyncRule[], family: WorkloadFamily): WorkloadNumbers[] {
    const reading = rulesReading(rules, family);
    if (reading.length === 0) {
        return family.optional
            ? [{}]
            : [{ [family.fields.previous]: 0, [family.fields.next]: 0, [family.fields.capacity]: 100 }];
    }
    const statics = staticValuesOf(reading, 'SalesforceWorkloadChanged');
    const reads = (operands: readonly Operand[]) =>
        operands.some((operand) => usesOperand(reading, 'SalesforceWorkloadChanged', operand));
    const workloads = numericProbes(statics, [0]);
    // A number no rule reads needs no variety: one value stands for all.
    const previous = reads(family.operands.previous) ? workloads : [0];
    const next = reads(family.operands.next) ? workloads : [0];
    // 100 and 0 first: they are the cases that matter most.
    const capacities = reads(family.operands.capacity)
        ? [...new Set([100, 0, ...numericProbes(statics, []).filter((c) => c >= 0)])]
        : [100, 0];
    const combinations: WorkloadNumbers[] = family.optional ? [{}] : [];
    for (const capacity of capacities) {
        for (const before of previous) {
            for (const after of next) {
                combinations.push({
                    [family.fields.previous]: before,
                    [family.fields.next]: after,
                    [family.fields.capacity]: capacity
                });
            }
        }
    }
    return combinations;
}

/**
 * Every combination of the primary and the interruptible numbers, so a rule on one kind of work
 * is weighed against rules on the other. Should that product pass MAX_WORKLOAD_PROBES, each
 * family's combinations are tried with the other family's first one instead: every rule's own
 * cases are still reached, only the interplay of many thresholds of both kinds is sampled.
 */
function workloadProbes(rules: readonly PresenceSyncRule[]): PresenceEvent[] {
    const primary = familyCombinations(rules, PRIMARY);
    const interruptible = familyCombinations(rules, INTERRUPTIBLE);
    const pairs: [WorkloadNumbers, WorkloadNumbers][] =
        primary.length * interruptible.length <= MAX_WORKLOAD_PROBES
            ? primary.flatMap((p) => interruptible.map((i): [WorkloadNumbers, WorkloadNumbers] => [p, i]))
            : [
                  ...primary.map((p): [WorkloadNumbers, WorkloadNumbers] => [p, interruptible[0]]),
                  ...interruptible.slice(1).map((i): [WorkloadNumbers, WorkloadNumbers] => [primary[0], i])
              ];
    return pairs
        .slice(0, MAX_WORKLOAD_PROBES)
        .map(([p, i]) => ({ type: 'SalesforceWorkloadChanged', ...p, ...i }));
}
