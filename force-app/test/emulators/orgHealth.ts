/**
 * The emulated org's health checks: the ids, order, colours and wording of
 * PresenceSyncHealthService's checks, judged on the facts the emulated org has. Setup the
 * emulator has no records for (profile and user overrides of the settings, Trusted URLs, the
 * log trigger) is judged as the workbench actually runs: settings at the org level only, the CCP
 * served by the workbench itself, log events always stored.
 */
import { OMNI_OFFLINE, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type {
    AgentLiveState,
    HealthCheckResult,
    PresenceSyncSettings,
    RuleSet
} from 'presence-sync/contracts';
import { HEALTH_CHECK_IDS, HEALTH_CHECK_WORDING } from '../jest-mocks/apex/healthFixtures';
import type { HealthCheckId } from '../jest-mocks/apex/healthFixtures';
import { logCapacity, logStore, logVolume, purgeJob } from './orgLogHealth';
import type { LogCheckFacts, LogHealthFacts } from './orgLogHealth';
import { MAX_NAMES, names, plural, result } from './orgHealthWords';

/** PresenceSyncHealthService.LIVE_WINDOW_MS: heartbeats older than this are not live. */
export const LIVE_WINDOW_MS = 15 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A user holding Presence_Sync_Run_Sync, as far as the checks need to know. */
export interface HealthAgent {
    name: string;
    /** The rule set that applies after precedence; null means the default rule set. */
    ruleSetId: string | null;
    grantedStatuses: string[];
    canReadDeveloperNames: boolean;
    holdsAgentPermissionSet: boolean;
}

/** What PresenceSyncHealthService.Facts holds, as far as the emulated org knows it. */
export interface HealthFacts {
    settings: PresenceSyncSettings;
    ruleSets: RuleSet[];
    activeRulesByRuleSet: Record<string, PresenceSyncRule[]>;
    statusNames: string[];
    agents: HealthAgent[];
    purgeScheduled: boolean;
    /** The log's facts (PresenceSyncLogHealth.Facts). */
    log: LogHealthFacts;
    /** Agents whose utility reported within the live window. */
    liveAgents: AgentLiveState[];
    now: number;
    /** Live agents whose Connect reports MultipleCcpWindows (signed in in two browsers). */
    twoBrowserAgents: string[];
}

function logFacts(facts: HealthFacts): LogCheckFacts {
    return {
        settings: facts.settings,
        agentCount: facts.agents.length,
        purgeScheduled: facts.purgeScheduled,
        liveAgents: facts.liveAgents,
        now: facts.now,
        log: facts.log
    };
}

/** Every check, in the Apex order. */
export function judgeHealth(facts: HealthFacts): HealthCheckResult[] {
    const judges: Record<HealthCheckId, (f: HealthFacts) => HealthCheckResult> = {
        'sync-enabled': syncEnabled,
        'ccp-url': ccpUrl,
        'csp-trusted-site': trustedSite,
        'rules-valid': rulesValid,
        'agent-rule-sets': agentRuleSets,
        'statuses-exist': statusesExist,
        'statuses-granted': statusesGranted,
        'agent-permissions': agentPermissions,
        'log-store': (f) => logStore(logFacts(f)),
        'purge-job': (f) => purgeJob(logFacts(f)),
        'log-volume': (f) => logVolume(logFacts(f)),
        'log-capacity': (f) => logCapacity(logFacts(f)),
        softphone
    };
    return HEALTH_CHECK_IDS.map((id) => judges[id](facts));
}

function syncEnabled(facts: HealthFacts): HealthCheckResult {
    return facts.settings.enabled
        ? result('sync-enabled', 'green', 'Sync is on for everyone (org default).')
        : result(
              'sync-enabled',
              'red',
              'Sync is off for everyone: Enabled is not ticked in Presence Sync Settings at any level.'
          );
}

function ccpUrl(facts: HealthFacts): HealthCheckResult {
    const url = facts.settings.ccpUrl?.trim() ?? '';
    if (url === '') {
        return result(
            'ccp-url',
            'red',
            'No CCP URL is set, so the agent component cannot load Amazon Connect.'
        );
    }
    if (!looksLikeConnect(url)) {
        return result('ccp-url', 'amber', `The CCP URL ${url} does not look like an Amazon Connect address.`);
    }
    return result('ccp-url', 'green', `The CCP URL is ${url}.`);
}

function trustedSite(facts: HealthFacts): HealthCheckResult {
    const url = facts.settings.ccpUrl?.trim() ?? '';
    if (url === '') {
        return result(
            'csp-trusted-site',
            'amber',
            'There is no CCP URL, so no Trusted URL could be checked.',
            'Set the CCP URL in Presence Sync Settings first.'
        );
    }
    // The workbench page and its CCP share one server: no Content Security Policy stands between them.
    return result(
        'csp-trusted-site',
        'green',
        `The workbench serves the CCP at https://${hostOf(url)} without a Content Security Policy, so no Trusted URL is needed.`
    );
}

function rulesValid(facts: HealthFacts): HealthCheckResult {
    let total = 0;
    let invalid = 0;
    let setsWithRules = 0;
    let first: string | null = null;
    for (const ruleSet of facts.ruleSets) {
        const rules = facts.activeRulesByRuleSet[ruleSet.id] ?? [];
        setsWithRules += rules.length > 0 ? 1 : 0;
        for (const rule of rules) {
            total += 1;
            const issues = validateRule(rule);
            if (issues.length > 0) {
                invalid += 1;
                first ??= `"${rule.name}" (${ruleSet.name}): ${issues[0].message}`;
            }
        }
    }
    if (total === 0) {
        return result('rules-valid', 'amber', 'No rule is active, so nothing is synced.');
    }
    if (invalid > 0) {
        return result(
            'rules-valid',
            'red',
            `${plural(invalid, 'active rule')}${invalid === 1 ? ' is' : ' are'} invalid: ${first}` +
                (invalid > 1 ? ` And ${invalid - 1} more.` : '')
        );
    }
    return result(
        'rules-valid',
        'green',
        `All ${plural(total, 'active rule')} in ${plural(setsWithRules, 'rule set')} are valid.`
    );
}

/** PresenceSyncRuleSetHealth.agentRuleSets: an agent whose rule set has no active rule syncs nothing. */
function agentRuleSets(facts: HealthFacts): HealthCheckResult {
    if (facts.agents.length === 0) {
        return result(
            'agent-rule-sets',
            'amber',
            'No agent holds the Presence_Sync_Run_Sync permission, so no rule set could be checked.'
        );
    }
    const defaultSet = facts.ruleSets.find((set) => set.isDefault) ?? null;
    const inUse = new Set<string>();
    const empty: string[] = [];
    const without: string[] = [];
    for (const agent of facts.agents) {
        const set = facts.ruleSets.find((s) => s.id === agent.ruleSetId) ?? defaultSet;
        if (!set) {
            without.push(agent.name);
            continue;
        }
        inUse.add(set.id);
        if ((facts.activeRulesByRuleSet[set.id] ?? []).length === 0) {
            empty.push(`${agent.name} (${set.name})`);
        }
    }
    if (empty.length > 0 || without.length > 0) {
        const parts: string[] = [];
        if (empty.length > 0) {
            parts.push(
                `${plural(empty.length, 'agent')} ${empty.length === 1 ? 'gets' : 'get'} a rule set with no active rules, so sync changes nothing for them: ${names(empty)}.`
            );
        }
        if (without.length > 0) {
            parts.push(
                `${plural(without.length, 'agent')} ${without.length === 1 ? 'gets' : 'get'} no rule set at all (there is no org default): ${names(without)}.`
            );
        }
        return result(
            'agent-rule-sets',
            'red',
            parts.join(' '),
            without.length > 0 && empty.length === 0
                ? 'In the rule builder, make a rule set the org default or assign one to these agents.'
                : HEALTH_CHECK_WORDING['agent-rule-sets'].red?.fix
        );
    }
    return result(
        'agent-rule-sets',
        'green',
        `${facts.agents.length === 1 ? 'The rule set of the 1 agent has' : `The rule sets of all ${plural(facts.agents.length, 'agent')} have`} active rules (${plural(inUse.size, 'rule set')} in use).`
    );
}

function statusesExist(facts: HealthFacts): HealthCheckResult {
    const named = new Set(
        Object.values(facts.activeRulesByRuleSet).flatMap((rules) =>
            rules.flatMap((rule) => statusesNamed(rule, false))
        )
    );
    if (named.size === 0) {
        return result(
            'statuses-exist',
            'amber',
            'No active rule names an Omni-Channel status, so there is nothing to check.'
        );
    }
    const missing = [...named].filter((name) => !facts.statusNames.includes(name)).sort();
    if (missing.length > 0) {
        return result(
            'statuses-exist',
            'red',
            `Active rules name statuses that do not exist: ${missing.join(', ')}.`
        );
    }
    return result(
        'statuses-exist',
        'green',
        `All ${plural(named.size, 'Omni-Channel status')} that active rules name exist.`
    );
}

function statusesGranted(facts: HealthFacts): HealthCheckResult {
    if (facts.agents.length === 0) {
        return result(
            'statuses-granted',
            'amber',
            'No agent holds the Presence_Sync_Run_Sync permission, so no grant could be checked.'
        );
    }
    const defaultRuleSetId = facts.ruleSets.find((set) => set.isDefault)?.id ?? '';
    const examples: string[] = [];
    let lacking = 0;
    for (const agent of facts.agents) {
        const rules = facts.activeRulesByRuleSet[agent.ruleSetId ?? defaultRuleSetId] ?? [];
        const missing = [
            ...new Set(
                rules
                    .flatMap((rule) => statusesNamed(rule, true))
                    // Unknown statuses are the statuses-exist check's finding, not a grant problem.
                    .filter((s) => facts.statusNames.includes(s) && !agent.grantedStatuses.includes(s))
            )
        ];
        if (missing.length > 0) {
            lacking += 1;
            if (examples.length < MAX_NAMES) {
                examples.push(`${agent.name} (${missing.join(', ')})`);
            }
        }
    }
    if (lacking > 0) {
        return result(
            'statuses-granted',
            'red',
            `${plural(lacking, 'agent')} may not use a status their rules set: ${examples.join(', ')}` +
                `${lacking > examples.length ? ' and others' : ''}.`
        );
    }
    return result(
        'statuses-granted',
        'green',
        `All ${plural(facts.agents.length, 'agent')} may use every status their rules set.`
    );
}

function agentPermissions(facts: HealthFacts): HealthCheckResult {
    if (facts.agents.length === 0) {
        return result(
            'agent-permissions',
            'red',
            'No user holds the Presence_Sync_Run_Sync permission, so nobody syncs.',
            'Assign the Presence Sync Agent permission set to your agents.'
        );
    }
    const blind = facts.agents.filter((a) => !a.canReadDeveloperNames).map((a) => a.name);
    const withoutSet = facts.agents.filter((a) => !a.holdsAgentPermissionSet).map((a) => a.name);
    if (blind.length > 0) {
        return result(
            'agent-permissions',
            'red',
            `${blind.length} of ${plural(facts.agents.length, 'agent')} cannot read status developer names: ${names(blind)}.`
        );
    }
    if (withoutSet.length > 0) {
        return result(
            'agent-permissions',
            'amber',
            `${plural(withoutSet.length, 'agent')}${withoutSet.length === 1 ? ' holds' : ' hold'} ` +
                `Presence_Sync_Run_Sync without the Presence Sync Agent permission set: ${names(withoutSet)}.`
        );
    }
    return result(
        'agent-permissions',
        'green',
        `All ${plural(facts.agents.length, 'agent')} hold the Presence Sync Agent permission set and can read status developer names.`
    );
}

/** The statuses a rule sets (`setOnly`), or also the one its criterion compares with; never Offline. */
function statusesNamed(rule: PresenceSyncRule, setOnly: boolean): string[] {
    const found: Array<string | null | undefined> = [];
    if (rule.destination === 'SalesforceAgentState') {
        found.push(rule.destinationValue);
    }
    if (!setOnly && rule.source === 'SalesforceStateChange') {
        if (rule.operandA === 'SalesforceNewState' && rule.operandB === 'StaticValue') {
            found.push(rule.operandBValue);
        }
        if (rule.operandB === 'SalesforceNewState' && rule.operandA === 'StaticValue') {
            found.push(rule.operandAValue);
        }
    }
    return [
        ...new Set(
            found
                .map((name) => (typeof name === 'string' ? name.trim() : ''))
                .filter((name) => name !== '' && name !== OMNI_OFFLINE)
        )
    ];
}

function hostOf(url: string): string {
    let host = url.trim().toLowerCase();
    const scheme = host.indexOf('://');
    if (scheme >= 0) {
        host = host.slice(scheme + 3);
    }
    return host.split(/[/:?#]/)[0];
}

function looksLikeConnect(url: string): boolean {
    const host = hostOf(url);
    return (
        url.trim().toLowerCase().startsWith('https://') &&
        (host.endsWith('.my.connect.aws') || host.endsWith('.awsapps.com'))
    );
}

/**
 * PresenceSyncSoftphoneCheck: agents signed in in two browsers, then the microphone when the CCP
 * is the softphone. The workbench serves the CCP itself, so, as for the Trusted URL check, its
 * own page counts as a Trusted URL that allows the microphone.
 */
function softphone(facts: HealthFacts): HealthCheckResult {
    if (facts.twoBrowserAgents.length > 0) {
        return result(
            'softphone',
            'amber',
            `${facts.twoBrowserAgents.join(', ')}: Amazon Connect reports MultipleCcpWindows, the CCP signed in in two different browsers at once (several tabs of one browser are fine).`,
            'Ask them to sign out of Amazon Connect in the other browser.'
        );
    }
    if (!facts.settings.softphone) {
        return result('softphone', 'green', HEALTH_CHECK_WORDING.softphone.green.reason);
    }
    const origin = facts.settings.ccpUrl
        ? new URL(facts.settings.ccpUrl).origin
        : 'the Amazon Connect domain';
    return result(
        'softphone',
        'green',
        `Presence Sync is the softphone for some agents, and Trusted URL Workbench allows the microphone for ${origin}.`
    );
}
