/** Rules, rule sets and their assignments as the rule builder's Apex returns them (see fixtures.ts). */
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import type {
    AssigneeOption,
    AssignmentType,
    RuleSet,
    RuleSetAssignment,
    SaveRulesResult
} from 'presence-sync/contracts';
import { AGENT_USER_NAME, DEFAULT_RULE_SET_ID, fakeId } from './fixtureIds';

/** The seed's four-row example table as rules, in order, all active. */
export function buildSeedRules(ruleSetId: string = DEFAULT_RULE_SET_ID): PresenceSyncRule[] {
    const rows: Array<Omit<PresenceSyncRule, 'id' | 'order' | 'active' | 'ruleSetId'>> = [
        {
            name: 'Connect Available sets Omni-Channel Available',
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Available',
            destination: 'SalesforceAgentState',
            destinationValue: 'Available'
        },
        {
            name: 'Omni-Channel Available sets Connect Available',
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Available',
            destination: 'ConnectAgentState',
            destinationValue: 'Available'
        },
        {
            name: 'Connect Working - Phone sets Omni-Channel Working – Phone',
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Working - Phone',
            destination: 'SalesforceAgentState',
            destinationValue: 'Working_Phone'
        },
        {
            name: 'Omni-Channel Working – Media sets Connect Working - Media',
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Working_Media',
            destination: 'ConnectAgentState',
            destinationValue: 'Working - Media'
        }
    ];
    return rows.map((row, i) => ({
        id: fakeId('a0C', i + 1),
        active: true,
        order: i + 1,
        ruleSetId,
        ...row
    }));
}

/** One rule with sensible values; override what the test is about. */
export function buildRule(overrides: Partial<PresenceSyncRule> = {}): PresenceSyncRule {
    return { ...buildSeedRules()[0], ...overrides };
}

export function buildAssignment(overrides: Partial<RuleSetAssignment> = {}): RuleSetAssignment {
    return {
        id: fakeId('a0D', 1),
        ruleSetId: fakeId('a0B', 2),
        type: 'Group',
        targetId: fakeId('00G', 1),
        targetName: 'Phone Team',
        ...overrides
    };
}

/** The org-wide default rule set (no assignments). */
export function buildRuleSet(overrides: Partial<RuleSet> = {}): RuleSet {
    return {
        id: DEFAULT_RULE_SET_ID,
        name: 'Default presence sync rules',
        description: 'Applies to every agent without a more specific assignment.',
        isDefault: true,
        assignments: [],
        ...overrides
    };
}

/** The default rule set plus a team rule set assigned to the Phone Team group and one user. */
export function buildRuleSets(): RuleSet[] {
    const teamId = fakeId('a0B', 2);
    return [
        buildRuleSet(),
        buildRuleSet({
            id: teamId,
            name: 'Phone team',
            description: 'Phone-first agents: Connect leads.',
            isDefault: false,
            assignments: [
                buildAssignment({ id: fakeId('a0D', 1), ruleSetId: teamId }),
                buildAssignment({
                    id: fakeId('a0D', 2),
                    ruleSetId: teamId,
                    type: 'User',
                    targetId: fakeId('005', 2),
                    targetName: 'Blake Backup'
                })
            ]
        })
    ];
}

/**
 * A saveRules answer. By default every given rule is saved; client-side ids that are not
 * record ids get record ids, as the server assigns them on insert.
 */
export function buildSaveRulesResult(
    options: {
        saved?: PresenceSyncRule[];
        rejected?: Array<{ id: string; issues: RuleIssue[]; position?: number; name?: string }>;
    } = {}
): SaveRulesResult {
    let next = 100;
    const saved = (options.saved ?? buildSeedRules()).map((rule) =>
        /^[a-zA-Z0-9]{18}$/.test(rule.id) ? rule : { ...rule, id: fakeId('a0C', next++) }
    );
    const rejected = (options.rejected ?? []).map((r, i) => ({
        position: i + 1,
        name: '(no name)',
        ...r
    }));
    // All or nothing, as the org saves: a refused rule means nothing was saved.
    return { saved: rejected.length > 0 ? [] : saved, rejected };
}

/** searchAssignees / searchAgents answers for one assignment type. */
export function buildAssigneeOptions(type: AssignmentType = 'User'): AssigneeOption[] {
    const byType: Record<AssignmentType, Array<[prefix: string, name: string]>> = {
        User: [
            ['005', AGENT_USER_NAME],
            ['005', 'Blake Backup']
        ],
        Group: [
            ['00G', 'Phone Team'],
            ['00G', 'Chat Team']
        ],
        PermissionSet: [['0PS', 'Presence Sync Agent']],
        Profile: [['00e', 'Custom: Support Profile']]
    };
    return byType[type].map(([prefix, name], i) => ({ id: fakeId(prefix, i + 1), name, type }));
}
