import type { ApexTally } from '../../force-app/test/emulators/orgLog';

export interface Allocations {
    dataStoragePerOrgMb: number;
    dataStoragePerUserMb: number;
    eventsPublishedPerHour: number;
    eventsDeliveredPerDay: number;
    concurrentStreamingClients: number;
    longRunningApexRequests: number;
    asyncApexPerDayMinimum: number;
    asyncApexPerUserLicense: number;
}

export type Edition = 'Enterprise' | 'Unlimited';

export interface Assumptions {
    rowKb: number;
    logShareOfStorage: number;
    headroom: number;
    licensesPerAgent: number;
    shiftHours: number;
    ruleSavesPerDay: number;
    debugSessionsPerDay: number;
    streamingShare: number;
    apexMs: number;
    purgeWindowMinutes: number;
    purgeEveryHours: number;
    purgeChunk: number;
}

export interface BudgetSettings {
    logLevel: string;
    summaryRetentionDays: number;
    retentionDays: number;
}

/** What one agent-day costs the org. */
export interface AgentDay {
    logRows: number;
    summaryRows: number;
    detailRows: number;
    logBytes: number;
    eventsPublished: number;
    apexCalls: number;
    soql: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
}

/** What the emulated org's meter counted for one Apex method (its own type, read as JSON). */
export type MeterTally = ApexTally;

export interface BudgetCheck {
    name: string;
    used: number;
    allocation: number;
    unit: string;
    share: number;
    fits: boolean;
    note: string | null;
}

export interface Projection {
    agents: number;
    edition: Edition;
    checks: BudgetCheck[];
}

export const ALLOCATIONS: Record<Edition, Allocations>;
export const ASSUMPTIONS: Assumptions;
export const DEFAULTS: BudgetSettings;
export const AGENT_COUNTS: number[];
export function perAgentDay(
    meter: Record<string, MeterTally>,
    rows: { summary: number; detail: number },
    agentDays: number
): AgentDay;
export function project(
    day: AgentDay,
    agents: number,
    edition: Edition,
    options?: { assumptions?: Partial<Assumptions>; settings?: Partial<BudgetSettings> }
): Projection;
export function fits(projection: Projection): boolean;
