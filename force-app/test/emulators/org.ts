/**
 * An emulated org: the Apex methods of `types/apex.d.ts` with the shapes of
 * `presence-sync/contracts`, served from an in-memory store. Rule saves are validated as the org
 * validates them: the engine's `validateRule`, then what only the org knows (the presence status
 * exists, the Connect state is among the admin's list, field lengths), with the Apex validator's
 * wording. Every rule change publishes `Presence_Sync_Rules_Changed__e`.
 *
 * Storage is the caller's: `OrgStore` loads and saves the whole data set (the workbench server
 * keeps it in `.workbench-data/`; a test can keep it in memory).
 */
import { expandMappings, SEED_EXAMPLE_MAPPINGS } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { checkBatch, RULE_LIMITS, ruleSetNameProblems } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import type {
    AgentConfiguration,
    AgentLiveState,
    AgentLogState,
    AssigneeOption,
    AssignmentType,
    HealthReport,
    LogPage,
    PresenceSyncSettings,
    RuleBuilderData,
    RejectedRule,
    RuleSet,
    RuleSetDeletion,
    RuleSetRef,
    SaveRulesResult,
    SyncLogEntry,
    WriteLogResult
} from 'presence-sync/contracts';
import {
    AGENT_USER_ID,
    AGENT_USER_NAME,
    buildAccessReport,
    buildAssigneeOptions,
    buildRuleSet,
    buildServiceChannels,
    buildSettings,
    buildStatuses,
    DEFAULT_RULE_SET_ID,
    fakeId
} from '../jest-mocks/apex/fixtures';
import { CCP_SELECTABLE_STATES } from './ccp';
import { judgeHealth, LIVE_WINDOW_MS } from './orgHealth';
import type { HealthAgent } from './orgHealth';
import {
    agentLogState,
    DEBUG_CHANNEL,
    DEBUG_MINUTES,
    emptyLogRecord,
    expired,
    logHealthFacts,
    OrgMeter,
    setDebugWindow,
    writeLog
} from './orgLog';
import type { AgentLogRecord } from './orgLog';

export const RULES_CHANGED_CHANNEL = '/event/Presence_Sync_Rules_Changed__e';

export interface OrgData {
    version: 1;
    settings: PresenceSyncSettings;
    /** Connect state names the admin keeps (Presence Sync Settings). */
    connectStates: string[];
    ruleSets: RuleSet[];
    rules: PresenceSyncRule[];
    logs: SyncLogEntry[];
    liveAgents: AgentLiveState[];
    /** Each agent's log counters and live debugging window (Presence_Sync_Agent_State__c), by user id. */
    agentLogs: Record<string, AgentLogRecord>;
    purgeScheduled: boolean;
    nextId: number;
}

export interface OrgStore {
    load(): OrgData | null;
    save(data: OrgData): void;
}

export interface EmulatedOrgOptions {
    store?: OrgStore;
    /** Receives platform events (channel, payload) as EMP would deliver them. */
    publish?: (channel: string, payload: Record<string, unknown>) => void;
    /** The CCP URL the seed settings point at (the workbench's emulated CCP page). */
    ccpUrl?: string;
    now?: () => number;
    /**
     * Developer names of the statuses the seed agent's presence configuration grants, as given to
     * the emulated Omni-Channel (its `granted`); all statuses by default, as there.
     */
    grantedStatuses?: string[];
    /** Data storage (OrgLimits DataStorageMB): an Enterprise org with one user licence, 10 GB + 20 MB, by default. */
    dataStorageMaxMb?: number;
}

/** What an @AuraEnabled method's AuraHandledException becomes on the client: `{ status, body: { message } }`. */
export class ApexError extends Error {
    constructor(
        message: string,
        readonly status = 400
    ) {
        super(message);
    }
}

/** Log entries the store keeps at most (the org's storage is bounded by retention; here by count too). */
const LOG_LIMIT = 20000;
const RECORD_ID = /^[a-zA-Z0-9]{18}$/;
/** PresenceSyncRuleService.MAX_RULES_PER_SAVE: rules one request may carry. */
const MAX_RULES_PER_SAVE = 500;
/** PresenceSyncRuleService's refusal when a rule set id names no rule set (deleted meanwhile, or reset). */
const RULE_SET_GONE = 'The rule set no longer exists or you cannot see it. Reload and try again.';
/** PresenceSyncRuleSetService's refusals. */
const RULE_SET_DEFAULT_UNDELETABLE =
    'The org default rule set cannot be deleted: agents without another rule set use it. Make another rule set the org default first.';
