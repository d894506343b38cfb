/**
 * `npm start`: builds the workbench and serves it on http://localhost:3333 (PORT overrides).
 * Serves the page, the emulated CCP page Streams loads into its iframe, the Streams bundle as the
 * static resource, SLDS, the emulated org's Apex over HTTP, and platform events as server-sent
 * events. The org's data lives in `.workbench-data/` (git-ignored) and survives restarts.
 * A page load rebuilds first when sources changed, so components that land appear on reload.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, buildIsFresh, LWS, OUT, ROOT, sourcesStamp } from './build.mjs';
import { createConnectService } from './connectService.mjs';
import { readJson, send, sendFile, TYPES } from './httpHelpers.mjs';
import { ccpHtml, otherOrigin, pageHtml, pageMode } from './pageHtml.mjs';
import { buildProgress } from './progress.mjs';

const DEFAULT_DATA_DIR = join(ROOT, '.workbench-data');
const SLDS_ASSETS = join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const STATIC_RESOURCE = join(
    ROOT,
    'force-app',
    'main',
    'default',
    'staticresources',
    'amazonConnectStreams.js'
);
const STREAMS_RELEASE = join(
    ROOT,
    'node_modules',
    'amazon-connect-streams',
    'release',
    'connect-streams-min.js'
);

function fileStore(dataDir) {
    const DATA_FILE = join(dataDir, 'org.json');
    return {
        load() {
            if (!existsSync(DATA_FILE)) {
                return null;
            }
            try {
                return JSON.parse(readFileSync(DATA_FILE, 'utf8'));
            } catch {
                console.warn(`Ignoring unreadable ${DATA_FILE}; starting from the seed.`);
                return null;
            }
        },
        save(data) {
            mkdirSync(dataDir, { recursive: true });
            const temporary = `${DATA_FILE}.tmp`;
            writeFileSync(temporary, JSON.stringify(data, null, 1));
            renameSync(temporary, DATA_FILE);
        }
    };
}

/** Builds, saying what it does meanwhile: the first build takes about a minute. */
async function buildWithProgress(log) {
    log('Building the workbench; the first build takes about a minute.');
    const progress = buildProgress(log);
    try {
        return await build({ onStep: progress.step });
    } finally {
        progress.stop();
    }
}

function reportBuild(result, log) {
    if (result.typeErrors.length > 0) {
        log(
            `TypeScript reports errors (the workbench runs the emitted code anyway):\n  ${result.typeErrors.join('\n  ')}`
        );
    }
    log(
        `Built in ${(result.ms / 1000).toFixed(1)} s: ${result.hosted.map((c) => `${c.tag} ${c.present ? 'hosted' : '(placeholder)'}`).join(', ')}.`
    );
    if (result.unresolvedLabels.length > 0) {
        log(`Labels without a text, shown as their key: ${result.unresolvedLabels.join(', ')}`);
    }
}

/**
 * Rebuilds before a page load when sources changed since the last build (several loads at once
 * share one rebuild); a failed rebuild keeps serving the previous build.
 */
function rebuilder(rebuildOnLoad, log) {
    let builtStamp = sourcesStamp();
    let rebuilding = null;
    return async function freshBuild() {
        if (!rebuildOnLoad) {
            return;
        }
        const stamp = sourcesStamp();
        if (stamp <= builtStamp) {
            return;
        }
        rebuilding ??= build()
            .then((result) => {
                builtStamp = stamp;
                log(`Sources changed: rebuilt in ${(result.ms / 1000).toFixed(1)} s.`);
            })
            .catch((error) => log(`Rebuild failed, serving the previous build:\n${error.message ?? error}`))
            .finally(() => (rebuilding = null));
        await rebuilding;
    };
}

