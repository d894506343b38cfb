/**
 * Builds the workbench: TypeScript first (the components in place, then the workbench and the
 * emulators into dist/workbench/ts), then the rollup bundles: the page (LWC open source with
 * lightning-base-components, synthetic shadow, and the workbench's platform modules), the
 * emulated CCP page, the emulated org for the Node server, and for the Lightning Web Security
 * mode (`?lws=1`) the `c` namespace as AMD modules plus a page that holds everything but them.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { labelResolver } from './labels.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'dist', 'workbench');
const TS_OUT = join(OUT, 'ts');
const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const LABELS_FILE = join(ROOT, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');

/**
 * The LWC runtime that matches the compiler: `lwc`'s own dependencies (another @lwc/engine-dom
 * version may sit at the top of node_modules for Jest).
 */
const lwcRequire = createRequire(join(ROOT, 'node_modules', 'lwc', 'index.js'));
const LWC_RUNTIME = {
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
const PLATFORM_MODULES = {
    'lightning/empApi': 'empApi',
    'lightning/toast': 'toast',
    'lightning/platformUtilityBarApi': 'platformUtilityBarApi',
    'lightning/platformResourceLoader': 'platformResourceLoader',
    'lightning/platformShowToastEvent': 'platformShowToastEvent',
    'lightning/navigation': 'navigation'
};

/**
 * Compiles a TypeScript project. Type errors do not stop the workbench (tsc still emits, and a
 * component being written by someone else may not type-check yet); they are returned to report.
 * Runs as a child process without blocking, so progress can be reported meanwhile.
 */
function tsc(project) {
    const bin = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    return new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, [bin, '-p', project], { cwd: ROOT });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => {
            if (status !== 0 && !/error TS\d+/.test(stdout)) {
                reject(new Error(`tsc -p ${project} failed:\n${stdout}${stderr}`));
            } else {
                resolvePromise(status === 0 ? [] : stdout.trim().split('\n'));
            }
        });
    });
}

/** A component exists once its folder holds its module (compiled from TypeScript, or plain JS). */
function componentExists(folder) {
    return existsSync(join(LWC_DIR, folder, `${folder}.js`));
}

function componentFolders() {
    return readdirSync(LWC_DIR).filter((name) => componentExists(name));
}

/**
 * `workbench/components` when the components run in the LWS sandbox: the page imports every
 * platform module the namespace needs (so they are platform code, outside the sandbox), hands them
 * to the sandbox host, and evaluates a component's module in the sandbox when the page mounts it.
 */
function sandboxedComponentsModule(platformModules) {
    const host = join(TS_OUT, 'workbench', 'lws', 'host.js');
    const imports = platformModules.map((id, i) => `import * as P${i} from ${JSON.stringify(id)};`);
    const platform = platformModules.map((id, i) => `    ${JSON.stringify(id)}: P${i}`).join(',\n');
    const agent = HOSTED.find((c) => c.key === 'agent');
    return `import { loadSandboxedNamespace } from ${JSON.stringify(host)};
${imports.join('\n')}
const namespace = await loadSandboxedNamespace({
    key: ${JSON.stringify(LWS.key)},
    url: ${JSON.stringify(LWS.url)},
    defineName: ${JSON.stringify(LWS.defineName)},
    platform: {
${platform}
    }
});
const mount = (c) => ({ ...c, ctor: namespace.has('${LWS.key}/' + c.folder) ? namespace.require('${LWS.key}/' + c.folder).default : null });
export const catalogue = ${JSON.stringify(HOSTED)};
export const agent = mount(${JSON.stringify(agent)});
export const loadOthers = () => Promise.resolve(catalogue.filter((c) => c.key !== 'agent').map(mount));
window.workbenchLws = { key: namespace.key, evaluated: () => namespace.evaluated() };
`;
}

/**
 * Resolves the platform's scoped imports (`@salesforce/...`) and the workbench's generated modules.
 * With `sandboxed` (the platform modules the namespace imports), the components come from the
 * LWS sandbox instead of the page's own bundle.
 */
