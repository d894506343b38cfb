import type { Operand } from 'c/presenceSyncEngine';

/**
 * The workload operands in the order the rule builder offers them. Spelled out here, not taken
 * from the engine's rule catalog, on purpose: the tests that use it check the catalog, and a list
 * borrowed from it would agree with a missing or misplaced operand.
 */
export const WORKLOAD_OPERANDS: readonly Operand[] = [
    'SalesforcePreviousWorkload',
    'SalesforcePreviousWorkloadPct',
    'SalesforceNewWorkload',
    'SalesforceNewWorkloadPct',
    'SalesforceConfiguredCapacity',
    'SalesforcePreviousInterruptibleWorkload',
    'SalesforcePreviousInterruptibleWorkloadPct',
    'SalesforceNewInterruptibleWorkload',
    'SalesforceNewInterruptibleWorkloadPct',
    'SalesforceConfiguredInterruptibleCapacity'
];
