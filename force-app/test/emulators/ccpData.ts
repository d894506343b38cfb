/**
 * What the emulated CCP's shared worker sends in `agent::update`, after its own normalisation
 * (`ClientEngine.updateAgent` in amazon-connect-streams 2.28.2): the snapshot and the agent's
 * configuration, timestamps as `Date`s.
 */
import { INSTANCE_ARN } from './ccpWorker';
import type { CcpWorker, ContactRecord } from './ccpWorker';

const QUEUE = { queueARN: `${INSTANCE_ARN}/queue/6a7b8c9d-2222-4e5f-8a9b-0c1d2e3f4a5b`, name: 'BasicQueue' };
const AGENT_ID = '5d6e7f80-4444-4c3d-9e8f-1a2b3c4d5e6f';
/** Every agent has a personal queue; Streams finds the agent's resource id in its ARN. */
const AGENT_QUEUE = { queueARN: `${INSTANCE_ARN}/queue/agent/${AGENT_ID}`, name: null };
const ROUTING_PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/9e8d7c6b-3333-4a2b-8c1d-5e6f7a8b9c0d`;

/** The contact state types Connect reports in each phase of a voice call. */
const VOICE_STATE: Record<ContactRecord['phase'], string> = {
    PendingBusy: 'connecting',
    Busy: 'connected',
    AfterCallWork: 'ended'
};

export function agentData(worker: CcpWorker, now: Date, skewMs: number): Record<string, unknown> {
    const state = { ...worker.current };
    const queue = { ...QUEUE, queueId: QUEUE.queueARN };
    return {
        snapshot: {
            state,
            status: state,
            agentAvailabilityState: { state: worker.chosen.name, timeStamp: state.startTimestamp },
            nextState: worker.next ? { ...worker.next } : null,
            contacts: worker.contacts.map((c) => contactData(c, now)),
            snapshotTimestamp: now,
            localTimestamp: now,
            skew: skewMs
        },
        configuration: {
            name: 'Avery Agent',
            username: 'avery.agent',
            agentARN: `${INSTANCE_ARN}/agent/${AGENT_ID}`,
            extension: '',
            softphoneEnabled: true,
            softphoneAutoAccept: false,
            dialableCountries: ['us'],
            agentPreferences: { LANGUAGE: 'en_US', locale: 'en_US' },
            permissions: ['outboundCall', 'transfer'],
            agentStates: worker.selectable.map((s) => ({ ...s })),
            routingProfile: {
                name: 'Basic Routing Profile',
                routingProfileARN: ROUTING_PROFILE_ARN,
                routingProfileId: ROUTING_PROFILE_ARN,
                queues: [queue, { ...AGENT_QUEUE, queueId: AGENT_QUEUE.queueARN }],
                defaultOutboundQueue: queue,
                channelConcurrencyMap: { VOICE: 1, CHAT: 3, TASK: 10 }
            }
        }
    };
}

function contactData(contact: ContactRecord, now: Date): Record<string, unknown> {
    const stateType = contact.kind === 'voice' ? VOICE_STATE[contact.phase] : 'connected';
    const contactState = { type: stateType, timestamp: now };
    const customer =
        contact.kind === 'voice'
            ? {
                  endpointARN: null,
                  phoneNumber: '+15555550123',
                  agentLogin: null,
                  name: null,
                  type: 'telephone_number'
              }
            : {
                  endpointARN: null,
                  phoneNumber: null,
                  agentLogin: null,
                  name: 'Customer',
                  type: 'phone_number'
              };
    const agentEndpoint = { ...customer, phoneNumber: null, type: 'agent' };
    const queue = { ...QUEUE, queueId: QUEUE.queueARN };
    return {
        contactId: contact.contactId,
        initialContactId: contact.contactId,
        type: contact.kind,
        state: contactState,
        status: contactState,
        queue,
        queueTimestamp: contact.since,
        attributes: {},
        contactDuration: '0',
        contactFeatures: {
            attachmentsEnabled: false,
            messagingMarkdownEnabled: false,
            multiPartyConferenceEnabled: false
        },
        connections: [
            {
                connectionId: `${contact.contactId}-agent`,
                type: 'agent',
                initial: false,
                endpoint: agentEndpoint,
                address: agentEndpoint,
                state: contactState,
                mute: null
            },
            {
                connectionId: `${contact.contactId}-customer`,
                type: 'inbound',
                initial: true,
                endpoint: customer,
                address: customer,
                state: { type: stateType === 'ended' ? 'disconnected' : stateType, timestamp: now },
                mute: null
            }
        ]
    };
}