function workbenchModules({ userId, labels, sandboxed = null }) {
    const apexClient = join(TS_OUT, 'workbench', 'platform', 'apex.js');
    const gateOff = '\0gate-off';
    return {
        name: 'presence-sync-workbench-modules',
        resolveId(id) {
            if (id === '@salesforce/gate/bc.260.enableComboboxElementInternals') {
                // Synthetic shadow has no attachInternals: keep combobox on its older path.
                return gateOff;
            }
            if (
                id.startsWith('@salesforce/apex/') ||
                id.startsWith('@salesforce/resourceUrl/') ||
                id.startsWith('@salesforce/customPermission/') ||
                id.startsWith('@salesforce/label/') ||
                id === '@salesforce/user/Id' ||
                id === 'workbench/components' ||
                id === 'workbench/other-components' ||
                id === 'workbench/entry'
            ) {
                return `\0${id}`;
            }
            return null;
        },
        load(id) {
            if (id === gateOff) {
                return 'export default { isOpen: () => false };';
            }
            if (!id.startsWith('\0')) {
                return null;
            }
            const name = id.slice(1);
            if (name === 'workbench/entry') {
                return `import ${JSON.stringify(LWC_RUNTIME.syntheticShadow)};\nimport ${JSON.stringify(join(TS_OUT, 'workbench', 'page', 'main.js'))};`;
            }
            if (name === 'workbench/components' && sandboxed) {
                return sandboxedComponentsModule(sandboxed);
            }
            if (name === 'workbench/components' || name === 'workbench/other-components') {
                const agentOnly = name === 'workbench/components';
                const chosen = HOSTED.filter((c) => (c.key === 'agent') === agentOnly);
                const lines = chosen.map((c, i) =>
                    componentExists(c.folder) ? `import C${i} from 'c/${c.folder}';` : `const C${i} = null;`
                );
                const list = chosen.map((c, i) => `{ ...${JSON.stringify(c)}, ctor: C${i} }`).join(',\n    ');
                const hosted = `${lines.join('\n')}\nexport const components = [\n    ${list}\n];`;
                return agentOnly
                    ? `${hosted}\nexport const agent = components[0];\nexport const catalogue = ${JSON.stringify(HOSTED)};\n` +
                          `export const loadOthers = () => import('workbench/other-components').then((m) => m.components);`
                    : hosted;
            }
            if (name.startsWith('@salesforce/apex/')) {
                const endpoint = name.slice('@salesforce/apex/'.length);
                return `import { callApex } from ${JSON.stringify(apexClient)};\nexport default function apexMethod(params) { return callApex(${JSON.stringify(endpoint)}, params); }`;
            }
            if (name.startsWith('@salesforce/resourceUrl/')) {
                return `export default ${JSON.stringify(`/resources/${name.slice('@salesforce/resourceUrl/'.length)}`)};`;
            }
            if (name.startsWith('@salesforce/customPermission/')) {
                // The workbench's agent holds every Presence Sync permission set.
                return 'export default true;';
            }
            if (labels.isLabel(name)) {
                return labels.source(name);
            }
            if (name === '@salesforce/user/Id') {
                return `export default ${JSON.stringify(userId)};`;
            }
            return null;
        }
    };
}

/**
 * Bundles and replaces the output (one file, or a folder of chunks) by renaming, so a server
 * reading it never sees half a build.
 */
async function bundle(options, output) {
    const build = await rollup({ ...options, onwarn: () => undefined });
    const { cache } = build;
    try {
        const { output: chunks } = await build.generate(output);
        const target = output.file ?? output.dir;
        const temporary = `${target}.${process.pid}.tmp`;
        rmSync(temporary, { recursive: true, force: true });
        if (output.file) {
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(temporary, chunks[0].code);
        } else {
            mkdirSync(temporary, { recursive: true });
            for (const chunk of chunks) {
                writeFileSync(
                    join(temporary, chunk.fileName),
                    chunk.type === 'chunk' ? chunk.code : chunk.source
                );
            }
            rmSync(target, { recursive: true, force: true });
        }
        renameSync(temporary, target);
        return cache;
    } finally {
        await build.close();
    }
}

