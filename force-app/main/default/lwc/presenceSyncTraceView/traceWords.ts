/**
 * The trace's words: labels for sides, steps, levels and results, one sentence per entry, and
 * durations and clock times as support staff read them. Pure.
 */
import type {
    Destination,
    PresenceEvent,
    Side,
    SyncOutcome,
    TraceEntry,
    TraceLevel,
    TraceResult,
    TraceStep
} from 'c/presenceSyncEngine';

export const SIDE_LABELS: Record<Side, string> = {
    connect: 'Amazon Connect',
    omni: 'Omni-Channel'
};

export const STEP_LABELS: Record<TraceStep, string> = {
    'rules-loaded': 'Rules loaded',
    'side-ready': 'Side ready',
    'event-received': 'Event received',
    'event-queued': 'Event held',
    'rules-evaluated': 'Rules evaluated',
    decision: 'Decision',
    'call-issued': 'Platform call',
    'call-result': 'Result',
    'sync-paused': 'Sync paused',
    'sync-resumed': 'Sync resumed',
    'writer-changed': 'Writer tab changed',
    'sync-summary': 'Sync summary',
    'sync-detail': 'Sync (every step)'
};

export const LEVEL_LABELS: Record<TraceLevel, string> = { info: 'Info', warn: 'Warning', error: 'Error' };

export const RESULT_LABELS: Record<TraceResult, string> = {
    success: 'Success',
    failure: 'Failure',
    queued: 'Queued',
    skipped: 'Skipped',
    suppressed: 'Suppressed'
};

/** What a correlation came to, worst first. `no-match`: an event no active rule matched. */
export type TimelineOutcome = SyncOutcome;

export const OUTCOME_LABELS: Record<TimelineOutcome, string> = {
    failure: 'Failed',
    queued: 'Queued',
    success: 'Synced',
    skipped: 'Skipped',
    suppressed: 'Suppressed',
    'no-match': 'No rule matched',
    info: 'Information'
};

export function destinationSide(destination: Destination): Side {
    return destination === 'ConnectAgentState' ? 'connect' : 'omni';
}

export function otherSide(side: Side): Side {
    return side === 'connect' ? 'omni' : 'connect';
}

export function describeEvent(event: PresenceEvent): string {
    switch (event.type) {
        case 'ConnectStateChange':
            return `Amazon Connect changed from ${event.connectOldState ?? 'unknown'} to ${event.connectNewState ?? 'unknown'}`;
        case 'SalesforceStateChange':
            return `Omni-Channel changed to ${event.salesforceNewState ?? 'unknown'}`;
        case 'SalesforceLogout':
            return 'Omni-Channel logged out';
        case 'SalesforceWorkAccepted':
            return `Omni-Channel work accepted on ${event.serviceChannel ?? 'an unknown channel'}`;
        case 'SalesforceWorkloadChanged': {
            const primary = `Omni-Channel workload changed from ${event.previousWorkload ?? '?'} to ${event.newWorkload ?? '?'} of ${event.configuredCapacity ?? '?'}`;
            // Only orgs that route interruptible work send these numbers.
            return event.configuredInterruptibleCapacity === undefined
                ? primary
                : `${primary}, interruptible from ${event.previousInterruptibleWorkload ?? '?'} to ${event.newInterruptibleWorkload ?? '?'} of ${event.configuredInterruptibleCapacity}`;
        }
        default:
            return 'Unknown event';
    }
}

function withMessage(text: string, message: string | undefined): string {
    return message ? `${text}: ${message}` : text;
}

/** One sentence for one trace entry. */
export function describeEntry(entry: TraceEntry): string {
    const target = entry.destination ? SIDE_LABELS[destinationSide(entry.destination)] : null;
    switch (entry.step) {
        case 'event-received':
            // An echo of our own write carries why no rules ran on it.
            return withMessage(entry.event ? describeEvent(entry.event) : 'Event received', entry.message);
        case 'rules-evaluated': {
            if (entry.message) {
                return entry.message;
            }
            const matched = entry.matchedRuleIds?.length ?? 0;
            return matched === 0
                ? 'No active rule matched'
                : `${matched} rule${matched === 1 ? '' : 's'} matched`;
        }
        case 'decision': {
            let text = target ? `Set ${target} to ${entry.value ?? 'unknown'}` : 'No change';
            if (entry.ruleName) {
                text += ` (rule "${entry.ruleName}")`;
            }
            if (entry.result === 'skipped' || entry.result === 'suppressed') {
                text += `, ${entry.result}`;
            }
            return withMessage(text, entry.message);
        }
        case 'call-issued':
            return withMessage(
                `Asked ${target ?? 'the platform'} for ${entry.value ?? 'a change'}`,
                entry.message
            );
        case 'call-result': {
            const result = entry.result ? RESULT_LABELS[entry.result] : 'Done';
            const latency = entry.latencyMs !== undefined ? ` after ${formatDuration(entry.latencyMs)}` : '';
            return withMessage(`${result}${latency}`, entry.message);
        }
        case 'side-ready':
            return entry.message ?? `${entry.side ? SIDE_LABELS[entry.side] : 'A side'} ready`;
        default:
            return withMessage(STEP_LABELS[entry.step] ?? entry.step, entry.message);
    }
}

/** "185 ms", "40 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
    if (ms < 1000) {
        return `${Math.round(ms)} ms`;
    }
    const seconds = Math.round(ms / 1000);
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        const rest = seconds % 60;
        return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    const restMinutes = minutes % 60;
    return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
}

/** Local wall-clock time with milliseconds, "09:30:12.125": support staff compare it with what the agent saw. */
export function formatClock(at: number): string {
    const d = new Date(at);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
