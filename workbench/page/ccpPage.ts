/**
 * The emulated CCP page: what Streams' `initCCP` loads into its iframe. Framed, it carries the
 * emulated CCP's conduit over the real postMessage channel to the parent window and shows the
 * agent's state as a small CCP would. Opened on its own (the Sign in window), it is Amazon
 * Connect's sign-in page. The agent's Connect state is shared with the agent's other tabs and
 * survives reloads (`sharedSides.ts`, in the CCP origin's storage). The workbench page drives it
 * through `window.emulatedCcp` on the same origin, through a control port (`ccpControl.ts`) from
 * another origin.
 */
import { CcpWorker, EmulatedCcp } from '../../force-app/test/emulators/ccp';
import { offerControlPort, offerSitePort } from './ccpControl';
import { savedConnect, shareConnect } from './sharedSides';

declare global {
    interface Window {
        emulatedCcp?: EmulatedCcp;
    }
}

type ParentHooks = Window & { workbenchCcpLoaded?: (ccp: EmulatedCcp) => void; workbenchTouch?: () => void };

const parentWindow = window.parent as ParentHooks;
const params = new URLSearchParams(location.search);
const worker = new CcpWorker({ saved: savedConnect() });
const shared = shareConnect(worker);

function sameOriginParent(): ParentHooks | null {
    try {
        return parentWindow !== window && typeof parentWindow.location.href === 'string'
            ? parentWindow
            : null;
    } catch {
        return null;
    }
}

/** The sign-in page: the window the agent's Sign in button opens. */
function signInPage(): void {
    const status = document.getElementById('ccp-state');
    const button = document.createElement('button');
    button.textContent = 'Sign in to Amazon Connect';
    button.setAttribute('data-id', 'ccp-sign-in');
    button.addEventListener('click', () => {
        worker.signIn();
        void shared.flushed().then(() => window.close());
    });
    document.body.append(button);
    if (status) {
        status.textContent = worker.signedIn ? 'signed in' : 'signed out';
    }
}

function ccpInFrame(): void {
    let posted = 0;
    let keepalives = 0;
    let sitePortReady = false;
    let pushControl: (() => void) | null = null;
    const ccp = new EmulatedCcp({
        post: (message) => {
            posted += 1;
            sameOriginParent()?.workbenchTouch?.();
            parentWindow.postMessage(message, '*');
        },
        worker,
        acknowledge: params.get('acknowledge') !== 'false',
        refreshEveryMs: 30000,
        portId: 'presence-sync-ccp'
    });
    window.emulatedCcp = ccp;
    window.addEventListener('message', (event) => {
        if (event.source === parentWindow) {
            const keepalive = (event.data as { event?: unknown } | null)?.event === 'synchronize';
            ccp.receive(event.data);
            if (keepalive) {
                keepalives += 1;
                // The emulator raises nothing for a keep-alive: the page learns the count from here.
                pushControl?.();
            }
        }
    });
    const render = (): void => {
        const state = document.getElementById('ccp-state');
        const next = document.getElementById('ccp-next');
        if (state) {
            state.textContent = worker.signedIn ? ccp.state() : `${ccp.state()} (signed out)`;
        }
        if (next) {
            next.textContent = ccp.nextState() ?? 'none';
        }
    };
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
            contacts: ccp.contacts(),
            signedIn: ccp.signedIn(),
            softphone: ccp.softphone(),
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
}

if (parentWindow === window) {
    signInPage();
} else {
    ccpInFrame();
}
