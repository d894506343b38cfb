/**
 * @jest-environment-options {"customExportConditions": ["require", "node", "default"]}
 *
 * The two checks of what a deploy sends, each shown to catch planted defects in a copy of the
 * project: `npm run test:flexipages` (every FlexiPage component exists) and
 * `npm run test:deployable` (no LWC bundle without its JavaScript, no resourceUrl without its
 * static resource, and a clean clone stopped by the guard rather than sent half-built).
 * Run after `npm run build`, as npm test does.
 */
import { spawnSync } from 'node:child_process';
import {
    appendFileSync,
    cpSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    unlinkSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (script: string, project?: string) => {
    const result = spawnSync(
        process.execPath,
        [join(root, 'scripts', script), ...(project ? ['--project', project] : [])],
        { cwd: root, encoding: 'utf8', timeout: 120_000 }
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const problemLines = (output: string) =>
    output
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.trim());

function copyProject(parts: string[]): string {
    const project = mkdtempSync(join(tmpdir(), 'presence-sync-deploy-'));
    for (const part of parts) {
        cpSync(join(root, part), join(project, part), { recursive: true });
    }
    return project;
}

describe('npm run test:flexipages', () => {
    let project: string;
    const page = 'force-app/main/default/flexipages/Presence_Sync_Console_UtilityBar.flexipage-meta.xml';

    beforeAll(() => {
        project = copyProject(['force-app/main/default']);
        const xml = readFileSync(join(project, page), 'utf8');
        const item = (name: string) =>
            `        <itemInstances>\n            <componentInstance>\n                <componentName>${name}</componentName>\n            </componentInstance>\n        </itemInstances>\n        <name>utilityItems</name>`;
        writeFileSync(
            join(project, page),
            xml
                .replace('runtime_service_omnichannel:omniWidget', 'runtime_omnichannel:agentWidget')
                .replace(
                    '        <name>utilityItems</name>',
                    item('c:noSuchBundle').replace(
                        '        <name>utilityItems</name>',
                        item('c:presenceSyncHealthCheck')
                    )
                )
        );
    });

    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it('passes the project as it is, with the Omni-Channel widget under its verified name', () => {
        expect(run('check-flexipages.mjs')).toEqual({
            status: 0,
            output: expect.stringContaining('resolves')
        });
        expect(readFileSync(join(root, page), 'utf8')).toContain(
            '<componentName>runtime_service_omnichannel:omniWidget</componentName>'
        );
    });

    it('reports an unverified standard name, a missing bundle and a bundle not made for the utility bar', () => {
        const { status, output } = run('check-flexipages.mjs', project);
        expect(status).toBe(1);
        const problems = problemLines(output);
        expect(problems).toHaveLength(3);
        expect(problems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    new RegExp(`^${page}: component runtime_omnichannel:agentWidget is neither`)
                ),
                expect.stringMatching(/component c:noSuchBundle has no LWC or Aura bundle/),
                expect.stringMatching(
                    /LWC presenceSyncHealthCheck does not declare the target lightning__UtilityBar/
                )
            ])
        );
    });
});

describe('npm run test:deployable', () => {
    const parts = [
        'sfdx-project.json',
        '.forceignore',
        '.gitignore',
        'force-app',
        'sample-config',
        'config/deploy-guard'
    ];

    it('passes the project as built', () => {
        expect(run('check-deployable.mjs')).toEqual({
            status: 0,
            output: expect.stringContaining(
                'on a clean clone a plain sf project deploy start is refused by the org'
            )
        });
    });

    it('has a guard that cannot compile, so the org refuses the deploy and names npm run deploy', () => {
        const project = mkdtempSync(join(tmpdir(), 'presence-sync-guard-'));
        try {
            cpSync(join(root, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
            cpSync(
                join(root, 'config', 'deploy-guard', 'classes'),
                join(project, 'force-app', 'main', 'default', 'classes'),
                { recursive: true }
            );
            const { status, output } = run('check-apex-semantic.mjs', project);
            expect(status).toBe(1);
            expect(problemLines(output)).toEqual([
                expect.stringMatching(
                    /^force-app\/main\/default\/classes\/PresenceSyncRunNpmRunDeploy\.cls:\d+:\d+ Missing: No type declaration found for 'Run_npm_run_deploy_instead/
                )
            ]);
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    }, 120_000);

    it('reports an LWC bundle without its JavaScript and a resourceUrl without its resource', () => {
        const project = copyProject(parts);
        try {
            const lwc = join(project, 'force-app', 'main', 'default', 'lwc');
            unlinkSync(join(lwc, 'presenceSyncTraceView', 'presenceSyncTraceView.js'));
            appendFileSync(
                join(lwc, 'presenceSyncLogReader', 'presenceSyncLogReader.js'),
                "\nimport missingSheet from '@salesforce/resourceUrl/presenceSyncMissingSheet';\nvoid missingSheet;\n"
            );
            const { status, output } = run('check-deployable.mjs', project);
            expect(status).toBe(1);
            const problems = problemLines(output);
            expect(problems).toEqual(
                expect.arrayContaining([
                    'npm run deploy: force-app/main/default/lwc/presenceSyncTraceView: LWC bundle presenceSyncTraceView without presenceSyncTraceView.js (run npm run build)',
                    'npm run deploy: force-app/main/default/lwc/presenceSyncLogReader/presenceSyncLogReader.js: @salesforce/resourceUrl/presenceSyncMissingSheet without the static resource presenceSyncMissingSheet (run npm run build)'
                ])
            );
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    });

    it('reports a clean clone that a plain deploy would send half-built when the guard is gone', () => {
        const project = copyProject(parts.filter((part) => part !== 'config/deploy-guard'));
        try {
            const git = (...args: string[]) =>
                spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
                    cwd: project,
                    encoding: 'utf8'
                });
            git('init', '-q');
            git('add', '-A');
            const { status, output } = run('check-deployable.mjs', project);
            expect(status).toBe(1);
            expect(problemLines(output)).toContain(
                'clean clone, sf project deploy start: force-app/main/default/lwc/presenceSyncAgent: LWC bundle presenceSyncAgent without presenceSyncAgent.js, and no guard stops it'
            );
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    });
});