const RULE_SET_MOVE_TARGET_GONE =
    'The rule set to move the assignments to no longer exists. Reload and choose another one.';

/** The workbench user who debugs agents live (the log reader's supervisor). */
const SUPERVISOR_NAME = 'Sam Supervisor';

/** Membership of the seed's agent, for rule set precedence (User, Group, PermissionSet, Profile, Default). */
const AGENT_MEMBERSHIP: Record<Exclude<AssignmentType, 'User'>, string[]> = {
    Group: [],
    PermissionSet: [fakeId('0PS', 1)],
    Profile: [fakeId('00e', 1)]
};

/** The seed: default settings switched on, the default rule set holding the seed's four-row table. */
export function seedOrgData(ccpUrl: string | null = null): OrgData {
    let nextId = 1;
    const rules = expandMappings(SEED_EXAMPLE_MAPPINGS, DEFAULT_RULE_SET_ID).map((rule) => ({
        ...rule,
        id: fakeId('a0C', nextId++)
    }));
    return {
        version: 1,
        settings: buildSettings({ ccpUrl: ccpUrl ?? buildSettings().ccpUrl, logLevel: 'All' }),
        connectStates: CCP_SELECTABLE_STATES.map((s) => s.name),
        ruleSets: [buildRuleSet()],
        rules,
        logs: [],
        liveAgents: [],
        agentLogs: {},
        purgeScheduled: false,
        nextId
    };
}

export class EmulatedOrg {
    private data: OrgData;
    private readonly store: OrgStore | null;
    private readonly publish: (channel: string, payload: Record<string, unknown>) => void;
    private readonly ccpUrl: string | null;
    private readonly now: () => number;
    private readonly statuses = buildStatuses();
    private readonly channels = buildServiceChannels();
    private readonly grantedStatuses: string[];
    private readonly dataStorageMaxMb: number;
    private readonly apexMeter = new OrgMeter();
    /** The caller's clock for the call under way (the workbench page's): the org's time, as in an org. */
    private callAt: number | null = null;

    constructor(options: EmulatedOrgOptions = {}) {
        this.store = options.store ?? null;
        this.publish = options.publish ?? (() => undefined);
        this.ccpUrl = options.ccpUrl ?? null;
        this.now = options.now ?? (() => Date.now());
        this.grantedStatuses = options.grantedStatuses ?? this.statuses.map((s) => s.developerName);
        this.dataStorageMaxMb = options.dataStorageMaxMb ?? 10 * 1024 + 20;
        this.data = this.store?.load() ?? seedOrgData(this.ccpUrl);
        // Data kept by an earlier version has no log counters yet.
        this.data.agentLogs ??= {};
        if (this.ccpUrl !== null) {
            // The CCP page moves with the server's port; the stored URL follows it.
            this.data.settings.ccpUrl = this.ccpUrl;
        }
        this.persist();
    }

    /**
     * Calls `Class.method` with the parameter object LWC passes; rejects with ApexError as Apex
     * would. `at`: the caller's clock (the workbench page's, which a benchmark may run fast).
     */
    async call(endpoint: string, params: Record<string, unknown> = {}, at?: number): Promise<unknown> {
        const handler = this.handlers()[endpoint];
        if (!handler) {
            throw new ApexError(`No such Apex method: ${endpoint}`, 404);
        }
        this.callAt = typeof at === 'number' && Number.isFinite(at) ? at : null;
        try {
            return handler(params);
        } finally {
            this.callAt = null;
        }
    }

    /** What every Apex call has cost the org since the last `resetMeter()`, by method. */
    meter(): ReturnType<OrgMeter['read']> {
        return this.apexMeter.read();
    }

    resetMeter(): void {
        this.apexMeter.reset();
    }

    private time(): number {
        return this.callAt ?? this.now();
    }

