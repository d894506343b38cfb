/**
 * Builds the workbench: TypeScript first (the components in place, then the workbench and the
 * emulators into dist/workbench/ts), then the rollup bundles: the page (LWC open source with
 * lightning-base-components, synthetic shadow, and the workbench's platform modules), the
 * emulated CCP page, the emulated org for the Node server, and for the Lightning Web Security
 * mode (`?lws=1`) the `c` namespace as AMD modules plus a page that holds everything but them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import {
    componentExists,
    componentFolders,
    HOSTED,
    LABELS_FILE,
    LWC_DIR,
    LWC_RUNTIME,
    LWS,
    OUT,
    PLATFORM_MODULES,
    ROOT,
    TS_OUT
} from './buildConfig.mjs';
import { workbenchModules } from './buildModules.mjs';
import { labelResolver } from './labels.mjs';

export { HOSTED, LWS, OUT, ROOT } from './buildConfig.mjs';
export { buildIsFresh, sourcesStamp } from './buildFreshness.mjs';

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
    // The compiled workbench modules are ES modules; say so to Node (the build imports fixtureIds.js,
    // which imports nothing: Node's loader wants file extensions the sources leave to the bundler).
    mkdirSync(TS_OUT, { recursive: true });
    writeFileSync(join(TS_OUT, 'package.json'), '{ "type": "module" }\n');
    const fixtures = await import(
        pathToFileURL(join(TS_OUT, 'force-app', 'test', 'jest-mocks', 'apex', 'fixtureIds.js')).href
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
