import type { ConnectActivity, ConnectPort, ConnectSelectableType, SessionSettings } from './sessionTypes';

/**
 * How a Connect decision is carried out:
 * - `write`: a plain state change (no contact);
 * - `queue`: Connect's next state (`enqueueNextState`), applied by Connect when the contact ends;
 * - `defer`: held by the session and written when the contact ends, because Connect cannot queue it;
 * - `skip`: not carried out, for the reason given.
 */
export type ConnectMode =
    | { mode: 'write' }
    | { mode: 'queue'; reason: string }
    | { mode: 'defer'; reason: string }
    | { mode: 'skip'; reason: string };

/**
 * Connect's rules for a change during a contact (AWS admin guide, "Set your next status"; Streams
 * issue #465): only a custom not-routable state or Offline can be the next status, and the state
 * the agent returns to after the contact (the availability state) cannot be queued. A routable
 * state (Available) or a return to the availability state over a queued next state can only be
 * set once the contact is over, so the session holds it until then.
 */
export function connectMode(
    target: string,
    activity: ConnectActivity,
    targetType: ConnectSelectableType | null,
    onContact: SessionSettings['onContact']
): ConnectMode {
    if (!activity.onContact) {
        return { mode: 'write' };
    }
    if (onContact === 'skip') {
        return {
            mode: 'skip',
            reason: `The agent is on a contact and the on-contact setting is skip: Connect stays as it is.`
        };
    }
    if (activity.nextState === target) {
        return { mode: 'skip', reason: `Connect already has ${target} as its next state.` };
    }
    if (activity.availabilityState === target && activity.nextState === null) {
        return {
            mode: 'skip',
            reason: `Connect returns to ${target} by itself when the contact ends (it is the agent's availability state).`
        };
    }
    if (
        (targetType === 'not_routable' || targetType === 'offline') &&
        activity.availabilityState !== target
    ) {
        return {
            mode: 'queue',
            reason: `The agent is on a contact: asking Connect to queue ${target} as the next state.`
        };
    }
    return {
        mode: 'defer',
        reason:
            `The agent is on a contact and Connect can queue only a custom not-routable state or Offline ` +
            `as the next state: Presence Sync sets ${target} when the contact ends.`
    };
}

/** What the session knows of Connect's contacts, from the snapshots the Connect port reports. */
export class ContactTracker {
    activity: ConnectActivity = { onContact: false, availabilityState: null, nextState: null };

    /**
     * `stateTypes`: the Connect port, which knows the type of each of the agent's states;
     * `onContact`: the session's setting.
     */
    constructor(
        private readonly stateTypes: Pick<ConnectPort, 'stateType'>,
        private readonly onContact: SessionSettings['onContact']
    ) {}

    /** Merges what a snapshot says; returns true when the agent's contacts just ended. */
    update(partial: Partial<ConnectActivity>): boolean {
        const wasOnContact = this.activity.onContact;
        this.activity = { ...this.activity, ...partial };
        return wasOnContact && !this.activity.onContact;
    }

    /**
     * Connect refused a plain change because a contact started before its snapshot said so.
     * Where Connect returns after that contact is unknown until the snapshot comes: the agent's
     * state when it began may be one the session wrote and whose report is still on its way. So
     * nothing is skipped meanwhile as "Connect returns there by itself"; it is held instead.
     */
    contactStarted(): void {
        this.activity = { ...this.activity, onContact: true, availabilityState: null };
    }

    /**
     * How a Connect decision is carried out now. `queued`: a next state the session asked for
     * that Connect's snapshot does not show yet counts as the next state.
     */
    mode(target: string, queued: string | undefined): ConnectMode {
        const activity = queued === undefined ? this.activity : { ...this.activity, nextState: queued };
        return connectMode(target, activity, this.stateTypes.stateType(target), this.onContact);
    }
}
