/**
 * `@salesforce/label/...` in the workbench build. In an org the platform translates labels; here
 * the project's own custom labels (`c.Name`) come from force-app's CustomLabels file, and the
 * base components' own labels (`LightningCombobox.placeholder`, `LightningInteractiveDialogBase.ok`,
 * …) from the English defaults that the `lightning-base-components` package ships in
 * scopedImports/, listed in its package.json. A label neither knows is reported by the build, so
 * a raw key on the page is never silent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const LABEL_PREFIX = '@salesforce/label/';

function customLabels(labelsFile) {
    if (!existsSync(labelsFile)) {
        return {};
    }
    const parsed = new XMLParser().parse(readFileSync(labelsFile, 'utf8'));
    const labels = [parsed?.CustomLabels?.labels ?? []].flat();
    return Object.fromEntries(labels.map((l) => [l.fullName, String(l.value ?? '')]));
}

/** Label name → file of its English default, from the package's module map. */
function baseComponentLabelFiles(root) {
    const require = createRequire(join(root, 'package.json'));
    const packageFile = require.resolve('lightning-base-components/package.json');
    const modules = JSON.parse(readFileSync(packageFile, 'utf8'))?.lwc?.modules ?? [];
    return new Map(
        modules
            .filter((m) => typeof m.name === 'string' && m.name.startsWith(LABEL_PREFIX) && m.path)
            .map((m) => [m.name.slice(LABEL_PREFIX.length), join(dirname(packageFile), m.path)])
    );
}

/** The string a scopedImports label module exports (`export default "Cancel";`). */
function defaultExport(file) {
    const match = /export\s+default\s+("(?:[^"\\]|\\.)*")/.exec(readFileSync(file, 'utf8'));
    return match ? JSON.parse(match[1]) : null;
}

/**
 * Resolves label imports: `isLabel(id)`, then `source(id)` gives the module's code. `missing()`
 * lists the labels that fell back to their own key.
 */
export function labelResolver({ root, labelsFile }) {
    const custom = customLabels(labelsFile);
    const base = baseComponentLabelFiles(root);
    const missing = new Set();
    const text = (name) => {
        if (name.startsWith('c.')) {
            const value = custom[name.slice(2)];
            if (value !== undefined) {
                return value;
            }
        } else if (base.has(name)) {
            const value = defaultExport(base.get(name));
            if (value !== null) {
                return value;
            }
        }
        missing.add(name);
        return name;
    };
    return {
        isLabel: (id) => id.startsWith(LABEL_PREFIX),
        source: (id) => `export default ${JSON.stringify(text(id.slice(LABEL_PREFIX.length)))};`,
        text,
        missing: () => [...missing].sort()
    };
}
