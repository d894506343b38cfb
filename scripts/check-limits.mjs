/**
 * `npm run test:limits`: no source file over 400 lines and no function over 80, so that every
 * room stays one a newcomer can read (docs/architecture.md, "Limits").
 *
 * Counted: the files git tracks or would track (TypeScript, JavaScript, Apex, templates), as
 * physical lines; a function from its first token (its doc comment excluded) to its closing
 * brace, nested functions included. In test files a `describe` callback is a group of tests,
 * not a function, and is not counted; every test's own callback is.
 *
 * Exceptions live in config/limits-allow.json. Each names its file (and function) and where
 * docs/architecture.md justifies it; a permanent exception sets the ceiling it may grow to.
 * An entry that no longer needs to be there fails the check, so the list stays true.
 *   --list            print every file and function over the limits, allowed or not
 *   --project <dir>   check another project folder (tests plant defects in a scratch one)
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ApexParserFactory, ApexParseTreeWalker } from '@apexdevtools/apex-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FILE_LIMIT = 400;
export const FUNCTION_LIMIT = 80;
const ALLOW_LIST = 'config/limits-allow.json';
const ARCHITECTURE = 'docs/architecture.md';
const COUNTED = /\.(ts|js|mjs|cjs|cls|trigger|html|css|cmp|page)$/;
const TEST_FILE = /(__tests__\/|\.test\.[cm]?[jt]s$|Test\.cls$)/;
const GROUPS = new Set(['describe', 'fdescribe', 'xdescribe']);

/** The files git tracks in `dir`, and those it would track (new, not ignored). */
export function sourceFiles(dir) {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    return [...new Set(out.split('\0'))]
        .filter((file) => COUNTED.test(file) && !file.endsWith('.d.ts'))
        .filter((file) => !file.includes('/staticresources/') && fs.existsSync(path.join(dir, file)))
        .sort();
}

const lineCount = (text) => (text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length);

function scriptKind(file) {
    if (file.endsWith('.ts')) return ts.ScriptKind.TS;
    return ts.ScriptKind.JS;
}

/** The name a reader would look for: the declaration's, else what it is assigned or passed to. */
function functionName(node) {
    if (node.name && ts.isIdentifier(node.name)) return node.name.text;
    if (node.name) return node.name.getText();
    if (ts.isConstructorDeclaration(node)) return 'constructor';
    const parent = node.parent;
    if (
        ts.isVariableDeclaration(parent) ||
        ts.isPropertyAssignment(parent) ||
        ts.isPropertyDeclaration(parent)
    ) {
        return parent.name.getText();
    }
    if (ts.isCallExpression(parent)) {
        const label =
            parent.arguments[0] && ts.isStringLiteralLike(parent.arguments[0])
                ? ` '${parent.arguments[0].text}'`
                : '';
        return `${parent.expression.getText().slice(0, 40)}${label} callback`;
    }
    return '(anonymous)';
}

function calleeName(call) {
    let expression = call.expression;
    while (ts.isPropertyAccessExpression(expression) || ts.isCallExpression(expression)) {
        expression = ts.isCallExpression(expression) ? expression.expression : expression.expression;
    }
    return ts.isIdentifier(expression) ? expression.text : '';
}

function isGroupCallback(node) {
    const parent = node.parent;
    return ts.isCallExpression(parent) && parent.arguments.includes(node) && GROUPS.has(calleeName(parent));
}

