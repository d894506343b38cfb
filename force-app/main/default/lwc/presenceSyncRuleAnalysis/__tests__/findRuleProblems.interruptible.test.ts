import { findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { kinds, rule, useRuleOrder } from '../../../../../test/ruleAnalysisFixtures';

useRuleOrder();

describe('findRuleProblems', () => {
    describe('rules that never take effect', () => {
        describe('interruptible workload', () => {
            const workload = (
                id: string,
                operandA: PresenceSyncRule['operandA'],
                comparator: PresenceSyncRule['comparator'],
                value: string,
                connect: string
            ) =>
                rule(id, {
                    source: 'SalesforceWorkloadChanged',
                    operandA,
                    comparator,
                    operandB: 'StaticValue',
                    operandBValue: value,
                    destination: 'ConnectAgentState',
                    destinationValue: connect
                });

            it('finds shadowing among interruptible thresholds', () => {
                const findings = findRuleProblems([
                    workload(
                        'i50',
                        'SalesforceNewInterruptibleWorkloadPct',
                        'GreaterThanOrEqual',
                        '50',
                        'Busy Omni'
                    ),
                    workload(
                        'i100',
                        'SalesforceNewInterruptibleWorkloadPct',
                        'GreaterThanOrEqual',
                        '100',
                        'Busy Chat'
                    )
                ]);
                expect(kinds(findings)).toEqual(['shadowed']);
                expect(findings[0].ruleIds).toEqual(['i100', 'i50']);
            });

            it('weighs primary and interruptible thresholds against each other: neither hides the other', () => {
                const primaryFull = workload(
                    'full',
                    'SalesforceNewWorkloadPct',
                    'GreaterThanOrEqual',
                    '100',
                    'Full'
                );
                const chatFull = workload(
                    'chat-full',
                    'SalesforceNewInterruptibleWorkloadPct',
                    'GreaterThanOrEqual',
                    '100',
                    'Busy Chat'
                );
                expect(findRuleProblems([primaryFull, chatFull])).toEqual([]);
                // A primary rule that matches every workload hides any later workload rule.
                const always = rule('always', {
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewWorkload',
                    comparator: 'Equal',
                    operandB: 'SalesforceNewWorkload',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Full'
                });
                const later = workload(
                    'later',
                    'SalesforceNewInterruptibleWorkloadPct',
                    'GreaterThanOrEqual',
                    '100',
                    'Busy Chat'
                );
                const hidden = findRuleProblems([always, later]);
                expect(kinds(hidden)).toEqual(['shadowed']);
                expect(hidden[0].ruleIds).toEqual(['later', 'always']);
            });

            it('remembers that Omni-Channel may send no interruptible numbers at all', () => {
                // Matches every event that carries interruptible numbers, but not one without them:
                // there the later primary rule decides, so it is not dead.
                const anyInterruptible = rule('any-interruptible', {
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewInterruptibleWorkload',
                    comparator: 'Equal',
                    operandB: 'SalesforceNewInterruptibleWorkload',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Busy Chat'
                });
                const primary = workload(
                    'primary',
                    'SalesforceNewWorkloadPct',
                    'GreaterThanOrEqual',
                    '50',
                    'Full'
                );
                expect(findRuleProblems([anyInterruptible, primary])).toEqual([]);
            });

            it('flags an interruptible criterion no event can satisfy', () => {
                const never = rule('never', {
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewInterruptibleWorkloadPct',
                    comparator: 'LessThan',
                    operandB: 'SalesforceNewInterruptibleWorkloadPct',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Busy Chat'
                });
                expect(kinds(findRuleProblems([never]))).toEqual(['never-matches']);
            });

            it('still reaches every threshold of a rule set with many of both kinds', () => {
                const rules: PresenceSyncRule[] = [];
                for (let n = 1; n <= 12; n++) {
                    rules.push(workload(`p${n}`, 'SalesforcePreviousWorkload', 'Equal', String(n), `P${n}`));
                    rules.push(
                        workload(`n${n}`, 'SalesforceNewWorkloadPct', 'Equal', String(n * 5), `N${n}`)
                    );
                    rules.push(
                        workload(
                            `ip${n}`,
                            'SalesforcePreviousInterruptibleWorkload',
                            'Equal',
                            String(n),
                            `IP${n}`
                        )
                    );
                    rules.push(
                        workload(
                            `in${n}`,
                            'SalesforceNewInterruptibleWorkloadPct',
                            'Equal',
                            String(n * 5),
                            `IN${n}`
                        )
                    );
                }
                expect(findRuleProblems(rules).filter((f) => f.kind === 'never-matches')).toEqual([]);
            });
        });
    });
});
