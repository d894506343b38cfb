/**
 * One sync in one log entry. The session traces every step of a sync (event, rules, decision,
 * call, result, echo); storing each step as its own row costs an org's data storage about five
 * times what the story needs (a row takes 2 KB whatever it holds). At the Summary log level the
 * shipper stores one `sync-summary` entry per sync instead, and when something went wrong (a
 * failure or refusal, a pause, a decision left unmet: an out-of-sync period) one `sync-detail`
 * entry that carries every step inside it (`packSync`), kept for the longer retention.
 *
 * Both directions live here: `summarizeSync` folds a sync's entries into its summary, and
 * `expandSummaries` turns stored summaries back into the steps the log reader's timeline and
 * swimlanes draw, so the reader works the same from summaries and from full detail. Pure.
 *
 * Its parts: summarizeSync (the folding) and expandSummaries (the unfolding).
 */
export {
    DETAIL_STEP,
    MAX_DETAIL_CHARS,
    SUMMARY_STEP,
    byCorrelation,
    isSummary,
    needsDetail,
    packSync,
    summarizeSync,
    summaryLevelEntries,
    syncOutcome,
    worstLevel
} from './summarizeSync';
export { expandSummaries, expandSummary } from './expandSummaries';
