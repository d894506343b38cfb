/** Whether the workbench needs building again: its outputs against the sources and the build's own scripts. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS_FILE, LWC_DIR, OUT, ROOT } from './buildConfig.mjs';

const BUILD_SCRIPTS = ['build.mjs', 'buildConfig.mjs', 'buildModules.mjs', 'buildFreshness.mjs'];

/** Newest modification time of the sources a build depends on. */
export function sourcesStamp() {
    let newest = 0;
    const walk = (dir) => {
        if (!existsSync(dir)) {
            return;
        }
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== '__tests__' && entry.name !== 'node_modules') {
                    walk(path);
                }
            } else if (/\.(ts|html|css|js-meta\.xml)$/.test(entry.name)) {
                newest = Math.max(newest, statSync(path).mtimeMs);
            }
        }
    };
    walk(LWC_DIR);
    walk(join(ROOT, 'workbench', 'page'));
    walk(join(ROOT, 'workbench', 'platform'));
    walk(join(ROOT, 'workbench', 'lws'));
    walk(join(ROOT, 'force-app', 'test', 'emulators'));
    for (const file of [LABELS_FILE, join(ROOT, 'workbench', 'labels.mjs')]) {
        if (existsSync(file)) {
            newest = Math.max(newest, statSync(file).mtimeMs);
        }
    }
    return Math.max(newest, ...readdirSync(LWC_DIR).map((name) => statSync(join(LWC_DIR, name)).mtimeMs));
}

/** Whether the last build is newer than every source (and than the build's scripts): then nothing needs building. */
export function buildIsFresh() {
    const outputs = [
        join('page', 'page.js'),
        join('page-lws', 'page.js'),
        join('lws', 'c.js'),
        'ccp.js',
        'org.mjs'
    ].map((file) => join(OUT, file));
    if (!outputs.every((file) => existsSync(file))) {
        return false;
    }
    const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
    const builder = Math.max(...BUILD_SCRIPTS.map((file) => statSync(join(ROOT, 'workbench', file)).mtimeMs));
    return oldestOutput > Math.max(sourcesStamp(), builder);
}
