/**
 * What the health check shows, derived from the org's HealthReport: the checks (with the rules
 * re-validated by the engine itself, so the browser and the org can never disagree silently),
 * the "actively synced statuses" table and the live agents. Pure, tested without the DOM.
 */
import { MAPPING_TYPE_LABELS, validateRule } from 'c/presenceSyncEngine';
import type { MappingType, PresenceSyncRule } from 'c/presenceSyncEngine';
import { coverageMatrix } from 'c/presenceSyncRuleAnalysis';
import type { SyncDirection } from 'c/presenceSyncRuleAnalysis';
import { formatDuration } from 'c/presenceSyncTraceView';
import type {
    AgentLiveState,
    HealthCheckResult,
    HealthColour,
    HealthReport,
    RuleSet
} from 'presence-sync/contracts';

export const RULES_VALID_CHECK_ID = 'rules-valid';

/** The agent's component reports at least this often (c/presenceSyncLogShipper's KEEP_ALIVE_MS; a test compares). */
export const KEEP_ALIVE_MS = 5 * 60 * 1000;
/** Two missed keep-alives and half a minute of slack: the agent's component is closed or its browser asleep. */
export const STALE_HEARTBEAT_MS = 2 * KEEP_ALIVE_MS + 30 * 1000;

const COLOUR_RANK: Record<HealthColour, number> = { green: 0, amber: 1, red: 2 };

export const COLOUR_TEXT: Record<HealthColour, { word: string; icon: string; variant: string }> = {
    green: { word: 'OK', icon: 'utility:success', variant: 'success' },
    amber: { word: 'Warning', icon: 'utility:warning', variant: 'warning' },
    red: { word: 'Problem', icon: 'utility:error', variant: 'error' }
};

const DIRECTION_TYPE: Record<SyncDirection, MappingType> = {
    publisher: 'Publisher',
    subscriber: 'Subscriber',
    bidirectional: 'BiDirectional'
};

export interface InvalidRule {
    rule: PresenceSyncRule;
    ruleSetName: string;
    messages: string[];
}

/** Active rules the engine itself refuses, with the rule set each belongs to. */
export function findInvalidRules(report: HealthReport): InvalidRule[] {
    const names = new Map(report.ruleSets.map((set) => [set.id, set.name]));
    const invalid: InvalidRule[] = [];
    for (const [ruleSetId, rules] of Object.entries(report.rulesByRuleSet)) {
        for (const rule of rules.filter((r) => r.active)) {
            const issues = validateRule(rule);
            if (issues.length) {
                invalid.push({
                    rule,
                    ruleSetName: names.get(ruleSetId) ?? 'unknown rule set',
                    messages: issues.map((issue) => issue.message)
                });
            }
        }
    }
    return invalid;
}

/**
 * The org's checks, with "active rules valid" made red when the engine finds an invalid rule the
 * org let through (an older package version, a direct data load): the agent's engine would skip it.
 */
export function mergeClientChecks(report: HealthReport): HealthCheckResult[] {
    const invalid = findInvalidRules(report);
    if (invalid.length === 0) {
        return report.checks;
    }
    const first = invalid[0];
    const reason =
        `${invalid.length} active ${invalid.length === 1 ? 'rule is' : 'rules are'} invalid for the agent's engine: ` +
        `"${first.rule.name}" (${first.ruleSetName}): ${first.messages[0]}` +
        (invalid.length > 1 ? ` And ${invalid.length - 1} more.` : '');
    const clientCheck: HealthCheckResult = {
        id: RULES_VALID_CHECK_ID,
        label: 'Active rules valid',
        status: 'red',
        reason,
        fix: 'Open the rule builder and fix or deactivate the rule.'
    };
    const server = report.checks.find((check) => check.id === RULES_VALID_CHECK_ID);
    if (server?.status === 'red') {
        // The org already says red: keep its words, it may know more (e.g. missing statuses).
        return report.checks;
    }
    if (!server) {
        return [...report.checks, clientCheck];
    }
    return report.checks.map((check) => (check.id === RULES_VALID_CHECK_ID ? clientCheck : check));
}

export function worstColour(checks: readonly HealthCheckResult[]): HealthColour {
    return checks.reduce<HealthColour>(
        (worst, check) => (COLOUR_RANK[check.status] > COLOUR_RANK[worst] ? check.status : worst),
        'green'
    );
}

