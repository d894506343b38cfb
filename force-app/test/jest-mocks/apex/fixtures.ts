/**
 * Typed builders for what the org's Apex returns to the components (shapes of
 * `presence-sync/contracts`), filled with the seed's org: presence statuses Available, Busy,
 * Lunch, Working_Phone and Working_Media, the service channels sfdc_phone, sfdc_chat and
 * sfdc_case, and the seed's four-row rule table. Every builder takes overrides so a test
 * states only what it is about.
 *
 * How a component test mocks an Apex method with them:
 *
 * ```ts
 * import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
 * import { buildAgentConfiguration, buildAccessReport } from '../../../../test/jest-mocks/apex/fixtures';
 *
 * // `virtual: true`: the module exists only in the org; Jest must not look for a file.
 * jest.mock(
 *     '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration',
 *     () => ({ default: jest.fn() }),
 *     { virtual: true }
 * );
 *
 * beforeEach(() => {
 *     jest.mocked(getAgentConfiguration).mockResolvedValue(buildAgentConfiguration());
 * });
 *
 * it('explains a missing permission', async () => {
 *     jest.mocked(getAgentConfiguration).mockResolvedValue(
 *         buildAgentConfiguration({ access: buildAccessReport({ missing: ['ViewStatusDeveloperNames'] }) })
 *     );
 *     // …create the element, await a flush, assert on the message…
 * });
 *
 * // A failing call: Apex errors reach LWC as `{ body: { message }, status }`.
 * jest.mocked(getAgentConfiguration).mockRejectedValue(buildApexError('Presence Sync is not set up.'));
 * ```
 *
 * The `@salesforce/apex/...` module types come from `types/apex.d.ts`, so `jest.mocked(fn)`
 * only accepts values of the real return type.
 */
import type { PresenceSyncRule, RuleIssue, TraceEntry } from 'c/presenceSyncEngine';
import type {
    AccessReport,
    AgentConfiguration,
    AssigneeOption,
    AssignmentType,
    LogPage,
    PermissionCheck,
    PermissionName,
    PresenceStatusInfo,
    PresenceSyncSettings,
    RuleBuilderData,
    RuleSet,
    RuleSetAssignment,
    SaveRulesResult,
    ServiceChannelInfo,
    SyncLogEntry,
    WriteLogResult
} from 'presence-sync/contracts';

const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character Salesforce id (the case-safe checksum suffix). */
export function to18(id15: string): string {
    if (id15.length !== 15) {
        throw new Error(`Expected a 15-character id, got "${id15}"`);
    }
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charAt(block * 5 + i);
            if (c >= 'A' && c <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += ID_SUFFIX_CHARS.charAt(bits);
    }
    return id15 + suffix;
}

/** Running numbers an id can carry: ten decimal digits after the key prefix and the pod marker. */
const MAX_ID_NUMBER = 9_999_999_999;

/**
 * A 15-character id with the given key prefix and a readable running number (`a0CHs0000000042`).
 * Ten digits hold every number an emulated org hands out; the ids of 1 to 9,999 are the same as
 * they always were.
 */
function id15(prefix: string, n: number): string {
    if (!Number.isInteger(n) || n < 0 || n > MAX_ID_NUMBER) {
        throw new RangeError(`An id number must be a whole number from 0 to ${MAX_ID_NUMBER}, got ${n}.`);
    }
    return prefix + 'Hs' + String(n).padStart(10, '0');
}

/** An 18-character record id with the given key prefix (e.g. `005` for a user). */
export function fakeId(prefix: string, n: number): string {
    return to18(id15(prefix, n));
}

export const AGENT_USER_ID = fakeId('005', 1);
export const AGENT_USER_NAME = 'Avery Agent';
export const DEFAULT_RULE_SET_ID = fakeId('a0B', 1);

const SEED_STATUSES: ReadonlyArray<[developerName: string, label: string]> = [
    ['Available', 'Available'],
    ['Busy', 'Busy'],
    ['Lunch', 'Lunch'],
    ['Working_Phone', 'Working – Phone'],
    ['Working_Media', 'Working – Media']
];

/** The seed's Omni-Channel presence statuses, with both id lengths. */
export function buildStatuses(): PresenceStatusInfo[] {
    return SEED_STATUSES.map(([developerName, label], i) => {
        const short = id15('0N5', i + 1);
        return { id: to18(short), id15: short, developerName, label };
    });
}

