/**
 * An emulated org: the Apex methods of `types/apex.d.ts` with the shapes of
 * `presence-sync/contracts`, served from an in-memory store. Its parts: the rules and rule sets
 * (orgRules), the log calls (orgLogCalls over orgLog), the health report (orgHealthReport over
 * orgHealth); this class holds the data, serves the agent's configuration and routes each call.
 *
 * Storage is the caller's: `OrgStore` loads and saves the whole data set (the workbench server
 * keeps it in `.workbench-data/`; a test can keep it in memory).
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type {
    AgentConfiguration,
    AssigneeOption,
    AssignmentType,
    PresenceSyncSettings,
    SaveRulesResult,
    SyncLogEntry
} from 'presence-sync/contracts';
import {
    AGENT_USER_ID,
    AGENT_USER_NAME,
    buildAccessReport,
    buildAssigneeOptions,
    buildServiceChannels,
    buildStatuses,
    DEFAULT_RULE_SET_ID
} from '../jest-mocks/apex/fixtures';
import { ApexError, RULES_CHANGED_CHANNEL, seedOrgData } from './orgData';
import type { OrgContext, OrgData, OrgStore } from './orgData';
import { healthReport } from './orgHealthReport';
import { OrgLogCalls } from './orgLogCalls';
import { OrgMeter } from './orgLog';
import { OrgRules } from './orgRules';
import { ruleSetFor } from './orgAgent';

export { ApexError, RULES_CHANGED_CHANNEL, seedOrgData } from './orgData';
export type { OrgData, OrgStore } from './orgData';

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
    private readonly context: OrgContext = {
        data: () => this.data,
        time: () => this.time(),
        persist: () => this.persist(),
        publish: (channel, payload) => this.publish(channel, payload),
        meter: this.apexMeter,
        statuses: this.statuses,
        channels: this.channels
    };
    private readonly ruleStore = new OrgRules(this.context);
    private readonly logCalls = new OrgLogCalls(this.context);

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
        return this.ruleStore.replaceRules(rules, ruleSetId);
    }

    rules(ruleSetId = DEFAULT_RULE_SET_ID): PresenceSyncRule[] {
        return this.ruleStore.rulesOf(ruleSetId, false);
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
            ...this.ruleStore.handlers(),
            ...this.logCalls.handlers(),
            'PresenceSyncAgentController.getAgentConfiguration': () => this.getAgentConfiguration(),
            'PresenceSyncRuleController.searchAssignees': (p) =>
                this.search(buildAssigneeOptions(p.type as AssignmentType), p.term),
            'PresenceSyncLogController.searchAgents': (p) =>
                this.search(buildAssigneeOptions('User'), p.term),
            'PresenceSyncHealthController.getHealthReport': () =>
                healthReport(this.context, this.ruleStore, {
                    grantedStatuses: this.grantedStatuses,
                    dataStorageMaxMb: this.dataStorageMaxMb
                }),
            'PresenceSyncHealthController.schedulePurge': () => {
                this.data.purgeScheduled = true;
                this.persist();
            }
        };
    }

    private getAgentConfiguration(): AgentConfiguration {
        const access = buildAccessReport();
        const found = ruleSetFor(this.data.ruleSets, AGENT_USER_ID);
        const all = found ? this.ruleStore.rulesOf(found.id, false) : [];
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

    private search(options: AssigneeOption[], term: unknown): AssigneeOption[] {
        const text = typeof term === 'string' ? term.trim().toLowerCase() : '';
        return options.filter((o) => o.name.toLowerCase().includes(text));
    }

    private persist(): void {
        this.store?.save(this.data);
    }
}
