/** Rules and events the rule evaluation's tests share. */
import { evaluateRules } from 'c/presenceSyncEngine';
import type { PresenceEvent, PresenceSyncRule } from 'c/presenceSyncEngine';
import { rule as sessionRule } from './sessionTestRules';

/** A Connect Lunch → Omni Lunch rule named Rule 1 unless told otherwise. */
export function rule(partial: Partial<PresenceSyncRule> = {}): PresenceSyncRule {
    return sessionRule({ id: 'r1', name: 'Rule 1', ...partial });
}

/** Whether a single-criterion rule matches the event. */
export function matches(partial: Partial<PresenceSyncRule>, event: PresenceEvent): boolean {
    return evaluateRules([rule({ source: event.type, ...partial })], event).length === 1;
}

export const connectLunch: PresenceEvent = {
    type: 'ConnectStateChange',
    connectNewState: 'Lunch',
    connectOldState: 'Available'
};
export const workload: PresenceEvent = {
    type: 'SalesforceWorkloadChanged',
    previousWorkload: 3,
    newWorkload: 4,
    configuredCapacity: 5,
    previousInterruptibleWorkload: 1,
    newInterruptibleWorkload: 3,
    configuredInterruptibleCapacity: 4
};
