/**
 * Shapes exchanged between the components and the org's Apex (and the workbench's emulated
 * org, which serves the same contracts). Apex returns these as JSON-serialised objects.
 * Type-only: import with `import type { … } from 'presence-sync/contracts'`.
 */
import type { PresenceSyncRule, RuleIssue } from 'c/presenceSyncEngine';
import type { TraceEntry } from 'c/presenceSyncEngine';

/**
 * `Summary` (the default): one entry per sync, every step of the syncs that went wrong; `All`:
 * every step of every sync; `Errors`: only the syncs with a warning or an error; `Off`: nothing.
 */
export type LogLevelSetting = 'Off' | 'Errors' | 'Summary' | 'All';
export type OnContactSetting = 'queue-next' | 'skip';

/** The hierarchy custom setting Presence_Sync_Settings__c, as the effective values for the running user. */
export interface PresenceSyncSettings {
    enabled: boolean;
    ccpUrl: string | null;
    onContact: OnContactSetting;
    flapMaxChanges: number;
    flapWindowSeconds: number;
    logLevel: LogLevelSetting;
    /** Days the steps of syncs that went wrong, and of live debugging, are kept (org-wide). */
    logRetentionDays: number;
    /** Days sync summaries are kept (org-wide): shorter, as they are most of the log's rows. */
    logSummaryRetentionDays: number;
    /** The utility's CCP is the agent's softphone (call audio, ringtones); otherwise it runs audio-free. */
    softphone: boolean;
    /** The instance's SAML sign-in URL (Streams' `loginUrl`); null signs in at the CCP URL. */
    loginUrl: string | null;
    /** Ask the browser for storage access for Amazon Connect (browsers that block third-party cookies). */
    storageAccess: boolean;
}

export interface PresenceStatusInfo {
    /** 18-character id. */
    id: string;
    id15: string;
    /**
     * Null when the running user may not see developer names (neither View Setup and
     * Configuration nor View DeveloperName): the status is then known by id and label only.
     */
    developerName: string | null;
    label: string;
}

/** A status as an org with developer names shows it: what rules can name. */
export interface NamedPresenceStatus extends PresenceStatusInfo {
    developerName: string;
}

export interface ServiceChannelInfo {
    id: string;
    developerName: string;
    label: string;
    /** API name of the object whose work the channel routes, e.g. `Case`. */
    relatedEntity: string;
    /** Key prefix of that object (first 3 characters of its ids), null when unknown. */
    keyPrefix: string | null;
}

export type PermissionName =
    | 'PresenceSyncRunSync'
    | 'PresenceSyncAdministerRules'
    | 'PresenceSyncViewLogs'
    | 'ReadRuleObjects'
    | 'ViewStatusDeveloperNames';

export interface PermissionCheck {
    name: PermissionName;
    label: string;
    granted: boolean;
    /** Plain words: why it matters and how to grant it (only set when not granted). */
    reason: string | null;
}

export interface AccessReport {
    canRunSync: boolean;
    canAdministerRules: boolean;
    canViewLogs: boolean;
    canReadStatusDeveloperNames: boolean;
    checks: PermissionCheck[];
}

export type AssignmentType = 'User' | 'Group' | 'PermissionSet' | 'Profile';

export interface RuleSetAssignment {
    id: string | null;
    ruleSetId: string;
    type: AssignmentType;
    targetId: string;
    targetName: string;
}

/** A rule group: owns rules and says whom they apply to. */
export interface RuleSet {
    id: string;
    name: string;
    description: string | null;
    /** The org-wide default: applies to everyone without a more specific assignment. */
    isDefault: boolean;
    assignments: RuleSetAssignment[];
}

/** The rule set an agent gets, how it was reached, and how many rules it holds. */
export interface RuleSetRef {
    id: string;
    name: string;
    assignedThrough: AssignmentType | 'Default';
    /** Its active rules (the agent's `rules`): 0 means sync does nothing for this agent. */
    activeRuleCount: number;
    /** All its rules, active or not. */
    ruleCount: number;
}

