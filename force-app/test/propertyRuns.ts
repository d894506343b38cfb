/**
 * fast-check parameters for the property tests. PROPERTY_RUNS searches deeper; PROPERTY_SEED
 * (set by jest.config.js from the commit under CI, so a CI run can be repeated exactly) fixes the
 * scenarios drawn; PROPERTY_SEED with PROPERTY_PATH, both copied from a failure's report, replays
 * its counterexample. Without a seed, every run draws new scenarios.
 */
export function propertyRuns(defaultRuns: number): { numRuns: number; seed?: number; path?: string } {
    const { PROPERTY_RUNS, PROPERTY_SEED, PROPERTY_PATH } = process.env;
    return {
        numRuns: PROPERTY_RUNS ? Number(PROPERTY_RUNS) : defaultRuns,
        ...(PROPERTY_SEED ? { seed: Number(PROPERTY_SEED) } : {}),
        ...(PROPERTY_PATH ? { path: PROPERTY_PATH } : {})
    };
}
