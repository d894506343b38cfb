/**
 * `npm run test:apex:lint`: what neither apex-ls nor PMD knows about running in a real org.
 *
 * Test isolation (force-app test classes). Apex tests see some org data whatever the org holds,
 * and share unique indexes with the org and with tests running in parallel:
 *  1. a query of CronTrigger or AsyncApexJob (both visible to tests) must pin Id (`Id = :x`,
 *     `Id IN :x`, `Id NOT IN :before`) or the job name the test made its own
 *     (PresenceSyncTestData.isolatePurgeJob()), so rows the org already had cannot change it;
 *  2. tests must not use a production job name (*.JOB_NAME) nor schedule under a string literal:
 *     the org may already have that job, and scheduling it again throws;
 *  3. a unique field (`<unique>true</unique>` in force-app) must not be set to the running user's
 *     id (UserInfo.getUserId(), a variable holding it, or String.valueOf of either), directly or
 *     through a PresenceSyncTestData method that stores its argument in a unique field;
 *  4. profiles must not be looked up by name (names are translated and renamed).
 *
 * Mixed DML (scripts/apex/*.apex, each run as one transaction by `sf apex run`): DML on a setup
 * object (Apex Developer Guide, "sObjects That Can't Be Used Together in DML Operations") may not
 * share a script with DML on any other object, setup or not.
 *
 * Prints every finding as `file:line message` and exits 1 when there is any.
 *   --project <dir>   lint another project folder (tests plant defects in a copy)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Apex Developer Guide's list (not exhaustive, it says; extend it when the guide does). */
export const SETUP_OBJECTS = new Set(
    [
        'AuthSession',
        'ContentWorkspace',
        'FieldPermissions',
        'ForecastingShare',
        'Group',
        'GroupMember',
        'ObjectPermissions',
        'ObjectTerritory2AssignmentRule',
        'ObjectTerritory2AssignmentRuleItem',
        'PermissionSet',
        'PermissionSetAssignment',
        'QueueSObject',
        'RuleTerritory2Association',
        'SetupEntityAccess',
        'Territory',
        'Territory2',
        'Territory2Model',
        'User',
        'UserRole',
        'UserTerritory',
        'UserTerritory2Association'
    ].map((name) => name.toLowerCase())
);

/** Comments and string contents blanked, line breaks kept, so offsets still give line numbers. */
export function stripComments(source) {
    return source
        .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
        .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function soqlBlocks(code) {
    return [...code.matchAll(/\[\s*SELECT\b[^\]]*\]/gi)].map((m) => ({ text: m[0], index: m.index }));
}

/** Unique custom fields of the project's objects, lower-cased. */
export function uniqueFields(projectDir) {
    const fields = new Set();
    const objectsDir = path.join(projectDir, 'force-app', 'main', 'default', 'objects');
    for (const object of fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir) : []) {
        const dir = path.join(objectsDir, object, 'fields');
        for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
            if (/<unique>true<\/unique>/.test(fs.readFileSync(path.join(dir, file), 'utf8'))) {
                fields.add(file.replace('.field-meta.xml', '').toLowerCase());
            }
        }
    }
    return fields;
}

/** PresenceSyncTestData-style helpers: method name → indexes of parameters stored in a unique field. */
export function uniqueParameterHelpers(source, unique) {
    const helpers = new Map();
    const code = stripComments(source);
    for (const method of code.matchAll(/\bstatic\s+[\w<>,\s.]+?\s(\w+)\s*\(([^)]*)\)\s*\{/g)) {
        const params = method[2]
            .split(',')
            .map((p) => p.trim().split(/\s+/).pop())
            .filter(Boolean);
        let depth = 0;
        let end = method.index + method[0].length - 1;
        for (; end < code.length; end++) {
            if (code[end] === '{') depth++;
            if (code[end] === '}' && --depth === 0) break;
        }
        const body = code.slice(method.index, end);
        const stored = [];
        params.forEach((param, i) => {
            for (const field of unique) {
                const assigns = new RegExp(
                    `\\b${field}\\s*=\\s*(?:String\\.valueOf\\(\\s*)?${param}\\b`,
                    'i'
                );
                if (assigns.test(body)) stored.push(i);
            }
        });
        if (stored.length > 0) helpers.set(method[1], stored);
    }
    return helpers;
}

