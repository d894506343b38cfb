/**
 * @jest-environment-options {"customExportConditions": ["require", "node", "default"]}
 *
 * `npm run test:apex:semantic` must fail on a compile error an org would refuse, with file and
 * line: errors are planted in a copy of the project, in a class, in a script of scripts/apex, and
 * in Omni-Channel field names (both a field access and a SOQL field list), and the checker must
 * report each, and nothing else. The prepared jars must be what scripts/apex-ls/jars.mjs says.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const root = join(__dirname, '..', '..');
const checker = join(root, 'scripts', 'check-apex-semantic.mjs');
const META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';

function run(args: string[]): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [checker, ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function nodeEval(code: string): string {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        cwd: root,
        encoding: 'utf8'
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout.trim();
}

describe('npm run test:apex:semantic', () => {
    let project: string;

    beforeAll(() => {
        project = mkdtempSync(join(tmpdir(), 'presence-sync-planted-'));
        for (const part of ['sfdx-project.json', '.forceignore', 'force-app/main/default', 'scripts/apex']) {
            cpSync(join(root, part), join(project, part), {
                recursive: true,
                filter: (source) => !/[\\/](lwc|staticresources)([\\/]|$)/.test(source)
            });
        }
        const classes = join(project, 'force-app', 'main', 'default', 'classes');
        writeFileSync(
            join(classes, 'PlantedErrors.cls'),
            [
                'public with sharing class PlantedErrors {',
                '    public static Integer wrongType() {',
                "        return 'not a number';",
                '    }',
                '    public static String omniField(ServicePresenceStatus status) {',
                '        return status.DeveloperNam;',
                '    }',
                '    public static List<ServiceChannel> omniQuery() {',
                '        return [SELECT Id, RelatedEntty FROM ServiceChannel WITH SYSTEM_MODE LIMIT 1];',
                '    }',
                '}',
                ''
            ].join('\n')
        );
        writeFileSync(join(classes, 'PlantedErrors.cls-meta.xml'), META);
        writeFileSync(
            join(project, 'scripts', 'apex', 'planted.apex'),
            "Id me = UserInfo.getUserId();\nGroupMember member = new GroupMember(GroupId = me, UserOrGroupId = me, Nonsense__c = 'x');\ninsert member;\n"
        );
    });

    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it('reports each planted error with its file and line, and nothing else', () => {
        const { status, output } = run(['--project', project]);
        expect(status).toBe(1);
        const problems = output
            .split('\n')
            .filter((line) => /^\s+\S+:\d+:\d+ /.test(line))
            .map((line) => line.trim().replace(/^(\S+:\d+):\d+ .*$/, '$1'));
        expect(problems.sort()).toEqual(
            [
                'force-app/main/default/classes/PlantedErrors.cls:3',
                'force-app/main/default/classes/PlantedErrors.cls:6',
                'force-app/main/default/classes/PlantedErrors.cls:9',
                'scripts/apex/planted.apex:2'
            ].sort()
        );
        expect(output).toMatch(
            /PlantedErrors\.cls:6:\d+ Missing: Unknown field 'DeveloperNam' on SObject 'Schema\.ServicePresenceStatus'/
        );
        expect(output).toContain('ServiceChannel has no field RelatedEntty (SOQL)');
    }, 240_000);

    it('runs the package jar unchanged on Java 21 and its Java 17 copy below', () => {
        const paths = JSON.parse(
            nodeEval(
                "import { classPath } from './scripts/apex-ls/jars.mjs'; console.log(JSON.stringify([classPath(17), classPath(21)]))"
            )
        ) as string[];
        const apexLs = (cp: string) => cp.split(/[:;]/).find((jar) => /apex-ls_/.test(jar)) as string;
        expect(apexLs(paths[0])).toContain(join('node_modules', '.cache'));
        expect(apexLs(paths[1])).toContain(join('@flxbl-io', 'apexlink', 'jars'));
        // The Omni-Channel catalogue is the copy with every Java.
        for (const cp of paths) {
            expect(cp.split(/[:;]/).find((jar) => /sobject-types/.test(jar))).toContain(
                join('node_modules', '.cache')
            );
        }
    });

    it('lowers exactly the Java 21 class files to Java 17 and leaves the package jar alone', async () => {
        const [copy, original] = JSON.parse(
            nodeEval(
                "import { classPath, packageJarsDir, prepareJars } from './scripts/apex-ls/jars.mjs'; import fs from 'node:fs'; await prepareJars(); const jar = classPath(17).split(':').find((j) => /apex-ls_/.test(j)); console.log(JSON.stringify([jar, packageJarsDir() + '/' + fs.readdirSync(packageJarsDir()).find((j) => /apex-ls_/.test(j))]))"
            )
        ) as string[];
        async function versions(jar: string): Promise<Record<number, number>> {
            const zip = await JSZip.loadAsync(readFileSync(jar));
            const counts: Record<number, number> = {};
            for (const entry of Object.values(zip.files).filter((e) => e.name.endsWith('.class'))) {
                const bytes = await entry.async('uint8array');
                const major = (bytes[6] << 8) | bytes[7];
                counts[major] = (counts[major] ?? 0) + 1;
            }
            return counts;
        }
        const before = await versions(original);
        const after = await versions(copy);
        expect(before[65]).toBe(21);
        expect(after[65]).toBeUndefined();
        expect(after[61]).toBe(21);
        expect(after[52]).toBe(before[52]);
    }, 60_000);
});