/** Platform events to the pages as server-sent events, each with a replay id. */
function eventStream() {
    const clients = new Set();
    let replayId = 1;
    return {
        publish(channel, payload) {
            const data = JSON.stringify({ channel, payload, replayId: replayId++ });
            for (const client of clients) {
                client.write(`event: platform-event\ndata: ${data}\n\n`);
            }
        },
        open(request, response) {
            response.writeHead(200, {
                'content-type': 'text/event-stream',
                'cache-control': 'no-store',
                connection: 'keep-alive'
            });
            response.write(': connected\n\n');
            clients.add(response);
            request.on('close', () => clients.delete(response));
        },
        close() {
            for (const client of clients) {
                client.end();
            }
        }
    };
}

/**
 * The CCP page is this server, reached by whatever host name the browser used, or by the other
 * loopback name when the page asked for a CCP on another origin. A query kept in the stored
 * URL passes through: `/ccp-v2/?acknowledge=false` gives a CCP that never answers.
 */
function ccpUrlFor(request, stored, connectService) {
    let query = '';
    try {
        query = new URL(stored).search;
    } catch {
        // No stored URL, or not one: the plain CCP page.
    }
    let pageSearch = '';
    try {
        pageSearch = new URL(request.headers.referer ?? '').search;
    } catch {
        // No page to go by: the page's own origin.
    }
    const crossOrigin = pageMode(pageSearch).crossOriginCcp;
    const host = crossOrigin ? otherOrigin(request.headers.host) : request.headers.host;
    const ccpUrl = new URL(`http://${host}/ccp-v2/${query}`);
    if (crossOrigin) {
        // The frame cannot keep the agent's state itself: the emulated service keeps it.
        ccpUrl.searchParams.set('agent', connectService.agentFor(pageSearch) ?? 'agent');
    }
    return ccpUrl.href;
}

/** The built files, the Streams bundle and SLDS. True when the request was one of them. */
function serveFiles(request, response, path) {
    if (request.method !== 'GET') {
        return false;
    }
    if (path === '/workbench/ccp.js') {
        sendFile(response, join(OUT, 'ccp.js'));
    } else if (/^\/workbench\/page(-lws)?\/[\w.-]+\.js$/.test(path)) {
        sendFile(response, join(OUT, path.slice('/workbench/'.length)));
    } else if (path === LWS.url) {
        sendFile(response, LWS.file);
    } else if (path === '/resources/amazonConnectStreams') {
        // The static resource the project deploys (built from the locked package), else the package itself.
        sendFile(response, existsSync(STATIC_RESOURCE) ? STATIC_RESOURCE : STREAMS_RELEASE);
    } else if (path.startsWith('/slds/')) {
        const file = normalize(join(SLDS_ASSETS, decodeURIComponent(path.slice('/slds/'.length))));
        if (!file.startsWith(SLDS_ASSETS)) {
            send(response, 403, { message: 'Forbidden' });
        } else {
            sendFile(response, file);
        }
    } else {
        return false;
    }
    return true;
}

/** The emulated org's Apex over HTTP; the agent's configuration points at this server's CCP page. */
async function callApex(server, request, response, path) {
    const endpoint = decodeURIComponent(path.slice('/workbench/apex/'.length));
    const params = await readJson(request);
    try {
        // The page's clock is the org's: a benchmark may run the page's time fast (bench:org).
        let result = await server.org.call(endpoint, params, Number(request.headers['x-workbench-now']));
        if (endpoint === 'PresenceSyncAgentController.getAgentConfiguration') {
            result = {
                ...result,
                settings: {
                    ...result.settings,
                    ccpUrl: ccpUrlFor(request, result.settings.ccpUrl, server.connectService)
                }
            };
        }
        send(response, 200, result ?? null);
    } catch (error) {
        send(response, error.status ?? 500, { message: error.message ?? String(error) });
    }
}

