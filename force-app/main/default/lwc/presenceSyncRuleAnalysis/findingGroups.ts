import type { AnalysisFinding, FindingKind } from './analysisTypes';

/** What each kind of finding is called on screen, in the order the groups are shown (errors first). */
export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
    invalid: 'Refused at save',
    conflict: 'Conflict',
    shadowed: 'Never takes effect',
    'never-matches': 'Never matches',
    'round-trip': 'Sides disagree',
    loop: 'Flip-flop loop'
};

export interface FindingGroup {
    kind: FindingKind;
    label: string;
    /** How many findings of this kind there are. */
    count: number;
    /** The first `shown` of them. */
    findings: AnalysisFinding[];
    /** How many more there are than `findings` holds. */
    hidden: number;
}

/**
 * Findings by kind, each group counted, so that a long list reads as "Never takes effect (412)"
 * with a few examples rather than as one run of sentences.
 */
export function groupFindings(findings: readonly AnalysisFinding[], shown = Infinity): FindingGroup[] {
    return (Object.keys(FINDING_KIND_LABELS) as FindingKind[]).flatMap((kind) => {
        const ofKind = findings.filter((f) => f.kind === kind);
        if (ofKind.length === 0) {
            return [];
        }
        const visible = ofKind.slice(0, shown);
        return [
            {
                kind,
                label: FINDING_KIND_LABELS[kind],
                count: ofKind.length,
                findings: visible,
                hidden: ofKind.length - visible.length
            }
        ];
    });
}

/** "3 warnings: 2 never take effect, 1 conflict"-style count of every group, for a heading or a live region. */
export function countFindings(groups: readonly FindingGroup[]): string {
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    const parts = groups.map((g) => `${g.label} ${g.count.toLocaleString('en-US')}`);
    return `${total.toLocaleString('en-US')} ${total === 1 ? 'warning' : 'warnings'} (${parts.join(', ')})`;
}
