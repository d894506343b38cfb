import {
    destinationPlatform,
    isComparator,
    isConnectSystemState,
    isDestination,
    isOperand,
    isSourceEvent,
    NUMERIC_OPERANDS,
    OPERAND_SOURCES,
    ORDERING_COMPARATORS,
    parseStaticNumber,
    sourcePlatform
} from './ruleCatalog';
import { formatRuleIssue } from './ruleIssueMessages';
import type { RuleIssueCode, RuleIssueParams } from './ruleIssueMessages';
import type { PresenceSyncRule, RuleIssue } from './types';
import {
    COMPARATOR_LABELS,
    DESTINATION_LABELS,
    OPERAND_LABELS,
    OMNI_OFFLINE,
    SOURCE_EVENT_LABELS
} from './vocabulary';
import type { Comparator, Operand, SourceEvent } from './vocabulary';

type RuleFields = Partial<Record<keyof PresenceSyncRule, unknown>>;

export function issue(field: string, code: RuleIssueCode, params?: RuleIssueParams): RuleIssue {
    return { field, code, message: formatRuleIssue(code, params) };
}

export function labelList(labels: Record<string, string>): string {
    return Object.values(labels).join(', ');
}

/** How an unexpected value reads inside a message. */
export function shown(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        return String(value);
    }
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return Object.prototype.toString.call(value);
    }
}

export function isBlank(value: unknown): boolean {
    return typeof value !== 'string' || value.trim() === '';
}

function isAbsent(value: unknown): boolean {
    return value === undefined || value === null || value === '';
}

interface SideView {
    field: 'operandA' | 'operandB';
    valueField: 'operandAValue' | 'operandBValue';
    label: string;
    operand: unknown;
    value: unknown;
}

function sidesOf(r: RuleFields): [SideView, SideView] {
    return [
        {
            field: 'operandA',
            valueField: 'operandAValue',
            label: 'Operand A',
            operand: r.operandA,
            value: r.operandAValue
        },
        {
            field: 'operandB',
            valueField: 'operandBValue',
            label: 'Operand B',
            operand: r.operandB,
            value: r.operandBValue
        }
    ];
}

function operandChoices(source: SourceEvent | undefined): string {
    const operands = Object.keys(OPERAND_LABELS) as Operand[];
    const allowed = source
        ? operands.filter((operand) => OPERAND_SOURCES[operand].includes(source))
        : operands;
    return allowed.map((operand) => OPERAND_LABELS[operand]).join(', ');
}

function checkSide(side: SideView, source: SourceEvent | undefined, issues: RuleIssue[]): void {
    if (isAbsent(side.operand)) {
        issues.push(
            issue(side.field, 'operandMissing', { side: side.label, choices: operandChoices(source) })
        );
        return;
    }
    if (!isOperand(side.operand)) {
        issues.push(
            issue(side.field, 'operandUnknown', {
                side: side.label,
                value: shown(side.operand),
                choices: operandChoices(source)
            })
        );
        return;
    }
    if (side.operand === 'StaticValue' && isBlank(side.value)) {
        issues.push(issue(side.valueField, 'staticValueMissing', { side: side.label }));
    }
    if (source && !OPERAND_SOURCES[side.operand].includes(source)) {
        issues.push(
            issue(side.field, 'operandNotInSource', {
                side: side.label,
                operand: OPERAND_LABELS[side.operand],
                source: SOURCE_EVENT_LABELS[source],
                choices: operandChoices(source)
            })
        );
    }
}

/** True when the side is known and can never hold a number (text operands, non-numeric static text). */
function neverNumber(side: SideView): boolean {
    if (!isOperand(side.operand)) {
        return false;
    }
    if (side.operand === 'StaticValue') {
        return (
            typeof side.value === 'string' &&
            side.value.trim() !== '' &&
            parseStaticNumber(side.value) === undefined
        );
    }
    return !NUMERIC_OPERANDS.has(side.operand);
}

function checkNumbers(comparator: Comparator, sides: SideView[], issues: RuleIssue[]): void {
    if (!ORDERING_COMPARATORS.has(comparator)) {
        return;
    }
    const textSide = sides.find(neverNumber);
    if (textSide) {
        issues.push(
            issue('comparator', 'comparatorNeedsNumbers', {
                comparator: COMPARATOR_LABELS[comparator],
                side: textSide.label,
                operand:
                    textSide.operand === 'StaticValue'
                        ? shown(textSide.value)
                        : OPERAND_LABELS[textSide.operand as Operand]
            })
        );
    }
}

/** What a destination sets, in words, for the destinationValueMissing message. */
function destinationTarget(destination: unknown): string {
    if (destination === 'SalesforceAgentState') {
        return 'Omni-Channel presence status';
    }
    if (destination === 'ConnectAgentState') {
        return 'Amazon Connect agent state';
    }
    return 'Omni-Channel presence status or Amazon Connect agent state';
}

