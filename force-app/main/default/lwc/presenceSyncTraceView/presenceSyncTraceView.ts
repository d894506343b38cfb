/**
 * Turns the engine's trace entries into what a person reads: a timeline of correlated steps
 * (event → rules → decision → call → result, with the time each step took), swimlanes of both
 * sides' states with the intervals they disagreed, filters and exports. Pure: no platform imports,
 * so the log reader, the workbench and the tests share exactly the same reading of a trace.
 *
 * Its parts: the words (traceWords), the timeline and its filters (timeline), the swimlanes
 * (swimlanes) and the exports (traceExport).
 */
export {
    LEVEL_LABELS,
    OUTCOME_LABELS,
    RESULT_LABELS,
    SIDE_LABELS,
    STEP_LABELS,
    describeEntry,
    describeEvent,
    destinationSide,
    formatClock,
    formatDuration
} from './traceWords';
export type { TimelineOutcome } from './traceWords';
export {
    buildTimeline,
    compareEntries,
    entriesOf,
    entryMatches,
    filterTimeline,
    isFilterEmpty,
    sortEntries
} from './timeline';
export type { TimelineGroup, TimelineStep, TraceFilter } from './timeline';
export { buildSwimlanes } from './swimlanes';
export type { LaneSegment, OutOfSyncInterval, SwimlaneOptions, Swimlanes, TimeRange } from './swimlanes';
export { exportFileName, toCsv, toJson } from './traceExport';
export type { ExportableEntry } from './traceExport';
