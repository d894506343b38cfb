/**
 * The emulated org's health report (PresenceSyncHealthController.getHealthReport): the facts it
 * has gathered (rules, the seed agent, the log, the agents heard from) judged by `orgHealth`.
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { HealthReport } from 'presence-sync/contracts';
import { AGENT_USER_ID, AGENT_USER_NAME, buildAccessReport } from '../jest-mocks/apex/fixtures';
import type { OrgContext } from './orgData';
import { judgeHealth, LIVE_WINDOW_MS } from './orgHealth';
import type { HealthAgent } from './orgHealth';
import { logHealthFacts } from './orgLog';
import { AGENT_MEMBERSHIP, ruleSetFor } from './orgAgent';
import type { OrgRules } from './orgRules';

/** What the org is configured with beyond its records. */
export interface HealthFacts {
    /** Developer names of the statuses the seed agent's presence configuration grants. */
    grantedStatuses: string[];
    /** Data storage (OrgLimits DataStorageMB). */
    dataStorageMaxMb: number;
}

export function healthReport(org: OrgContext, rules: OrgRules, facts: HealthFacts): HealthReport {
    const now = org.time();
    const data = org.data();
    const settings = data.settings;
    const access = buildAccessReport();
    const live = data.liveAgents.filter((a) => now - a.lastHeartbeat < LIVE_WINDOW_MS);
    const rulesByRuleSet: Record<string, PresenceSyncRule[]> = {};
    for (const set of data.ruleSets) {
        rulesByRuleSet[set.id] = rules.rulesOf(set.id, true);
    }
    const agents: HealthAgent[] = access.canRunSync
        ? [
              {
                  name: AGENT_USER_NAME,
                  ruleSetId: ruleSetFor(data.ruleSets, AGENT_USER_ID)?.id ?? null,
                  grantedStatuses: [...facts.grantedStatuses],
                  canReadDeveloperNames: access.canReadStatusDeveloperNames,
                  holdsAgentPermissionSet: AGENT_MEMBERSHIP.PermissionSet.length > 0
              }
          ]
        : [];
    const log = logHealthFacts(Object.values(data.agentLogs), data.logs, {
        now,
        settings,
        dataStorageMaxMb: facts.dataStorageMaxMb,
        otherDataMb: 0
    });
    const checks = judgeHealth({
        settings,
        ruleSets: data.ruleSets,
        activeRulesByRuleSet: rulesByRuleSet,
        statusNames: org.statuses.map((s) => s.developerName),
        agents,
        purgeScheduled: data.purgeScheduled,
        log,
        liveAgents: live,
        now,
        twoBrowserAgents: live.filter((a) => a.connectState === 'MultipleCcpWindows').map((a) => a.userName)
    });
    return {
        generatedAt: now,
        checks,
        ruleSets: data.ruleSets.map((s) => ({ ...s })),
        rulesByRuleSet,
        liveAgents: live.map((a) => ({ ...a })),
        logStats: {
            entries24h: log.rowsToday,
            errors24h: log.problemSyncsToday,
            retentionDays: settings.logRetentionDays,
            summaryRetentionDays: settings.logSummaryRetentionDays,
            purgeScheduled: data.purgeScheduled
        }
    };
}