/** Splits a call's argument list on top-level commas. */
function argumentsOf(code, openIndex) {
    const args = [];
    let depth = 0;
    let start = openIndex + 1;
    for (let i = openIndex; i < code.length; i++) {
        const c = code[i];
        if (c === '(' || c === '{' || c === '[') depth++;
        if (c === ')' || c === '}' || c === ']') {
            depth--;
            if (depth === 0) {
                args.push(code.slice(start, i).trim());
                return args;
            }
        }
        if (c === ',' && depth === 1) {
            args.push(code.slice(start, i).trim());
            start = i + 1;
        }
    }
    return args;
}

/** Rules 1 and 4: queries of rows the org already holds (jobs, profiles by name). */
function lintOrgRowReads(code, add) {
    const ownJobNames = new Set(
        [...code.matchAll(/\b(\w+)\s*=\s*PresenceSyncTestData\.isolatePurgeJob\(\)/g)].map((m) => m[1])
    );
    const pinned = (soql) =>
        /\bId\s*(=|IN\b|NOT\s+IN\b)\s*:/i.test(soql) ||
        [...soql.matchAll(/\bCronJobDetail\.Name\s*=\s*:\s*(\w+)/gi)].some((m) => ownJobNames.has(m[1]));
    for (const block of soqlBlocks(code)) {
        const from = /\bFROM\s+(CronTrigger|AsyncApexJob)\b/i.exec(block.text);
        if (from && !pinned(block.text)) {
            add(
                block.index,
                `reads ${from[1]} without tolerating the org's existing rows: pin Id (= :id, IN :ids, NOT IN :idsBefore)`
            );
        }
        if (/\bFROM\s+Profile\b[\s\S]*\bWHERE\b[\s\S]*\bName\s*(=|LIKE|IN)/i.test(block.text)) {
            add(
                block.index,
                'looks a profile up by name: names are translated and renamed (choose by licence and permissions)'
            );
        }
    }
}