/** The workbench's platform modules, for the LWC plugin's module resolution. */
function platformModuleEntries() {
    return Object.entries(PLATFORM_MODULES).map(([name, file]) => ({
        name,
        path: join(TS_OUT, 'workbench', 'platform', `${file}.js`)
    }));
}

function componentModuleEntries() {
    return componentFolders().map((folder) => ({
        name: `c/${folder}`,
        path: join(LWC_DIR, folder, `${folder}.js`)
    }));
}

/**
 * The page: plain (the components bundled with it) or, given the platform modules the sandboxed
 * namespace imports, the LWS page without the components. Returns rollup's cache, which the
 * second page build reuses for the modules both share.
 */
async function buildPage(userId, labels, { sandboxed = null, cache } = {}) {
    return bundle(
        {
            input: 'workbench/entry',
            cache,
            plugins: [
                workbenchModules({ userId, labels, sandboxed }),
                replace({
                    preventAssignment: true,
                    values: {
                        'import.meta.env.SSR': 'false',
                        'process.env.NODE_ENV': JSON.stringify('development')
                    }
                }),
                lwc({
                    rootDir: ROOT,
                    modules: [
                        ...platformModuleEntries(),
                        ...(sandboxed ? [] : componentModuleEntries()),
                        { npm: 'lightning-base-components' }
                    ],
                    defaultModules: [
                        { name: 'lwc', path: LWC_RUNTIME.engine },
                        { name: '@lwc/synthetic-shadow', path: LWC_RUNTIME.syntheticShadow },
                        { name: '@lwc/wire-service', path: LWC_RUNTIME.wireService },
                        { name: 'wire-service', path: LWC_RUNTIME.wireService }
                    ],
                    enableDynamicComponents: true
                }),
                nodeResolve({ browser: true })
            ]
        },
        // ES modules in chunks: the components other than the agent load after it has started.
        // Synthetic shadow shares the engine's chunk, ahead of it: the engine decides at load
        // whether synthetic shadow is there (and a chunk's imports run before the importer).
        {
            dir: join(OUT, sandboxed ? 'page-lws' : 'page'),
            format: 'es',
            entryFileNames: 'page.js',
            chunkFileNames: '[name]-[hash].js',
            manualChunks: (id) =>
                id === LWC_RUNTIME.syntheticShadow || id === LWC_RUNTIME.engine ? 'lwc-runtime' : undefined
        }
    );
}

/**
 * An import that names another module (a component bundle or a platform module), not a file of the
 * importing bundle nor one of the LWC compiler's own resources.
 */
function isModuleSpecifier(id) {
    return (
        !id.startsWith('.') &&
        !id.startsWith('/') &&
        !id.startsWith('\0') &&
        !id.startsWith('@lwc/resources/') &&
        !/^[A-Za-z]:[\\/]/.test(id)
    );
}

/**
 * The `c` namespace as the platform serves it to LWS: one AMD module per component bundle
 * (`define('c/name', ['exports', 'lwc', …], exporter)`), compiled with the LWC compiler's LWS
 * transforms (async functions to generators, `location`/`top` references made sandbox-safe).
 * Every other module stays external. Returns the platform modules the namespace imports.
 */
async function buildNamespace() {
    const build = await rollup({
        input: Object.fromEntries(
            componentModuleEntries().map(({ name, path }) => [name.split('/')[1], path])
        ),
        external: (id, importer) => importer !== undefined && isModuleSpecifier(id),
        onwarn: () => undefined,
        plugins: [
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('development') }
            }),
            lwc({
                rootDir: ROOT,
                modules: componentModuleEntries(),
                enableLightningWebSecurityTransforms: true
            })
        ]
    });
    try {
        const { output } = await build.generate({
            format: 'amd',
            amd: { autoId: true, define: LWS.defineName },
            entryFileNames: `${LWS.key}/[name].js`,
            chunkFileNames: `${LWS.key}/_chunk-[hash].js`,
            exports: 'named',
            interop: 'esModule'
        });
        mkdirSync(dirname(LWS.file), { recursive: true });
        const temporary = `${LWS.file}.${process.pid}.tmp`;
        writeFileSync(temporary, output.map((chunk) => chunk.code).join('\n'));
        renameSync(temporary, LWS.file);
        const imports = new Set(output.flatMap((chunk) => chunk.imports));
        return [...imports].filter((id) => !id.startsWith(`${LWS.key}/`)).sort();
    } finally {
        await build.close();
    }
}

