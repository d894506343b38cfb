/**
 * `npm start`: builds the workbench and serves it on http://localhost:3333 (PORT overrides).
 * Serves the page, the emulated CCP page Streams loads into its iframe, the Streams bundle as the
 * static resource, SLDS, the emulated org's Apex over HTTP, and platform events as server-sent
 * events. The org's data lives in `.workbench-data/` (git-ignored) and survives restarts.
 * A page load rebuilds first when sources changed, so components that land appear on reload.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, buildIsFresh, LWS, OUT, ROOT, sourcesStamp } from './build.mjs';
import { createConnectService } from './connectService.mjs';
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

const TYPES = {
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
    '.html': 'text/html; charset=utf-8',
    '.json': 'application/json'
};

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

/**
 * Which page a query asks for: `?lws=1` runs the components in the Lightning Web Security sandbox;
 * `?ccpOrigin=cross` (implied by `lws=1`) puts the CCP on another origin than the page, as a real
 * CCP is.
 */
function pageMode(search) {
    const params = new URLSearchParams(search);
    const lws = params.get('lws') === '1';
    return { lws, crossOriginCcp: lws || params.get('ccpOrigin') === 'cross' };
}

/** The same server under the other loopback name: another origin for the browser. */
function otherOrigin(host) {
    const [name, port] = host.split(/:(?=\d+$)/);
    const other = name === 'localhost' ? '127.0.0.1' : 'localhost';
    return port ? `${other}:${port}` : other;
}

function pageHtml({ lws }) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Presence Sync workbench${lws ? ' (Lightning Web Security)' : ''}</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">
<style>
body { background: #f3f3f3; padding: 0.75rem 0.75rem 3.5rem; }
.wb-utility-bar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 5; }
.wb-utility-item { padding: 0 0.75rem; display: flex; align-items: center; }
.wb-utility-item_highlighted { box-shadow: inset 0 -3px 0 #fe9339; }
.wb-toasts { position: fixed; top: 0.5rem; left: 0; right: 0; z-index: 10; }
#wb-agent .slds-card__body { max-width: 420px; }
.wb-button-row { display: flex; flex-wrap: wrap; gap: 0.25rem; }
.wb-button-row .slds-button + .slds-button { margin-left: 0; }
</style>
</head>
<body class="slds-scope">
<div id="workbench-root" class="slds-p-around_large">Loading the workbench…</div>
<script type="module" src="/workbench/${lws ? 'page-lws' : 'page'}/page.js"></script>
</body>
</html>`;
}

function ccpHtml() {
    // Kept light: the CCP's load time is part of the agent's start-up.
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Amazon Connect CCP (emulated)</title>
<style>
body { font: 13px/1.4 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #181818; margin: 0; padding: 0.75rem; background: #f4f6f9; }
.caps { text-transform: uppercase; letter-spacing: 0.06em; font-size: 11px; color: #444; margin: 0 0 0.5rem; }
.state { font-size: 16px; margin: 0 0 0.25rem; }
</style>
</head>
<body>
<p class="caps">Amazon Connect · emulated CCP</p>
<p class="state">State: <strong id="ccp-state">…</strong></p>
<p>Next state: <span id="ccp-next">none</span></p>
<script src="/workbench/ccp.js"></script>
</body>
</html>`;
}

async function readJson(request) {
    const chunks = [];
    for await (const chunk of request) {
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? {} : JSON.parse(text);
}

function send(response, status, body, type = 'application/json') {
    const payload = type === 'application/json' ? JSON.stringify(body ?? null) : body;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(payload);
}

function sendFile(response, path) {
    if (!existsSync(path)) {
        send(response, 404, { message: 'Not found' });
        return;
    }
    response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store'
    });
    response.end(readFileSync(path));
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

