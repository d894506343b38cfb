/**
 * @jest-environment-options {"customExportConditions": ["require", "node", "default"]}
 *
 * `npm run test:apex:lint` must catch each defect that makes Apex fail in a real org although it
 * compiles: defects are planted in a copy of the project, one per rule, and each must be reported
 * with its file and line; the project as it is must pass.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';

function lint(project?: string): { status: number | null; output: string } {
    const args = [join(root, 'scripts', 'lint-apex.mjs'), ...(project ? ['--project', project] : [])];
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const PLANTED_TEST = [
    '@IsTest',
    'private class PlantedIsolationTest {',
    '    @IsTest',
    '    static void defects() {',
    "        Integer jobs = [SELECT COUNT() FROM AsyncApexJob WHERE JobType = 'BatchApex'];",
    "        System.schedule('Nightly', '0 0 2 * * ?', new PresenceSyncLogPurgeBatch());",
    '        Boolean real = PresenceSyncOrgSetupSelector.jobScheduled(PresenceSyncLogPurgeBatch.JOB_NAME);',
    "        Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1];",
    '        Id me = UserInfo.getUserId();',
    "        insert new Presence_Sync_Agent_State__c(Name = 'x', Agent_User_Id__c = String.valueOf(me));",
    "        PresenceSyncTestData.assign(null, 'User', UserInfo.getUserId(), 'Me');",
    '        Set<Id> before = new Map<Id, AsyncApexJob>([SELECT Id FROM AsyncApexJob WHERE Id NOT IN :new Set<Id>()]).keySet();',
    '    }',
    '}',
    ''
].join('\n');

const PLANTED_SCRIPT = [
    "PermissionSet agents = [SELECT Id FROM PermissionSet WHERE Name = 'Presence_Sync_Agent' LIMIT 1];",
    'List<SetupEntityAccess> grants = new List<SetupEntityAccess>();',
    'insert grants;',
    'insert new PresenceUserConfigUser(UserId = UserInfo.getUserId());',
    ''
].join('\n');

describe('npm run test:apex:lint', () => {
    let project: string;

    beforeAll(() => {
        project = mkdtempSync(join(tmpdir(), 'presence-sync-lint-'));
        for (const part of [
            'force-app/main/default/classes',
            'force-app/main/default/objects',
            'scripts/apex'
        ]) {
            cpSync(join(root, part), join(project, part), { recursive: true });
        }
        const classes = join(project, 'force-app', 'main', 'default', 'classes');
        writeFileSync(join(classes, 'PlantedIsolationTest.cls'), PLANTED_TEST);
        writeFileSync(join(classes, 'PlantedIsolationTest.cls-meta.xml'), META);
        writeFileSync(join(project, 'scripts', 'apex', 'planted-mixed.apex'), PLANTED_SCRIPT);
    });

    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it('passes the project as it is', () => {
        const { status, output } = lint();
        expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('isolated') });
    });

    it('reports every planted defect with its file and line, and only those', () => {
        const { status, output } = lint(project);
        expect(status).toBe(1);
        const findings = output
            .split('\n')
            .filter((line) => /^\s+\S+:\d+ /.test(line))
            .map((line) => line.trim());
        const at = (file: string, line: number, words: RegExp) =>
            expect(findings.filter((f) => f.startsWith(`${file}:${line} `) && words.test(f))).toHaveLength(1);
        const test = 'force-app/main/default/classes/PlantedIsolationTest.cls';
        at(test, 5, /reads AsyncApexJob without tolerating/);
        at(test, 6, /fixed name 'Nightly'/);
        at(test, 7, /production job name PresenceSyncLogPurgeBatch\.JOB_NAME/);
        at(test, 8, /profile up by name/);
        at(test, 10, /unique Agent_User_Id__c to the running user's id/);
        at(test, 11, /PresenceSyncTestData\.assign, which stores it in a unique field/);
        at(
            'scripts/apex/planted-mixed.apex',
            3,
            /SetupEntityAccess is a setup object \(MIXED_DML_OPERATION\)/
        );
        expect(findings).toHaveLength(7);
    });
});
