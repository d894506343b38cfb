/**
 * The Apex methods the components call, typed. Parameters are passed as one object, as LWC does.
 * Lists and rule payloads go over as JSON strings so that Apex validates them in one place.
 */
declare module '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration' {
    import type { AgentConfiguration } from 'presence-sync/contracts';
    export default function getAgentConfiguration(): Promise<AgentConfiguration>;
}
declare module '@salesforce/apex/PresenceSyncAgentController.writeLogEntries' {
    import type { WriteLogResult } from 'presence-sync/contracts';
    /**
     * `entriesJson`: JSON array of TraceEntry (plus optional tabId); `stateJson`: the live state
     * (as reportAgentState's) when it changed, so that the heartbeat rides along; null otherwise.
     */
    export default function writeLogEntries(params: {
        entriesJson: string;
        stateJson?: string | null;
    }): Promise<WriteLogResult>;
}
declare module '@salesforce/apex/PresenceSyncAgentController.reportAgentState' {
    import type { AgentStateAnswer } from 'presence-sync/contracts';
    /** `stateJson`: JSON of AgentLiveState without userId/userName/lastHeartbeat (the server stamps those). */
    export default function reportAgentState(params: { stateJson: string }): Promise<AgentStateAnswer>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData' {
    import type { RuleBuilderData } from 'presence-sync/contracts';
    export default function getRuleBuilderData(): Promise<RuleBuilderData>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.getRules' {
    import type { PresenceSyncRule } from 'c/presenceSyncEngine';
    export default function getRules(params: { ruleSetId: string }): Promise<PresenceSyncRule[]>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.saveRules' {
    import type { SaveRulesResult } from 'presence-sync/contracts';
    /**
     * `rulesJson`: JSON array of PresenceSyncRule; ids that are not record ids are inserted. All or
     * nothing: when any rule is refused, nothing is saved and every refusal is reported.
     */
    export default function saveRules(params: {
        ruleSetId: string;
        rulesJson: string;
    }): Promise<SaveRulesResult>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.saveRuleBatch' {
    import type { SaveRulesResult } from 'presence-sync/contracts';
    /**
     * All or nothing: saves `rulesJson` (as saveRules) and deletes `deleteRuleIds` of the rule set
     * in one transaction, or changes nothing and reports every refused rule.
     */
    export default function saveRuleBatch(params: {
        ruleSetId: string;
        rulesJson: string;
        deleteRuleIds: string[];
    }): Promise<SaveRulesResult>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.deleteRuleSet' {
    import type { RuleSetDeletion } from 'presence-sync/contracts';
    /** Deletes a rule set and its rules; its assignments move to `moveAssignmentsToId`, or are deleted when null. */
    export default function deleteRuleSet(params: {
        ruleSetId: string;
        moveAssignmentsToId: string | null;
    }): Promise<RuleSetDeletion>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.deleteRules' {
    export default function deleteRules(params: { ruleIds: string[] }): Promise<void>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.setRulesActive' {
    export default function setRulesActive(params: { ruleIds: string[]; active: boolean }): Promise<void>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.reorderRules' {
    export default function reorderRules(params: {
        ruleSetId: string;
        orderedRuleIds: string[];
    }): Promise<void>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.saveRuleSet' {
    import type { RuleSet } from 'presence-sync/contracts';
    /** `ruleSetJson`: JSON of RuleSet (id null to insert); assignments are replaced as given. */
    export default function saveRuleSet(params: { ruleSetJson: string }): Promise<RuleSet>;
}
declare module '@salesforce/apex/PresenceSyncRuleController.searchAssignees' {
    import type { AssigneeOption, AssignmentType } from 'presence-sync/contracts';
    export default function searchAssignees(params: {
        type: AssignmentType;
        term: string;
    }): Promise<AssigneeOption[]>;
}
declare module '@salesforce/apex/PresenceSyncLogController.readLogs' {
    import type { LogPage } from 'presence-sync/contracts';
    export default function readLogs(params: {
        userId: string;
        fromMs: number;
        toMs: number;
        pageSize: number;
        pageToken: string | null;
    }): Promise<LogPage>;
}
declare module '@salesforce/apex/PresenceSyncLogController.searchAgents' {
    import type { AssigneeOption } from 'presence-sync/contracts';
    export default function searchAgents(params: { term: string }): Promise<AssigneeOption[]>;
}
declare module '@salesforce/apex/PresenceSyncLogController.startLiveDebug' {
    import type { AgentLogState } from 'presence-sync/contracts';
    /** Every step of the agent's sync for `minutes` (5, 15, 30 or 60). */
    export default function startLiveDebug(params: {
        userId: string;
        minutes: number;
    }): Promise<AgentLogState>;
}
declare module '@salesforce/apex/PresenceSyncLogController.stopLiveDebug' {
    import type { AgentLogState } from 'presence-sync/contracts';
    export default function stopLiveDebug(params: { userId: string }): Promise<AgentLogState>;
}
declare module '@salesforce/apex/PresenceSyncLogController.purgeLogs' {
    export default function purgeLogs(): Promise<{ deleted: number }>;
}
declare module '@salesforce/apex/PresenceSyncHealthController.getHealthReport' {
    import type { HealthReport } from 'presence-sync/contracts';
    export default function getHealthReport(): Promise<HealthReport>;
}
declare module '@salesforce/apex/PresenceSyncHealthController.schedulePurge' {
    export default function schedulePurge(): Promise<void>;
}
