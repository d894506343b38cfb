/**
 * `lightning/platformResourceLoader` for the workbench: each URL loads once per page, as on the
 * platform, and later calls share the first load. In the LWS mode (`?lws=1`) the sandbox hands the
 * `c` namespace its own `loadScript`/`loadStyle` instead (`wrapDependency` in workbench/lws/host.ts),
 * which evaluate the script inside the namespace's sandbox; these then serve platform code only.
 */
import { begin } from './activity';

const loads = new Map<string, Promise<void>>();

function load(url: string, create: () => HTMLElement): Promise<void> {
    let loading = loads.get(url);
    if (!loading) {
        const end = begin();
        loading = new Promise<void>((resolve, reject) => {
            const element = create();
            element.addEventListener('load', () => resolve());
            element.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
            document.head.appendChild(element);
        }).finally(end);
        loads.set(url, loading);
    }
    return loading;
}

export function loadScript(_host: unknown, url: string): Promise<void> {
    return load(url, () => Object.assign(document.createElement('script'), { src: url, async: false }));
}

export function loadStyle(_host: unknown, url: string): Promise<void> {
    return load(url, () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }));
}
