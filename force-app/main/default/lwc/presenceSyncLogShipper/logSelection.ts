/**
 * What each log level ships of the entries waiting in a tab, and when a sync is finished enough
 * to be summarised. Pure: the shipper decides when to call, this decides what goes.
 */
import type { TraceEntry } from 'c/presenceSyncEngine';
import { byCorrelation, needsDetail, packSync, summarizeSync } from 'c/presenceSyncTraceSummary';
import type { LogLevelSetting } from 'presence-sync/contracts';

export interface SelectionOptions {
    level: LogLevelSetting;
    /** Whether this tab applies decisions; the others' syncs repeat the writer's. */
    writer: boolean;
    now: number;
    /** A sync counts as finished once this long has passed since its last entry (its echo has come). */
    settleMs: number;
    /** Take every sync as finished (the page is being hidden or closed). */
    force: boolean;
    /** Most entries one call may carry. */
    max: number;
}

export interface Selection {
    /** What to send now, in order. */
    ship: TraceEntry[];
    /** What waits for the next call: syncs not finished yet, or beyond `max`. */
    keep: TraceEntry[];
}

function hasProblem(sync: readonly TraceEntry[]): boolean {
    return sync.some((e) => e.level !== 'info' || e.result === 'failure');
}

/** A call was issued and its answer has not come yet: the sync is still going on. */
function callOpen(sync: readonly TraceEntry[]): boolean {
    const issued = sync.filter((e) => e.step === 'call-issued').length;
    const answered = sync.filter((e) => e.step === 'call-result').length;
    return issued > answered;
}

function finished(sync: readonly TraceEntry[], options: SelectionOptions): boolean {
    if (options.force) {
        return true;
    }
    const last = sync[sync.length - 1];
    return options.now - last.at >= options.settleMs && !callOpen(sync);
}

/**
 * - `All`: every entry, as it comes (one row each: a supervisor watches them arrive).
 * - `Summary`: one summary per finished sync, or, when it needs detail, one entry with all its
 *   steps inside (c/presenceSyncTraceSummary); a tab that only watches ships nothing but errors.
 * - `Errors`: the finished syncs with a warning, an error or a failure, each as one entry with
 *   its steps inside.
 * - `Off`: nothing.
 */
export function selectForShipping(buffer: readonly TraceEntry[], options: SelectionOptions): Selection {
    if (options.level === 'Off') {
        return { ship: [], keep: [] };
    }
    if (options.level === 'All') {
        return { ship: buffer.slice(0, options.max), keep: buffer.slice(options.max) };
    }
    const ship: TraceEntry[] = [];
    const keep: TraceEntry[] = [];
    for (const sync of byCorrelation(buffer).values()) {
        if (!finished(sync, options) || ship.length >= options.max) {
            keep.push(...sync);
        } else if (options.level === 'Errors' || !options.writer) {
            if (options.level === 'Errors' ? hasProblem(sync) : sync.some((e) => e.level === 'error')) {
                ship.push(packSync(sync));
            }
        } else if (needsDetail(sync)) {
            ship.push(packSync(sync));
        } else {
            ship.push(summarizeSync(sync));
        }
    }
    return { ship, keep };
}
