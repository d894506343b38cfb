// `npm run org:test`: every Apex test of the org (RunLocalTests: in a scratch org, exactly
// Presence Sync's), with code coverage, and a verdict: any failing test, or org-wide coverage
// under --min-coverage (default 85 %), fails the run with the tests and classes to look at.
// `--from-json <file>` judges a result saved from `sf apex run test --json` instead (offline).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, info, main, parseArgs, plan, requireTargetOrg, root, sfJson, step } from './lib/sf.mjs';

const USAGE = `Usage: npm run org:test -- [options]
  --target-org <alias>    org to run the tests in (default: the CLI's default org)
  --min-coverage <n>      lowest org-wide Apex coverage accepted, in percent (default: 85)
  --output-dir <dir>      where the JSON result goes (default: apex-test-results)
  --from-json <file>      judge a saved result of sf apex run test --json; runs nothing`;

const DEFAULT_MIN = 85;

/** Verdict on a `sf apex run test --json` result: problems (empty when it passes) and figures. */
export function judge(result, minCoverage) {
    const summary = result?.summary ?? {};
    const problems = [];
    const failures = (result?.tests ?? []).filter((test) => test.Outcome !== 'Pass');
    for (const test of failures) {
        problems.push(
            `${test.FullName ?? test.MethodName}: ${test.Outcome} ${String(test.Message ?? '').trim()}`
        );
    }
    if (Number(summary.failing ?? 0) > failures.length) {
        problems.push(`${summary.failing} failing tests in the summary`);
    }
    const coverage = parseFloat(String(summary.orgWideCoverage ?? summary.testRunCoverage ?? 'NaN'));
    if (Number.isNaN(coverage)) {
        problems.push('the result carries no coverage: run the tests with --code-coverage');
    } else if (coverage < minCoverage) {
        const low = (result?.coverage?.coverage ?? [])
            .filter((c) => Number(c.coveredPercent) < minCoverage)
            .sort((a, b) => a.coveredPercent - b.coveredPercent)
            .slice(0, 10)
            .map((c) => `${c.name} ${c.coveredPercent}%`);
        problems.push(
            `org-wide Apex coverage is ${coverage}%, under ${minCoverage}%${low.length ? `; lowest: ${low.join(', ')}` : ''}`
        );
    }
    return { problems, coverage, ran: Number(summary.testsRan ?? (result?.tests ?? []).length) };
}

await main(async () => {
    if (process.argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    const options = parseArgs(process.argv.slice(2), {
        options: ['target-org', 'min-coverage', 'output-dir', 'from-json']
    });
    const minCoverage = Number(options['min-coverage'] ?? DEFAULT_MIN);
    if (!Number.isFinite(minCoverage) || minCoverage < 0 || minCoverage > 100) {
        fail(`--min-coverage must be a percentage from 0 to 100, not "${options['min-coverage']}".`);
    }
    let result;
    if (options['from-json']) {
        plan(1);
        const saved = JSON.parse(readFileSync(options['from-json'], 'utf8'));
        result = saved.result ?? saved;
    } else {
        plan(2);
        const org = requireTargetOrg(options['target-org']);
        step(`Running every local Apex test in ${org}, with code coverage`);
        result = sfJson(
            [
                'apex',
                'run',
                'test',
                '--target-org',
                org,
                '--test-level',
                'RunLocalTests',
                '--code-coverage',
                '--wait',
                '60'
            ],
            // Exit code 100 means "tests failed": the result still says which, and is judged below.
            { timeoutSeconds: 70 * 60, okStatuses: [0, 100], hint: 'Is the org reachable?' }
        );
        const outputDir = join(root, options['output-dir'] ?? 'apex-test-results');
        mkdirSync(outputDir, { recursive: true });
        writeFileSync(join(outputDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
        info(`Result saved in ${outputDir}/result.json`);
    }
    step(`Judging the result (every test passes, coverage at least ${minCoverage}%)`);
    const verdict = judge(result, minCoverage);
    if (verdict.problems.length > 0) {
        fail(`The Apex tests did not pass:\n  ${verdict.problems.join('\n  ')}`);
    }
    console.log(`\n✔ ${verdict.ran} Apex tests passed; org-wide coverage ${verdict.coverage}%.`);
});
