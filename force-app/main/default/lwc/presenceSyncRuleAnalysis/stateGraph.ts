import { compileRules, OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { CompiledRules, Destination, PresenceEvent, PresenceSyncRule } from 'c/presenceSyncEngine';
import type { AnalysisDomain } from './analysisTypes';
import { knownConnectStates, knownOmniStatuses, OTHER_VALUE, usesOperand } from './probes';

/** One "side A in state X makes side B state Y" step, as the engine decides it. */
export interface Transition {
    target: string;
    ruleId: string;
}

/**
 * What state changes on one side make the other side become, answered by the engine's own
 * evaluateRules so that order, Not-equal rules and logout rules count exactly as at run time.
 */
export interface StateGraph {
    connectStates: string[];
    omniStatuses: string[];
    /** Whether any rule reads the Connect state the agent came from. */
    readsPreviousState: boolean;
    /** Connect `newState` (coming from `oldState`) sets Omni-Channel to …; undefined when no rule does. */
    fromConnect(newState: string, oldState: string): Transition | undefined;
    /** Omni-Channel `status` sets Connect to …; for Offline, logout rules count too. */
    fromOmni(status: string): Transition | undefined;
}

function decide(compiled: CompiledRules, event: PresenceEvent, destination: Destination) {
    const decision = compiled.evaluate(event).find((d) => d.destination === destination);
    return decision ? { target: decision.value, ruleId: decision.ruleId } : undefined;
}

export function buildStateGraph(rules: readonly PresenceSyncRule[], domain: AnalysisDomain): StateGraph {
    const compiled = compileRules(rules);
    const connectCache = new Map<string, Transition | undefined>();
    const omniCache = new Map<string, Transition | undefined>();
    return {
        connectStates: knownConnectStates(rules, domain),
        omniStatuses: knownOmniStatuses(rules, domain),
        readsPreviousState: usesOperand(rules, 'ConnectStateChange', 'ConnectOldState'),
        fromConnect(newState, oldState) {
            const key = JSON.stringify([newState, oldState]);
            if (!connectCache.has(key)) {
                connectCache.set(
                    key,
                    decide(
                        compiled,
                        { type: 'ConnectStateChange', connectNewState: newState, connectOldState: oldState },
                        'SalesforceAgentState'
                    )
                );
            }
            return connectCache.get(key);
        },
        fromOmni(status) {
            if (!omniCache.has(status)) {
                // Logging out of Omni-Channel is the Offline status seen from the rules' side.
                const viaLogout =
                    status === OMNI_OFFLINE
                        ? decide(
                              compiled,
                              { type: 'SalesforceLogout', salesforceNewState: status },
                              'ConnectAgentState'
                          )
                        : undefined;
                omniCache.set(
                    status,
                    viaLogout ??
                        decide(
                            compiled,
                            { type: 'SalesforceStateChange', salesforceNewState: status },
                            'ConnectAgentState'
                        )
                );
            }
            return omniCache.get(status);
        }
    };
}

/** Every Connect state an agent can come from, as far as rules can tell them apart. */
export function previousConnectStates(graph: StateGraph): string[] {
    return graph.readsPreviousState ? [...graph.connectStates, OTHER_VALUE] : [OTHER_VALUE];
}
