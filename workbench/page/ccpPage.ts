/**
 * The emulated CCP page: what Streams' `initCCP` loads into its iframe. It carries the emulated
 * CCP's conduit over the real postMessage channel to the parent window and shows the agent's
 * state as a small CCP would. The workbench page (same origin) drives it through `window.emulatedCcp`.
 */
import { EmulatedCcp } from '../../force-app/test/emulators/ccp';
import { offerControlPort, offerSitePort } from './ccpControl';

declare global {
    interface Window {
        emulatedCcp?: EmulatedCcp;
    }
}

type ParentHooks = Window & { workbenchCcpLoaded?: (ccp: EmulatedCcp) => void; workbenchTouch?: () => void };

const parentWindow = window.parent as ParentHooks;
const params = new URLSearchParams(location.search);

function sameOriginParent(): ParentHooks | null {
    try {
        return parentWindow !== window && typeof parentWindow.location.href === 'string'
            ? parentWindow
            : null;
    } catch {
        return null;
    }
}

let posted = 0;
let sitePortReady = false;
let pushControl: (() => void) | null = null;

const ccp = new EmulatedCcp({
    post: (message) => {
        posted += 1;
        sameOriginParent()?.workbenchTouch?.();
        parentWindow.postMessage(message, '*');
    },
    acknowledge: params.get('acknowledge') !== 'false',
    refreshEveryMs: 30000
});
window.emulatedCcp = ccp;

let keepalives = 0;

window.addEventListener('message', (event) => {
    if (event.source === parentWindow) {
        if ((event.data as { event?: unknown } | null)?.event === 'synchronize') {
            keepalives += 1;
        }
        ccp.receive(event.data);
    }
});

function render(): void {
    const state = document.getElementById('ccp-state');
    const next = document.getElementById('ccp-next');
    if (state) {
        state.textContent = ccp.state();
    }
    if (next) {
        next.textContent = ccp.nextState() ?? 'none';
    }
}

ccp.subscribe(render);
render();
ccp.start();
const workbenchPage = sameOriginParent();
if (workbenchPage?.workbenchCcpLoaded) {
    workbenchPage.workbenchCcpLoaded(ccp);
} else {
    // A workbench page on another origin (a real CCP is on one) drives the emulator through a port.
    pushControl = offerControlPort(ccp, parentWindow, () => ({
        state: ccp.state(),
        nextState: ccp.nextState(),
        onContact: ccp.onContact(),
        calls: ccp.calls(),
        posted,
        keepalives,
        sitePortReady
    }));
}
offerSitePort(parentWindow, () => {
    sitePortReady = true;
    pushControl?.();
});
window.addEventListener('unload', () => ccp.stop());
