/** What the workbench build makes, and from where: folders, the hosted components, LWS mode, platform modules. */
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'dist', 'workbench');
export const TS_OUT = join(OUT, 'ts');
export const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
export const LABELS_FILE = join(
    ROOT,
    'force-app',
    'main',
    'default',
    'labels',
    'CustomLabels.labels-meta.xml'
);

/**
 * The LWC runtime that matches the compiler: `lwc`'s own dependencies (another @lwc/engine-dom
 * version may sit at the top of node_modules for Jest).
 */
const lwcRequire = createRequire(join(ROOT, 'node_modules', 'lwc', 'index.js'));
export const LWC_RUNTIME = {
    engine: lwcRequire.resolve('@lwc/engine-dom'),
    syntheticShadow: lwcRequire.resolve('@lwc/synthetic-shadow'),
    wireService: lwcRequire.resolve('@lwc/wire-service')
};

/** The project's components the page hosts, in display order. */
export const HOSTED = [
    {
        key: 'agent',
        tag: 'c-presence-sync-agent',
        folder: 'presenceSyncAgent',
        title: 'Presence Sync (agent utility item)'
    },
    {
        key: 'ruleBuilder',
        tag: 'c-presence-sync-rule-builder',
        folder: 'presenceSyncRuleBuilder',
        title: 'Presence sync rules'
    },
    {
        key: 'healthCheck',
        tag: 'c-presence-sync-health-check',
        folder: 'presenceSyncHealthCheck',
        title: 'Presence Sync health check'
    },
    {
        key: 'logReader',
        tag: 'c-presence-sync-log-reader',
        folder: 'presenceSyncLogReader',
        title: 'Presence Sync log'
    }
];

/**
 * Lightning Web Security mode: the namespace LWS gives its own sandbox (the project has no org
 * namespace, so its components are `c`), the global its AMD modules define themselves with, and
 * where they are served.
 */
export const LWS = {
    key: 'c',
    defineName: 'workbenchLwsDefine',
    url: '/workbench/lws/c.js',
    file: join(OUT, 'lws', 'c.js')
};

/** Platform modules the components import, served by the workbench's own implementations. */
export const PLATFORM_MODULES = {
    'lightning/empApi': 'empApi',
    'lightning/toast': 'toast',
    'lightning/platformUtilityBarApi': 'platformUtilityBarApi',
    'lightning/platformResourceLoader': 'platformResourceLoader',
    'lightning/platformShowToastEvent': 'platformShowToastEvent',
    'lightning/navigation': 'navigation'
};

/** A component exists once its folder holds its module (compiled from TypeScript, or plain JS). */
export function componentExists(folder) {
    return existsSync(join(LWC_DIR, folder, `${folder}.js`));
}

export function componentFolders() {
    return readdirSync(LWC_DIR).filter((name) => componentExists(name));
}
