/**
 * What can stand between the agent and sync, in the agent's words: missing permissions, sync
 * switched off, no CCP URL, no active rules, and what the Connect port reports.
 */
import type { ConnectProblem } from 'c/presenceSyncConnectPort';
import type { AgentConfiguration, PermissionName } from 'presence-sync/contracts';

export type ProblemKey =
    | 'configuration'
    | 'permission'
    | 'switched-off'
    | 'ccp-url'
    | 'no-rules'
    | 'omni'
    | 'omni-warning'
    | 'rules-reload'
    | 'connect'
    | 'connect-warning';

export interface Problem {
    key: ProblemKey;
    title: string;
    message: string;
    severity: 'error' | 'warning' | 'info';
    /** The agent can fix it by signing in to Amazon Connect (the panel shows a Sign in button). */
    signIn?: boolean;
    /** For a Connect problem: which one (a later "over" clears only that one). */
    code?: string;
}

/** Without these the component cannot sync for this user. */
const REQUIRED_FOR_SYNC: PermissionName[] = [
    'PresenceSyncRunSync',
    'ReadRuleObjects',
    'ViewStatusDeveloperNames'
];

/** Why sync cannot run for this user at all, or null when it may. */
export function problemsBeforeSync(configuration: AgentConfiguration): Problem | null {
    const missing = configuration.access.checks.filter(
        (c) => !c.granted && REQUIRED_FOR_SYNC.includes(c.name)
    );
    if (missing.length > 0) {
        return {
            key: 'permission',
            severity: 'error',
            title: `Presence Sync needs a permission you do not have: ${missing.map((c) => c.label).join(', ')}`,
            message: missing.map((c) => c.reason ?? `${c.label} is not granted.`).join(' ')
        };
    }
    if (!configuration.syncEnabled) {
        return {
            key: 'switched-off',
            severity: 'info',
            title: 'Presence Sync is switched off',
            message:
                'Your admin has switched sync off (Presence Sync Settings). Amazon Connect and Omni-Channel ' +
                'will not be kept in step until it is switched on again.'
        };
    }
    if (!configuration.settings.ccpUrl) {
        return {
            key: 'ccp-url',
            severity: 'error',
            title: 'No Amazon Connect address is set',
            message:
                'Ask your admin to enter the CCP URL of your Amazon Connect instance in Presence Sync Settings.'
        };
    }
    return null;
}

/** An agent whose rule set has no active rules is told so: nothing will be kept in step. */
export function ruleProblems(configuration: AgentConfiguration | null, activeRules: number): Problem | null {
    if (!configuration || activeRules > 0) {
        return null;
    }
    const which = configuration.ruleSet
        ? `Your rule set "${configuration.ruleSet.name}"`
        : 'No rule set applies to you: it';
    return {
        key: 'no-rules',
        severity: 'warning',
        title: 'You have no active presence sync rules',
        message:
            `${which} has no active rules, so Presence Sync shows both sides but changes neither. ` +
            'Ask your admin to add or activate rules for you.'
    };
}

const CONNECT_TITLES: Record<ConnectProblem['code'], string> = {
    'streams-not-loaded': 'Amazon Connect is not available',
    'ccp-not-acknowledged': 'The Amazon Connect softphone does not load',
    'access-denied': 'Amazon Connect is not available',
    'ccp-in-use': 'Amazon Connect is not available',
    'sign-in': 'Sign in to Amazon Connect',
    'multiple-browsers': 'Amazon Connect is open in another browser'
};

/** Where a Connect problem shows: errors in one place, the two-browsers warning beside them. */
export function connectProblemKey(code: ConnectProblem['code']): ProblemKey {
    return code === 'multiple-browsers' ? 'connect-warning' : 'connect';
}

export function connectProblem(problem: ConnectProblem): Problem {
    const key = connectProblemKey(problem.code);
    return {
        key,
        code: problem.code,
        severity: key === 'connect' ? 'error' : 'warning',
        title: CONNECT_TITLES[problem.code],
        message: problem.message,
        signIn: problem.code === 'sign-in' || problem.code === 'ccp-not-acknowledged'
    };
}
