/**
 * The choices the rule builder's pickers offer, derived from the engine's vocabulary and the org's
 * data, so every picker offers only what the engine accepts (operands the source carries, settable
 * Connect states, status developer names).
 */
import {
    COMPARATOR_LABELS,
    CONNECT_SYSTEM_STATES,
    DESTINATION_LABELS,
    INTERRUPTIBLE_OPERANDS,
    MAPPING_TYPE_LABELS,
    OMNI_OFFLINE,
    OPERAND_LABELS,
    OPERAND_SOURCES,
    PERCENT_OPERANDS,
    SOURCE_EVENT_LABELS
} from 'c/presenceSyncEngine';
import type { Destination, Operand, SourceEvent } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';

export interface PickerOption {
    label: string;
    value: string;
}

/** The option that switches a Connect state picker to free typing (states the admin list lacks). */
export const TYPE_ANOTHER = '__type_another__';

/** What kind of value a Static Value compared with `operand` is, i.e. which picker to show. */
export type ValueKind = 'connect-state' | 'omni-status' | 'service-channel' | 'number' | 'text';

function fromLabels(labels: Record<string, string>): PickerOption[] {
    return Object.entries(labels).map(([value, label]) => ({ label, value }));
}

export function sourceOptions(): PickerOption[] {
    return fromLabels(SOURCE_EVENT_LABELS);
}

export function comparatorOptions(): PickerOption[] {
    return fromLabels(COMPARATOR_LABELS);
}

export function mappingTypeOptions(): PickerOption[] {
    return fromLabels(MAPPING_TYPE_LABELS);
}

/** Only the operands an event of `source` carries (Static Value always). */
export function operandOptions(source: SourceEvent | undefined): PickerOption[] {
    return (Object.keys(OPERAND_LABELS) as Operand[])
        .filter((operand) => !source || OPERAND_SOURCES[operand].includes(source))
        .map((operand) => ({ label: OPERAND_LABELS[operand], value: operand }));
}

/** A rule always sets the other platform: the one destination a source allows. */
export function destinationFor(source: SourceEvent): Destination {
    return source === 'ConnectStateChange' ? 'SalesforceAgentState' : 'ConnectAgentState';
}

export function destinationOptions(source: SourceEvent | undefined): PickerOption[] {
    const destinations = source
        ? [destinationFor(source)]
        : (Object.keys(DESTINATION_LABELS) as Destination[]);
    return destinations.map((value) => ({ label: DESTINATION_LABELS[value], value }));
}

export function valueKindFor(operand: Operand | undefined): ValueKind {
    switch (operand) {
        case 'ConnectNewState':
        case 'ConnectOldState':
            return 'connect-state';
        case 'SalesforceNewState':
            return 'omni-status';
        case 'SalesforceServiceChannel':
            return 'service-channel';
        case undefined:
        case 'StaticValue':
            return 'text';
        default:
            return 'number';
    }
}

/**
 * What an admin should know about a workload operand before comparing it: what a percentage is
 * of and when it is missing, and where interruptible numbers come from. Undefined for the others.
 */
export function operandHint(operand: Operand | undefined): string | undefined {
    if (!operand) {
        return undefined;
    }
    const interruptible = INTERRUPTIBLE_OPERANDS.has(operand);
    const hints: string[] = [];
    if (PERCENT_OPERANDS.has(operand)) {
        hints.push(
            interruptible
                ? 'A percentage of the agent’s interruptible capacity, e.g. 100 for full. While that capacity is 0 there is no percentage and the rule does not match.'
                : 'A percentage of the agent’s configured capacity, e.g. 80. While the capacity is 0 there is no percentage and the rule does not match.'
        );
    }
    if (interruptible) {
        hints.push(
            'Interruptible work is work Omni-Channel routes as interruptible (Is Interruptible on the service channel or routing configuration). Where Omni-Channel sends no interruptible numbers, the rule does not match.'
        );
    }
    return hints.length > 0 ? hints.join(' ') : undefined;
}

/** "Label (DeveloperName)"; the developer name is what rules store. Offline is added when asked. */
/**
 * The developer names rules can use. A status without one (shown to users who may not see
 * developer names) cannot be named by a rule.
 */
export function namedStatuses(statuses: readonly PresenceStatusInfo[]): string[] {
    return statuses.flatMap((s) => (s.developerName ? [s.developerName] : []));
}

export function statusOptions(
    statuses: readonly PresenceStatusInfo[],
    includeOffline = false
): PickerOption[] {
    const options = namedStatuses(statuses).map((name) => {
        const label = statuses.find((s) => s.developerName === name)!.label;
        return { label: label === name ? label : `${label} (${name})`, value: name };
    });
    if (includeOffline && !statuses.some((s) => s.developerName === OMNI_OFFLINE)) {
        options.push({ label: `${OMNI_OFFLINE} (logged out)`, value: OMNI_OFFLINE });
    }
    return options;
}

/**
 * The admin's Connect states. As a trigger any state may be typed ("Type another state…"); as a
 * destination (`settableOnly`) only listed states are offered, since the server refuses others
 * once the list is kept, and system states are left out: only Amazon Connect itself enters them.
 * No list at all: no options, so the field is typed.
 */
export function connectStateOptions(states: readonly string[], settableOnly: boolean): PickerOption[] {
    if (states.length === 0) {
        return [];
    }
    const listed = states
        .filter((state) => !settableOnly || !CONNECT_SYSTEM_STATES.has(state))
        .map((state) => ({ label: state, value: state }));
    return settableOnly ? listed : [...listed, { label: 'Type another state…', value: TYPE_ANOTHER }];
}

export function channelOptions(channels: readonly ServiceChannelInfo[]): PickerOption[] {
    return channels.map((c) => ({ label: `${c.label} (${c.developerName})`, value: c.developerName }));
}

/** Status labels by developer name, for describeRule. */
export function statusLabels(statuses: readonly PresenceStatusInfo[]): Record<string, string> {
    return Object.fromEntries(statuses.flatMap((s) => (s.developerName ? [[s.developerName, s.label]] : [])));
}
