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
import { expandMappings, OMNI_OFFLINE, SEED_EXAMPLE_MAPPINGS, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, RuleIssue, TraceEntry } from 'c/presenceSyncEngine';
import type {
    AgentConfiguration,
    AgentLiveState,
    AssigneeOption,
    AssignmentType,
    HealthReport,
    LogPage,
    PresenceSyncSettings,
    RuleBuilderData,
    RuleSet,
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
import { CCP_SELECTABLE_STATES, isCcpSystemState } from './ccp';
import { DAY_MS, judgeHealth, LIVE_WINDOW_MS } from './orgHealth';
import type { HealthAgent } from './orgHealth';

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
const LOG_BATCH_LIMIT = 200;
/** PresenceSyncLogRateLimit: entries one agent may store per window; the rest are dropped and counted. */
const LOG_RATE_WINDOW_MS = 60_000;
const LOG_RATE_MAX = 1000;
/** PresenceSyncHealthSelector.LOG_SAMPLE and OVERDUE_CAP: what one health check reads at most. */
const LOG_SAMPLE = 5000;
const OVERDUE_CAP = 1000;
const RECORD_ID = /^[a-zA-Z0-9]{18}$/;

const ORG_MESSAGES = {
    statusUnknown: (value: string, choices: string) =>
        `There is no Omni-Channel presence status with the developer name "${value}". Use the developer name, not the label; this org has: ${choices}.`,
    connectStateNotListed: (value: string, choices: string) =>
        `"${value}" is not among the Amazon Connect states listed in Presence Sync Settings. Add it there, or choose one of: ${choices}.`,
    nameTooLong: () => 'The rule name is longer than 80 characters. Shorten it.',
    valueTooLong: () => 'The value is longer than 255 characters. Shorten it.'
};

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
    private logWindow = { start: 0, used: 0, dropped: 0 };

    constructor(options: EmulatedOrgOptions = {}) {
        this.store = options.store ?? null;
        this.publish = options.publish ?? (() => undefined);
        this.ccpUrl = options.ccpUrl ?? null;
        this.now = options.now ?? (() => Date.now());
        this.grantedStatuses = options.grantedStatuses ?? this.statuses.map((s) => s.developerName);
        this.data = this.store?.load() ?? seedOrgData(this.ccpUrl);
        if (this.ccpUrl !== null) {
            // The CCP page moves with the server's port; the stored URL follows it.
            this.data.settings.ccpUrl = this.ccpUrl;
        }
        this.persist();
    }

    /** Calls `Class.method` with the parameter object LWC passes; rejects with ApexError as Apex would. */
    async call(endpoint: string, params: Record<string, unknown> = {}): Promise<unknown> {
        const handler = this.handlers()[endpoint];
        if (!handler) {
            throw new ApexError(`No such Apex method: ${endpoint}`, 404);
        }
        return handler(params);
    }

    /** The seed again: settings, the four-row table, no logs. */
    reset(): void {
        this.data = seedOrgData(this.ccpUrl);
        this.persist();
        this.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: DEFAULT_RULE_SET_ID });
    }

    /**
     * Makes the given rules the whole content of their rule set (default set when they name none):
     * rules not in the list are deleted, the rest saved through the same validation as saveRules.
     * Unlike saveRules, a rule keeps the id it is given, so that a test finds its own ids in the
     * rules and in the trace's ruleId; it gets a new id only when it has none, or when its id is
     * taken by a rule of another rule set or by an earlier rule of the list.
     */
    replaceRules(rules: PresenceSyncRule[], ruleSetId = DEFAULT_RULE_SET_ID): SaveRulesResult {
        const keep = new Set(rules.map((r) => r.id));
        const before = this.data.rules.length;
        this.data.rules = this.data.rules.filter((r) => r.ruleSetId !== ruleSetId || keep.has(r.id));
        const result = this.storeRules(ruleSetId, rules, true);
        if (result.saved.length === 0 && this.data.rules.length < before) {
            this.rulesChanged(ruleSetId, true);
        }
        return result;
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
        const ruleSet = this.ruleSetFor(AGENT_USER_ID);
        return {
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            syncEnabled: this.data.settings.enabled && access.canRunSync,
            settings: { ...this.data.settings },
            ruleSet,
            rules: ruleSet ? this.rulesOf(ruleSet.id, true) : [],
            statuses: this.statuses,
            serviceChannels: this.channels,
            access
        };
    }

    private ruleSetFor(userId: string): AgentConfiguration['ruleSet'] {
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

    private writeLogEntries(params: Record<string, unknown>): WriteLogResult {
        const entries = parseJsonArray<TraceEntry & { tabId?: string }>(params.entriesJson, 'entriesJson');
        const level = this.data.settings.logLevel;
        let accepted = 0;
        let dropped = 0;
        const now = this.now();
        if (now - this.logWindow.start >= LOG_RATE_WINDOW_MS || now < this.logWindow.start) {
            this.logWindow = { ...this.logWindow, start: now, used: 0 };
        }
        entries.forEach((entry, i) => {
            const kept = level === 'All' || (level === 'Errors' && entry.level !== 'info');
            if (!kept || i >= LOG_BATCH_LIMIT) {
                dropped += 1;
                return;
            }
            if (this.logWindow.used >= LOG_RATE_MAX) {
                dropped += 1;
                this.logWindow.dropped += 1;
                return;
            }
            this.logWindow.used += 1;
            const { tabId, ...trace } = entry;
            this.data.logs.push({
                ...trace,
                id: fakeId('a0E', this.data.nextId++),
                userId: AGENT_USER_ID,
                userName: AGENT_USER_NAME,
                tabId: tabId ?? null
            });
            accepted += 1;
        });
        if (this.data.logs.length > LOG_LIMIT) {
            this.data.logs.splice(0, this.data.logs.length - LOG_LIMIT);
        }
        this.persist();
        return { accepted, dropped };
    }

    private reportAgentState(params: Record<string, unknown>): void {
        const state = parseJsonObject<Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>>(
            params.stateJson,
            'stateJson'
        );
        const live: AgentLiveState = {
            ...state,
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            lastHeartbeat: this.now()
        };
        this.data.liveAgents = [...this.data.liveAgents.filter((a) => a.userId !== live.userId), live];
        this.persist();
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
        const ruleSetId = this.ruleSetIdParam(params);
        return this.storeRules(
            ruleSetId,
            parseJsonArray<PresenceSyncRule>(params.rulesJson, 'rulesJson'),
            false
        );
    }

    /**
     * Validates and stores rules in a rule set. A rule whose id names a stored rule updates it.
     * Any other rule is new: as in the org, it gets a record id, unless `keepCallerIds` lets it
     * keep the id it came with (one no other stored rule has).
     */
    private storeRules(
        ruleSetId: string,
        incoming: PresenceSyncRule[],
        keepCallerIds: boolean
    ): SaveRulesResult {
        const result: SaveRulesResult = { saved: [], rejected: [] };
        const savedIds = new Set<string>();
        for (const candidate of incoming) {
            const rule = { ...candidate, ruleSetId } as PresenceSyncRule;
            const issues = [...validateRule(rule), ...this.orgIssues(rule)];
            const clientId = typeof candidate?.id === 'string' ? candidate.id : '';
            if (issues.length > 0) {
                result.rejected.push({ id: clientId, issues });
                continue;
            }
            const unsaved = clientId !== '' && !savedIds.has(clientId);
            const existing = unsaved ? this.data.rules.findIndex((r) => r.id === clientId) : -1;
            const updates =
                existing >= 0 && (!keepCallerIds || this.data.rules[existing].ruleSetId === ruleSetId);
            const keepsId = updates || (keepCallerIds && unsaved && existing < 0);
            const saved: PresenceSyncRule = {
                ...rule,
                id: keepsId ? clientId : this.newRuleId()
            };
            savedIds.add(saved.id);
            if (updates) {
                this.data.rules[existing] = saved;
            } else {
                this.data.rules.push(saved);
            }
            result.saved.push({ ...saved });
        }
        this.rulesChanged(ruleSetId, result.saved.length > 0);
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

    /** What only the org can check (PresenceSyncRuleValidator.orgIssues). */
    private orgIssues(rule: PresenceSyncRule): RuleIssue[] {
        const issues: RuleIssue[] = [];
        if (typeof rule.name === 'string' && rule.name.length > 80) {
            issues.push({ field: 'name', message: ORG_MESSAGES.nameTooLong() });
        }
        for (const field of ['operandAValue', 'operandBValue', 'destinationValue'] as const) {
            const value = rule[field];
            if (typeof value === 'string' && value.length > 255) {
                issues.push({ field, message: ORG_MESSAGES.valueTooLong() });
            }
        }
        const value = typeof rule.destinationValue === 'string' ? rule.destinationValue.trim() : '';
        if (value === '') {
            return issues;
        }
        const statusNames = this.statuses.map((s) => s.developerName);
        if (
            rule.destination === 'SalesforceAgentState' &&
            !statusNames.includes(value) &&
            value !== OMNI_OFFLINE
        ) {
            issues.push({
                field: 'destinationValue',
                message: ORG_MESSAGES.statusUnknown(value, [...statusNames].sort().join(', '))
            });
        }
        const listed = this.data.connectStates;
        if (
            rule.destination === 'ConnectAgentState' &&
            listed.length > 0 &&
            !listed.includes(value) &&
            !isCcpSystemState(value)
        ) {
            issues.push({
                field: 'destinationValue',
                message: ORG_MESSAGES.connectStateNotListed(value, listed.join(', '))
            });
        }
        return issues;
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

    private saveRuleSet(params: Record<string, unknown>): RuleSet {
        const incoming = parseJsonObject<RuleSet>(params.ruleSetJson, 'ruleSetJson');
        if (typeof incoming.name !== 'string' || incoming.name.trim() === '') {
            throw new ApexError('The rule set needs a name.');
        }
        const id =
            incoming.id && this.data.ruleSets.some((s) => s.id === incoming.id)
                ? incoming.id
                : fakeId('a0B', this.data.nextId++);
        const saved: RuleSet = {
            id,
            name: incoming.name.trim(),
            description: incoming.description ?? null,
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
        this.data.ruleSets = [...this.data.ruleSets.filter((s) => s.id !== id), saved];
        this.rulesChanged(id, true);
        return saved;
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
            throw new ApexError(`There is no rule set with id "${String(id)}".`);
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
            canPurge: buildAccessReport().canAdministerRules
        };
    }

    private purgeLogs(): { deleted: number } {
        const cutoff = this.now() - this.data.settings.logRetentionDays * 24 * 60 * 60 * 1000;
        const before = this.data.logs.length;
        this.data.logs = this.data.logs.filter((e) => e.at >= cutoff);
        this.persist();
        return { deleted: before - this.data.logs.length };
    }

    private getHealthReport(): HealthReport {
        const now = this.now();
        const settings = this.data.settings;
        const access = buildAccessReport();
        const live = this.data.liveAgents.filter((a) => now - a.lastHeartbeat < LIVE_WINDOW_MS);
        const recentAll = this.data.logs.filter((e) => e.at >= now - DAY_MS);
        // PresenceSyncHealthSelector.newestLevelsSince: the newest LOG_SAMPLE entries, not a count.
        const recent = [...recentAll].sort((a, b) => b.at - a.at).slice(0, LOG_SAMPLE);
        // One day of grace, as the Apex: the nightly run may not have come yet.
        const overdueBefore = now - (settings.logRetentionDays + 1) * DAY_MS;
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
        const checks = judgeHealth({
            settings,
            ruleSets: this.data.ruleSets,
            activeRulesByRuleSet: rulesByRuleSet,
            statusNames: this.statuses.map((s) => s.developerName),
            agents,
            purgeScheduled: this.data.purgeScheduled,
            overdueEntries: Math.min(OVERDUE_CAP, this.data.logs.filter((e) => e.at < overdueBefore).length),
            entries24h: recent.length,
            errors24h: recent.filter((e) => e.level === 'error').length,
            liveAgents: live.length,
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
                entries24h: recent.length,
                errors24h: recent.filter((e) => e.level === 'error').length,
                retentionDays: settings.logRetentionDays,
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
