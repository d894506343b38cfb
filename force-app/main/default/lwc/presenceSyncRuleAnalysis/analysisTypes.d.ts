import type { PresenceEvent, RuleIssue } from 'c/presenceSyncEngine';

/** Which way a Connect state and an Omni-Channel status are kept in step (the second seed's rule types). */
export type SyncDirection = 'publisher' | 'subscriber' | 'bidirectional';

/**
 * The values the analysis treats as known. Everything a rule names is added automatically;
 * pass the org's lists so states no rule mentions show up as "not mapped".
 */
export interface AnalysisDomain {
    connectStates?: readonly string[];
    /** Omni-Channel presence status developer names. */
    omniStatuses?: readonly string[];
    /** Service channel developer names. */
    serviceChannels?: readonly string[];
}

export interface CoverageCell {
    connectState: string;
    omniStatus: string;
    /** Null when neither side sets the other to this pair. */
    direction: SyncDirection | null;
    /** Rules that produce this pair, publisher rules first. */
    ruleIds: string[];
    /** True when the pair depends on the Connect state the agent came from (an Old State criterion). */
    conditional: boolean;
}

export interface CoverageMatrix {
    /** Rows, in the order: domain list first, then states only rules name. */
    connectStates: string[];
    /** Columns (developer names), same ordering. */
    omniStatuses: string[];
    /** `cells[row][column]`. */
    cells: CoverageCell[][];
    /** Only the mapped cells, row by row: what the "actively synced statuses" table lists. */
    pairs: CoverageCell[];
    /** Connect states whose change sets no Omni-Channel status. */
    unmappedConnectStates: string[];
    /** Omni-Channel statuses whose change sets no Connect state. */
    unmappedOmniStatuses: string[];
    /** What a Connect state no rule names sets in Omni-Channel (a Not-equal rule), or null. */
    unlistedConnectStateTarget: string | null;
    /** What an Omni-Channel status no rule names sets in Connect, or null. */
    unlistedOmniStatusTarget: string | null;
}

export type FindingKind = 'invalid' | 'conflict' | 'shadowed' | 'never-matches' | 'round-trip' | 'loop';

export interface AnalysisFinding {
    kind: FindingKind;
    /** `error`: the rule is refused at save; `warning`: saved, but it will not do what it seems to. */
    severity: 'error' | 'warning';
    /** The rules the finding is about; the first is the one to look at. */
    ruleIds: string[];
    /** One or two sentences in plain words: what happens and how to fix it. */
    message: string;
    /** An event that shows the problem, when there is one. */
    example?: PresenceEvent;
    /** For `invalid`: the engine's issues. */
    issues?: RuleIssue[];
}

export interface RuleAnalysis {
    findings: AnalysisFinding[];
    coverage: CoverageMatrix;
}
