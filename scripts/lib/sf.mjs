// The one place the org scripts talk to the Salesforce CLI: each step is printed, every call has
// a time limit (an offline machine must fail in seconds, not hang), and failures end the script
// with one plain sentence that says what to do next.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The CLI pinned in package.json, not whatever `sf` happens to be on the PATH.
const sfBin = join(root, 'node_modules', '.bin', 'sf');

// Without these the CLI may look for updates or send telemetry, which stalls offline.
const sfEnv = {
    ...process.env,
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true'
};
// With --json, errors then arrive on stdout too, so one parse reads success and failure.
const sfJsonEnv = { ...sfEnv, SF_JSON_TO_STDOUT: 'true' };

export class StepFailure extends Error {}

let stepNumber = 0;
let stepCount = 0;

export function plan(count) {
    stepCount = count;
    stepNumber = 0;
}

export function step(title) {
    stepNumber += 1;
    const counter = stepCount ? `[${stepNumber}/${stepCount}] ` : '';
    console.log(`\n==> ${counter}${title}`);
}

export function info(message) {
    console.log(`    ${message}`);
}

export function fail(message) {
    throw new StepFailure(message);
}

/** Runs a script body and turns a StepFailure into a clear message and exit code 1. */
export async function main(body) {
    try {
        await body();
    } catch (error) {
        if (error instanceof StepFailure) {
            console.error(`\n✖ ${error.message}`);
            process.exit(1);
        }
        throw error;
    }
}

function requireCli() {
    if (!existsSync(sfBin)) {
        fail('The Salesforce CLI is not installed in this project: run `npm install` first.');
    }
}

function timedOut(result) {
    return result.error && result.error.code === 'ETIMEDOUT';
}

/**
 * Runs `sf <args> --json` and returns its `result`. On failure throws a StepFailure built from
 * the CLI's own message, with `hint` (what the user should do) appended.
 */
export function sfJson(args, { timeoutSeconds = 120, hint = '', okStatuses = [0] } = {}) {
    requireCli();
    const result = spawnSync(sfBin, [...args, '--json'], {
        cwd: root,
        env: sfJsonEnv,
        encoding: 'utf8',
        timeout: timeoutSeconds * 1000,
        maxBuffer: 64 * 1024 * 1024
    });
    const command = `sf ${args.join(' ')}`;
    if (timedOut(result)) {
        fail(`\`${command}\` did not answer within ${timeoutSeconds} s (no network?). ${hint}`.trim());
    }
    let parsed;
    try {
        parsed = JSON.parse(result.stdout);
    } catch {
        const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-5).join('\n');
        fail(`\`${command}\` failed without a readable answer:\n${output}\n${hint}`.trim());
    }
    // Some commands answer a verdict with their exit code (sf apex run test: 100 = tests failed).
    if (
        !okStatuses.includes(result.status) ||
        !okStatuses.includes(parsed.status) ||
        (parsed.status !== 0 && !parsed.result)
    ) {
        fail(`\`${command}\` failed: ${oneLine(parsed.message)}${hint ? `\n  ${hint}` : ''}`);
    }
    return parsed.result;
}

/** Runs a long `sf` command with its own progress output on the terminal. */
export function sfLive(args, { timeoutSeconds = 1800, hint = '' } = {}) {
    requireCli();
    const command = `sf ${args.join(' ')}`;
    info(`$ ${command}`);
    const result = spawnSync(sfBin, args, {
        cwd: root,
        env: sfEnv,
        stdio: 'inherit',
        timeout: timeoutSeconds * 1000
    });
    if (timedOut(result)) {
        fail(`\`${command}\` did not finish within ${timeoutSeconds} s. ${hint}`.trim());
    }
    if (result.status !== 0) {
        fail(`\`${command}\` failed (see its output above).${hint ? `\n  ${hint}` : ''}`);
    }
}

/** Runs an npm script of this project with its output on the terminal. */
export function npmRun(script) {
    info(`$ npm run ${script}`);
    const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: false });
    if (result.status !== 0) {
        fail(`\`npm run ${script}\` failed (see its output above); fix it before deploying.`);
    }
}

function oneLine(message) {
    return String(message ?? 'no message')
        .replace(/\nSee more help with --help/, '')
        .replace(/^Parsing --[a-z-]+\s*/, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

/** The value of a CLI config key (project config first, then global), or undefined. */
export function configValue(key) {
    const [entry] = sfJson(['config', 'get', key], { timeoutSeconds: 60 });
    return entry && entry.value ? String(entry.value) : undefined;
}

/** Checks that a Dev Hub is authorised and answers; returns its username or alias. */
export function requireDevHub(explicit) {
    const devHub = explicit ?? configValue('target-dev-hub');
    if (!devHub) {
        fail(
            'No Dev Hub is authorised: run `sf org login web --set-default-dev-hub --alias devhub` ' +
                '(or pass --dev-hub <alias>) and try again.'
        );
    }
    const reauthorise = `sf org login web --set-default-dev-hub --alias ${devHub}`;
    const org = sfJson(['org', 'display', '--target-org', devHub], {
        timeoutSeconds: 60,
        hint: `Check your network, or authorise the Dev Hub again: ${reauthorise}`
    });
    // The CLI answers even when it cannot reach the org; the status says whether it did.
    if (org.connectedStatus && org.connectedStatus !== 'Connected') {
        fail(
            `Cannot reach the Dev Hub ${org.username} (${org.connectedStatus}). ` +
                `Check your network, or authorise it again: ${reauthorise}`
        );
    }
    return { alias: devHub, username: org.username, instanceUrl: org.instanceUrl };
}

/** The target org: an explicit --target-org, else the CLI's default org. */
export function requireTargetOrg(explicit) {
    const org = explicit ?? configValue('target-org');
    if (!org) {
        fail(
            'No org to deploy to: run `npm run org:setup` for a scratch org, or ' +
                '`sf org login web --set-default --alias my-org` for an existing org, or pass --target-org <alias>.'
        );
    }
    return org;
}

/**
 * Runs anonymous Apex from a file and fails with the compile error or exception if it did not
 * succeed (the CLI exits 0 for some Apex failures, so the result itself is checked).
 */
export function runAnonymousApex(file, targetOrg, purpose) {
    const result = sfJson(['apex', 'run', '--file', file, '--target-org', targetOrg], {
        timeoutSeconds: 300,
        hint: `Could not ${purpose}.`
    });
    if (!result.compiled) {
        fail(`Could not ${purpose}: the Apex in ${file} does not compile: ${oneLine(result.compileProblem)}`);
    }
    if (!result.success) {
        fail(`Could not ${purpose}: ${oneLine(result.exceptionMessage)}`);
    }
}

/** Small `--name value` / `--flag` parser: the scripts take few options. */
export function parseArgs(argv, { flags = [], options = [] }) {
    const parsed = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const name = arg.replace(/^--/, '');
        if (flags.includes(name)) {
            parsed[name] = true;
        } else if (options.includes(name)) {
            const value = argv[i + 1];
            if (value === undefined || value.startsWith('--')) {
                fail(`Option ${arg} needs a value.`);
            }
            parsed[name] = value;
            i += 1;
        } else {
            const known = [...flags, ...options].map((o) => `--${o}`).join(', ');
            fail(`Unknown option ${arg}. Known options: ${known}.`);
        }
    }
    return parsed;
}

export function readProjectJson() {
    return JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
}
