/**
 * Typed builders for PresenceSyncHealthController.getHealthReport, with the wording the Apex
 * (PresenceSyncHealthService) produces for each check in each colour, on the seed's org:
 * the default rule set with the seed's four rules, the Phone team rule set, two live agents.
 *
 * ```ts
 * jest.mocked(getHealthReport).mockResolvedValue(
 *     buildHealthReport({ colours: { 'csp-trusted-site': 'red' } })
 * );
 * ```
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { connectToOmni } from '../../ruleShapes';
import type { AgentLiveState, HealthCheckResult, HealthColour, HealthReport } from 'presence-sync/contracts';
import {
    AGENT_USER_ID,
    AGENT_USER_NAME,
    DEFAULT_RULE_SET_ID,
    buildRuleSets,
    buildSeedRules,
    fakeId
} from './fixtures';

/** The ids PresenceSyncHealthService gives its checks, in the order it returns them. */
export const HEALTH_CHECK_IDS = [
    'sync-enabled',
    'ccp-url',
    'csp-trusted-site',
    'rules-valid',
    'agent-rule-sets',
    'statuses-exist',
    'statuses-granted',
    'agent-permissions',
    'log-store',
    'purge-job',
    'log-volume',
    'log-capacity',
    'softphone'
] as const;

export type HealthCheckId = (typeof HEALTH_CHECK_IDS)[number];

type Wording = { reason: string; fix: string | null };

/** Wording per colour; a check that is never red has none for red. */
type CheckWording = { label: string } & Record<'green' | 'amber', Wording> & Partial<Record<'red', Wording>>;