/** The three standard service channels: phone (VoiceCall), chat (LiveChatTranscript), case. */
export function buildServiceChannels(): ServiceChannelInfo[] {
    const channels: Array<Omit<ServiceChannelInfo, 'id'>> = [
        { developerName: 'sfdc_phone', label: 'Phone', relatedEntity: 'VoiceCall', keyPrefix: '0LQ' },
        { developerName: 'sfdc_chat', label: 'Chat', relatedEntity: 'LiveChatTranscript', keyPrefix: '570' },
        { developerName: 'sfdc_case', label: 'Case', relatedEntity: 'Case', keyPrefix: '500' }
    ];
    return channels.map((c, i) => ({ id: fakeId('0N9', i + 1), ...c }));
}

/** Effective settings as an admin would switch them on (the org default is `enabled: false`). */
export function buildSettings(overrides: Partial<PresenceSyncSettings> = {}): PresenceSyncSettings {
    return {
        enabled: true,
        ccpUrl: 'https://presence-sync-demo.my.connect.aws/ccp-v2/',
        onContact: 'queue-next',
        flapMaxChanges: 8,
        flapWindowSeconds: 10,
        logLevel: 'Summary',
        logRetentionDays: 14,
        logSummaryRetentionDays: 1,
        softphone: false,
        loginUrl: null,
        storageAccess: false,
        ...overrides
    };
}

const PERMISSION_TEXT: Record<PermissionName, { label: string; reason: string }> = {
    PresenceSyncRunSync: {
        label: 'Run Presence Sync',
        reason: 'Without the Presence_Sync_Run_Sync custom permission sync stays off for you. Ask your admin for the Presence Sync Agent permission set.'
    },
    PresenceSyncAdministerRules: {
        label: 'Administer Presence Sync rules',
        reason: 'Editing rules needs the Presence_Sync_Administer_Rules custom permission. Ask your admin for the Presence Sync Admin permission set.'
    },
    PresenceSyncViewLogs: {
        label: 'View Presence Sync logs',
        reason: 'Reading sync logs needs the Presence_Sync_View_Logs custom permission. Ask your admin for the Presence Sync Supervisor permission set.'
    },
    ReadRuleObjects: {
        label: 'Read presence sync rules',
        reason: 'You cannot read the Presence Sync Rule objects. Ask your admin for a Presence Sync permission set.'
    },
    ViewStatusDeveloperNames: {
        label: 'View Setup and Configuration or View DeveloperName',
        reason: 'Presence status developer names are hidden without View Setup and Configuration or View DeveloperName. Ask your admin to grant one of them through a permission set.'
    }
};

/**
 * An access report. By default everything is granted; `missing` lists what is not, and each
 * missing check carries the plain-words reason the real Apex returns.
 */
export function buildAccessReport(options: { missing?: PermissionName[] } = {}): AccessReport {
    const missing = new Set(options.missing ?? []);
    const checks: PermissionCheck[] = (Object.keys(PERMISSION_TEXT) as PermissionName[]).map((name) => ({
        name,
        label: PERMISSION_TEXT[name].label,
        granted: !missing.has(name),
        reason: missing.has(name) ? PERMISSION_TEXT[name].reason : null
    }));
    const granted = (name: PermissionName): boolean => !missing.has(name);
    return {
        canRunSync: granted('PresenceSyncRunSync') && granted('ReadRuleObjects'),
        canAdministerRules: granted('PresenceSyncAdministerRules') && granted('ReadRuleObjects'),
        canViewLogs: granted('PresenceSyncViewLogs'),
        canReadStatusDeveloperNames: granted('ViewStatusDeveloperNames'),
        checks
    };
}

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

/** What getAgentConfiguration returns for an enabled agent on the default rule set. */
export function buildAgentConfiguration(overrides: Partial<AgentConfiguration> = {}): AgentConfiguration {
    const ruleSet = buildRuleSet();
    return {
        userId: AGENT_USER_ID,
        userName: AGENT_USER_NAME,
        syncEnabled: true,
        settings: buildSettings(),
        ruleSet: {
            id: ruleSet.id,
            name: ruleSet.name,
            assignedThrough: 'Default',
            activeRuleCount: 4,
            ruleCount: 4
        },
        rules: buildSeedRules(ruleSet.id),
        statuses: buildStatuses(),
        serviceChannels: buildServiceChannels(),
        access: buildAccessReport(),
        debugUntil: null,
        debugSetAt: null,
        liveUpdates: true,
        ...overrides
    };
}

