import { analyzeRules, findingsIntroduced, findRuleProblems } from 'c/presenceSyncRuleAnalysis';
import { expandMappings, SEED_EXAMPLE_MAPPINGS } from 'c/presenceSyncEngine';
import { buildSeedRules } from '../../../../../test/jest-mocks/apex/fixtures';
import { connectTo, kinds, omniTo, rule, useRuleOrder } from '../../../../../test/ruleAnalysisFixtures';
import { workAccepted, workloadAtLeast } from '../../../../../test/ruleShapes';

useRuleOrder();

describe('findRuleProblems', () => {
    it("finds nothing wrong with the seed's example, as rules or as the four-row table", () => {
        expect(findRuleProblems(buildSeedRules())).toEqual([]);
        expect(findRuleProblems(expandMappings(SEED_EXAMPLE_MAPPINGS))).toEqual([]);
    });

    it('reports a rule the engine would refuse, with the engine’s own issues', () => {
        const bad = connectTo('bad', 'Lunch', '');
        const [finding] = findRuleProblems([bad]);
        expect(finding).toMatchObject({ kind: 'invalid', severity: 'error', ruleIds: ['bad'] });
        expect(finding.issues?.map((i) => i.field)).toEqual(['destinationValue']);
        expect(finding.message).toContain('does not say which Omni-Channel presence status to set');
    });

    it('ignores inactive rules entirely', () => {
        expect(findRuleProblems([connectTo('off', 'Lunch', '', { active: false })])).toEqual([]);
    });

    describe('conflicts', () => {
        it('flags two rules with the same trigger that want different statuses, first one named as winner', () => {
            const lunch = connectTo('lunch', 'Lunch', 'Lunch');
            const brk = connectTo('break', 'Lunch', 'Break');
            const findings = findRuleProblems([brk, lunch].reverse());
            expect(kinds(findings)).toEqual(['conflict']);
            expect(findings[0].ruleIds).toEqual(['lunch', 'break']);
            expect(findings[0].message).toContain('Only “lunch” ever applies');
            expect(findings[0].example).toMatchObject({
                type: 'ConnectStateChange',
                connectNewState: 'Lunch'
            });
        });

        it('recognises the same trigger written the other way round', () => {
            const a = connectTo('a', 'Lunch', 'Lunch');
            const b = rule('b', {
                ...a,
                id: 'b',
                name: 'b',
                order: 9,
                operandA: 'StaticValue',
                operandAValue: 'Lunch',
                operandB: 'ConnectNewState',
                operandBValue: undefined,
                destinationValue: 'Break'
            });
            expect(kinds(findRuleProblems([a, b]))).toEqual(['conflict']);
        });

        it('does not call an overlap a conflict when the criteria differ (order decides on purpose)', () => {
            const findings = findRuleProblems([
                connectTo('lunch', 'Lunch', 'Lunch'),
                connectTo('rest', 'Available', 'Busy', { comparator: 'NotEqual' })
            ]);
            expect(kinds(findings)).not.toContain('conflict');
            expect(kinds(findings)).not.toContain('shadowed');
        });
    });

    describe('rules that never take effect', () => {
        it('flags a rule shadowed by a broader earlier rule and says how to fix it', () => {
            const broad = connectTo('broad', 'Available', 'Busy', { comparator: 'NotEqual' });
            const narrow = connectTo('narrow', 'Lunch', 'Lunch');
            const findings = findRuleProblems([broad, narrow]);
            expect(kinds(findings)).toEqual(['shadowed']);
            expect(findings[0].ruleIds).toEqual(['narrow', 'broad']);
            expect(findings[0].message).toContain('Move “narrow” above it');
        });

        it('stops flagging once the narrow rule is moved first', () => {
            const broad = connectTo('broad', 'Available', 'Busy', { comparator: 'NotEqual', order: 2 });
            const narrow = connectTo('narrow', 'Lunch', 'Lunch', { order: 1 });
            expect(findRuleProblems([broad, narrow])).toEqual([]);
        });

        it('calls a later rule that does the same thing a duplicate', () => {
            const findings = findRuleProblems([
                connectTo('one', 'Lunch', 'Lunch'),
                connectTo('two', 'Lunch', 'Lunch')
            ]);
            expect(kinds(findings)).toEqual(['shadowed']);
            expect(findings[0].message).toContain('does the same thing');
        });

        it('finds shadowing among workload thresholds', () => {
            const findings = findRuleProblems([
                rule('over50', {
                    ...workloadAtLeast('SalesforceNewWorkloadPct', '50', 'Busy Omni')
                }),
                rule('over80', {
                    source: 'SalesforceWorkloadChanged',
                    operandA: 'SalesforceNewWorkloadPct',
                    comparator: 'GreaterThan',
                    operandB: 'StaticValue',
                    operandBValue: '80',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Full'
                })
            ]);
            expect(kinds(findings)).toEqual(['shadowed']);
            expect(findings[0].ruleIds).toEqual(['over80', 'over50']);
        });

        it('flags a criterion no event can satisfy', () => {
            const findings = findRuleProblems([
                rule('never', {
                    source: 'ConnectStateChange',
                    operandA: 'StaticValue',
                    operandAValue: 'Lunch',
                    comparator: 'Equal',
                    operandB: 'StaticValue',
                    operandBValue: 'Break',
                    destination: 'SalesforceAgentState',
                    destinationValue: 'Lunch'
                })
            ]);
            expect(kinds(findings)).toEqual(['never-matches']);
            expect(findings[0].message).toContain('can never match');
        });

        it('tries capacities and previous states only when a rule compares them, and then finds their matches', () => {
            const small = rule('small', {
                source: 'SalesforceWorkloadChanged',
                operandA: 'SalesforceConfiguredCapacity',
                comparator: 'LessThan',
                operandB: 'StaticValue',
                operandBValue: '3',
                destination: 'ConnectAgentState',
                destinationValue: 'Available'
            });
            const fromLunch = connectTo('fromLunch', 'Lunch', 'Available', { operandA: 'ConnectOldState' });
            const lunchToBreak = connectTo('lunchToBreak', 'Break', 'Break', {
                operandA: 'ConnectOldState',
                comparator: 'NotEqual',
                operandB: 'ConnectNewState',
                operandBValue: undefined
            });
            expect(
                findRuleProblems([small, fromLunch, lunchToBreak]).filter((f) => f.kind === 'never-matches')
            ).toEqual([]);
        });

        it('treats work-accepted rules on different channels as independent', () => {
            const chat = (id: string, channel: string) =>
                rule(id, {
                    ...workAccepted(channel, 'Working - Media')
                });
            expect(findRuleProblems([chat('chat', 'sfdc_chat'), chat('case', 'sfdc_case')])).toEqual([]);
        });
    });

    describe('flip-flops', () => {
        it('flags a round trip where the two sides disagree about a pair', () => {
            const findings = findRuleProblems([
                connectTo('lunchOut', 'Lunch', 'Break'),
                omniTo('breakIn', 'Break', 'Available'),
                connectTo('availOut', 'Available', 'Available'),
                omniTo('availIn', 'Available', 'Available')
            ]);
            const trip = findings.find((f) => f.kind === 'round-trip' && f.ruleIds[0] === 'lunchOut');
            expect(trip).toBeDefined();
            expect(trip?.ruleIds).toEqual(['lunchOut', 'breakIn']);
            expect(trip?.message).toContain('flips the agent from Lunch to Available');
        });

        it('flags a loop across both platforms once, naming every rule in it', () => {
            const findings = findRuleProblems([
                connectTo('c1', 'A', 'X'),
                omniTo('o1', 'X', 'B'),
                connectTo('c2', 'B', 'Y'),
                omniTo('o2', 'Y', 'A')
            ]);
            expect(kinds(findings)).toEqual(['loop']);
            expect(findings[0].ruleIds).toEqual(['c1', 'c2', 'o1', 'o2']);
            expect(findings[0].message).toMatch(
                /Connect A → Omni-Channel X → Connect B → Omni-Channel Y → Connect A/
            );
        });

        it('accepts bi-directional pairs as settled', () => {
            const rules = expandMappings([
                { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' },
                {
                    id: 'avail',
                    connectState: 'Available',
                    salesforceStatus: 'Available',
                    type: 'BiDirectional'
                }
            ]);
            expect(findRuleProblems(rules)).toEqual([]);
        });

        it('follows Offline through logout rules', () => {
            const findings = findRuleProblems([
                connectTo('off', 'Offline', 'Offline'),
                rule('logout', {
                    source: 'SalesforceLogout',
                    operandA: 'SalesforceNewState',
                    comparator: 'Equal',
                    operandB: 'StaticValue',
                    operandBValue: 'Offline',
                    destination: 'ConnectAgentState',
                    destinationValue: 'Lunch'
                })
            ]);
            expect(kinds(findings)).toContain('round-trip');
        });
    });
});

describe('analyzeRules', () => {
    it('returns findings and coverage for the same rules', () => {
        const analysis = analyzeRules([connectTo('a', 'Lunch', 'Lunch'), connectTo('b', 'Lunch', 'Break')], {
            connectStates: ['Available']
        });
        expect(kinds(analysis.findings)).toEqual(['conflict']);
        expect(analysis.coverage.connectStates).toEqual(['Available', 'Lunch']);
        expect(analysis.coverage.pairs).toHaveLength(1);
    });
});

describe('findingsIntroduced', () => {
    it('lists only what the change adds', () => {
        const lunch = connectTo('lunch', 'Lunch', 'Lunch');
        const brk = connectTo('break', 'Lunch', 'Break', { active: false });
        expect(findingsIntroduced([lunch, brk], [lunch, brk])).toEqual([]);
        const added = findingsIntroduced([lunch, brk], [lunch, { ...brk, active: true }]);
        expect(added.map((f) => f.kind)).toEqual(['conflict']);
    });

    it('does not repeat a warning that already existed', () => {
        const one = connectTo('one', 'Lunch', 'Lunch');
        const two = connectTo('two', 'Lunch', 'Lunch');
        const other = connectTo('other', 'Available', 'Available');
        expect(findingsIntroduced([one, two], [one, two, other])).toEqual([]);
    });

    it('does not count a warning as new because a rule it names was renamed', () => {
        const one = connectTo('one', 'Lunch', 'Lunch');
        const two = connectTo('two', 'Lunch', 'Lunch');
        expect(findRuleProblems([one, two])).toHaveLength(1);
        expect(findingsIntroduced([one, two], [one, { ...two, name: 'Lunch again, renamed' }])).toEqual([]);
    });

    it('does not count the warnings of a rule set imported over itself as new', () => {
        const one = connectTo('one', 'Lunch', 'Lunch');
        const two = connectTo('two', 'Lunch', 'Lunch');
        const imported = [one, two].map((r) => ({ ...r, id: `import-${r.id}` }));
        expect(findingsIntroduced([one, two], imported)).toEqual([]);
    });
});
