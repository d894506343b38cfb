/**
 * The emulated org's records and what its parts share: the data set a store keeps (the workbench
 * server keeps it in `.workbench-data/`; a test can keep it in memory), the seed, the error an
 * @AuraEnabled method throws, and the parameter parsing of the Apex controllers.
 */
import { expandMappings, SEED_EXAMPLE_MAPPINGS } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type {
    AgentLiveState,
    NamedPresenceStatus,
    ServiceChannelInfo,
    PresenceSyncSettings,
    RuleSet,
    SyncLogEntry
} from 'presence-sync/contracts';
import { buildRuleSet, buildSettings, DEFAULT_RULE_SET_ID, fakeId } from '../jest-mocks/apex/fixtures';
import { CCP_SELECTABLE_STATES } from './ccp';
import type { AgentLogRecord, OrgMeter } from './orgLog';

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

/** What an @AuraEnabled method's AuraHandledException becomes on the client: `{ status, body: { message } }`. */
export class ApexError extends Error {
    constructor(
        message: string,
        readonly status = 400
    ) {
        super(message);
    }
}

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

/** What the org's parts (rules, log, health) share: the data as it is now, its clock, its store and its events. */
export interface OrgContext {
    /** The data set; a reset replaces it, so the parts ask for it each time. */
    data(): OrgData;
    /** The caller's clock for the call under way, else the org's. */
    time(): number;
    persist(): void;
    publish(channel: string, payload: Record<string, unknown>): void;
    readonly meter: OrgMeter;
    readonly statuses: NamedPresenceStatus[];
    readonly channels: ServiceChannelInfo[];
}

export type ApexHandler = (params: Record<string, unknown>) => unknown;

/** One subject of the org (its rules, its log): the Apex methods it serves, over the shared data. */
export abstract class OrgPart {
    constructor(protected readonly org: OrgContext) {}

    /** The data as it is now (a reset replaces it). */
    protected get data(): OrgData {
        return this.org.data();
    }

    /** Its Apex methods by `Class.method`. */
    abstract handlers(): Record<string, ApexHandler>;
}

export function parseJson(value: unknown, name: string): unknown {
    if (typeof value !== 'string') {
        throw new ApexError(`${name} must be a JSON string.`);
    }
    try {
        return JSON.parse(value);
    } catch {
        throw new ApexError(`${name} is not valid JSON.`);
    }
}

export function parseJsonArray<T>(value: unknown, name: string): T[] {
    const parsed = parseJson(value, name);
    if (!Array.isArray(parsed)) {
        throw new ApexError(`${name} must be a JSON array.`);
    }
    return parsed as T[];
}

export function parseJsonObject<T>(value: unknown, name: string): T {
    const parsed = parseJson(value, name);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ApexError(`${name} must be a JSON object.`);
    }
    return parsed as T;
}

export function stringList(value: unknown, name: string): string[] {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new ApexError(`${name} must be a list of ids.`);
    }
    return value as string[];
}
