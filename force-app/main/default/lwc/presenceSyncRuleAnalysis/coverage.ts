import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { AnalysisDomain, CoverageCell, CoverageMatrix, SyncDirection } from './analysisTypes';
import { OTHER_VALUE } from './probes';
import { buildStateGraph, previousConnectStates } from './stateGraph';
import type { StateGraph } from './stateGraph';

interface PublisherFacts {
    /** Omni status → rule ids that set it when Connect enters the row's state. */
    targets: Map<string, Set<string>>;
    /** Whether the row's Omni status depends on the Connect state the agent came from. */
    conditional: boolean;
}

function publisherFacts(graph: StateGraph, connectState: string): PublisherFacts {
    const targets = new Map<string, Set<string>>();
    const outcomes = new Set<string>();
    for (const oldState of previousConnectStates(graph)) {
        const step = graph.fromConnect(connectState, oldState);
        outcomes.add(step ? step.target : '');
        if (step) {
            const ids = targets.get(step.target) ?? new Set<string>();
            ids.add(step.ruleId);
            targets.set(step.target, ids);
        }
    }
    return { targets, conditional: outcomes.size > 1 };
}

function directionOf(publisher: boolean, subscriber: boolean): SyncDirection | null {
    if (publisher && subscriber) {
        return 'bidirectional';
    }
    if (publisher) {
        return 'publisher';
    }
    return subscriber ? 'subscriber' : null;
}

/**
 * Connect states × Omni-Channel statuses: for every pair, whether a Connect change to the state
 * sets the status (publisher), an Omni-Channel change to the status sets the state (subscriber),
 * or both (bi-directional). Only active rules count, in their order, exactly as the engine
 * evaluates them; rows and columns are the domain's lists plus every value a rule names.
 */
export function coverageMatrix(
    rules: readonly PresenceSyncRule[],
    domain: AnalysisDomain = {}
): CoverageMatrix {
    const graph = buildStateGraph(rules, domain);
    const publishers = new Map(graph.connectStates.map((state) => [state, publisherFacts(graph, state)]));

    const cells = graph.connectStates.map((connectState) =>
        graph.omniStatuses.map((omniStatus): CoverageCell => {
            const facts = publishers.get(connectState) as PublisherFacts;
            const publisherIds = [...(facts.targets.get(omniStatus) ?? [])];
            const subscriber = graph.fromOmni(omniStatus);
            const subscribes = subscriber?.target === connectState;
            const ruleIds = [...publisherIds, ...(subscribes && subscriber ? [subscriber.ruleId] : [])];
            return {
                connectState,
                omniStatus,
                direction: directionOf(publisherIds.length > 0, subscribes),
                ruleIds: [...new Set(ruleIds)],
                conditional: publisherIds.length > 0 && facts.conditional
            };
        })
    );

    return {
        connectStates: graph.connectStates,
        omniStatuses: graph.omniStatuses,
        cells,
        pairs: cells.flat().filter((cell) => cell.direction !== null),
        unmappedConnectStates: graph.connectStates.filter(
            (state) => publishers.get(state)?.targets.size === 0
        ),
        unmappedOmniStatuses: graph.omniStatuses.filter((status) => !graph.fromOmni(status)),
        unlistedConnectStateTarget: graph.fromConnect(OTHER_VALUE, OTHER_VALUE)?.target ?? null,
        unlistedOmniStatusTarget: graph.fromOmni(OTHER_VALUE)?.target ?? null
    };
}
