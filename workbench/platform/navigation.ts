/**
 * `lightning/navigation` for the workbench, a single page: a page reference's `state` travels
 * in the query string (`c__agentId=…`), its target in the hash (the hosting section's id).
 * `CurrentPageReference` reads the page's own URL, so a link the health check generates opens
 * the workbench with the log reader showing that agent.
 */
interface PageReference {
    type: string;
    attributes?: Record<string, string>;
    state?: Record<string, string>;
}

type Listener = (reference: PageReference) => void;

const NAVIGATE = Symbol('Navigate');
const GENERATE_URL = Symbol('GenerateUrl');
const listeners = new Set<Listener>();

/** Navigation items of the app and the workbench sections that host them. */
const SECTIONS: Record<string, string> = {
    Presence_Sync_Log: 'wb-log-reader',
    Presence_Sync_Health: 'wb-health-check'
};

function currentReference(): PageReference {
    const state = Object.fromEntries(new URLSearchParams(location.search).entries());
    const section = location.hash.replace(/^#/, '');
    const apiName =
        Object.keys(SECTIONS).find((name) => SECTIONS[name] === section) ?? 'Presence_Sync_Workbench';
    return { type: 'standard__navItemPage', attributes: { apiName }, state };
}

function urlFor(reference: PageReference): string {
    const query = new URLSearchParams(reference.state ?? {}).toString();
    const apiName = reference.attributes?.apiName ?? '';
    const hash = SECTIONS[apiName] ? `#${SECTIONS[apiName]}` : '';
    return `/${query ? `?${query}` : ''}${hash}`;
}

type Constructor = new (...args: any[]) => object; // eslint-disable-line @typescript-eslint/no-explicit-any

export function NavigationMixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [NAVIGATE](reference: PageReference, replace = false): void {
            const url = urlFor(reference);
            if (replace) {
                history.replaceState(null, '', url);
            } else {
                history.pushState(null, '', url);
            }
            const current = currentReference();
            listeners.forEach((listener) => listener(current));
            document.getElementById(location.hash.slice(1))?.scrollIntoView();
        }
        [GENERATE_URL](reference: PageReference): Promise<string> {
            return Promise.resolve(urlFor(reference));
        }
    };
}
NavigationMixin.Navigate = NAVIGATE;
NavigationMixin.GenerateUrl = GENERATE_URL;

/** Wire adapter: the current page reference, again after every navigation. */
export class CurrentPageReference {
    private readonly dataCallback: Listener;
    constructor(dataCallback: Listener) {
        this.dataCallback = dataCallback;
    }
    connect(): void {
        listeners.add(this.dataCallback);
        this.dataCallback(currentReference());
    }
    update(): void {
        return undefined;
    }
    disconnect(): void {
        listeners.delete(this.dataCallback);
    }
}
