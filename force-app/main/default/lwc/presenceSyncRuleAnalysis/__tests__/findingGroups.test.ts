import { countFindings, groupFindings } from 'c/presenceSyncRuleAnalysis';
import type { AnalysisFinding } from 'c/presenceSyncRuleAnalysis';

function finding(kind: AnalysisFinding['kind'], n: number): AnalysisFinding {
    return { kind, severity: 'warning', ruleIds: [`r${n}`], message: `${kind} ${n}.` };
}

describe('grouped findings', () => {
    it('groups by kind in a fixed order, counts each group and keeps a few examples', () => {
        const findings = [
            ...Array.from({ length: 9 }, (_, i) => finding('shadowed', i)),
            finding('conflict', 1),
            finding('invalid', 1)
        ];
        const groups = groupFindings(findings, 5);
        expect(groups.map((g) => [g.label, g.count, g.findings.length, g.hidden])).toEqual([
            ['Refused at save', 1, 1, 0],
            ['Conflict', 1, 1, 0],
            ['Never takes effect', 9, 5, 4]
        ]);
        expect(countFindings(groups)).toBe(
            '11 warnings (Refused at save 1, Conflict 1, Never takes effect 9)'
        );
    });
});
