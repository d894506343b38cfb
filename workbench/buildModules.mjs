/**
 * The modules the workbench generates while bundling: the platform's scoped imports
 * (`@salesforce/apex/…`, labels, resources, the user id) and the page's component catalogue, plain
 * or loaded from the Lightning Web Security sandbox.
 */
import { join } from 'node:path';
import { componentExists, HOSTED, LWC_RUNTIME, LWS, TS_OUT } from './buildConfig.mjs';

/**
 * `workbench/components` when the components run in the LWS sandbox: the page imports every
 * platform module the namespace needs (so they are platform code, outside the sandbox), hands them
 * to the sandbox host, and evaluates a component's module in the sandbox when the page mounts it.
 */
function sandboxedComponentsModule(platformModules) {
    const host = join(TS_OUT, 'workbench', 'lws', 'host.js');
    const imports = platformModules.map((id, i) => `import * as P${i} from ${JSON.stringify(id)};`);
    const platform = platformModules.map((id, i) => `    ${JSON.stringify(id)}: P${i}`).join(',\n');
    const agent = HOSTED.find((c) => c.key === 'agent');
    return `import { loadSandboxedNamespace } from ${JSON.stringify(host)};
${imports.join('\n')}
const namespace = await loadSandboxedNamespace({
    key: ${JSON.stringify(LWS.key)},
    url: ${JSON.stringify(LWS.url)},
    defineName: ${JSON.stringify(LWS.defineName)},
    platform: {
${platform}
    }
});
const mount = (c) => ({ ...c, ctor: namespace.has('${LWS.key}/' + c.folder) ? namespace.require('${LWS.key}/' + c.folder).default : null });
export const catalogue = ${JSON.stringify(HOSTED)};
export const agent = mount(${JSON.stringify(agent)});
export const loadOthers = () => Promise.resolve(catalogue.filter((c) => c.key !== 'agent').map(mount));
window.workbenchLws = { key: namespace.key, evaluated: () => namespace.evaluated() };
`;
}

/**
 * Resolves the platform's scoped imports (`@salesforce/...`) and the workbench's generated modules.
 * With `sandboxed` (the platform modules the namespace imports), the components come from the
 * LWS sandbox instead of the page's own bundle.
 */
export function workbenchModules({ userId, labels, sandboxed = null }) {
    const apexClient = join(TS_OUT, 'workbench', 'platform', 'apex.js');
    const gateOff = '\0gate-off';
    return {
        name: 'presence-sync-workbench-modules',
        resolveId(id) {
            if (id === '@salesforce/gate/bc.260.enableComboboxElementInternals') {
                // Synthetic shadow has no attachInternals: keep combobox on its older path.
                return gateOff;
            }
            if (
                id.startsWith('@salesforce/apex/') ||
                id.startsWith('@salesforce/resourceUrl/') ||
                id.startsWith('@salesforce/customPermission/') ||
                id.startsWith('@salesforce/label/') ||
                id === '@salesforce/user/Id' ||
                id === 'workbench/components' ||
                id === 'workbench/other-components' ||
                id === 'workbench/entry'
            ) {
                return `\0${id}`;
            }
            return null;
        },
        load(id) {
            if (id === gateOff) {
                return 'export default { isOpen: () => false };';
            }
            if (!id.startsWith('\0')) {
                return null;
            }
            const name = id.slice(1);
            if (name === 'workbench/entry') {
                return `import ${JSON.stringify(LWC_RUNTIME.syntheticShadow)};\nimport ${JSON.stringify(join(TS_OUT, 'workbench', 'page', 'main.js'))};`;
            }
            if (name === 'workbench/components' && sandboxed) {
                return sandboxedComponentsModule(sandboxed);
            }
            if (name === 'workbench/components' || name === 'workbench/other-components') {
                const agentOnly = name === 'workbench/components';
                const chosen = HOSTED.filter((c) => (c.key === 'agent') === agentOnly);
                const lines = chosen.map((c, i) =>
                    componentExists(c.folder) ? `import C${i} from 'c/${c.folder}';` : `const C${i} = null;`
                );
                const list = chosen.map((c, i) => `{ ...${JSON.stringify(c)}, ctor: C${i} }`).join(',\n    ');
                const hosted = `${lines.join('\n')}\nexport const components = [\n    ${list}\n];`;
                return agentOnly
                    ? `${hosted}\nexport const agent = components[0];\nexport const catalogue = ${JSON.stringify(HOSTED)};\n` +
                          `export const loadOthers = () => import('workbench/other-components').then((m) => m.components);`
                    : hosted;
            }
            if (name.startsWith('@salesforce/apex/')) {
                const endpoint = name.slice('@salesforce/apex/'.length);
                return `import { callApex } from ${JSON.stringify(apexClient)};\nexport default function apexMethod(params) { return callApex(${JSON.stringify(endpoint)}, params); }`;
            }
            if (name.startsWith('@salesforce/resourceUrl/')) {
                return `export default ${JSON.stringify(`/resources/${name.slice('@salesforce/resourceUrl/'.length)}`)};`;
            }
            if (name.startsWith('@salesforce/customPermission/')) {
                // The workbench's agent holds every Presence Sync permission set.
                return 'export default true;';
            }
            if (labels.isLabel(name)) {
                return labels.source(name);
            }
            if (name === '@salesforce/user/Id') {
                return `export default ${JSON.stringify(userId)};`;
            }
            return null;
        }
    };
}