function scriptFunctions(file, text) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
    const isTest = TEST_FILE.test(file);
    const found = [];
    const visit = (node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body && !(isTest && isGroupCallback(node))) {
            const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
            const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
            found.push({ name: functionName(node), line: start + 1, lines: end - start + 1 });
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

function apexFunctions(text) {
    const parser = ApexParserFactory.createParser(text);
    parser.removeErrorListeners();
    const found = [];
    const record = (name) => (ctx) => {
        const first = ctx.parentCtx?.parentCtx?.start ?? ctx.start;
        found.push({ name: name(ctx), line: first.line, lines: ctx.stop.line - first.line + 1 });
    };
    const listener = {
        enterMethodDeclaration: record((ctx) => ctx.id().getText()),
        enterConstructorDeclaration: record((ctx) => `${ctx.qualifiedName().getText()} (constructor)`),
        visitTerminal() {},
        visitErrorNode() {},
        enterEveryRule() {},
        exitEveryRule() {}
    };
    const unit = text.trimStart().toLowerCase().startsWith('trigger')
        ? parser.triggerUnit()
        : parser.compilationUnit();
    ApexParseTreeWalker.DEFAULT.walk(listener, unit);
    return found;
}

/** Functions of a file with their first line and length; templates and styles have none. */
export function functionsOf(file, text) {
    if (/\.(cls|trigger)$/.test(file)) return apexFunctions(text);
    if (/\.(ts|js|mjs|cjs)$/.test(file)) return scriptFunctions(file, text);
    return [];
}

/** Every file and function of `dir` over the limits. */
export function measure(dir) {
    const over = [];
    for (const file of sourceFiles(dir)) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const lines = lineCount(text);
        if (lines > FILE_LIMIT) over.push({ file, lines, limit: FILE_LIMIT });
        for (const fn of functionsOf(file, text)) {
            if (fn.lines > FUNCTION_LIMIT) {
                over.push({ file, function: fn.name, line: fn.line, lines: fn.lines, limit: FUNCTION_LIMIT });
            }
        }
    }
    return over;
}

const keyOf = (item) => (item.function ? `${item.file}#${item.function}` : item.file);

/**
 * Findings against the allow-list. An entry names a file (`path`) or one function
 * (`path#name`); a permanent one carries `max`, the ceiling it may grow to, and is justified in
 * docs/architecture.md. Problems: what breaks a limit without leave, what outgrew its
 * ceiling, leave no longer needed, leave without a ceiling or without its justification.
 */
export function judge(over, allow, architectureText) {
    const problems = [];
    const used = new Set();
    for (const item of over) {
        const key = keyOf(item);
        const where = `${item.file}${item.line ? `:${item.line}` : ''}${item.function ? ` ${item.function}` : ''}`;
        const what = item.function ? 'function' : 'file';
        if (!allow[key]) {
            problems.push(`${where}: ${what} of ${item.lines} lines (limit ${item.limit})`);
        } else {
            used.add(key);
            if (item.lines > allow[key].max) {
                problems.push(`${where}: ${what} of ${item.lines} lines, over its allowed ${allow[key].max}`);
            }
        }
    }
    for (const [key, entry] of Object.entries(allow)) {
        if (!architectureText.includes(key.split('#')[0])) {
            problems.push(`${ALLOW_LIST}: ${key} is not justified in ${ARCHITECTURE}`);
        }
        if (typeof entry.max !== 'number') {
            problems.push(`${ALLOW_LIST}: ${key} needs the ceiling it may grow to (max)`);
        } else if (!used.has(key)) {
            problems.push(`${ALLOW_LIST}: ${key} is within the limits now; remove it from the list`);
        }
    }
    return problems;
}

function main() {
    const at = process.argv.indexOf('--project');
    const project = at > 0 ? path.resolve(process.argv[at + 1]) : root;
    const over = measure(project);
    if (process.argv.includes('--list')) {
        for (const item of over) {
            const where = `${item.file}${item.function ? `#${item.function}` : ''}`;
            console.log(`${item.lines}\t${where}${item.line ? ` (line ${item.line})` : ''}`);
        }
        return;
    }
    const allow = JSON.parse(fs.readFileSync(path.join(project, ALLOW_LIST), 'utf8')).allow;
    const architecture = fs.readFileSync(path.join(project, ARCHITECTURE), 'utf8');
    const problems = judge(over, allow, architecture);
    if (problems.length > 0) {
        console.error(
            `check-limits: ${problems.length} problem(s); split the code, or name and justify the exception in ${ARCHITECTURE} and ${ALLOW_LIST}:\n  ${problems.join('\n  ')}`
        );
        process.exit(1);
    }
    console.log(
        `check-limits: files ≤ ${FILE_LIMIT} lines, functions ≤ ${FUNCTION_LIMIT} lines; ${Object.keys(allow).length} named exceptions.`
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main();
}