async function buildCcpPage() {
    await bundle(
        { input: join(TS_OUT, 'workbench', 'page', 'ccpPage.js'), plugins: [nodeResolve({ browser: true })] },
        { file: join(OUT, 'ccp.js'), format: 'iife' }
    );
}

async function buildOrg() {
    // The emulated org runs the components' pure modules (engine, rule checks) as compiled for it.
    const lwcOut = join(TS_OUT, 'force-app', 'main', 'default', 'lwc');
    await bundle(
        {
            input: join(TS_OUT, 'force-app', 'test', 'emulators', 'org.js'),
            plugins: [
                {
                    name: 'components',
                    resolveId: (id) => {
                        const folder = /^c\/(\w+)$/.exec(id)?.[1];
                        return folder ? join(lwcOut, folder, `${folder}.js`) : null;
                    }
                }
            ]
        },
        { file: join(OUT, 'org.mjs'), format: 'es' }
    );
}

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

/** Whether the last build is newer than every source (and than this script): then nothing needs building. */
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
    const builder = statSync(fileURLToPath(import.meta.url)).mtimeMs;
    return oldestOutput > Math.max(sourcesStamp(), builder);
}

/**
 * Builds everything. `onStep(text)` hears each step as it starts (the first build takes about a
 * minute, and `npm start` says what it is doing meanwhile).
 */
export async function build({ onStep = () => undefined } = {}) {
    const started = Date.now();
    onStep('Compiling the components (TypeScript to LWC JavaScript)');
    const componentErrors = await tsc('tsconfig.build.json');
    onStep('Compiling the workbench and the emulators');
    const typeErrors = [...componentErrors, ...(await tsc('workbench/tsconfig.json'))];
    // The compiled workbench modules are ES modules; say so to Node (the build imports fixtures.js).
    mkdirSync(TS_OUT, { recursive: true });
    writeFileSync(join(TS_OUT, 'package.json'), '{ "type": "module" }\n');
    const fixtures = await import(
        pathToFileURL(join(TS_OUT, 'force-app', 'test', 'jest-mocks', 'apex', 'fixtures.js')).href
    );
    const userId = fixtures.AGENT_USER_ID;
    const labels = labelResolver({ root: ROOT, labelsFile: LABELS_FILE });
    onStep(
        'Bundling the page (LWC and base components), the LWS namespace, the CCP page and the emulated org'
    );
    const [cache, sandboxed] = await Promise.all([
        buildPage(userId, labels),
        buildNamespace(),
        buildCcpPage(),
        buildOrg()
    ]);
    onStep('Bundling the page for the Lightning Web Security mode');
    await buildPage(userId, labels, { sandboxed, cache });
    return {
        ms: Date.now() - started,
        typeErrors,
        unresolvedLabels: labels.missing(),
        hosted: HOSTED.map((c) => ({ ...c, present: componentExists(c.folder) }))
    };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    build({ onStep: (text) => console.log(`${text}…`) }).then(
        (result) => {
            result.typeErrors.forEach((line) => console.warn(line));
            if (result.unresolvedLabels.length > 0) {
                console.warn(
                    `Labels without a text, shown as their key: ${result.unresolvedLabels.join(', ')}`
                );
            }
            console.log(`Workbench built in ${result.ms} ms.`);
        },
        (error) => {
            console.error(error.message ?? error);
            process.exit(1);
        }
    );
}
