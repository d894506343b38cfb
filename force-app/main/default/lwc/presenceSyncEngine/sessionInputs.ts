import { finiteNumber } from './ruleCatalog';
import type { ConnectActivity, Side, SessionInput } from './sessionTypes';
import type { PresenceEvent } from './types';
import { OMNI_OFFLINE } from './vocabulary';

/** A platform input as the session uses it: the rule event, and the side state it reports, if any. */
export interface ReadInput {
    side: Side;
    event: PresenceEvent;
    /** The side's new state, for inputs that change it (state changes and logout). */
    state?: string;
    /** What Connect's snapshot says besides the state (only the fields the input carries). */
    activity?: Partial<ConnectActivity>;
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value !== '';
}

/** The fields of a Connect activity the input carries, with wrong types dropped. */
export function readActivity(input: Partial<ConnectActivity> | undefined): Partial<ConnectActivity> {
    const activity: Partial<ConnectActivity> = {};
    if (typeof input?.onContact === 'boolean') {
        activity.onContact = input.onContact;
    }
    for (const key of ['availabilityState', 'nextState'] as const) {
        const value = input?.[key];
        if (value === null || isText(value)) {
            activity[key] = value;
        }
    }
    return activity;
}

/** The input in rule terms, or undefined when it is not an input the session understands. */
export function readInput(input: SessionInput): ReadInput | undefined {
    if (typeof input !== 'object' || input === null) {
        return undefined;
    }
    switch (input.kind) {
        case 'connect-state':
            if (!isText(input.newState)) {
                return undefined;
            }
            return {
                side: 'connect',
                state: input.newState,
                activity: readActivity(input),
                event: {
                    type: 'ConnectStateChange',
                    connectNewState: input.newState,
                    connectOldState: isText(input.oldState) ? input.oldState : undefined
                }
            };
        case 'omni-status':
            if (!isText(input.statusDeveloperName)) {
                return undefined;
            }
            return {
                side: 'omni',
                state: input.statusDeveloperName,
                event: { type: 'SalesforceStateChange', salesforceNewState: input.statusDeveloperName }
            };
        case 'omni-logout':
            return {
                side: 'omni',
                state: OMNI_OFFLINE,
                event: { type: 'SalesforceLogout', salesforceNewState: OMNI_OFFLINE }
            };
        case 'omni-work-accepted':
            if (!isText(input.serviceChannel)) {
                return undefined;
            }
            return {
                side: 'omni',
                event: { type: 'SalesforceWorkAccepted', serviceChannel: input.serviceChannel }
            };
        case 'omni-workload':
            return {
                side: 'omni',
                event: {
                    type: 'SalesforceWorkloadChanged',
                    previousWorkload: finiteNumber(input.previousWorkload),
                    newWorkload: finiteNumber(input.newWorkload),
                    configuredCapacity: finiteNumber(input.configuredCapacity),
                    previousInterruptibleWorkload: finiteNumber(input.previousInterruptibleWorkload),
                    newInterruptibleWorkload: finiteNumber(input.newInterruptibleWorkload),
                    configuredInterruptibleCapacity: finiteNumber(input.configuredInterruptibleCapacity)
                }
            };
        default:
            return undefined;
    }
}

/** The rule event for a side's current state, as if it had just changed to it (sync now, start-up check). */
export function eventForState(side: Side, state: string): PresenceEvent {
    if (side === 'connect') {
        return { type: 'ConnectStateChange', connectNewState: state, connectOldState: state };
    }
    return state === OMNI_OFFLINE
        ? { type: 'SalesforceLogout', salesforceNewState: OMNI_OFFLINE }
        : { type: 'SalesforceStateChange', salesforceNewState: state };
}
