/**
 * The workbench page: the project's components compiled with LWC open source, the emulated
 * Omni-Channel wired to the agent component through the Aura bridge contract, the emulated CCP
 * reached over Streams' own postMessage conduit, panels to play both sides by hand, and
 * `window.workbench` for tests.
 */
import { createElement } from 'lwc';
import { agent as agentComponent, catalogue, loadOthers } from 'workbench/components';
import type { HostedComponent } from 'workbench/components';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { EmulatedCcp } from '../../force-app/test/emulators/ccp';
import { attachOmniBridge, EmulatedOmni } from '../../force-app/test/emulators/omni';
import type { OmniBridgeTarget } from '../../force-app/test/emulators/omni';
import { savedOmni, shareOmni } from './sharedSides';
import { touch } from '../platform/activity';
import { onToast, onUtilityState } from '../platform/shellEvents';
import type { ToastRequest } from '../platform/shellEvents';
import { card, h } from './dom';
import { connectPanel } from './connectPanel';
import { omniPanel } from './omniPanel';
import { resetControl } from './resetControl';
import { listenForRemoteCcp } from './remoteCcp';
import type { CcpHandle } from './remoteCcp';
import { createWorkbenchApi } from './workbenchApi';

type ParentHooks = Window & { workbenchCcpLoaded?: (ccp: EmulatedCcp) => void; workbenchTouch?: () => void };

const query = new URLSearchParams(window.location.search);
/** How long Omni-Channel's widget takes to log the agent back in as the console loads. */
const OMNI_LOGIN_MS = Number(query.get('omniLoginMs') ?? 300);

const omni = new EmulatedOmni();
const restoredOmni = savedOmni();
if (restoredOmni) {
    void omni.restore(restoredOmni, false);
}
const consoleLoaded = shareOmni(omni).loadConsole(OMNI_LOGIN_MS);
let currentCcp: CcpHandle | null = null;
const ccpListeners = new Set<(ccp: CcpHandle) => void>();

/** Calls `listener` with the CCP now, if loaded, and with each CCP loaded later (a reset, an iframe refresh). */
function onCcpLoaded(listener: (ccp: CcpHandle) => void): () => void {
    ccpListeners.add(listener);
    if (currentCcp) {
        listener(currentCcp);
    }
    return () => ccpListeners.delete(listener);
}

function ccpArrived(ccp: CcpHandle): void {
    currentCcp = ccp;
    ccp.subscribe(touch);
    for (const listener of [...ccpListeners]) {
        listener(ccp);
    }
}
// The emulated CCP page announces itself whenever Streams' iframe loads it: directly on the same
// origin, through a control port from another origin.
(window as ParentHooks).workbenchCcpLoaded = ccpArrived;
listenForRemoteCcp(ccpArrived);
(window as ParentHooks).workbenchTouch = touch;
// Every conduit message the page receives counts as activity for settle().
window.addEventListener('message', touch, true);

const toasts: ToastRequest[] = [];
const toastRegion = h('div', { class: 'slds-notify_container wb-toasts', 'aria-live': 'assertive' });

