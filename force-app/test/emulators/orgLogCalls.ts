/**
 * The emulated org's log calls: the agent's writeLogEntries and reportAgentState, the log
 * reader's readLogs, live debugging and purge (PresenceSyncAgentController,
 * PresenceSyncLogController), over the log rules of `orgLog`. Each call is metered as the Apex
 * entry point costs the org.
 */
import type { AgentLiveState, AgentLogState, LogPage, WriteLogResult } from 'presence-sync/contracts';
import {
    AGENT_USER_ID,
    AGENT_USER_NAME,
    buildAccessReport,
    buildAssigneeOptions,
    fakeId
} from '../jest-mocks/apex/fixtures';
import { ApexError, parseJsonArray, parseJsonObject } from './orgData';
import { OrgPart } from './orgData';
import type { ApexHandler } from './orgData';
import {
    agentLogState,
    DEBUG_CHANNEL,
    DEBUG_MINUTES,
    emptyLogRecord,
    expired,
    setDebugWindow,
    writeLog
} from './orgLog';
import type { AgentLogRecord } from './orgLog';

/** Log entries the store keeps at most (the org's storage is bounded by retention; here by count too). */
const LOG_LIMIT = 20000;

/** The workbench user who debugs agents live (the log reader's supervisor). */
const SUPERVISOR_NAME = 'Sam Supervisor';

export class OrgLogCalls extends OrgPart {
    /** The Apex methods this part serves (searchAgents is the org's). */
    handlers(): Record<string, ApexHandler> {
        return {
            'PresenceSyncAgentController.writeLogEntries': (p) => this.writeLogEntries(p),
            'PresenceSyncAgentController.reportAgentState': (p) => this.reportAgentState(p),
            'PresenceSyncLogController.readLogs': (p) => this.readLogs(p),
            'PresenceSyncLogController.purgeLogs': () => this.purgeLogs(),
            'PresenceSyncLogController.startLiveDebug': (p) => this.liveDebug(p, true),
            'PresenceSyncLogController.stopLiveDebug': (p) => this.liveDebug(p, false)
        };
    }

    /** The agent's own state record (PresenceSyncAgentStateStore): created at the first write. */
    private agentLog(userId: string): AgentLogRecord {
        return (this.data.agentLogs[userId] ??= emptyLogRecord());
    }

    private writeLogEntries(params: Record<string, unknown>): WriteLogResult {
        const items = parseJsonArray<unknown>(params.entriesJson, 'entriesJson');
        const outcome = writeLog(this.agentLog(AGENT_USER_ID), items, params.stateJson, {
            level: this.data.settings.logLevel,
            now: this.org.time(),
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
        this.org.meter.record('PresenceSyncAgentController.writeLogEntries', outcome.cost);
        this.org.persist();
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
        this.org.meter.record('PresenceSyncAgentController.reportAgentState', {
            soql: 1,
            queryRows: 1,
            dmlStatements: 1,
            dmlRows: 1
        });
        this.org.persist();
        const record = this.agentLog(AGENT_USER_ID);
        return { debugUntil: record.debugUntil, debugSetAt: record.debugSetAt };
    }

    storeHeartbeat(state: Omit<AgentLiveState, 'userId' | 'userName' | 'lastHeartbeat'>): void {
        const live: AgentLiveState = {
            ...state,
            userId: AGENT_USER_ID,
            userName: AGENT_USER_NAME,
            lastHeartbeat: this.org.time()
        };
        this.agentLog(AGENT_USER_ID).lastHeartbeat = live.lastHeartbeat;
        this.data.liveAgents = [...this.data.liveAgents.filter((a) => a.userId !== live.userId), live];
    }

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
        const now = this.org.time();
        const record = this.agentLog(userId);
        setDebugWindow(record, on ? now + (minutes as number) * 60_000 : now, now, SUPERVISOR_NAME);
        this.org.meter.record(`PresenceSyncLogController.${on ? 'start' : 'stop'}LiveDebug`, {
            soql: 2,
            queryRows: 2,
            dmlStatements: 2,
            dmlRows: 1,
            eventsPublished: 1
        });
        this.org.persist();
        this.org.publish(DEBUG_CHANNEL, {
            User_Id__c: userId,
            Until_Ms__c: record.debugUntil,
            Set_At_Ms__c: record.debugSetAt
        });
        return agentLogState(userId, record);
    }

    /** PresenceSyncLogService.purge: steps past the retention, summaries past theirs; the agents' counters go down. */
    private purgeLogs(): { deleted: number } {
        const now = this.org.time();
        const gone = this.data.logs.filter((e) => expired(e, now, this.data.settings));
        this.data.logs = this.data.logs.filter((e) => !expired(e, now, this.data.settings));
        for (const entry of gone) {
            const record = this.data.agentLogs[entry.userId];
            if (record) {
                record.rowsStored = Math.max(0, record.rowsStored - 1);
            }
        }
        this.org.persist();
        return { deleted: gone.length };
    }
}
