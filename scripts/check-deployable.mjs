/**
 * `npm run test:deployable`: what a deploy would send, checked offline with the CLI's own
 * resolver (@salesforce/source-deploy-retrieve), in the three ways a developer deploys:
 *  1. `npm run deploy` (`--source-dir force-app`, after the build);
 *  2. a plain `sf project deploy start` after `npm run build` (every package directory);
 *  3. a plain `sf project deploy start` on a clean clone: the files git tracks, nothing built.
 * What would be deployed must hold every LWC bundle's JavaScript and every static resource that
 * `@salesforce/resourceUrl/X` (LWC) or `$Resource.X` (Aura) names, or else, on a clean clone
 * only, carry the guard of config/deploy-guard, which the org refuses with the words "Run npm run
 * deploy". A plain deploy resolves files as source tracking does for an org that has none of
 * them: each file of each package directory, each under its nearest .forceignore.
 * Prints every problem and exits 1 when there is any.
 *   --project <dir>   check another project folder (tests plant defects in a copy)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sdr from '@salesforce/source-deploy-retrieve';

const { MetadataResolver, RegistryAccess } = sdr;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GUARD_DIR = path.join('config', 'deploy-guard');
export const GUARD_CLASS = 'PresenceSyncRunNpmRunDeploy';
export const GUARD_WORDS = 'Run_npm_run_deploy';

function walk(dir, out = []) {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, out);
        else out.push(full);
    }
    return out;
}

/** Components resolved from the given files, as source tracking builds a deploy's component set. */
function resolve(projectDir, files) {
    const resolver = new MetadataResolver(new RegistryAccess(undefined, projectDir));
    const components = new Map();
    for (const file of files) {
        let found = [];
        try {
            found = resolver.getComponentsFromPath(file);
        } catch {
            // Source tracking skips what it cannot resolve; so does this.
        }
        for (const component of found) {
            components.set(`${component.type.name}:${component.fullName}`, component);
        }
    }
    return [...components.values()];
}

function packageDirectories(projectDir) {
    const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
    return project.packageDirectories.map((dir) => path.join(projectDir, dir.path));
}

/** What `sf project deploy start` without flags sends: every package directory. */
export function plainDeploy(projectDir) {
    return resolve(
        projectDir,
        packageDirectories(projectDir).flatMap((dir) => walk(dir))
    );
}

/** What `npm run deploy` sends: force-app. */
export function npmDeploy(projectDir) {
    return resolve(projectDir, walk(path.join(projectDir, 'force-app')));
}

/** Missing JavaScript and missing static resources among the components. */
export function missingParts(projectDir, components) {
    const problems = [];
    const resources = new Set(
        components.filter((c) => c.type.name === 'StaticResource').map((c) => c.fullName)
    );
    const where = (file) => path.relative(projectDir, file);
    for (const bundle of components.filter((c) => c.type.name === 'LightningComponentBundle')) {
        const js = path.join(bundle.content, `${bundle.fullName}.js`);
        if (!fs.existsSync(js)) {
            problems.push(
                `${where(bundle.content)}: LWC bundle ${bundle.fullName} without ${bundle.fullName}.js`
            );
            continue;
        }
        for (const file of walk(bundle.content).filter((f) => f.endsWith('.js'))) {
            for (const match of fs
                .readFileSync(file, 'utf8')
                .matchAll(/['"]@salesforce\/resourceUrl\/(\w+)['"]/g)) {
                if (!resources.has(match[1])) {
                    problems.push(
                        `${where(file)}: @salesforce/resourceUrl/${match[1]} without the static resource ${match[1]}`
                    );
                }
            }
        }
    }
    for (const bundle of components.filter((c) => c.type.name === 'AuraDefinitionBundle')) {
        for (const file of walk(bundle.content)) {
            for (const match of fs.readFileSync(file, 'utf8').matchAll(/\$Resource\.(\w+)/g)) {
                if (!resources.has(match[1])) {
                    problems.push(
                        `${where(file)}: $Resource.${match[1]} without the static resource ${match[1]}`
                    );
                }
            }
        }
    }
    return problems;
}

/** Whether the guard class is among the components and cannot compile (it names a type nobody defines). */
export function guardStops(projectDir, components) {
    const guard = components.find((c) => c.type.name === 'ApexClass' && c.fullName === GUARD_CLASS);
    if (!guard) return false;
    const source = fs.readFileSync(guard.content, 'utf8');
    const type = new RegExp(`\\b(${GUARD_WORDS}\\w*)\\s+\\w+\\s*;`).exec(source)?.[1];
    if (!type) return false;
    const definedSomewhere = walk(projectDir).some(
        (file) =>
            !file.includes(`${path.sep}node_modules${path.sep}`) && path.basename(file) === `${type}.cls`
    );
    return !definedSomewhere;
}

/** The files of a clean clone, copied into a temporary folder; null outside a git work tree. */
function cleanClone(projectDir) {
    const listed = spawnSync('git', ['ls-files', '-z'], { cwd: projectDir, encoding: 'utf8' });
    if (listed.status !== 0) return null;
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-sync-clean-clone-'));
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
        if (!fs.existsSync(path.join(projectDir, file))) continue;
        fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
        fs.copyFileSync(path.join(projectDir, file), path.join(clone, file));
    }
    return clone;
}

export function checkProject(projectDir, { clone = true } = {}) {
    const problems = [];
    const notes = [];
    const viaNpm = npmDeploy(projectDir);
    problems.push(...missingParts(projectDir, viaNpm).map((p) => `npm run deploy: ${p} (run npm run build)`));
    if (guardStops(projectDir, viaNpm)) problems.push('npm run deploy: would send the clean-clone guard');

    const afterBuild = plainDeploy(projectDir);
    const builtProblems = missingParts(projectDir, afterBuild);
    if (guardStops(projectDir, afterBuild)) {
        notes.push('a plain sf project deploy start is stopped by the guard (npm run build disarms it)');
    } else {
        problems.push(...builtProblems.map((p) => `sf project deploy start: ${p}`));
        notes.push(`a plain sf project deploy start sends ${afterBuild.length} complete components`);
    }

    if (clone) {
        const cloneDir = cleanClone(projectDir);
        if (cloneDir === null) {
            notes.push('not a git work tree: the clean-clone case was not checked');
        } else {
            try {
                const fresh = plainDeploy(cloneDir);
                const missing = missingParts(cloneDir, fresh);
                if (missing.length > 0 && !guardStops(cloneDir, fresh)) {
                    problems.push(
                        ...missing.map(
                            (p) => `clean clone, sf project deploy start: ${p}, and no guard stops it`
                        )
                    );
                } else {
                    notes.push(
                        missing.length > 0
                            ? `on a clean clone a plain sf project deploy start is refused by the org (${GUARD_CLASS}: "${GUARD_WORDS}…"), not sent half-built (${missing.length} missing parts)`
                            : 'a clean clone deploys as it is'
                    );
                }
            } finally {
                fs.rmSync(cloneDir, { recursive: true, force: true });
            }
        }
    }
    return { problems, notes, components: viaNpm.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const at = process.argv.indexOf('--project');
    const { problems, notes, components } = checkProject(path.resolve(at >= 0 ? process.argv[at + 1] : root));
    if (problems.length > 0) {
        console.error(`check-deployable: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
        process.exitCode = 1;
    } else {
        console.log(
            `check-deployable: npm run deploy sends ${components} complete components; ${notes.join('; ')}.`
        );
    }
}