function showToast(toast: ToastRequest): void {
    toasts.push(toast);
    const variant = ['success', 'warning', 'error', 'info'].includes(toast.variant ?? '')
        ? toast.variant
        : 'info';
    const element = h(
        'div',
        { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status', 'data-id': 'toast' },
        h(
            'div',
            { class: 'slds-notify__content' },
            h('h2', { class: 'slds-text-heading_small' }, toast.label ?? toast.title ?? ''),
            toast.message ? h('p', {}, toast.message) : null
        ),
        h(
            'button',
            {
                class: 'slds-button slds-button_icon slds-notify__close slds-button_icon-inverse',
                title: 'Close',
                onclick: () => element.remove()
            },
            '✕'
        )
    );
    toastRegion.append(element);
    if (toast.mode !== 'sticky') {
        setTimeout(() => element.remove(), 8000);
    }
}
onToast(showToast);
document.addEventListener('lightning__showtoast', (event) =>
    showToast((event as CustomEvent<ToastRequest>).detail)
);

const utilityLabel = h('span', { 'data-id': 'utility-label' }, 'Presence Sync');
const utilityIcon = h(
    'span',
    { class: 'slds-badge slds-m-right_x-small', 'data-id': 'utility-icon' },
    'sync'
);
const utilityItem = h(
    'div',
    { class: 'slds-utility-bar__item wb-utility-item', 'data-id': 'utility-item' },
    h('span', { class: 'slds-utility-bar__action slds-button' }, utilityIcon, utilityLabel)
);
onUtilityState((state) => {
    utilityLabel.textContent = state.label ?? 'Presence Sync';
    utilityIcon.textContent = [state.icon ?? 'sync', state.iconVariant].filter(Boolean).join(' · ');
    utilityItem.classList.toggle('wb-utility-item_highlighted', Boolean(state.highlighted));
});

function placeholder(component: HostedComponent): HTMLElement {
    return h(
        'div',
        {
            class: 'slds-illustration slds-p-around_large slds-text-align_center',
            'data-id': `placeholder-${component.key}`
        },
        h('p', { class: 'slds-text-heading_small' }, `${component.title} is not built yet.`),
        h(
            'p',
            { class: 'slds-text-body_regular slds-text-color_weak' },
            `When force-app/main/default/lwc/${component.folder} exists, restart the workbench (or reload the page: it rebuilds when sources change) and it appears here.`
        )
    );
}

function mount(component: HostedComponent): { host: HTMLElement; element: HTMLElement | null } {
    if (!component.ctor) {
        return { host: placeholder(component), element: null };
    }
    const element = createElement(component.tag, { is: component.ctor }) as unknown as HTMLElement;
    return { host: element, element };
}

const mounted = new Map<string, { host: HTMLElement; element: HTMLElement | null }>();
/** The agent host's place on the page: reset puts a fresh agent component there. */
const agentSlot = h('div', { class: 'wb-agent-slot' });

/** Creates the agent component as the Aura item does: its timeouts, and Omni-Channel through the bridge. */
function mountAgent(): { element: HTMLElement | null; detach: () => void } {
    const hosted = mount(agentComponent);
    agentSlot.replaceChildren(hosted.host);
    if (!hosted.element) {
        return { element: null, detach: () => undefined };
    }
    // The utility item's settings, as an admin sets them in App Manager: `?ccpTimeoutSeconds=2`.
    const agent = hosted.element as HTMLElement &
        OmniBridgeTarget & { ccpTimeoutSeconds: number; requestTimeoutSeconds: number };
    for (const name of ['ccpTimeoutSeconds', 'requestTimeoutSeconds'] as const) {
        const seconds = Number(query.get(name));
        if (seconds > 0) {
            agent[name] = seconds;
        }
    }
    const detachOmni = attachOmniBridge(agent, omni);
    return {
        element: agent,
        detach: () => {
            detachOmni();
            agent.remove();
        }
    };
}

let agent = mountAgent();
mounted.set('agent', { host: agentSlot, element: agent.element });

/** A fresh agent component: a new session, as after the agent reopens the console. */
function remountAgent(): HTMLElement | null {
    agent.detach();
    currentCcp = null;
    agent = mountAgent();
    return agent.element;
}

/** The other components load once the agent is ready: its start-up is what agents live with. */
const laterHosts = new Map<string, HTMLElement>();
for (const component of catalogue.filter((c) => c.key !== 'agent')) {
    laterHosts.set(
        component.key,
        h('div', { class: 'wb-host slds-p-around_medium' }, `Loading ${component.title}…`)
    );
}

const rulesCache: { rules: PresenceSyncRule[] } = { rules: [] };
const api = createWorkbenchApi({
    omni,
    ccp: () => currentCcp,
    onCcpLoaded,
    agentElement: () => agent.element,
    remountAgent,
    consoleLoaded,
    rulesCache,
    toasts
});
(window as unknown as { workbench: typeof api }).workbench = api;

function section(key: string, id: string): HTMLElement {
    const component = catalogue.find((c) => c.key === key)!;
    return card(component.title, id, key === 'agent' ? agentSlot : laterHosts.get(key)!);
}

async function mountTheOthers(): Promise<void> {
    for (const component of await loadOthers()) {
        const host = laterHosts.get(component.key);
        if (host && !mounted.has(component.key)) {
            const hosted = mount(component);
            mounted.set(component.key, hosted);
            host.replaceWith(hosted.host);
        }
    }
}

/** After a reset the rule builder, health check and log reader start afresh on the seed. */
async function remountTheOthers(): Promise<void> {
    for (const component of await loadOthers()) {
        const current = mounted.get(component.key);
        if (current?.element) {
            const fresh = mount(component);
            current.host.replaceWith(fresh.host);
            mounted.set(component.key, fresh);
        }
    }
}

const page = h(
    'div',
    { class: 'wb-page' },
    h(
        'div',
        { class: 'slds-page-header slds-m-bottom_small' },
        h(
            'div',
            { class: 'slds-page-header__row' },
            h(
                'div',
                { class: 'slds-page-header__col-title' },
                h('h1', { class: 'slds-page-header__title' }, 'Presence Sync workbench'),
                h(
                    'p',
                    { class: 'slds-text-body_small' },
                    'The real components with the real amazon-connect-streams library, an emulated CCP, Omni-Channel and org. Play either side by hand.'
                )
            ),
            h(
                'div',
                { class: 'slds-page-header__col-actions' },
                resetControl(
                    () => api.reset(),
                    () => void remountTheOthers()
                )
            )
        )
    ),
    h(
        'div',
        { class: 'slds-grid slds-wrap slds-gutters_small' },
        h(
            'div',
            { class: 'slds-col slds-size_1-of-1 slds-large-size_4-of-12', id: 'wb-agent-column' },
            section('agent', 'wb-agent')
        ),
        h(
            'div',
            { class: 'slds-col slds-size_1-of-1 slds-large-size_4-of-12' },
            connectPanel(() => currentCcp, onCcpLoaded)
        ),
        h('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_4-of-12' }, omniPanel(omni))
    ),
    h('div', { class: 'slds-m-top_small' }, section('ruleBuilder', 'wb-rule-builder')),
    h(
        'div',
        { class: 'slds-grid slds-wrap slds-gutters_small slds-m-top_small' },
        h(
            'div',
            { class: 'slds-col slds-size_1-of-1 slds-large-size_5-of-12' },
            section('healthCheck', 'wb-health-check')
        ),
        h(
            'div',
            { class: 'slds-col slds-size_1-of-1 slds-large-size_7-of-12' },
            section('logReader', 'wb-log-reader')
        )
    ),
    h(
        'footer',
        { class: 'slds-utility-bar_container wb-utility-bar', 'aria-label': 'Utility Bar' },
        h('div', { class: 'slds-utility-bar' }, utilityItem)
    ),
    toastRegion
);
document.getElementById('workbench-root')!.replaceWith(page);
void api.refreshRules();
const mountLater = (): void => void mountTheOthers();
api.ready.then(mountLater, mountLater);
