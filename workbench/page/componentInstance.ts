/**
 * The component instance behind an LWC host element. LWC keeps the instance private, but in
 * development mode (the workbench always builds in it) the engine registers a devtools formatter,
 * `LightningElementFormatter`, whose header for a host element holds the instance. Reading it
 * there lets the workbench look into a running component without the component exposing anything.
 */
interface DevtoolsFormatter {
    name?: string;
    header(object: unknown, config?: unknown): unknown;
}

/** The instance, or null when there is none (not an LWC element, or a production build). */
export function componentInstance(element: Element): object | null {
    const formatters = (globalThis as { devtoolsFormatters?: DevtoolsFormatter[] }).devtoolsFormatters ?? [];
    const formatter = formatters.find((f) => f.name === 'LightningElementFormatter');
    return formatter ? findInstance(formatter.header(element), element) : null;
}

/**
 * The header is JsonML: `['div', {}, ['object', { object: element }], ['div', {}, …,
 * ['object', { object: instance }]]]`; the instance is the object reference that is not the element.
 */
function findInstance(node: unknown, element: Element): object | null {
    if (!Array.isArray(node)) {
        return null;
    }
    if (node[0] === 'object') {
        const object = (node[1] as { object?: unknown } | undefined)?.object;
        return typeof object === 'object' && object !== null && object !== element ? object : null;
    }
    for (const child of node.slice(2)) {
        const found = findInstance(child, element);
        if (found) {
            return found;
        }
    }
    return null;
}
