import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    checkBatch,
    orgIssues,
    RULE_LIMITS,
    ruleSetNameProblems,
    ruleSetSizeProblem
} from 'c/presenceSyncRuleChecks';
import {
    buildSeedRules,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';

const facts = {
    statusNames: buildStatuses().map((s) => s.developerName),
    connectStates: SEED_CONNECT_STATES
};
const [publisher, subscriber] = buildSeedRules();

function rule(overrides: Partial<PresenceSyncRule>): PresenceSyncRule {
    return { ...publisher, id: 'draft-1', name: 'Lunch to Lunch', ...overrides };
}

describe('the org checks the rule builder makes before saving', () => {
    it('refuses a status label, and a Connect state the admin did not list, naming what would do', () => {
        expect(orgIssues(rule({ destinationValue: 'Working – Phone' }), facts)).toEqual([
            {
                field: 'destinationValue',
                message:
                    'There is no Omni-Channel presence status with the developer name "Working – Phone". Use the developer name, not the label; this org has: Available, Busy, Lunch, Working_Media, Working_Phone.'
            }
        ]);
        expect(orgIssues({ ...subscriber, destinationValue: 'Break' }, facts)[0].message).toBe(
            '"Break" is not among the Amazon Connect states listed in Presence Sync Settings. Add it there, or choose one of: Available, Offline, Lunch, Working - Phone, Working - Media.'
        );
        expect(
            orgIssues({ ...subscriber, destinationValue: 'Break' }, { ...facts, connectStates: [] })
        ).toEqual([]);
    });

    it('says how long a name or value is and how long it may be', () => {
        const issues = orgIssues(rule({ name: 'n'.repeat(95), operandBValue: 'v'.repeat(300) }), facts);
        expect(issues.map((i) => [i.field, i.message])).toEqual([
            ['name', 'The rule name has 95 characters; at most 80 fit. Shorten it.'],
            ['operandBValue', 'The value has 300 characters; at most 255 fit. Shorten it.']
        ]);
    });

    it('names each refused entry of a batch by position and name, with every reason', () => {
        const check = checkBatch(
            buildSeedRules(),
            [
                rule({ id: 'import-1', name: 'Fine' }),
                rule({ id: 'import-2', name: 'x'.repeat(81), destinationValue: 'Nope' }),
                rule({ id: 'import-3', name: 'fine ' }),
                rule({ id: 'import-4', name: publisher.name })
            ],
            [],
            facts
        );
        expect(check.refused.map((r) => [r.position, r.name, r.issues.map((i) => i.field)])).toEqual([
            [2, 'x'.repeat(81), ['name', 'destinationValue']],
            [3, 'fine', ['name']],
            [4, publisher.name, ['name']]
        ]);
        expect(check.refused[1].issues[0].message).toBe(
            'Another rule of this rule set is already called "fine". Give each rule its own name.'
        );
        expect(check.countAfter).toBe(8);
    });

    it('lets a replacing batch reuse the names of the rules it deletes', () => {
        const seed = buildSeedRules();
        const check = checkBatch(
            seed,
            seed.map((r, i) => ({ ...r, id: `import-${i}` })),
            seed.map((r) => r.id),
            facts
        );
        expect(check).toEqual({ refused: [], problem: null, countAfter: 4 });
    });

    it('refuses a record id that is no longer in the rule set', () => {
        const check = checkBatch(buildSeedRules().slice(1), [publisher], [], facts);
        expect(check.refused[0].issues.map((i) => i.message)).toEqual([
            'This rule is no longer in the rule set; someone may have deleted it. Reload the rules and try again.'
        ]);
    });

    it('counts the rules a batch leaves in the set against the stated limit', () => {
        expect(RULE_LIMITS.rulesPerSet).toBe(500);
        expect(ruleSetSizeProblem(500)).toBeNull();
        expect(ruleSetSizeProblem(20000)).toBe(
            'A rule set holds at most 500 rules, and this change would leave 20000 in it. Delete rules first, or split them into several rule sets.'
        );
        const many = Array.from({ length: 497 }, (_, i) => rule({ id: `import-${i}`, name: `Rule ${i}` }));
        expect(checkBatch(buildSeedRules(), many, [], facts).problem).toMatch(/would leave 501 in it/);
        expect(checkBatch(buildSeedRules(), many, [publisher.id], facts).problem).toBeNull();
    });

    it('keeps rule set names present, short and unique regardless of case', () => {
        expect(ruleSetNameProblems('  ', [])).toEqual(['Give the rule set a name, for example Phone team.']);
        expect(ruleSetNameProblems('Default Presence Sync Rules ', ['Default presence sync rules'])).toEqual([
            'Another rule set is already called "Default Presence Sync Rules". Choose another name.'
        ]);
        expect(ruleSetNameProblems('r'.repeat(81), [])).toEqual([
            'The rule set name has 81 characters; at most 80 fit. Shorten it.'
        ]);
        expect(ruleSetNameProblems('Phone team', ['Chat team'])).toEqual([]);
    });
});
