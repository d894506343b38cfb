/**
 * The trace view's tests read one recorded shift (the lunch incident, from traceScenarios): each
 * test file calls `useRecordedShift()` and reads `shift`.
 */
import type { TimelineGroup } from 'c/presenceSyncTraceView';
import { recordLunchIncidentShift } from './traceScenarios';
import type { RecordedShift } from './traceScenarios';

/* Set by the hook below, read by the tests through a live binding. */
export let shift: RecordedShift;

export const S = 1000;

export function useRecordedShift(): void {
    beforeAll(async () => {
        shift = await recordLunchIncidentShift();
    });
}

export function groupStartingWith(groups: TimelineGroup[], title: string): TimelineGroup {
    const group = groups.find((g) => g.title.startsWith(title));
    if (!group) {
        throw new Error(`No group titled "${title}…" in: ${groups.map((g) => g.title).join(' | ')}`);
    }
    return group;
}