/** Everything the agent component needs, in one Apex call. */
export interface AgentConfiguration {
    userId: string;
    userName: string;
    /** Settings say enabled AND the user may run sync. */
    syncEnabled: boolean;
    settings: PresenceSyncSettings;
    /** The rule set that applies to the user after precedence, with how it was reached. */
    ruleSet: RuleSetRef | null;
    /** Active rules of that rule set, in order. */
    rules: PresenceSyncRule[];
    statuses: PresenceStatusInfo[];
    serviceChannels: ServiceChannelInfo[];
    access: AccessReport;
    /** Live debugging of this agent: every step until this time (ms), null when never debugged. */
    debugUntil?: number | null;
    /** When a supervisor last started or stopped it (ms). */
    debugSetAt?: number | null;
    /**
     * Whether the agent's component may hold a streaming (empApi) connection: false once the org
     * uses half of its concurrent streaming clients, so that other apps keep theirs.
     */
    liveUpdates?: boolean;
}

export interface RuleBuilderData {
    access: AccessReport;
    /** Null when the user may edit; otherwise why the builder is read-only. */
    readOnlyReason: string | null;
    ruleSets: RuleSet[];
    statuses: PresenceStatusInfo[];
    serviceChannels: ServiceChannelInfo[];
    /** Connect state names the admin maintains for pick lists. */
    connectStates: string[];
    /** The org default settings (no profile or user override): the dry run simulates with them. */
    settings: PresenceSyncSettings;
}

export interface RejectedRule {
    id: string;
    /** 1-based position of the rule in the request's list. */
    position: number;
    /** The rule's name as sent, or "(no name)". */
    name: string;
    issues: RuleIssue[];
}

/** What deleting a rule set did (PresenceSyncRuleController.deleteRuleSet). */
export interface RuleSetDeletion {
    deletedRules: number;
    /** Assignments moved to the rule set the admin chose. */
    movedAssignments: number;
    /** Assignments deleted with the rule set: those agents fall back to their next assignment or the org default. */
    removedAssignments: number;
}

export interface SaveRulesResult {
    saved: PresenceSyncRule[];
    rejected: RejectedRule[];
}

export interface AssigneeOption {
    id: string;
    name: string;
    type: AssignmentType;
}

/** A stored trace entry: the session's entry plus who and where. */
export interface SyncLogEntry extends TraceEntry {
    id: string;
    userId: string;
    userName: string;
    tabId: string | null;
}

export interface LogPage {
    entries: SyncLogEntry[];
    /** Pass back to get the next (older) page; null on the last page. */
    nextPageToken: string | null;
    retentionDays: number;
    summaryRetentionDays: number;
    canPurge: boolean;
    /** The agent's live debugging and what the rate limit dropped. */
    agentState: AgentLogState;
}

/** What the log reader shows about an agent besides entries. */
export interface AgentLogState {
    userId: string;
    /** Live debugging: every step until this time (ms); null when never debugged. */
    debugUntil: number | null;
    debugSetAt: number | null;
    /** Who last started or stopped it. */
    debugSetBy: string | null;
    /** Entries the rate limit refused, since the agent first logged. */
    droppedEntries: number;
    lastDroppedAt: number | null;
    lastHeartbeat: number | null;
}

export interface WriteLogResult {
    accepted: number;
    dropped: number;
    /** Live debugging of the caller: every step until this time (ms), null when never debugged. */
    debugUntil: number | null;
    /** When a supervisor last started or stopped it (ms): the agent applies only newer news. */
    debugSetAt: number | null;
}

/** The org's answer to a heartbeat: live debugging of the caller, as for writeLogEntries. */
export interface AgentStateAnswer {
    debugUntil: number | null;
    debugSetAt: number | null;
}

export type HealthColour = 'green' | 'amber' | 'red';

export interface HealthCheckResult {
    id: string;
    label: string;
    status: HealthColour;
    /** One sentence: what was found. */
    reason: string;
    /** One sentence: how to fix it (null when green). */
    fix: string | null;
}

/** The last heartbeat an agent's component reported. */
export interface AgentLiveState {
    userId: string;
    userName: string;
    lastHeartbeat: number;
    connectState: string | null;
    omniStatus: string | null;
    status: string;
    lastSyncAt: number | null;
    lastError: string | null;
    paused: boolean;
}

export interface HealthReport {
    generatedAt: number;
    checks: HealthCheckResult[];
    ruleSets: RuleSet[];
    /** Active rules per rule set id, for the "actively synced statuses" table. */
    rulesByRuleSet: Record<string, PresenceSyncRule[]>;
    liveAgents: AgentLiveState[];
    /** Today's (GMT) entries and syncs that went wrong, from the agents' counters; retentions; the purge. */
    logStats: {
        entries24h: number;
        errors24h: number;
        retentionDays: number;
        summaryRetentionDays: number;
        purgeScheduled: boolean;
    };
}