/** Example wording per check and colour, as the Apex writes it for the seed org. */
export const HEALTH_CHECK_WORDING: Record<HealthCheckId, CheckWording> = {
    'sync-enabled': {
        label: 'Sync switched on',
        green: { reason: 'Sync is on for everyone (org default).', fix: null },
        amber: {
            reason: 'Sync is on only for 1 profile and 2 users; everyone else stays off.',
            fix: 'If more agents should sync, tick Enabled in the org default of Presence Sync Settings.'
        },
        red: {
            reason: 'Sync is off for everyone: Enabled is not ticked in Presence Sync Settings at any level.',
            fix: 'In Setup, Custom Settings, Presence Sync Settings, tick Enabled for the org or for the profiles and users who should sync.'
        }
    },
    'ccp-url': {
        label: 'Amazon Connect CCP URL',
        green: { reason: 'The CCP URL is https://presence-sync-demo.my.connect.aws/ccp-v2/.', fix: null },
        amber: {
            reason: 'The CCP URL https://example.com/ccp does not look like an Amazon Connect address.',
            fix: 'Copy the CCP URL from your Amazon Connect instance (https://<instance>.my.connect.aws/ccp-v2/) into Presence Sync Settings.'
        },
        red: {
            reason: 'No CCP URL is set, so the agent component cannot load Amazon Connect.',
            fix: 'Enter your instance’s CCP URL (https://<instance>.my.connect.aws/ccp-v2/) in Presence Sync Settings.'
        }
    },
    'csp-trusted-site': {
        label: 'Trusted URL for Amazon Connect',
        green: {
            reason: 'Trusted URL AmazonConnect allows frames from https://presence-sync-demo.my.connect.aws.',
            fix: null
        },
        amber: {
            reason: 'Trusted URL AmazonConnect covers https://presence-sync-demo.my.connect.aws but does not allow frames, so the CCP cannot load.',
            fix: 'In Setup, Trusted URLs, edit AmazonConnect and tick frame-src.'
        },
        red: {
            reason: 'No active Trusted URL covers https://presence-sync-demo.my.connect.aws, so the browser blocks the CCP.',
            fix: 'In Setup, Trusted URLs, add https://presence-sync-demo.my.connect.aws with the frame-src directive.'
        }
    },
    'rules-valid': {
        label: 'Active rules valid',
        green: { reason: 'All 4 active rules in 1 rule set are valid.', fix: null },
        amber: {
            reason: 'No rule is active, so nothing is synced.',
            fix: 'Activate rules in the Presence Sync rule builder.'
        },
        red: {
            reason: '1 active rule is invalid: "Connect Lunch sets Omni-Channel Lunch" (Default presence sync rules): Set the Omni-Channel status the rule sets.',
            fix: 'Open the rule builder and fix or deactivate the rule.'
        }
    },
    'agent-rule-sets': {
        label: 'Rules for every agent',
        green: {
            reason: 'The rule sets of all 12 agents have active rules (2 rule sets in use).',
            fix: null
        },
        amber: {
            reason: 'No agent holds the Presence_Sync_Run_Sync permission, so no rule set could be checked.',
            fix: 'Assign the Presence Sync Agent permission set to your agents.'
        },
        red: {
            reason: '1 agent gets a rule set with no active rules, so sync changes nothing for them: Avery Agent (Phone team).',
            fix: 'In the rule builder, add and activate rules in that rule set, or remove its assignments so those agents get the org default.'
        }
    },
    'statuses-exist': {
        label: 'Omni-Channel statuses exist',
        green: { reason: 'All 3 Omni-Channel statuses that active rules name exist.', fix: null },
        amber: {
            reason: 'No active rule names an Omni-Channel status, so there is nothing to check.',
            fix: 'Add rules that read or set Omni-Channel statuses in the rule builder.'
        },
        red: {
            reason: 'Active rules name statuses that do not exist: Lunch_Break.',
            fix: 'Create the status in Setup, Omni-Channel, Presence Statuses, or correct the rules that name it.'
        }
    },
    'statuses-granted': {
        label: 'Statuses granted to agents',
        green: { reason: 'All 12 agents may use every status their rules set.', fix: null },
        amber: {
            reason: 'No agent holds the Presence_Sync_Run_Sync permission, so no grant could be checked.',
            fix: 'Assign the Presence Sync Agent permission set to your agents.'
        },
        red: {
            reason: '2 agents may not use a status their rules set: Avery Agent (Lunch), Blake Backup (Working_Phone).',
            fix: 'Add the statuses to the agents’ profile or a permission set under Service Presence Status Access.'
        }
    },
    'agent-permissions': {
        label: 'Agent permissions',
        green: {
            reason: 'All 12 agents hold the Presence Sync Agent permission set and can read status developer names.',
            fix: null
        },
        amber: {
            reason: '1 agent holds Presence_Sync_Run_Sync without the Presence Sync Agent permission set: Blake Backup.',
            fix: 'Assign the Presence Sync Agent permission set, which also grants read access to the rules.'
        },
        red: {
            reason: '2 of 12 agents cannot read status developer names: Avery Agent, Blake Backup.',
            fix: 'Grant View Setup and Configuration or View DeveloperName to the agents through a permission set.'
        }
    },
    'log-store': {
        label: 'Log storage',
        green: {
            reason: 'Log entries are stored (log level Summary); summaries are kept 1 day, the steps of syncs that went wrong 14 days.',
            fix: null
        },
        amber: {
            reason: 'The log level is Off, so nothing is stored and the log reader stays empty.',
            fix: 'Set Log Level to Summary (blank) or Errors in Presence Sync Settings.'
        },
        red: {
            reason: "The trigger that stores log events, PresenceSyncLogEventTrigger, is not active, so the server's own error entries are lost.",
            fix: 'Reinstall the Presence Sync package or activate the trigger in Setup, Apex Triggers.'
        }
    },
    'purge-job': {
        label: 'Log purge job',
        green: {
            reason: 'The purge job runs every hour; it deletes summaries older than 1 day and steps older than 14 days.',
            fix: null
        },
        amber: {
            reason: 'No purge job is scheduled, so log entries are kept past their retention.',
            fix: 'An admin clicks Schedule purge on this page to run it every hour.'
        },
        red: {
            reason: 'The purge job is scheduled, yet entries older than their retention remain (the oldest from 2026-11-01 09:30 GMT).',
            fix: 'Look for failed purge runs in Setup, Apex Jobs, then click Schedule purge again.'
        }
    },
    'log-volume': {
        label: 'Log volume and errors (today)',
        green: { reason: '1,234 entries for 1,180 syncs today, 0.4% of them went wrong.', fix: null },
        amber: {
            reason: '1,234 entries for 1,180 syncs today, 3.1% of them went wrong.',
            fix: 'Open the log reader and filter on errors to see which agents and calls fail.'
        },
        red: {
            reason: '1,234 entries for 1,180 syncs today, 12.0% of them went wrong.',
            fix: 'Open the log reader and filter on errors to see which agents and calls fail.'
        }
    },
    'log-capacity': {
        label: 'Log storage used',
        green: {
            reason: "The log holds about 1,234 entries (2.4 MB of data storage; the org uses 6.1 GB of its 10.2 GB). At 490 entries per agent a day, 12 agents need about 12.8 MB with summaries kept 1 day and steps 14 days: 0.1% of the org's data storage.",
            fix: null
        },
        amber: {
            reason: "The log holds about 1,234,567 entries (2.4 GB of data storage; the org uses 140.3 GB of its 205.1 GB). At 490 entries per agent a day, 10,000 agents need about 10.7 GB with summaries kept 1 day and steps 14 days: 5.2% of the org's data storage.",
            fix: 'Keep summaries fewer days (Log Summary Retention), use log level Errors for some profiles, or add data storage; docs/scale.md says what fits at each agent count.'
        },
        red: {
            reason: "The log holds about 9,876,543 entries (18.8 GB of data storage; the org uses 190.3 GB of its 205.1 GB). At 1,490 entries per agent a day, 10,000 agents need about 31.5 GB with summaries kept 1 day and steps 14 days: 15.4% of the org's data storage.",
            fix: 'Keep summaries fewer days (Log Summary Retention), use log level Errors for some profiles, or add data storage; docs/scale.md says what fits at each agent count.'
        }
    },
    softphone: {
        label: 'Softphone and microphone',
        green: {
            reason: 'Presence Sync runs its CCP without audio beside the agents’ own softphone: it needs no microphone.',
            fix: null
        },
        amber: {
            reason: 'Presence Sync is the softphone for some agents (Use as Softphone), and no Trusted URL for https://presence-sync-demo.my.connect.aws allows the microphone.',
            fix: 'If your org sends the Permissions-Policy header with microphone access limited to Trusted URLs (Setup, Session Settings), edit the Trusted URL for https://presence-sync-demo.my.connect.aws and tick microphone.'
        }
    }
};

