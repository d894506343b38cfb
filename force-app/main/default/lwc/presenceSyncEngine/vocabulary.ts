/**
 * The closed vocabularies of presence sync rules. The keys are the API names stored in the
 * rule object's picklists; the values are the labels admins see (the CTI Adapter's wording).
 */

export const SOURCE_EVENT_LABELS = {
    ConnectStateChange: 'Connect Agent State Change',
    SalesforceStateChange: 'Salesforce Agent State Change',
    SalesforceLogout: 'Salesforce Agent Logout',
    SalesforceWorkAccepted: 'Salesforce Work Accepted',
    SalesforceWorkloadChanged: 'Salesforce Workload Changed'
} as const;

export const OPERAND_LABELS = {
    ConnectNewState: 'Connect Agent New State',
    ConnectOldState: 'Connect Agent Old State',
    SalesforceNewState: 'Salesforce Agent New State',
    SalesforceServiceChannel: 'Salesforce Service Channel',
    SalesforcePreviousWorkload: 'Salesforce Previous Workload',
    SalesforcePreviousWorkloadPct: 'Salesforce Previous Workload Pct',
    SalesforceNewWorkload: 'Salesforce New Workload',
    SalesforceNewWorkloadPct: 'Salesforce New Workload Pct',
    SalesforceConfiguredCapacity: 'Salesforce Configured Capacity',
    SalesforcePreviousInterruptibleWorkload: 'Salesforce Previous Interruptible Workload',
    SalesforcePreviousInterruptibleWorkloadPct: 'Salesforce Previous Interruptible Workload Pct',
    SalesforceNewInterruptibleWorkload: 'Salesforce New Interruptible Workload',
    SalesforceNewInterruptibleWorkloadPct: 'Salesforce New Interruptible Workload Pct',
    SalesforceConfiguredInterruptibleCapacity: 'Salesforce Configured Interruptible Capacity',
    StaticValue: 'Static Value'
} as const;

export const COMPARATOR_LABELS = {
    Equal: 'Equal to',
    NotEqual: 'Not equal to',
    GreaterThan: 'Greater than',
    GreaterThanOrEqual: 'Greater than or equal to',
    LessThan: 'Less than',
    LessThanOrEqual: 'Less than or equal to'
} as const;

export const DESTINATION_LABELS = {
    SalesforceAgentState: 'Salesforce Agent State',
    ConnectAgentState: 'Connect Agent State'
} as const;

export const MAPPING_TYPE_LABELS = {
    Publisher: 'Publisher (Connect to Salesforce)',
    Subscriber: 'Subscriber (Salesforce to Connect)',
    BiDirectional: 'Bi-directional'
} as const;

export type SourceEvent = keyof typeof SOURCE_EVENT_LABELS;
export type Operand = keyof typeof OPERAND_LABELS;
export type Comparator = keyof typeof COMPARATOR_LABELS;
export type Destination = keyof typeof DESTINATION_LABELS;
export type MappingType = keyof typeof MAPPING_TYPE_LABELS;

/**
 * Connect states an agent can be put in only by the service itself: the seed's restricted list
 * plus Streams' AgentAvailStates and AgentErrorStates (amazon-connect-streams 2.28.2).
 * They may trigger rules but a rule may never set them.
 */
export const CONNECT_SYSTEM_STATES: ReadonlySet<string> = new Set([
    'Busy',
    'Pending',
    'PendingBusy',
    'CallingCustomer',
    'AfterCallWork',
    'Init',
    'Dialing',
    'Joining',
    'PendingAvailable',
    'Error',
    'AgentHungUp',
    'BadAddressAgent',
    'BadAddressCustomer',
    'Default',
    'FailedConnectAgent',
    'FailedConnectCustomer',
    'InvalidLocale',
    'LineEngagedAgent',
    'LineEngagedCustomer',
    'MissedCallAgent',
    'MissedCallCustomer',
    'MultipleCcpWindows',
    'RealtimeCommunicationError'
]);

/** The Omni-Channel side's state while the agent is logged out. The seed's logout rules match it exactly. */
export const OMNI_OFFLINE = 'Offline';
