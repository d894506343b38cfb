import { finiteNumber } from './ruleCatalog';
import type { Side, SessionInput } from './sessionTypes';
import type { PresenceEvent } from './types';
import { OMNI_OFFLINE } from './vocabulary';

/** A platform input as the session uses it: the rule event, and the side state it reports, if any. */
export interface ReadInput {
    side: Side;
    event: PresenceEvent;
    /** The side's new state, for inputs that change it (state changes and logout). */
    state?: string;
    /** True when Omni-Channel itself says our own toolkit call caused the change. */
    toolkitChange: boolean;
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value !== '';
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
                toolkitChange: false,
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
                toolkitChange: input.reason === 'OmniToolkitStatusChange',
                event: { type: 'SalesforceStateChange', salesforceNewState: input.statusDeveloperName }
            };
        case 'omni-logout':
            return {
                side: 'omni',
                state: OMNI_OFFLINE,
                toolkitChange: false,
                event: { type: 'SalesforceLogout', salesforceNewState: OMNI_OFFLINE }
            };
        case 'omni-work-accepted':
            if (!isText(input.serviceChannel)) {
                return undefined;
            }
            return {
                side: 'omni',
                toolkitChange: false,
                event: { type: 'SalesforceWorkAccepted', serviceChannel: input.serviceChannel }
            };
        case 'omni-workload':
            return {
                side: 'omni',
                toolkitChange: false,
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
