import { isConnectSystemState } from './ruleCatalog';
import type { PresenceSyncRule, RuleIssue, StateMapping } from './types';
import { issue, isBlank, labelList, shown } from './validateRule';
import { MAPPING_TYPE_LABELS, OMNI_OFFLINE } from './vocabulary';
import type { MappingType } from './vocabulary';

/**
 * Status tables ("this Connect state is that Omni-Channel status") and the rules they stand for.
 * A Publisher row reacts to Connect and sets Omni-Channel, a Subscriber row the other way round,
 * a BiDirectional row both.
 */

/** The rule object's Name field holds 80 characters. */
const NAME_LIMIT = 80;

function ruleName(text: string): string {
    return text.length <= NAME_LIMIT ? text : `${text.slice(0, NAME_LIMIT - 3)}...`;
}

function isMappingType(value: unknown): value is MappingType {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MAPPING_TYPE_LABELS, value);
}

/** The id a row's rules carry in `mappingId`: its own id, else its 1-based position. */
function mappingIdOf(mapping: StateMapping, index: number): string {
    return typeof mapping.id === 'string' && mapping.id !== '' ? mapping.id : `mapping-${index + 1}`;
}

/**
 * The rules of one row. Ids are `<mappingId>:publisher`, `:subscriber` and `:logout`; every rule
 * gets order (index + 1) × 10, so a table's rules keep the table's order. A Subscriber side for
 * the Omni status Offline also reacts to an Omni-Channel logout, which reports no status change.
 * A row that validateMapping rejects still expands; validateRule then names the bad rule.
 */
export function expandMapping(mapping: StateMapping, index = 0, ruleSetId?: unknown): PresenceSyncRule[] {
    // Also callable as rows.map(expandMapping): the array then arrives as the third argument.
    const position = Number.isInteger(index) && index >= 0 ? index : 0;
    const mappingId = mappingIdOf(mapping, position);
    const connect = mapping.connectState;
    const omni = mapping.salesforceStatus;
    const order = (position + 1) * 10;
    const common = {
        active: true,
        order,
        comparator: 'Equal' as const,
        operandB: 'StaticValue' as const,
        mappingId
    };
    const extra = typeof ruleSetId === 'string' ? { ruleSetId } : {};
    const rules: PresenceSyncRule[] = [];
    if (mapping.type === 'Publisher' || mapping.type === 'BiDirectional') {
        rules.push({
            id: `${mappingId}:publisher`,
            name: ruleName(`Connect ${connect} to Omni ${omni}`),
            ...common,
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            operandBValue: connect,
            destination: 'SalesforceAgentState',
            destinationValue: omni,
            ...extra
        });
    }
    if (mapping.type === 'Subscriber' || mapping.type === 'BiDirectional') {
        const subscriber = {
            name: ruleName(`Omni ${omni} to Connect ${connect}`),
            ...common,
            operandA: 'SalesforceNewState' as const,
            operandBValue: omni,
            destination: 'ConnectAgentState' as const,
            destinationValue: connect,
            ...extra
        };
        rules.push({ id: `${mappingId}:subscriber`, source: 'SalesforceStateChange', ...subscriber });
        if (omni === OMNI_OFFLINE) {
            rules.push({
                id: `${mappingId}:logout`,
                source: 'SalesforceLogout',
                ...subscriber,
                name: ruleName(`Omni logout to Connect ${connect}`)
            });
        }
    }
    return rules;
}

/** The rules of a whole status table, in table order. */
export function expandMappings(mappings: readonly StateMapping[], ruleSetId?: string): PresenceSyncRule[] {
    return mappings.flatMap((mapping, index) => expandMapping(mapping, index, ruleSetId));
}

/**
 * Problems with one row, naming the StateMapping field to fix. A Subscriber or BiDirectional row
 * whose Connect state is a system state (Busy, AfterCallWork, …) is an error: only Connect can
 * enter those states; as a Publisher row the same state is fine.
 */
export function validateMapping(mapping: unknown): RuleIssue[] {
    const m = (typeof mapping === 'object' && mapping !== null ? mapping : {}) as Partial<
        Record<keyof StateMapping, unknown>
    >;
    const issues: RuleIssue[] = [];
    if (isBlank(m.connectState)) {
        issues.push(issue('connectState', 'mappingConnectStateMissing'));
    }
    if (isBlank(m.salesforceStatus)) {
        issues.push(issue('salesforceStatus', 'mappingStatusMissing'));
    }
    if (!isMappingType(m.type)) {
        issues.push(
            issue('type', 'mappingTypeUnknown', {
                value: shown(m.type),
                choices: labelList(MAPPING_TYPE_LABELS)
            })
        );
    } else if (
        m.type !== 'Publisher' &&
        typeof m.connectState === 'string' &&
        isConnectSystemState(m.connectState)
    ) {
        issues.push(
            issue('connectState', 'mappingSystemState', {
                value: m.connectState,
                type: MAPPING_TYPE_LABELS[m.type]
            })
        );
    }
    return issues;
}

/** The seed's example status table (Amazon CTI Adapter documentation), as four rows. */
export const SEED_EXAMPLE_MAPPINGS: readonly StateMapping[] = Object.freeze([
    Object.freeze({
        id: 'seed-1',
        connectState: 'Available',
        salesforceStatus: 'Available',
        type: 'Publisher' as const
    }),
    Object.freeze({
        id: 'seed-2',
        connectState: 'Available',
        salesforceStatus: 'Available',
        type: 'Subscriber' as const
    }),
    Object.freeze({
        id: 'seed-3',
        connectState: 'Working - Phone',
        salesforceStatus: 'Working_Phone',
        type: 'Publisher' as const
    }),
    Object.freeze({
        id: 'seed-4',
        connectState: 'Working - Media',
        salesforceStatus: 'Working_Media',
        type: 'Subscriber' as const
    })
]);
