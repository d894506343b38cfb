/**
 * Converts force-app to Metadata API format in a temporary folder with the project's own
 * Salesforce CLI (works offline) and fails with the CLI's words when the source does not
 * convert. The temporary folder is removed either way.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-sync-convert-'));
const sf = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'sf.cmd' : 'sf');

// No update checks, no telemetry, no detached updater: the CLI must run offline and return.
const env = {
    ...process.env,
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true'
};

try {
    if (!fs.existsSync(sf)) {
        throw new Error(
            `the Salesforce CLI is not installed at ${path.relative(root, sf)}; run npm install first`
        );
    }
    const target = path.join(outputDir, 'mdapi');
    const result = spawnSync(
        sf,
        ['project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', target, '--json'],
        {
            cwd: root,
            env,
            encoding: 'utf8',
            timeout: 120000
        }
    );
    if (result.error) {
        throw new Error(`could not run sf: ${result.error.message}`);
    }
    let answer;
    try {
        answer = JSON.parse(result.stdout);
    } catch {
        throw new Error(
            `sf answered without JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`
        );
    }
    if (result.status !== 0 || answer.status !== 0) {
        throw new Error(`sf project convert source failed: ${answer.message ?? result.stderr}`);
    }
    const manifest = path.join(target, 'package.xml');
    if (!fs.existsSync(manifest)) {
        throw new Error('the conversion wrote no package.xml');
    }
    const leaked = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.ts$|tsconfig.*\.json$|__tests__/.test(full)) leaked.push(path.relative(target, full));
        }
    };
    walk(target);
    if (leaked.length > 0) {
        throw new Error(
            `sources that must never deploy were converted (check .forceignore):\n  ${leaked.join('\n  ')}`
        );
    }
    const types = [...fs.readFileSync(manifest, 'utf8').matchAll(/<name>(\w+)<\/name>/g)].map((m) => m[1]);
    console.log(`check-convert: force-app converts (${types.join(', ')}).`);
} catch (error) {
    console.error(`check-convert: ${error.message}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
}