/** Starts the workbench server. Resolves with its URL and a close function. */
export async function startWorkbench({
    port = Number(process.env.PORT ?? 3333),
    dataDir = DEFAULT_DATA_DIR,
    rebuildOnLoad = true,
    /** Skip the first build when the last one is newer than every source (WORKBENCH_REUSE_BUILD=true). */
    reuseFreshBuild = false,
    log = console.log
} = {}) {
    let builtStamp = sourcesStamp();
    const first = reuseFreshBuild && buildIsFresh() ? null : await buildWithProgress(log);
    if (first === null) {
        log('The workbench build is newer than its sources: using it.');
    } else {
        reportBuild(first, log);
    }
    let rebuilding = null;

    async function freshBuild() {
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
    }

    const clients = new Set();
    let replayId = 1;
    const publish = (channel, payload) => {
        const data = JSON.stringify({ channel, payload, replayId: replayId++ });
        for (const client of clients) {
            client.write(`event: platform-event\ndata: ${data}\n\n`);
        }
    };

    const { EmulatedOrg } = await import(`${pathToFileURL(join(OUT, 'org.mjs')).href}?t=${Date.now()}`);
    const server = createServer();
    let org = null;
    const connectService = createConnectService();
    /**
     * The CCP page is this server, reached by whatever host name the browser used, or by the other
     * loopback name when the page asked for a CCP on another origin. A query kept in the stored
     * URL passes through: `/ccp-v2/?acknowledge=false` gives a CCP that never answers.
     */
    const ccpUrlFor = (request, stored) => {
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
    };

    server.on('request', async (request, response) => {
        const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
        const path = url.pathname;
        try {
            if (request.method === 'GET' && (path === '/' || path === '/index.html')) {
                await freshBuild();
                send(response, 200, pageHtml(pageMode(url.search)), TYPES['.html']);
            } else if (request.method === 'GET' && path === '/ccp-v2/') {
                send(response, 200, ccpHtml(), TYPES['.html']);
            } else if (request.method === 'GET' && path === '/workbench/ccp.js') {
                sendFile(response, join(OUT, 'ccp.js'));
            } else if (request.method === 'GET' && /^\/workbench\/page(-lws)?\/[\w.-]+\.js$/.test(path)) {
                sendFile(response, join(OUT, path.slice('/workbench/'.length)));
            } else if (request.method === 'GET' && path === LWS.url) {
                sendFile(response, LWS.file);
            } else if (request.method === 'GET' && path === '/resources/amazonConnectStreams') {
                // The static resource the project deploys (built from the locked package), else the package itself.
                sendFile(response, existsSync(STATIC_RESOURCE) ? STATIC_RESOURCE : STREAMS_RELEASE);
            } else if (request.method === 'GET' && path.startsWith('/slds/')) {
                const file = normalize(join(SLDS_ASSETS, decodeURIComponent(path.slice('/slds/'.length))));
                if (!file.startsWith(SLDS_ASSETS)) {
                    send(response, 403, { message: 'Forbidden' });
                } else {
                    sendFile(response, file);
                }
            } else if (request.method === 'POST' && path.startsWith('/workbench/apex/')) {
                const endpoint = decodeURIComponent(path.slice('/workbench/apex/'.length));
                const params = await readJson(request);
                try {
                    let result = await org.call(endpoint, params, Number(request.headers['x-workbench-now']));
                    if (endpoint === 'PresenceSyncAgentController.getAgentConfiguration') {
                        result = {
                            ...result,
                            settings: {
                                ...result.settings,
                                ccpUrl: ccpUrlFor(request, result.settings.ccpUrl)
                            }
                        };
                    }
                    send(response, 200, result ?? null);
                } catch (error) {
                    send(response, error.status ?? 500, { message: error.message ?? String(error) });
                }
            } else if (request.method === 'GET' && path === '/workbench/events') {
                response.writeHead(200, {
                    'content-type': 'text/event-stream',
                    'cache-control': 'no-store',
                    connection: 'keep-alive'
                });
                response.write(': connected\n\n');
                clients.add(response);
                request.on('close', () => clients.delete(response));
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
            } else if (request.method === 'GET' && path === '/favicon.ico') {
                response.writeHead(204);
                response.end();
            } else if (request.method === 'GET' && path === '/workbench/health') {
                send(response, 200, { ok: true });
            } else {
                send(response, 404, { message: `Nothing at ${path}` });
            }
        } catch (error) {
            send(response, 500, { message: error.message ?? String(error) });
        }
    });

    await new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, () => resolvePromise());
    });
    const actualPort = server.address().port;
    org = new EmulatedOrg({
        store: fileStore(dataDir),
        publish,
        ccpUrl: `http://localhost:${actualPort}/ccp-v2/`
    });
    const url = `http://localhost:${actualPort}/`;
    return {
        url,
        port: actualPort,
        close: () =>
            new Promise((resolvePromise) => {
                for (const client of clients) {
                    client.end();
                }
                connectService.close();
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
