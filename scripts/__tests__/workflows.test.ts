/**
 * @jest-environment-options {"customExportConditions": ["require", "node", "default"]}
 *
 * (The YAML parser's browser build is ES modules, which Jest does not load: take its Node build.)
 *
 * The GitHub workflows cannot run here, so their promises are checked instead: the no-org job
 * runs exactly the checks of `npm test` (and so of `.ci/run`), in the same order, installed the
 * same way; the org job always deletes its scratch org; packaging happens only on main.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
    name?: string;
    run?: string;
    uses?: string;
    if?: string;
}
interface Job {
    if?: string;
    needs?: string | string[];
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    env?: Record<string, unknown>;
    jobs: Record<string, Job>;
}

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const workflow = (name: string): Workflow => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job): string[] => job.steps.flatMap((step) => (step.run ? [step.run.trim()] : []));

const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

/** `npm run a && npm run b` → ['a', 'b']: the checks `npm test` runs, in order. */
function npmTestChecks(): string[] {
    return packageJson.scripts.test.split('&&').map((part) => {
        const match = /^npm run ([\w:.-]+)$/.exec(part.trim());
        if (!match) {
            throw new Error(`npm test has a part this test does not understand: "${part.trim()}"`);
        }
        return match[1];
    });
}

describe('ci.yml (no org)', () => {
    const ci = workflow('ci.yml');
    const job = ci.jobs.checks;

    it('runs on pushes to main and on pull requests', () => {
        expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    });

    it('runs every check of npm test as its own step, in the same order', () => {
        const steps = runs(job)
            .map((run) => /^npm run ([\w:.-]+)$/.exec(run)?.[1])
            .filter((script): script is string => script !== undefined);
        expect(steps).toEqual(npmTestChecks());
    });

    it('installs the way .ci/run and the README do', () => {
        const ciRun = read('.ci/run');
        const install = runs(job).find((run) => run.startsWith('npm install'));
        expect(install).toBeDefined();
        expect(ciRun).toContain(install);
        expect(read('README.md')).toContain('npm install');
    });

    it('gets Chromium and Java from the distribution, like .ci/run', () => {
        const apt = runs(job).find((run) => run.includes('apt-get install'));
        expect(apt).toMatch(/\bchromium\b/);
        expect(apt).toMatch(/openjdk-17-jre-headless/);
        expect(read('.ci/run')).toMatch(/chromium[\s\S]*openjdk-17-jre-headless/);
    });

    it('requires the browser end-to-end tests, as .ci/run does', () => {
        expect(ci.env?.PRESENCE_SYNC_REQUIRE_E2E).toBe(true);
        expect(read('.ci/run')).toContain('PRESENCE_SYNC_REQUIRE_E2E=true');
    });
});

describe('scratch-org.yml (with a Dev Hub)', () => {
    const org = workflow('scratch-org.yml');
    const text = read('.github/workflows/scratch-org.yml');

    it('authorises the Dev Hub from the secret the README names', () => {
        expect(text).toContain('secrets.SF_DEVHUB_AUTH_URL');
        expect(text).toContain('sf org login sfdx-url');
        expect(read('README.md')).toContain('SF_DEVHUB_AUTH_URL');
    });

    it('sets the org up with the one command users run, then Apex tests with 85 % coverage, then the smoke test', () => {
        const commands = runs(org.jobs['apex-tests']);
        const at = (prefix: string) => commands.findIndex((run) => run.startsWith(prefix));
        expect(at('npm run org:setup')).toBeGreaterThanOrEqual(0);
        expect(at('npm run org:test')).toBeGreaterThan(at('npm run org:setup'));
        expect(at('npm run org:smoke')).toBeGreaterThan(at('npm run org:test'));
        expect(commands[at('npm run org:test')]).toContain('--min-coverage 85');
        expect(read('scripts/org-smoke.mjs')).toContain("'--url-only'");
    });

    it('takes the Connect side from repository secrets and skips it with a notice without them', () => {
        expect(text).toContain('secrets.PRESENCE_SYNC_CCP_URL');
        expect(text).toContain('secrets.PRESENCE_SYNC_CONNECT_USERNAME');
        expect(text).toContain('secrets.PRESENCE_SYNC_CONNECT_PASSWORD');
        expect(text).toMatch(/::notice::No PRESENCE_SYNC_CCP_URL secret/);
        expect(read('scripts/org-smoke.mjs')).toContain('::notice::Connect side skipped');
        for (const secret of [
            'PRESENCE_SYNC_CCP_URL',
            'PRESENCE_SYNC_CONNECT_USERNAME',
            'SF_DEVHUB_AUTH_URL'
        ]) {
            expect(read('README.md')).toContain(secret);
        }
    });

    it('deletes the scratch org whatever happened, as the last step', () => {
        const steps = org.jobs['apex-tests'].steps;
        const last = steps[steps.length - 1];
        expect(last.run).toContain('sf org delete scratch');
        expect(last.if).toBe('always()');
    });

    it('creates a package version only for pushes to main, after the Apex tests', () => {
        const job = org.jobs['package-version'];
        expect(job.if).toContain("github.ref == 'refs/heads/main'");
        expect(job.if).toContain("github.event_name == 'push'");
        expect(job.needs).toContain('apex-tests');
        expect(runs(job).some((run) => run.startsWith('npm run package:version'))).toBe(true);
    });
});
