/**
 * The emulated Amazon Connect service's memory of the agent, for a CCP on another origin than the
 * workbench page. Connect keeps an agent's state on its servers: a reload, another tab or the
 * sign-in window finds it there. A CCP page on the page's own origin keeps it in localStorage
 * (workbench/page/sharedSides.ts); a CCP frame on another origin cannot, because the browser
 * blocks storage in third-party frames, so it keeps it here, on the server that serves it.
 *
 * Each agent is named by a key (the CCP URL's `agent` parameter): the e2e runner's browser
 * contexts run one after another and share `agent` (reset clears it); the benchmark's modes run
 * side by side and each names its own (`?connectAgent=` on the workbench page).
 *
 * GET  /workbench/connect-agent?agent=k         → { version, state } (state null when unknown)
 * POST /workbench/connect-agent?agent=k         { state, from } → { version }
 * GET  /workbench/connect-agent/events?agent=k  server-sent events: { version, state, from }
 */

const DEFAULT_AGENT = 'agent';

export function createConnectService() {
    /** key → { version, state } */
    const agents = new Map();
    /** key → Set of event-stream responses */
    const watchers = new Map();

    const keyOf = (url) => url.searchParams.get('agent') || DEFAULT_AGENT;
    const agent = (key) => agents.get(key) ?? { version: 0, state: null };

    return {
        /** The CCP URL's agent parameter for a workbench page's query (null: the default agent). */
        agentFor(pageSearch) {
            return new URLSearchParams(pageSearch).get('connectAgent');
        },

        /** Handles the service's requests; false for any other path. */
        async handle(request, response, url, { readJson, send }) {
            const path = url.pathname;
            const key = keyOf(url);
            if (request.method === 'GET' && path === '/workbench/connect-agent') {
                send(response, 200, agent(key));
            } else if (request.method === 'POST' && path === '/workbench/connect-agent') {
                const { state, from } = await readJson(request);
                const next = { version: agent(key).version + 1, state: state ?? null };
                agents.set(key, next);
                const data = JSON.stringify({ ...next, from: from ?? null });
                for (const watcher of watchers.get(key) ?? []) {
                    watcher.write(`data: ${data}\n\n`);
                }
                send(response, 200, { version: next.version });
            } else if (request.method === 'GET' && path === '/workbench/connect-agent/events') {
                response.writeHead(200, {
                    'content-type': 'text/event-stream',
                    'cache-control': 'no-store',
                    connection: 'keep-alive'
                });
                response.write(': connected\n\n');
                const set = watchers.get(key) ?? new Set();
                watchers.set(key, set);
                set.add(response);
                request.on('close', () => set.delete(response));
            } else {
                return false;
            }
            return true;
        },

        /** Every agent forgotten (the workbench's reset). */
        reset() {
            agents.clear();
        },

        close() {
            for (const set of watchers.values()) {
                for (const watcher of set) {
                    watcher.end();
                }
            }
        }
    };
}
