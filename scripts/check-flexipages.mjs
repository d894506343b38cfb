/**
 * `npm run test:flexipages`: every component a FlexiPage names must exist, because one unknown
 * name fails the page, the console app that uses it and the permission sets that grant that app.
 * A name resolves when it is
 *  - a bundle of this project (`c:name`): an LWC exposed for the page's target, or an Aura
 *    component that implements flexipage:availableForAllPageTypes; or
 *  - a standard component or template on config/flexipage-components.json, which lists only names
 *    seen in metadata retrieved from real orgs, with their sources.
 * Also: every app's utility bar is a FlexiPage of type UtilityBar in the project.
 * Prints every problem as `file: message` and exits 1 when there is any.
 *   --project <dir>   check another project folder (tests plant defects in a copy)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const xml = new XMLParser({
    isArray: (name) => ['flexiPageRegions', 'itemInstances', 'componentInstances', 'target'].includes(name)
});
/** The LWC target a FlexiPage type needs its components to declare. */
const TARGETS = {
    UtilityBar: 'lightning__UtilityBar',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    RecordPage: 'lightning__RecordPage'
};

function listFiles(dir, suffix) {
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
}

/** Component names of a FlexiPage, from item instances and the older componentInstances form. */
export function componentNames(page) {
    const names = [];
    for (const region of page.flexiPageRegions ?? []) {
        for (const item of region.itemInstances ?? []) {
            if (item.componentInstance?.componentName) names.push(item.componentInstance.componentName);
        }
        for (const instance of region.componentInstances ?? []) {
            if (instance.componentName) names.push(instance.componentName);
        }
    }
    return names;
}

export function checkProject(projectDir) {
    const src = path.join(projectDir, 'force-app', 'main', 'default');
    const allowed = JSON.parse(
        fs.readFileSync(path.join(root, 'config', 'flexipage-components.json'), 'utf8')
    );
    const problems = [];
    const pages = new Map();
    for (const file of listFiles(path.join(src, 'flexipages'), '.flexipage-meta.xml')) {
        const relative = path.relative(projectDir, path.join(src, 'flexipages', file));
        const page = xml.parse(fs.readFileSync(path.join(src, 'flexipages', file), 'utf8')).FlexiPage;
        pages.set(file.replace('.flexipage-meta.xml', ''), page);
        const template = page.template?.name;
        if (!allowed.templates[template]) {
            problems.push(`${relative}: template ${template} is not on the list of verified templates`);
        }
        for (const name of componentNames(page)) {
            const [namespace, bundle] = name.includes(':') ? name.split(':') : [null, name];
            if (namespace !== 'c') {
                if (!allowed.components[name]) {
                    problems.push(
                        `${relative}: component ${name} is neither a bundle of this project (c:…) nor a standard component seen in retrieved metadata (config/flexipage-components.json)`
                    );
                }
                continue;
            }
            const lwcMeta = path.join(src, 'lwc', bundle, `${bundle}.js-meta.xml`);
            const aura = path.join(src, 'aura', bundle, `${bundle}.cmp`);
            if (fs.existsSync(lwcMeta)) {
                const meta = xml.parse(fs.readFileSync(lwcMeta, 'utf8')).LightningComponentBundle;
                const target = TARGETS[page.type];
                if (meta.isExposed !== true) problems.push(`${relative}: LWC ${bundle} is not exposed`);
                if (target && !(meta.targets?.target ?? []).includes(target)) {
                    problems.push(`${relative}: LWC ${bundle} does not declare the target ${target}`);
                }
            } else if (fs.existsSync(aura)) {
                if (
                    !/implements="[^"]*flexipage:availableForAllPageTypes/.test(fs.readFileSync(aura, 'utf8'))
                ) {
                    problems.push(
                        `${relative}: Aura ${bundle} does not implement flexipage:availableForAllPageTypes`
                    );
                }
            } else {
                problems.push(
                    `${relative}: component ${name} has no LWC or Aura bundle ${bundle} in force-app`
                );
            }
        }
    }
    for (const file of listFiles(path.join(src, 'applications'), '.app-meta.xml')) {
        const app = xml.parse(
            fs.readFileSync(path.join(src, 'applications', file), 'utf8')
        ).CustomApplication;
        const bar = app.utilityBar;
        if (bar && pages.get(bar)?.type !== 'UtilityBar') {
            problems.push(
                `${path.relative(projectDir, path.join(src, 'applications', file))}: utility bar ${bar} is not a UtilityBar FlexiPage of this project`
            );
        }
    }
    return { problems, pages: pages.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const at = process.argv.indexOf('--project');
    const { problems, pages } = checkProject(path.resolve(at >= 0 ? process.argv[at + 1] : root));
    if (problems.length > 0) {
        console.error(`check-flexipages: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
        process.exitCode = 1;
    } else {
        console.log(`check-flexipages: ${pages} FlexiPage(s); every component and template resolves.`);
    }
}
