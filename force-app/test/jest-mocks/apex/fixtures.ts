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
import type { TraceEntry } from 'c/presenceSyncEngine';
import type {
    AccessReport,
    AgentConfiguration,
    AgentLogState,
    LogPage,
    PermissionCheck,
    PermissionName,
    NamedPresenceStatus,
    PresenceSyncSettings,
    RuleBuilderData,
    ServiceChannelInfo,
    SyncLogEntry,
    WriteLogResult
} from 'presence-sync/contracts';
import { AGENT_USER_ID, AGENT_USER_NAME, fakeId, id15, to18 } from './fixtureIds';
import { buildRuleSet, buildRuleSets, buildSeedRules } from './ruleFixtures';

export * from './fixtureIds';
export * from './ruleFixtures';

const SEED_STATUSES: ReadonlyArray<[developerName: string, label: string]> = [
    ['Available', 'Available'],
    ['Busy', 'Busy'],
    ['Lunch', 'Lunch'],
    ['Working_Phone', 'Working – Phone'],
    ['Working_Media', 'Working – Media']
];

/** The seed's Omni-Channel presence statuses, with both id lengths. */
export function buildStatuses(): NamedPresenceStatus[] {
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
/** The agent's log state as the org keeps it: no debug window, nothing dropped, never heard from. */
export function buildAgentLogState(overrides: Partial<AgentLogState> = {}): AgentLogState {
    return {
        userId: AGENT_USER_ID,
        debugUntil: null,
        debugSetAt: null,
        debugSetBy: null,
        droppedEntries: 0,
        lastDroppedAt: null,
        lastHeartbeat: null,
        ...overrides
    };
}

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
        agentState: buildAgentLogState(),
        ...overrides
    };
}

export function buildWriteLogResult(overrides: Partial<WriteLogResult> = {}): WriteLogResult {
    return { accepted: 5, dropped: 0, debugUntil: null, debugSetAt: null, ...overrides };
}

/** The error object LWC receives when an @AuraEnabled method throws an AuraHandledException. */
export function buildApexError(message: string, status = 500): { status: number; body: { message: string } } {
    return { status, body: { message } };
}