/** Connect state names the admin keeps for the builder's pick lists (Setup: Presence Sync Settings). */
export const SEED_CONNECT_STATES: readonly string[] = [
    'Available',
    'Offline',
    'Lunch',
    'Working - Phone',
    'Working - Media'
];

/** What getRuleBuilderData returns to an admin. */
export function buildRuleBuilderData(overrides: Partial<RuleBuilderData> = {}): RuleBuilderData {
    return {
        access: buildAccessReport(),
        readOnlyReason: null,
        ruleSets: buildRuleSets(),
        statuses: buildStatuses(),
        serviceChannels: buildServiceChannels(),
        connectStates: [...SEED_CONNECT_STATES],
        settings: buildSettings(),
        ...overrides
    };
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

/** One correlated sync: a Connect change that set Omni-Channel to Lunch. Oldest first. */
export function buildTraceEntries(startAt = Date.UTC(2026, 10, 21, 9, 30, 0, 125)): TraceEntry[] {
    const correlationId = 'tab1-17';
    return [
        {
            at: startAt,
            seq: 41,
            correlationId,
            step: 'event-received',
            level: 'info',
            eventType: 'ConnectStateChange',
            side: 'connect',
            connectState: 'Lunch',
            omniStatus: 'Available',
            event: { type: 'ConnectStateChange', connectOldState: 'Available', connectNewState: 'Lunch' }
        },
        {
            at: startAt + 1,
            seq: 42,
            correlationId,
            step: 'rules-evaluated',
            level: 'info',
            eventType: 'ConnectStateChange',
            matchedRuleIds: [fakeId('a0C', 5)]
        },
        {
            at: startAt + 1,
            seq: 43,
            correlationId,
            step: 'decision',
            level: 'info',
            ruleId: fakeId('a0C', 5),
            ruleName: 'Connect Lunch sets Omni-Channel Lunch',
            destination: 'SalesforceAgentState',
            value: 'Lunch'
        },
        {
            at: startAt + 2,
            seq: 44,
            correlationId,
            step: 'call-issued',
            level: 'info',
            side: 'omni',
            destination: 'SalesforceAgentState',
            value: 'Lunch'
        },
        {
            at: startAt + 187,
            seq: 45,
            correlationId,
            step: 'call-result',
            level: 'info',
            side: 'omni',
            destination: 'SalesforceAgentState',
            value: 'Lunch',
            result: 'success',
            latencyMs: 185,
            connectState: 'Lunch',
            omniStatus: 'Lunch'
        }
    ];
}

/** A trace entry as stored in the org (who and which tab). */
export function buildSyncLogEntry(
    entry: TraceEntry,
    n: number,
    overrides: Partial<SyncLogEntry> = {}
): SyncLogEntry {
    return {
        ...entry,
        id: fakeId('a0E', n),
        userId: AGENT_USER_ID,
        userName: AGENT_USER_NAME,
        tabId: 'tab1',
        ...overrides
    };
}

/** A readLogs page: newest first, as the server orders it. */
export function buildLogPage(overrides: Partial<LogPage> = {}): LogPage {
    const entries = buildTraceEntries()
        .map((entry, i) => buildSyncLogEntry(entry, i + 1))
        .reverse();
    return {
        entries,
        nextPageToken: null,
        retentionDays: 14,
        summaryRetentionDays: 1,
        canPurge: false,
        agentState: {
            userId: AGENT_USER_ID,
            debugUntil: null,
            debugSetAt: null,
            debugSetBy: null,
            droppedEntries: 0,
            lastDroppedAt: null,
            lastHeartbeat: null
        },
        ...overrides
    };
}

export function buildWriteLogResult(overrides: Partial<WriteLogResult> = {}): WriteLogResult {
    return { accepted: 5, dropped: 0, debugUntil: null, debugSetAt: null, ...overrides };
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

/** The error object LWC receives when an @AuraEnabled method throws an AuraHandledException. */
export function buildApexError(message: string, status = 500): { status: number; body: { message: string } } {
    return { status, body: { message } };
}