/** Rule 2: a job scheduled under a fixed or production name. */
function lintJobNames(code, add) {
    for (const call of code.matchAll(/\bSystem\.schedule\s*\(/g)) {
        const [name] = argumentsOf(code, call.index + call[0].length - 1);
        if (/^'/.test(name)) {
            add(
                call.index,
                `schedules under the fixed name ${name}: the org may have that job already (use a name of the test's own)`
            );
        }
    }
    for (const use of code.matchAll(/\b\w+\.JOB_NAME\b/g)) {
        add(
            use.index,
            `uses the production job name ${use[0]}: the org's admin may have scheduled it (PresenceSyncTestData.isolatePurgeJob())`
        );
    }
}

/** Rule 3: the running user's id in a unique field, directly or through a PresenceSyncTestData helper. */
function lintRunningUserIds(code, add, { unique, helpers }) {
    const aliases = new Set(
        [
            ...code.matchAll(
                /\b(?:Id|String)\s+(\w+)\s*=\s*(?:String\.valueOf\(\s*)?UserInfo\.getUserId\(\)/g
            )
        ].map((m) => m[1])
    );
    const runningUser = (expression) => {
        const inner = expression.replace(/^String\.valueOf\(\s*([\s\S]*)\)$/, '$1').trim();
        return /^UserInfo\.getUserId\(\)$/.test(inner) || aliases.has(inner);
    };
    for (const assignment of code.matchAll(/\b(\w+__c)\s*=(?!=)\s*/g)) {
        if (!unique.has(assignment[1].toLowerCase())) continue;
        const rest = code.slice(assignment.index + assignment[0].length);
        const value =
            /^String\.valueOf\s*\(\s*(?:UserInfo\.getUserId\(\)|\w+)\s*\)|^UserInfo\.getUserId\(\)|^\w+/.exec(
                rest
            );
        if (value && runningUser(value[0].replace(/\s+/g, ''))) {
            add(
                assignment.index,
                `sets the unique ${assignment[1]} to the running user's id: tests run in parallel and the org may hold it (use a user the test creates)`
            );
        }
    }
    for (const [helper, positions] of helpers) {
        for (const call of code.matchAll(new RegExp(`\\bPresenceSyncTestData\\.${helper}\\s*\\(`, 'g'))) {
            const args = argumentsOf(code, call.index + call[0].length - 1);
            if (positions.some((i) => args[i] !== undefined && runningUser(args[i]))) {
                add(
                    call.index,
                    `passes the running user's id to PresenceSyncTestData.${helper}, which stores it in a unique field (use a user the test creates)`
                );
            }
        }
    }
}

export function lintTestClass(file, source, { unique, helpers }) {
    const findings = [];
    const code = stripComments(source);
    const add = (index, message) => findings.push(`${file}:${lineOf(code, index)} ${message}`);
    lintOrgRowReads(code, add);
    lintJobNames(code, add);
    lintRunningUserIds(code, add, { unique, helpers });
    return findings;
}

/** Objects a script changes with DML: `insert x;`, `Database.insert(x)`, on `new T(` or typed variables. */
export function dmlObjects(source) {
    const code = stripComments(source);
    const types = new Map();
    for (const declaration of code.matchAll(
        /\b(?:List|Set)\s*<\s*(\w+)\s*>\s+(\w+)|\b([A-Z]\w*)\s+(\w+)\s*=/g
    )) {
        if (declaration[1]) types.set(declaration[2], declaration[1]);
        else types.set(declaration[4], declaration[3]);
    }
    const typeOf = (expression) => {
        const created = /^new\s+(?:List\s*<\s*)?(\w+)/.exec(expression.trim());
        if (created) return created[1];
        const variable = /^(\w+)/.exec(expression.trim());
        return variable ? types.get(variable[1]) : undefined;
    };
    const found = [];
    const statements =
        /\b(insert|update|upsert|delete|undelete|merge)\s+([^;]+);|\bDatabase\.(insert|update|upsert|delete|undelete|merge)\s*\(/g;
    for (const match of code.matchAll(statements)) {
        const target = match[2] ?? argumentsOf(code, match.index + match[0].length - 1)[0] ?? '';
        found.push({
            object: typeOf(target) ?? `(unknown: ${target.trim()})`,
            line: lineOf(code, match.index)
        });
    }
    return found;
}

export function lintScript(file, source) {
    const operations = dmlObjects(source);
    const objects = [...new Set(operations.map((o) => o.object))];
    const setup = objects.filter((o) => SETUP_OBJECTS.has(o.toLowerCase()));
    if (setup.length === 0 || objects.length < 2) return [];
    const first = operations.find((o) => SETUP_OBJECTS.has(o.object.toLowerCase()));
    return [
        `${file}:${first.line} changes ${objects.join(', ')} in one transaction, and ${setup.join(', ')} ${setup.length === 1 ? 'is a setup object' : 'are setup objects'} (MIXED_DML_OPERATION): split the script or use metadata`
    ];
}

function files(dir, pattern) {
    return fs.existsSync(dir)
        ? fs
              .readdirSync(dir)
              .filter((f) => pattern.test(f))
              .map((f) => path.join(dir, f))
        : [];
}

export function lintProject(projectDir) {
    const classesDir = path.join(projectDir, 'force-app', 'main', 'default', 'classes');
    const unique = uniqueFields(projectDir);
    const testData = path.join(classesDir, 'PresenceSyncTestData.cls');
    const helpers = fs.existsSync(testData)
        ? uniqueParameterHelpers(fs.readFileSync(testData, 'utf8'), unique)
        : new Map();
    const findings = [];
    let tests = 0;
    for (const file of files(classesDir, /\.cls$/)) {
        const source = fs.readFileSync(file, 'utf8');
        if (
            !/@IsTest\b/i.test(stripComments(source).slice(0, stripComments(source).search(/\bclass\b/i) + 1))
        ) {
            continue;
        }
        tests++;
        findings.push(...lintTestClass(path.relative(projectDir, file), source, { unique, helpers }));
    }
    const scripts = files(path.join(projectDir, 'scripts', 'apex'), /\.apex$/);
    for (const file of scripts) {
        findings.push(...lintScript(path.relative(projectDir, file), fs.readFileSync(file, 'utf8')));
    }
    return { findings, tests, scripts: scripts.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const at = process.argv.indexOf('--project');
    const projectDir = path.resolve(at >= 0 ? process.argv[at + 1] : root);
    const { findings, tests, scripts } = lintProject(projectDir);
    if (findings.length > 0) {
        console.error(`lint-apex: ${findings.length} finding(s):\n  ${findings.join('\n  ')}`);
        process.exitCode = 1;
    } else {
        console.log(
            `lint-apex: ${tests} test classes isolated from the org's data, ${scripts} set-up script(s) without mixed DML.`
        );
    }
}
