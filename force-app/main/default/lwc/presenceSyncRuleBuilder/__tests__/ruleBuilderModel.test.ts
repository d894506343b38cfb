import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { RuleSet } from 'presence-sync/contracts';
import { buildRule } from '../../../../../test/jest-mocks/apex/fixtures';
import {
    atLimit,
    batchMessage,
    cloneDraft,
    copyName,
    deletionMessage,
    limitText,
    moved,
    newRuleDraft,
    refusalsOf,
    warningSummary,
    withRuleSet
} from '../ruleBuilderModel';

const rules = (...names: string[]): PresenceSyncRule[] =>
    names.map((name, i) => buildRule({ id: `r${i}`, name, order: (i + 1) * 10 }));

const set = (id: string, isDefault: boolean): RuleSet => ({ id, name: id, isDefault }) as RuleSet;

describe('rule builder view model', () => {
    it('counts the analysis’s problems in words', () => {
        expect(warningSummary(0)).toBe('The analysis found no problems in the active rules.');
        expect(warningSummary(1)).toMatch(
            /^The analysis found 1 problem in the active rules\. See the rule it/
        );
        expect(warningSummary(3)).toMatch(/^The analysis found 3 problems/);
    });

    it('puts a new rule or a copy after the others, the copy named apart and out of its mapping row', () => {
        const list = rules('Lunch', 'Lunch (copy)');
        expect(newRuleDraft(list, 'set1')).toMatchObject({ active: true, order: 30, ruleSetId: 'set1' });
        const copy = cloneDraft({ ...list[0], mappingId: 'm1' }, list);
        expect(copy).toMatchObject({ name: 'Lunch (copy 2)', order: 30, mappingId: undefined });
        expect(copy.id).not.toBe(list[0].id);
        expect(copyName('Break', list)).toBe('Break (copy)');
    });

    it('says when a rule set is full', () => {
        const full = Array.from({ length: 500 }, (_, i) => buildRule({ id: `r${i}`, name: `R${i}` }));
        expect(atLimit(full)).toBe(true);
        expect(atLimit(full.slice(1))).toBe(false);
        expect(limitText(true)).toMatch(/^This rule set holds 500 rules/);
        expect(limitText(false)).toBe('');
    });

    it('moves a rule within the list, and not past either end', () => {
        const list = rules('A', 'B', 'C');
        expect(moved(list, 'r0', 2)?.map((r) => r.name)).toEqual(['B', 'C', 'A']);
        expect(moved(list, 'r0', -1)).toBeNull();
        expect(moved(list, 'nope', 1)).toBeNull();
    });

    it('keeps one default rule set when a saved one becomes the default, and adds a new one', () => {
        const after = withRuleSet([set('a', true), set('b', false)], set('b', true));
        expect(after.map((s) => [s.id, s.isDefault])).toEqual([
            ['a', false],
            ['b', true]
        ]);
        expect(withRuleSet([set('a', true)], set('c', false)).map((s) => s.id)).toEqual(['a', 'c']);
    });

    it('says what deleting a rule set did with its assignments', () => {
        const deletion = { deletedRules: 1, movedAssignments: 2, removedAssignments: 0 };
        expect(deletionMessage('Night', deletion, 'Day')).toBe(
            'Deleted the rule set Night and its 1 rule. Its 2 assignments moved to Day.'
        );
        expect(
            deletionMessage(
                'Night',
                { deletedRules: 3, movedAssignments: 0, removedAssignments: 0 },
                undefined
            )
        ).toBe('Deleted the rule set Night and its 3 rules.');
    });

    it('answers a batch the org’s checks refuse as the org would, by position and name', () => {
        const list = rules('A', 'B');
        expect(refusalsOf({ refused: [], problem: null, countAfter: 2 }, list)).toBeNull();
        expect(refusalsOf({ refused: [], problem: 'too many', countAfter: 501 }, list)).toEqual({
            saved: [],
            rejected: []
        });
        const issues = [{ field: 'name', message: 'taken' }];
        expect(
            refusalsOf({ refused: [{ position: 2, name: 'B', issues }], problem: null, countAfter: 2 }, list)
        ).toEqual({
            saved: [],
            rejected: [{ id: 'r1', position: 2, name: 'B', issues }]
        });
    });

    it('words a batch’s outcome', () => {
        const list = rules('A', 'B');
        expect(batchMessage('Import', { saved: list, rejected: [] }, 1)).toBe(
            'Import: saved 2 rules, replacing 1.'
        );
        expect(
            batchMessage(
                'Import',
                { saved: [], rejected: [{ id: 'x', position: 1, name: 'A', issues: [] }] },
                0
            )
        ).toBe('Import: nothing was saved, because 1 rule was refused. See which below.');
    });
});