    /** The seed again: settings, the four-row table, no logs. */
    reset(): void {
        this.data = seedOrgData(this.ccpUrl);
        this.persist();
        this.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: DEFAULT_RULE_SET_ID });
    }

    /**
     * Makes the given rules the whole content of their rule set (default set when they name none),
     * as `workbench.rules.replace` does; see storeKeepingIds.
     */
    replaceRules(rules: PresenceSyncRule[], ruleSetId = DEFAULT_RULE_SET_ID): SaveRulesResult {
        const removed = this.data.rules.filter((r) => r.ruleSetId === ruleSetId);
        this.data.rules = this.data.rules.filter((r) => r.ruleSetId !== ruleSetId);
        try {
            const result = this.storeKeepingIds(ruleSetId, rules, removed);
            this.rulesChanged(ruleSetId, result.saved.length > 0 || removed.length > 0);
            return result;
        } catch (error) {
            this.data.rules.push(...removed);
            throw error;
        }
    }

    rules(ruleSetId = DEFAULT_RULE_SET_ID): PresenceSyncRule[] {
        return this.rulesOf(ruleSetId, false);
    }

    logs(): SyncLogEntry[] {
        return [...this.data.logs];
    }

    settings(): PresenceSyncSettings {
        return { ...this.data.settings };
    }

    updateSettings(changes: Partial<PresenceSyncSettings>): void {
        this.data.settings = { ...this.data.settings, ...changes };
        this.persist();
    }

    private handlers(): Record<string, (params: Record<string, unknown>) => unknown> {
        return {
            'PresenceSyncAgentController.getAgentConfiguration': () => this.getAgentConfiguration(),
            'PresenceSyncAgentController.writeLogEntries': (p) => this.writeLogEntries(p),
            'PresenceSyncAgentController.reportAgentState': (p) => this.reportAgentState(p),
            'PresenceSyncRuleController.getRuleBuilderData': () => this.getRuleBuilderData(),
            'PresenceSyncRuleController.getRules': (p) => this.rulesOf(this.ruleSetIdParam(p), false),
            'PresenceSyncRuleController.saveRules': (p) => this.saveRules(p),
            'PresenceSyncRuleController.saveRuleBatch': (p) => this.saveRuleBatch(p),
            'PresenceSyncRuleController.deleteRuleSet': (p) => this.deleteRuleSet(p),
            'PresenceSyncRuleController.deleteRules': (p) => this.deleteRules(p),
            'PresenceSyncRuleController.setRulesActive': (p) => this.setRulesActive(p),
            'PresenceSyncRuleController.reorderRules': (p) => this.reorderRules(p),
            'PresenceSyncRuleController.saveRuleSet': (p) => this.saveRuleSet(p),
            'PresenceSyncRuleController.searchAssignees': (p) =>
                this.search(buildAssigneeOptions(p.type as AssignmentType), p.term),
            'PresenceSyncLogController.readLogs': (p) => this.readLogs(p),
            'PresenceSyncLogController.searchAgents': (p) =>
                this.search(buildAssigneeOptions('User'), p.term),
            'PresenceSyncLogController.purgeLogs': () => this.purgeLogs(),
            'PresenceSyncLogController.startLiveDebug': (p) => this.liveDebug(p, true),
            'PresenceSyncLogController.stopLiveDebug': (p) => this.liveDebug(p, false),
            'PresenceSyncHealthController.getHealthReport': () => this.getHealthReport(),
            'PresenceSyncHealthController.schedulePurge': () => {
                this.data.purgeScheduled = true;
                this.persist();
            }
        };
    }

    // ----- agent -----

    private getAgentConfiguration(): AgentConfiguration {
        const access = buildAccessReport();
        const found = this.ruleSetFor(AGENT_USER_ID);
        const all = found ? this.rulesOf(found.id, false) : [];
        const rules = all.filter((rule) => rule.active);
        const record = this.data.agentLogs[AGENT_USER_ID];
        // PresenceSyncAgentService.MAX_QUERIES: grants, statuses, channels, groups, assignments, default set, rules, own state.
        this.apexMeter.record('PresenceSyncAgentController.getAgentConfiguration', {
            soql: 8,
            queryRows:
                2 + this.statuses.length + this.channels.length + this.data.ruleSets.length + all.length + 1
        });
        return {
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            syncEnabled: this.data.settings.enabled && access.canRunSync,
            settings: { ...this.data.settings },
            ruleSet: found ? { ...found, activeRuleCount: rules.length, ruleCount: all.length } : null,
            rules,
            statuses: this.statuses,
            serviceChannels: this.channels,
            access,
            debugUntil: record?.debugUntil ?? null,
            debugSetAt: record?.debugSetAt ?? null,
            liveUpdates: true
        };
    }

    private ruleSetFor(userId: string): Pick<RuleSetRef, 'id' | 'name' | 'assignedThrough'> | null {
        const assigned = (type: AssignmentType, ids: string[]): RuleSet | undefined =>
            this.data.ruleSets.find((set) =>
                set.assignments.some((a) => a.type === type && ids.includes(a.targetId))
            );
        const precedence: Array<[AssignmentType, string[]]> = [
            ['User', [userId]],
            ['Group', AGENT_MEMBERSHIP.Group],
            ['PermissionSet', AGENT_MEMBERSHIP.PermissionSet],
            ['Profile', AGENT_MEMBERSHIP.Profile]
        ];
        for (const [type, ids] of precedence) {
            const set = assigned(type, ids);
            if (set) {
                return { id: set.id, name: set.name, assignedThrough: type };
            }
        }
        const fallback = this.data.ruleSets.find((set) => set.isDefault);
        return fallback ? { id: fallback.id, name: fallback.name, assignedThrough: 'Default' } : null;
    }

    /** The agent's own state record (PresenceSyncAgentStateStore): created at the first write. */
    private agentLog(userId: string): AgentLogRecord {
        return (this.data.agentLogs[userId] ??= emptyLogRecord());
    }

    private writeLogEntries(params: Record<string, unknown>): WriteLogResult {
        const items = parseJsonArray<unknown>(params.entriesJson, 'entriesJson');
        const outcome = writeLog(this.agentLog(AGENT_USER_ID), items, params.stateJson, {
            level: this.data.settings.logLevel,
            now: this.time(),
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            nextId: () => fakeId('a0E', this.data.nextId++)
        });
        this.data.logs.push(...outcome.stored);
        if (this.data.logs.length > LOG_LIMIT) {
            this.data.logs.splice(0, this.data.logs.length - LOG_LIMIT);
        }
        if (outcome.heartbeat) {
            this.storeHeartbeat(outcome.heartbeat);
        }
        this.apexMeter.record('PresenceSyncAgentController.writeLogEntries', outcome.cost);
        this.persist();
        return outcome.result;
    }

    private reportAgentState(params: Record<string, unknown>): {
        debugUntil: number | null;
        debugSetAt: number | null;
    } {
        const state = parseJsonObject<Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>>(
            params.stateJson,
            'stateJson'
        );
        this.storeHeartbeat(state);
        // PresenceSyncAgentService.reportState: the upsert, then the record read back for the answer.
        this.apexMeter.record('PresenceSyncAgentController.reportAgentState', {
            soql: 1,
            queryRows: 1,
            dmlStatements: 1,
            dmlRows: 1
        });
        this.persist();
        const record = this.agentLog(AGENT_USER_ID);
        return { debugUntil: record.debugUntil, debugSetAt: record.debugSetAt };
    }

    private storeHeartbeat(state: Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>): void {
        const live: AgentLiveState = {
            ...state,
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            lastHeartbeat: this.time()
        };
        this.agentLog(AGENT_USER_ID).lastHeartbeat = live.lastHeartbeat;
        this.data.liveAgents = [...this.data.liveAgents.filter((a) => a.userId !== live.userId), live];
    }

    // ----- rules -----

    private getRuleBuilderData(): RuleBuilderData {
        return {
            access: buildAccessReport(),
            readOnlyReason: null,
            ruleSets: this.data.ruleSets.map((set) => ({ ...set, assignments: [...set.assignments] })),
            statuses: this.statuses,
            serviceChannels: this.channels,
            connectStates: [...this.data.connectStates],
            settings: { ...this.data.settings }
        };
    }

    private rulesOf(ruleSetId: string, activeOnly: boolean): PresenceSyncRule[] {
        return this.data.rules
            .filter((r) => r.ruleSetId === ruleSetId && (!activeOnly || r.active))
            .sort((a, b) => a.order - b.order)
            .map((r) => ({ ...r }));
    }

    private saveRules(params: Record<string, unknown>): SaveRulesResult {
        return this.saveBatch(
            this.ruleSetIdParam(params),
            parseJsonArray<PresenceSyncRule>(params.rulesJson, 'rulesJson'),
            []
        );
    }

    private saveRuleBatch(params: Record<string, unknown>): SaveRulesResult {
        return this.saveBatch(
            this.ruleSetIdParam(params),
            parseJsonArray<PresenceSyncRule>(params.rulesJson, 'rulesJson'),
            params.deleteRuleIds === undefined || params.deleteRuleIds === null
                ? []
                : stringList(params.deleteRuleIds, 'deleteRuleIds')
        );
    }

    /**
     * PresenceSyncRuleBatch: all or nothing. Every rule is checked (engine, org, unique names, a
     * record id that is no longer in the set) and the set's size afterwards; only when nothing is
     * refused are the given rules deleted and the batch stored. A rule whose id names one of the
     * set's rules updates it; any other rule gets a new record id, whatever id the builder sent.
     */
    private saveBatch(ruleSetId: string, batch: PresenceSyncRule[], deleteIds: string[]): SaveRulesResult {
        if (batch.length > MAX_RULES_PER_SAVE || deleteIds.length > MAX_RULES_PER_SAVE) {
            throw new ApexError(
                `At most ${MAX_RULES_PER_SAVE} rules can be saved or deleted at once; this request had ${Math.max(batch.length, deleteIds.length)}.`
            );
        }
        const current = this.rulesOf(ruleSetId, false);
        const check = checkBatch(current, batch, deleteIds, this.orgFacts());
        if (check.problem) {
            throw new ApexError(check.problem);
        }
        if (check.refused.length > 0) {
            return { saved: [], rejected: check.refused.map((entry) => this.rejection(batch, entry)) };
        }
        const currentIds = new Set(current.map((rule) => rule.id));
        const deleting = new Set(deleteIds.filter((id) => currentIds.has(id)));
        this.data.rules = this.data.rules.filter((rule) => !deleting.has(rule.id));
        const saved = batch.map((candidate) => {
            const updates = currentIds.has(candidate.id) && !deleting.has(candidate.id);
            const rule: PresenceSyncRule = {
                ...candidate,
                ruleSetId,
                id: updates ? candidate.id : this.newRuleId()
            };
            if (updates) {
                this.data.rules[this.data.rules.findIndex((r) => r.id === rule.id)] = rule;
            } else {
                this.data.rules.push(rule);
            }
            return { ...rule };
        });
        this.rulesChanged(ruleSetId, saved.length > 0 || deleting.size > 0);
        return { saved, rejected: [] };
    }

    private rejection(
        batch: PresenceSyncRule[],
        entry: { position: number; name: string; issues: RejectedRule['issues'] }
    ): RejectedRule {
        const candidate = batch[entry.position - 1];
        return {
            id: typeof candidate?.id === 'string' ? candidate.id : '',
            position: entry.position,
            name: entry.name,
            issues: entry.issues
        };
    }

    /**
     * For `workbench.rules.replace`: the given rules become the whole rule set, each checked as the
     * org checks it; refused ones are reported and the others stored. A rule keeps the id it is
     * given, so that a test finds its own ids in the rules and in the trace's ruleId; it gets a new
     * id only when it has none, or when another rule set or an earlier rule of the list has it.
     */
    private storeKeepingIds(
        ruleSetId: string,
        incoming: PresenceSyncRule[],
        replaced: PresenceSyncRule[]
    ): SaveRulesResult {
        const check = checkBatch(
            replaced,
            incoming,
            replaced.map((r) => r.id),
            this.orgFacts()
        );
        if (check.problem) {
            throw new ApexError(check.problem);
        }
        const refused = new Map(check.refused.map((entry) => [entry.position, entry]));
        const result: SaveRulesResult = { saved: [], rejected: [] };
        const savedIds = new Set<string>();
        incoming.forEach((candidate, index) => {
            const entry = refused.get(index + 1);
            if (entry) {
                result.rejected.push(this.rejection(incoming, entry));
                return;
            }
            const clientId = typeof candidate.id === 'string' ? candidate.id : '';
            const free =
                clientId !== '' && !savedIds.has(clientId) && !this.data.rules.some((r) => r.id === clientId);
            const saved: PresenceSyncRule = {
                ...candidate,
                ruleSetId,
                id: free ? clientId : this.newRuleId()
            };
            savedIds.add(saved.id);
            this.data.rules.push(saved);
            result.saved.push({ ...saved });
        });
        return result;
    }

    /** A record id no stored rule has (a caller's kept id may look like one). */
    private newRuleId(): string {
        let id = fakeId('a0C', this.data.nextId++);
        while (this.data.rules.some((r) => r.id === id)) {
            id = fakeId('a0C', this.data.nextId++);
        }
        return id;
    }

    private orgFacts(): OrgFacts {
        return {
            statusNames: this.statuses.map((s) => s.developerName),
            connectStates: this.data.connectStates
        };
    }

    private deleteRules(params: Record<string, unknown>): void {
        const ids = stringList(params.ruleIds, 'ruleIds');
        const removed = this.data.rules.filter((r) => ids.includes(r.id));
        this.data.rules = this.data.rules.filter((r) => !ids.includes(r.id));
        this.changedSets(removed);
    }

    private setRulesActive(params: Record<string, unknown>): void {
        const ids = stringList(params.ruleIds, 'ruleIds');
        if (typeof params.active !== 'boolean') {
            throw new ApexError('active must be true or false.');
        }
        const changed = this.data.rules.filter((r) => ids.includes(r.id));
        changed.forEach((r) => (r.active = params.active as boolean));
        this.changedSets(changed);
    }

    private reorderRules(params: Record<string, unknown>): void {
        const ruleSetId = this.ruleSetIdParam(params);
        const ordered = stringList(params.orderedRuleIds, 'orderedRuleIds');
        ordered.forEach((id, i) => {
            const rule = this.data.rules.find((r) => r.id === id && r.ruleSetId === ruleSetId);
            if (!rule) {
                throw new ApexError(`Rule ${id} is not in this rule set.`);
            }
            rule.order = i + 1;
        });
        this.rulesChanged(ruleSetId, true);
    }

    /** PresenceSyncRuleService.saveRuleSet: name rules, one rule set per target, assignments replaced. */
    private saveRuleSet(params: Record<string, unknown>): RuleSet {
        const incoming = parseJsonObject<RuleSet>(params.ruleSetJson, 'ruleSetJson');
        const existing = incoming.id ? this.data.ruleSets.find((s) => s.id === incoming.id) : undefined;
        if (incoming.id && !existing) {
            throw new ApexError(RULE_SET_GONE);
        }
        const others = this.data.ruleSets.filter((s) => s.id !== existing?.id);
        const [problem] = ruleSetNameProblems(
            incoming.name,
            others.map((s) => s.name)
        );
        if (problem) {
            throw new ApexError(problem);
        }
        const conflicts = (incoming.assignments ?? []).flatMap((a) => {
            const owner = others.find((s) => s.assignments.some((o) => o.targetId === a.targetId));
            return owner ? [`${a.targetName} (in ${owner.name})`] : [];
        });
        if (conflicts.length > 0) {
            throw new ApexError(
                `Each user, group, permission set or profile can belong to one rule set only. Remove these from their other rule set first: ${conflicts.join(', ')}.`
            );
        }
        const id = existing?.id ?? fakeId('a0B', this.data.nextId++);
        const description = typeof incoming.description === 'string' ? incoming.description.trim() : '';
        const saved: RuleSet = {
            id,
            name: String(incoming.name).trim(),
            description:
                description === '' ? null : description.slice(0, RULE_LIMITS.ruleSetDescriptionLength),
            isDefault: Boolean(incoming.isDefault),
            assignments: (incoming.assignments ?? []).map((a) => ({
                ...a,
                id: a.id && RECORD_ID.test(a.id) ? a.id : fakeId('a0D', this.data.nextId++),
                ruleSetId: id
            }))
        };
        if (saved.isDefault) {
            this.data.ruleSets.forEach((s) => (s.isDefault = false));
        }
        this.data.ruleSets = existing
            ? this.data.ruleSets.map((s) => (s.id === id ? saved : s))
            : [...this.data.ruleSets, saved];
        this.rulesChanged(id, true);
        return saved;
    }

    /**
     * PresenceSyncRuleSetService.deleteRuleSet: deletes a rule set with its rules. Its assignments
     * move to `moveAssignmentsToId` when given, else they go with it and those agents fall back
     * to their next assignment or the org default. The org default cannot be deleted.
     */
    private deleteRuleSet(params: Record<string, unknown>): RuleSetDeletion {
        const ruleSet = this.data.ruleSets.find((s) => s.id === this.ruleSetIdParam(params))!;
        if (ruleSet.isDefault) {
            throw new ApexError(RULE_SET_DEFAULT_UNDELETABLE);
        }
        const moveTo = params.moveAssignmentsToId;
        let target: RuleSet | undefined;
        if (typeof moveTo === 'string' && moveTo !== '') {
            target = this.data.ruleSets.find((s) => s.id === moveTo && s.id !== ruleSet.id);
            if (!target) {
                throw new ApexError(RULE_SET_MOVE_TARGET_GONE);
            }
            const moved = ruleSet.assignments.map((a) => ({
                ...a,
                id: fakeId('a0D', this.data.nextId++),
                ruleSetId: target!.id
            }));
            target.assignments = [...target.assignments, ...moved];
        }
        const deletedRules = this.data.rules.filter((r) => r.ruleSetId === ruleSet.id).length;
        this.data.rules = this.data.rules.filter((r) => r.ruleSetId !== ruleSet.id);
        this.data.ruleSets = this.data.ruleSets.filter((s) => s.id !== ruleSet.id);
        this.rulesChanged(ruleSet.id, true);
        if (target) {
            this.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: target.id });
        }
        return {
            deletedRules,
            movedAssignments: target ? ruleSet.assignments.length : 0,
            removedAssignments: target ? 0 : ruleSet.assignments.length
        };
    }

    private changedSets(rules: PresenceSyncRule[]): void {
        const sets = new Set(rules.map((r) => r.ruleSetId ?? DEFAULT_RULE_SET_ID));
        if (sets.size === 0) {
            this.persist();
        }
        sets.forEach((id) => this.rulesChanged(id, true));
    }

    private rulesChanged(ruleSetId: string, publish: boolean): void {
        this.persist();
        if (publish) {
            this.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: ruleSetId });
        }
    }

    private ruleSetIdParam(params: Record<string, unknown>): string {
        const id = params.ruleSetId;
        if (typeof id !== 'string' || !this.data.ruleSets.some((s) => s.id === id)) {
            throw new ApexError(RULE_SET_GONE);
        }
        return id;
    }

    // ----- logs and health -----

    private readLogs(params: Record<string, unknown>): LogPage {
        const userId = typeof params.userId === 'string' ? params.userId : '';
        const fromMs = typeof params.fromMs === 'number' ? params.fromMs : 0;
        const toMs = typeof params.toMs === 'number' ? params.toMs : Number.MAX_SAFE_INTEGER;
        const pageSize = Math.max(
            1,
            Math.min(typeof params.pageSize === 'number' ? params.pageSize : 200, 2000)
        );
        const offset = typeof params.pageToken === 'string' ? Number.parseInt(params.pageToken, 10) || 0 : 0;
        const matching = this.data.logs
            .filter((e) => (userId === '' || e.userId === userId) && e.at >= fromMs && e.at <= toMs)
            .sort((a, b) => b.at - a.at || b.seq - a.seq);
        const entries = matching.slice(offset, offset + pageSize);
        return {
            entries,
            nextPageToken: offset + pageSize < matching.length ? String(offset + pageSize) : null,
            retentionDays: this.data.settings.logRetentionDays,
            summaryRetentionDays: this.data.settings.logSummaryRetentionDays,
            canPurge: buildAccessReport().canAdministerRules,
            agentState: agentLogState(userId, this.data.agentLogs[userId])
        };
    }

    /** PresenceSyncLiveDebugService.start (`on`) or stop: the window on the agent's record, then the event. */
    private liveDebug(params: Record<string, unknown>, on: boolean): AgentLogState {
        const userId = typeof params.userId === 'string' ? params.userId : '';
        if (!buildAssigneeOptions('User').some((option) => option.id === userId)) {
            throw new ApexError('Choose an agent to debug.');
        }
        const minutes = params.minutes;
        if (on && (typeof minutes !== 'number' || !DEBUG_MINUTES.includes(minutes))) {
            throw new ApexError(`Choose how long to debug the agent: ${DEBUG_MINUTES.join(', ')} minutes.`);
        }
        const now = this.time();
        const record = this.agentLog(userId);
        setDebugWindow(record, on ? now + (minutes as number) * 60_000 : now, now, SUPERVISOR_NAME);
        this.apexMeter.record(`PresenceSyncLogController.${on ? 'start' : 'stop'}LiveDebug`, {
            soql: 2,
            queryRows: 2,
            dmlStatements: 2,
            dmlRows: 1,
            eventsPublished: 1
        });
        this.persist();
        this.publish(DEBUG_CHANNEL, {
            User_Id__c: userId,
            Until_Ms__c: record.debugUntil,
            Set_At_Ms__c: record.debugSetAt
        });
        return agentLogState(userId, record);
    }

    /** PresenceSyncLogService.purge: steps past the retention, summaries past theirs; the agents' counters go down. */
    private purgeLogs(): { deleted: number } {
        const now = this.time();
        const gone = this.data.logs.filter((e) => expired(e, now, this.data.settings));
        this.data.logs = this.data.logs.filter((e) => !expired(e, now, this.data.settings));
        for (const entry of gone) {
            const record = this.data.agentLogs[entry.userId];
            if (record) {
                record.rowsStored = Math.max(0, record.rowsStored - 1);
            }
        }
        this.persist();
        return { deleted: gone.length };
    }

    private getHealthReport(): HealthReport {
        const now = this.time();
        const settings = this.data.settings;
        const access = buildAccessReport();
        const live = this.data.liveAgents.filter((a) => now - a.lastHeartbeat < LIVE_WINDOW_MS);
        const rulesByRuleSet: Record<string, PresenceSyncRule[]> = {};
        for (const set of this.data.ruleSets) {
            rulesByRuleSet[set.id] = this.rulesOf(set.id, true);
        }
        const agents: HealthAgent[] = access.canRunSync
            ? [
                  {
                      name: AGENT_USER_NAME,
                      ruleSetId: this.ruleSetFor(AGENT_USER_ID)?.id ?? null,
                      grantedStatuses: [...this.grantedStatuses],
                      canReadDeveloperNames: access.canReadStatusDeveloperNames,
                      holdsAgentPermissionSet: AGENT_MEMBERSHIP.PermissionSet.length > 0
                  }
              ]
            : [];
        const log = logHealthFacts(Object.values(this.data.agentLogs), this.data.logs, {
            now,
            settings,
            dataStorageMaxMb: this.dataStorageMaxMb,
            otherDataMb: 0
        });
        const checks = judgeHealth({
            settings,
            ruleSets: this.data.ruleSets,
            activeRulesByRuleSet: rulesByRuleSet,
            statusNames: this.statuses.map((s) => s.developerName),
            agents,
            purgeScheduled: this.data.purgeScheduled,
            log,
            liveAgents: live,
            now,
            twoBrowserAgents: live
                .filter((a) => a.connectState === 'MultipleCcpWindows')
                .map((a) => a.userName)
        });
        return {
            generatedAt: now,
            checks,
            ruleSets: this.data.ruleSets.map((s) => ({ ...s })),
            rulesByRuleSet,
            liveAgents: live.map((a) => ({ ...a })),
            logStats: {
                entries24h: log.rowsToday,
                errors24h: log.problemSyncsToday,
                retentionDays: settings.logRetentionDays,
                summaryRetentionDays: settings.logSummaryRetentionDays,
                purgeScheduled: this.data.purgeScheduled
            }
        };
    }

    private search(options: AssigneeOption[], term: unknown): AssigneeOption[] {
        const text = typeof term === 'string' ? term.trim().toLowerCase() : '';
        return options.filter((o) => o.name.toLowerCase().includes(text));
    }

    private persist(): void {
        this.store?.save(this.data);
    }
}

function parseJson(value: unknown, name: string): unknown {
    if (typeof value !== 'string') {
        throw new ApexError(`${name} must be a JSON string.`);
    }
    try {
        return JSON.parse(value);
    } catch {
        throw new ApexError(`${name} is not valid JSON.`);
    }
}

function parseJsonArray<T>(value: unknown, name: string): T[] {
    const parsed = parseJson(value, name);
    if (!Array.isArray(parsed)) {
        throw new ApexError(`${name} must be a JSON array.`);
    }
    return parsed as T[];
}

function parseJsonObject<T>(value: unknown, name: string): T {
    const parsed = parseJson(value, name);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ApexError(`${name} must be a JSON object.`);
    }
    return parsed as T;
}

function stringList(value: unknown, name: string): string[] {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new ApexError(`${name} must be a list of ids.`);
    }
    return value as string[];
}