export function buildHealthCheck(id: HealthCheckId, status: HealthColour = 'green'): HealthCheckResult {
    const wording = HEALTH_CHECK_WORDING[id];
    const words = wording[status] ?? wording.amber;
    return { id, label: wording.label, status, reason: words.reason, fix: words.fix };
}

export const LIVE_AGENT_ID_2 = fakeId('005', 2);

/** An agent whose component reported a moment ago, in sync. */
export function buildAgentLiveState(overrides: Partial<AgentLiveState> = {}): AgentLiveState {
    const now = Date.UTC(2026, 10, 21, 9, 45, 0);
    return {
        userId: AGENT_USER_ID,
        userName: AGENT_USER_NAME,
        lastHeartbeat: now - 20 * 1000,
        connectState: 'Available',
        omniStatus: 'Available',
        status: 'in-sync',
        lastSyncAt: now - 4 * 60 * 1000,
        lastError: null,
        paused: false,
        ...overrides
    };
}

/** Avery in sync; Blake paused by the flapping guard after Omni-Channel refused a status. */
export function buildLiveAgents(): AgentLiveState[] {
    return [
        buildAgentLiveState(),
        buildAgentLiveState({
            userId: LIVE_AGENT_ID_2,
            userName: 'Blake Backup',
            connectState: 'Lunch',
            omniStatus: 'Available',
            status: 'paused',
            lastError: 'Omni-Channel refused Lunch: the status is not available to this user.',
            paused: true
        })
    ];
}

/** The rule sets of `buildRuleSets()` with their active rules: the seed's four in the default set, one in the team set. */
export function buildRulesByRuleSet(): Record<string, PresenceSyncRule[]> {
    const [defaultSet, teamSet] = buildRuleSets();
    return {
        [defaultSet.id]: buildSeedRules(DEFAULT_RULE_SET_ID),
        [teamSet.id]: [
            {
                id: fakeId('a0C', 9),
                name: 'Connect Lunch sets Omni-Channel Lunch',
                active: true,
                order: 1,
                ruleSetId: teamSet.id,
                ...connectToOmni('Lunch', 'Lunch')
            }
        ]
    };
}

export interface HealthReportOptions extends Partial<HealthReport> {
    /** Colour per check; unlisted checks are green. */
    colours?: Partial<Record<HealthCheckId, HealthColour>>;
}

/** A full report: every check (green unless `colours` says otherwise), rule sets, live agents, log stats. */
export function buildHealthReport(options: HealthReportOptions = {}): HealthReport {
    const { colours = {}, ...overrides } = options;
    return {
        generatedAt: Date.UTC(2026, 10, 21, 9, 45, 0),
        checks: HEALTH_CHECK_IDS.map((id) => buildHealthCheck(id, colours[id] ?? 'green')),
        ruleSets: buildRuleSets(),
        rulesByRuleSet: buildRulesByRuleSet(),
        liveAgents: buildLiveAgents(),
        logStats: {
            entries24h: 1234,
            errors24h: 5,
            retentionDays: 14,
            summaryRetentionDays: 1,
            purgeScheduled: true
        },
        ...overrides
    };
}
