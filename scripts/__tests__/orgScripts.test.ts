/**
 * The org scripts cannot reach an org here: what runs without one is checked instead. Each
 * answers --help; the smoke test's --dry-run lists its steps; the Apex test verdict of
 * `npm run org:test` is judged on saved results (a pass, a failing test, low coverage); and a
 * missing org is a plain sentence, not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const env = {
    ...process.env,
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true'
};
const node = (script: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
        cwd: root,
        encoding: 'utf8',
        env,
        timeout: 60_000
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('the org scripts without an org', () => {
    it.each(['org-setup.mjs', 'deploy.mjs', 'package-version.mjs', 'org-apex-tests.mjs', 'org-smoke.mjs'])(
        '%s answers --help',
        (script) => {
            const { status, output } = node(script, '--help');
            expect(status).toBe(0);
            expect(output).toMatch(/^Usage: npm run /);
        }
    );

    it('lists the smoke steps the issue asks for in a dry run', () => {
        const { status, output } = node('org-smoke.mjs', '--dry-run');
        expect(status).toBe(0);
        for (const words of [
            'sf org open --url-only',
            'utility loads without errors',
            'rule builder saves a rule',
            'health check renders',
            'Omni-Channel widget reaches the agent and the trace',
            'Amazon Connect sign-in'
        ]) {
            expect(output).toContain(words);
        }
    });

    it('says in one sentence that an org is missing', () => {
        const { status, output } = node('org-smoke.mjs', '--target-org', 'presence-sync-no-such-org');
        expect(status).toBe(1);
        expect(output).toMatch(/✖ `sf org display user --target-org presence-sync-no-such-org` failed: /);
        expect(output).not.toMatch(/\n\s+at /);
    }, 60_000);

    describe('npm run org:test judges a saved result', () => {
        let dir: string;
        beforeAll(() => {
            dir = mkdtempSync(join(tmpdir(), 'presence-sync-apex-result-'));
        });
        afterAll(() => rmSync(dir, { recursive: true, force: true }));

        const judge = (result: unknown, ...args: string[]) => {
            const file = join(dir, `${Math.random()}.json`);
            writeFileSync(file, JSON.stringify({ status: 0, result }));
            return node('org-apex-tests.mjs', '--from-json', file, ...args);
        };
        const tests = [
            { FullName: 'PresenceSyncIdsTest.parsesIds', Outcome: 'Pass' },
            { FullName: 'PresenceSyncLogWriterTest.capsTheBatch', Outcome: 'Pass' }
        ];

        it('passes every test at 85 % or more', () => {
            const { status, output } = judge({
                summary: { testsRan: 2, failing: 0, orgWideCoverage: '91%' },
                tests
            });
            expect({ status, output }).toEqual({
                status: 0,
                output: expect.stringContaining('2 Apex tests passed; org-wide coverage 91%')
            });
        });

        it('fails on a failing test and names it', () => {
            const failing = [
                ...tests,
                {
                    FullName: 'PresenceSyncHealthServiceTest.budget',
                    Outcome: 'Fail',
                    Message: 'System.LimitException: Too many query rows: 50001'
                }
            ];
            const { status, output } = judge({
                summary: { testsRan: 3, failing: 1, orgWideCoverage: '90%' },
                tests: failing
            });
            expect(status).toBe(1);
            expect(output).toContain(
                'PresenceSyncHealthServiceTest.budget: Fail System.LimitException: Too many query rows: 50001'
            );
        });

        it('fails under the coverage floor and names the least covered classes', () => {
            const { status, output } = judge({
                summary: { testsRan: 2, failing: 0, orgWideCoverage: '84%' },
                tests,
                coverage: { coverage: [{ name: 'PresenceSyncHealthService', coveredPercent: 61 }] }
            });
            expect(status).toBe(1);
            expect(output).toContain(
                'org-wide Apex coverage is 84%, under 85%; lowest: PresenceSyncHealthService 61%'
            );
        });
    });
});
