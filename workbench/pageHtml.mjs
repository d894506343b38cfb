/** The workbench's two HTML pages (the workbench itself, the emulated CCP) and what a page's query asks for. */

/**
 * Which page a query asks for: `?lws=1` runs the components in the Lightning Web Security sandbox;
 * `?ccpOrigin=cross` (implied by `lws=1`) puts the CCP on another origin than the page, as a real
 * CCP is.
 */
export function pageMode(search) {
    const params = new URLSearchParams(search);
    const lws = params.get('lws') === '1';
    return { lws, crossOriginCcp: lws || params.get('ccpOrigin') === 'cross' };
}

/** The same server under the other loopback name: another origin for the browser. */
export function otherOrigin(host) {
    const [name, port] = host.split(/:(?=\d+$)/);
    const other = name === 'localhost' ? '127.0.0.1' : 'localhost';
    return port ? `${other}:${port}` : other;
}

export function pageHtml({ lws }) {
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

export function ccpHtml() {
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