/** The workbench's own endpoints: events, rules, reset, meter, settings, health. True when handled. */
async function serveWorkbench(server, request, response, url) {
    const path = url.pathname;
    const { org, connectService } = server;
    if (request.method === 'GET' && path === '/workbench/events') {
        server.events.open(request, response);
    } else if (request.method === 'GET' && path === '/workbench/rules') {
        send(response, 200, org.rules());
    } else if (request.method === 'POST' && path === '/workbench/rules/replace') {
        const { rules } = await readJson(request);
        send(response, 200, org.replaceRules(Array.isArray(rules) ? rules : []));
    } else if (await connectService.handle(request, response, url, { readJson, send })) {
        // The emulated Connect service's memory of the agent (connectService.mjs).
    } else if (request.method === 'POST' && path === '/workbench/reset') {
        org.reset();
        connectService.reset();
        send(response, 200, { reset: true });
    } else if (request.method === 'GET' && path === '/workbench/meter') {
        // What every Apex call has cost the emulated org, by method (npm run bench:org).
        send(response, 200, org.meter());
    } else if (request.method === 'POST' && path === '/workbench/meter/reset') {
        org.resetMeter();
        send(response, 200, { reset: true });
    } else if (request.method === 'POST' && path === '/workbench/settings') {
        org.updateSettings(await readJson(request));
        send(response, 200, org.settings());
    } else if (request.method === 'GET' && path === '/workbench/health') {
        send(response, 200, { ok: true });
    } else {
        return false;
    }
    return true;
}

/** One request: the pages, the files, the org's Apex, the workbench's endpoints. */
async function handleRequest(server, request, response) {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const path = url.pathname;
    if (request.method === 'GET' && (path === '/' || path === '/index.html')) {
        await server.freshBuild();
        send(response, 200, pageHtml(pageMode(url.search)), TYPES['.html']);
    } else if (request.method === 'GET' && path === '/ccp-v2/') {
        send(response, 200, ccpHtml(), TYPES['.html']);
    } else if (serveFiles(request, response, path)) {
        // A built file, the Streams bundle or SLDS.
    } else if (request.method === 'POST' && path.startsWith('/workbench/apex/')) {
        await callApex(server, request, response, path);
    } else if (await serveWorkbench(server, request, response, url)) {
        // One of the workbench's own endpoints.
    } else if (request.method === 'GET' && path === '/favicon.ico') {
        response.writeHead(204);
        response.end();
    } else {
        send(response, 404, { message: `Nothing at ${path}` });
    }
}

/** Starts the workbench server. Resolves with its URL and a close function. */
export async function startWorkbench({
    port = Number(process.env.PORT ?? 3333),
    dataDir = DEFAULT_DATA_DIR,
    rebuildOnLoad = true,
    /** Skip the first build when the last one is newer than every source (WORKBENCH_REUSE_BUILD=true). */
    reuseFreshBuild = false,
    log = console.log
} = {}) {
    const freshBuild = rebuilder(rebuildOnLoad, log);
    const first = reuseFreshBuild && buildIsFresh() ? null : await buildWithProgress(log);
    if (first === null) {
        log('The workbench build is newer than its sources: using it.');
    } else {
        reportBuild(first, log);
    }
    const events = eventStream();
    const { EmulatedOrg } = await import(`${pathToFileURL(join(OUT, 'org.mjs')).href}?t=${Date.now()}`);
    const state = { org: null, connectService: createConnectService(), events, freshBuild };
    const server = createServer();
    server.on('request', async (request, response) => {
        try {
            await handleRequest(state, request, response);
        } catch (error) {
            send(response, 500, { message: error.message ?? String(error) });
        }
    });
    await new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, () => resolvePromise());
    });
    const actualPort = server.address().port;
    state.org = new EmulatedOrg({
        store: fileStore(dataDir),
        publish: events.publish,
        ccpUrl: `http://localhost:${actualPort}/ccp-v2/`
    });
    return {
        url: `http://localhost:${actualPort}/`,
        port: actualPort,
        close: () =>
            new Promise((resolvePromise) => {
                events.close();
                state.connectService.close();
                server.close(() => resolvePromise());
                server.closeAllConnections?.();
            })
    };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    startWorkbench().then(
        ({ url }) => console.log(`Presence Sync workbench: ${url}  (Ctrl+C stops it)`),
        (error) => {
            console.error(error.message ?? error);
            process.exit(1);
        }
    );
}
