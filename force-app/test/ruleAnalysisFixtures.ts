/** Rules the rule analysis's tests build: ordered as made, from Connect to Omni-Channel or back. */
import type { AnalysisFinding } from 'c/presenceSyncRuleAnalysis';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRule } from './jest-mocks/apex/fixtures';
import { connectToOmni, omniToConnect } from './ruleShapes';

let nextOrder = 1;

export function rule(id: string, overrides: Partial<PresenceSyncRule>): PresenceSyncRule {
    return buildRule({ id, name: id, order: nextOrder++, ...overrides });
}

export function connectTo(id: string, connect: string, omni: string, extra: Partial<PresenceSyncRule> = {}) {
    return rule(id, { ...connectToOmni(connect, omni), ...extra });
}

export function omniTo(id: string, omni: string, connect: string, extra: Partial<PresenceSyncRule> = {}) {
    return rule(id, { ...omniToConnect(omni, connect), ...extra });
}

export function kinds(findings: AnalysisFinding[]): string[] {
    return findings.map((f) => f.kind);
}

/** Rules take increasing orders in the order a test makes them; each test starts again at 1. */
export function useRuleOrder(): void {
    beforeEach(() => {
        nextOrder = 1;
    });
}