/**
 * A logout leaves Omni-Channel Offline and nothing else is known, so the only meaningful criterion
 * is SalesforceNewState Equal the static value Offline (either way round). The issue points at
 * the field that has to change.
 */
function checkLogout(r: RuleFields, sides: SideView[], issues: RuleIssue[]): void {
    const [a, b] = sides;
    const state = a.operand === 'SalesforceNewState' ? a : b.operand === 'SalesforceNewState' ? b : undefined;
    const other = state === a ? b : a;
    let field: string | undefined;
    if (!state || other.operand !== 'StaticValue') {
        field = state ? other.field : 'operandA';
    } else if (r.comparator !== 'Equal') {
        field = 'comparator';
    } else if (other.value !== OMNI_OFFLINE) {
        field = other.valueField;
    }
    if (field) {
        issues.push(issue(field, 'logoutNeedsOffline'));
    }
}

function checkBasics(r: RuleFields, issues: RuleIssue[]): void {
    if (isBlank(r.name)) {
        issues.push(issue('name', 'nameMissing'));
    }
    if (typeof r.active !== 'boolean') {
        issues.push(issue('active', 'activeMissing'));
    }
    if (typeof r.order !== 'number' || !Number.isFinite(r.order)) {
        issues.push(issue('order', 'orderMissing'));
    }
}

/** The rule's source event, when it is one. */
function checkSource(r: RuleFields, issues: RuleIssue[]): SourceEvent | undefined {
    const choices = labelList(SOURCE_EVENT_LABELS);
    if (isAbsent(r.source)) {
        issues.push(issue('source', 'sourceMissing', { choices }));
        return undefined;
    }
    if (!isSourceEvent(r.source)) {
        issues.push(issue('source', 'sourceUnknown', { value: shown(r.source), choices }));
        return undefined;
    }
    return r.source;
}

/** Operands and comparator; true when the criterion is sound. */
function checkCriterion(
    r: RuleFields,
    sides: SideView[],
    source: SourceEvent | undefined,
    issues: RuleIssue[]
): boolean {
    const before = issues.length;
    for (const side of sides) {
        checkSide(side, source, issues);
    }
    const choices = labelList(COMPARATOR_LABELS);
    if (isAbsent(r.comparator)) {
        issues.push(issue('comparator', 'comparatorMissing', { choices }));
    } else if (!isComparator(r.comparator)) {
        issues.push(issue('comparator', 'comparatorUnknown', { value: shown(r.comparator), choices }));
    } else {
        checkNumbers(r.comparator, sides, issues);
    }
    return issues.length === before;
}

function checkDestination(r: RuleFields, source: SourceEvent | undefined, issues: RuleIssue[]): void {
    const choices = labelList(DESTINATION_LABELS);
    if (isAbsent(r.destination)) {
        issues.push(issue('destination', 'destinationMissing', { choices }));
    } else if (!isDestination(r.destination)) {
        issues.push(issue('destination', 'destinationUnknown', { value: shown(r.destination), choices }));
    } else if (source && destinationPlatform(r.destination) === sourcePlatform(source)) {
        const suggested =
            r.destination === 'ConnectAgentState' ? 'SalesforceAgentState' : 'ConnectAgentState';
        issues.push(
            issue('destination', 'destinationSamePlatform', {
                source: SOURCE_EVENT_LABELS[source],
                destination: DESTINATION_LABELS[r.destination],
                suggested: DESTINATION_LABELS[suggested]
            })
        );
    }
    if (isBlank(r.destinationValue)) {
        issues.push(
            issue('destinationValue', 'destinationValueMissing', { target: destinationTarget(r.destination) })
        );
    } else if (r.destination === 'ConnectAgentState' && isConnectSystemState(r.destinationValue as string)) {
        issues.push(
            issue('destinationValue', 'destinationSystemState', { value: r.destinationValue as string })
        );
    }
}

/**
 * Everything wrong with a rule, one issue per problem, each naming the field to fix. Empty for a
 * sound rule. Never throws, whatever it is given (a non-object reads as an empty rule).
 */
export function validateRule(rule: unknown): RuleIssue[] {
    const issues: RuleIssue[] = [];
    try {
        const r: RuleFields = typeof rule === 'object' && rule !== null ? (rule as RuleFields) : {};
        checkBasics(r, issues);
        const source = checkSource(r, issues);
        const sides = sidesOf(r);
        const criterionSound = checkCriterion(r, sides, source, issues);
        checkDestination(r, source, issues);
        if (source === 'SalesforceLogout' && criterionSound) {
            checkLogout(r, sides, issues);
        }
    } catch {
        // Only a hostile object (throwing getters) gets here; what was found so far still helps.
    }
    return issues;
}