/** "2 problems and 1 warning need attention." / "Everything is healthy." */
export function summarise(checks: readonly HealthCheckResult[]): string {
    const red = checks.filter((check) => check.status === 'red').length;
    const amber = checks.filter((check) => check.status === 'amber').length;
    if (red === 0 && amber === 0) {
        return `All ${checks.length} checks passed: sync is healthy.`;
    }
    const parts = [];
    if (red) {
        parts.push(`${red} ${red === 1 ? 'problem' : 'problems'}`);
    }
    if (amber) {
        parts.push(`${amber} ${amber === 1 ? 'warning' : 'warnings'}`);
    }
    return `${parts.join(' and ')} ${red + amber === 1 ? 'needs' : 'need'} attention.`;
}

export interface SyncedStatusRow {
    key: string;
    ruleSetName: string;
    appliesTo: string;
    connectState: string;
    omniStatus: string;
    direction: string;
    /** Why the pair holds only sometimes, or empty. */
    note: string;
}

export function appliesTo(ruleSet: RuleSet): string {
    const targets = ruleSet.assignments.map(
        (a) => `${a.targetName} (${a.type === 'Group' ? 'team' : a.type})`
    );
    if (ruleSet.isDefault) {
        return targets.length
            ? `Everyone without a more specific rule set, and ${targets.join(', ')}`
            : 'Everyone without a more specific rule set';
    }
    return targets.length ? targets.join(', ') : 'Nobody yet (no assignment)';
}

/** The "actively synced statuses" table: every Connect state / Omni status pair active rules keep in step. */
export function syncedStatusRows(report: HealthReport): SyncedStatusRow[] {
    const rows: SyncedStatusRow[] = [];
    for (const ruleSet of report.ruleSets) {
        const rules = (report.rulesByRuleSet[ruleSet.id] ?? []).filter((rule) => rule.active);
        if (rules.length === 0) {
            continue;
        }
        for (const pair of coverageMatrix(rules).pairs) {
            if (!pair.direction) {
                continue;
            }
            rows.push({
                key: `${ruleSet.id}|${pair.connectState}|${pair.omniStatus}`,
                ruleSetName: ruleSet.name,
                appliesTo: appliesTo(ruleSet),
                connectState: pair.connectState,
                omniStatus: pair.omniStatus,
                direction: MAPPING_TYPE_LABELS[DIRECTION_TYPE[pair.direction]],
                note: pair.conditional ? 'Only from some previous Connect states' : ''
            });
        }
    }
    return rows;
}

export interface LiveAgentRow extends AgentLiveState {
    syncText: string;
    syncClass: string;
    lastSyncText: string;
    heartbeatText: string;
    pausedText: string;
    stale: boolean;
}

const SYNC_WORDS: Record<string, string> = {
    'in-sync': 'In sync',
    syncing: 'Syncing',
    pending: 'Waiting for a contact to end',
    'no-rule': 'No rule for the current state',
    'out-of-sync': 'Out of sync',
    paused: 'Paused',
    'not-ready': 'Starting',
    'read-only': 'Watching (another tab syncs)',
    disabled: 'Sync switched off'
};

/** States an agent passes through on the way to in sync: normal, so not shown as a problem. */
const ON_THE_WAY = new Set(['syncing', 'pending', 'not-ready', 'read-only']);

function syncClassOf(status: string, paused: boolean, stale: boolean): string {
    if (stale || paused) {
        return 'slds-text-color_error';
    }
    if (status === 'in-sync') {
        return 'slds-text-color_success';
    }
    return ON_THE_WAY.has(status) ? 'slds-text-color_weak' : 'slds-text-color_error';
}

function ago(ms: number): string {
    return `${formatDuration(Math.max(0, ms))} ago`;
}

/** Live agents, problems first, then by name. */
export function liveAgentRows(agents: readonly AgentLiveState[], now: number): LiveAgentRow[] {
    const rank = (row: LiveAgentRow): number => {
        if (row.paused || row.status === 'out-of-sync') {
            return 0;
        }
        return row.stale ? 1 : 2;
    };
    return agents
        .map((agent): LiveAgentRow => {
            const stale = now - agent.lastHeartbeat > STALE_HEARTBEAT_MS;
            return {
                ...agent,
                stale,
                syncText: stale
                    ? `Not seen for ${formatDuration(now - agent.lastHeartbeat)}`
                    : (SYNC_WORDS[agent.status] ?? agent.status),
                syncClass: syncClassOf(agent.status, agent.paused, stale),
                lastSyncText: agent.lastSyncAt === null ? 'No sync yet' : ago(now - agent.lastSyncAt),
                heartbeatText: ago(now - agent.lastHeartbeat),
                pausedText: agent.paused ? 'Paused by the flapping guard' : 'No'
            };
        })
        .sort((a, b) => rank(a) - rank(b) || a.userName.localeCompare(b.userName));
}
