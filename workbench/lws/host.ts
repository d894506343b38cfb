/**
 * The workbench's stand-in for the platform's module loader under Lightning Web Security.
 *
 * The `c` namespace arrives as AMD modules (`define(id, deps, exporter)`, one per component bundle,
 * compiled with the LWC compiler's LWS transforms). Everything else the page holds (the LWC
 * engine, lightning base components, `lightning/*` and `@salesforce/*` modules) is platform code
 * and runs outside any sandbox. A namespace module is evaluated the way LWR's `lockerDefine`
 * does it with the same `@locker/sandbox` API: the exporter's source is evaluated again inside
 * the namespace's sandbox (`evaluateFunction(key, exporter, …)`), its `exports` object is marked
 * live, and two of its dependencies are swapped for the sandbox's own versions through
 * `wrapDependency`: `lwc` (a copy of the engine's exports whose renderer is created inside the
 * sandbox) and `lightning/platformResourceLoader` (whose `loadScript` fetches the script and
 * evaluates it in the sandbox). Every other dependency crosses the membrane as it is.
 */
import { evaluateFunction, wrapDependency } from '@locker/sandbox';
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';

type Exporter = (...dependencies: unknown[]) => unknown;
type ModuleExports = Record<string | symbol, unknown>;

interface Definition {
    dependencies: string[];
    exporter: Exporter;
}

export interface SandboxedNamespace {
    /** The sandbox key: the namespace, as the platform keys its sandboxes. */
    readonly key: string;
    has(id: string): boolean;
    /** The module's exports, evaluating it (and what it needs) in the sandbox on first use. */
    require(id: string): ModuleExports;
    /** The namespace's modules evaluated so far, in evaluation order. */
    evaluated(): string[];
}

export interface NamespaceOptions {
    key: string;
    /** The script holding the namespace's AMD modules. */
    url: string;
    /** The global function name the namespace's script defines its modules with. */
    defineName: string;
    /** Platform modules by specifier (module namespace objects). */
    platform: Record<string, ModuleExports>;
}

/** Dependencies the sandbox replaces with its own versions (as LWR's lockerDefine does). */
const WRAPPED = new Set(['lwc', 'lightning/platformResourceLoader']);

/** LWR marks a sandboxed module's exports "live" so writes from inside reach the real object. */
const LIVE_VALUE = Symbol.for('@@lockerLiveValue');

let gatesRegistered = false;

/**
 * The gates a faithful LWS run turns on, by the package's own definition (its test harness and
 * CLI register the same list). Without them most of the newer distortions are off.
 */
function registerGates(): void {
    if (!gatesRegistered) {
        registerGaterEnabledFeatures([...LWS_DEFAULT_GATER_FEATURES]);
        gatesRegistered = true;
    }
}

function loadClassicScript(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
        document.head.appendChild(script);
    });
}

function resolveRelative(id: string, dependency: string): string {
    if (!dependency.startsWith('.')) {
        return dependency;
    }
    const base = id.split('/').slice(0, -1);
    for (const part of dependency.split('/')) {
        if (part === '..') {
            base.pop();
        } else if (part !== '.') {
            base.push(part);
        }
    }
    return base.join('/');
}

/** Loads the namespace's modules (not yet evaluated) and returns its loader. */
export async function loadSandboxedNamespace(options: NamespaceOptions): Promise<SandboxedNamespace> {
    registerGates();
    const { key, platform } = options;
    const definitions = new Map<string, Definition>();
    const globals = window as unknown as Record<string, unknown>;
    globals[options.defineName] = (id: string, dependencies: string[], exporter: Exporter): void => {
        definitions.set(id, { dependencies, exporter });
    };
    try {
        await loadClassicScript(options.url);
    } finally {
        delete globals[options.defineName];
    }

    const instances = new Map<string, ModuleExports>();
    const order: string[] = [];

    function dependency(id: string, name: string, exports: ModuleExports): unknown {
        if (name === 'exports') {
            return exports;
        }
        if (WRAPPED.has(name)) {
            return wrapDependency(platform[name], name, key);
        }
        return load(resolveRelative(id, name));
    }

    function load(id: string): ModuleExports {
        const known = instances.get(id) ?? platform[id];
        if (known) {
            return known;
        }
        const definition = definitions.get(id);
        if (!definition) {
            throw new Error(`No module ${id}: neither the ${key} namespace nor the platform defines it.`);
        }
        if (!id.startsWith(`${key}/`)) {
            throw new Error(`${id} is not in the ${key} namespace and may not be evaluated in its sandbox.`);
        }
        const exports: ModuleExports = {};
        Reflect.defineProperty(exports, LIVE_VALUE, {});
        instances.set(id, exports);
        const sandboxed = evaluateFunction(
            key,
            definition.exporter,
            undefined,
            `//# sourceURL=modules/${id}.js\n`
        ) as Exporter;
        const args = definition.dependencies.map((name) => dependency(id, name, exports));
        sandboxed(...args);
        order.push(id);
        return exports;
    }

    return {
        key,
        has: (id) => definitions.has(id),
        require: load,
        evaluated: () => [...order]
    };
}
