/**
 * Offline metadata checks that neither Prettier, PMD nor `sf project convert source` make:
 *  1. every custom field Apex SOQL/DML or an LWC `@salesforce/schema` import names exists;
 *  2. every permission set grants read access to the fields that user-mode queries reachable
 *     from its Apex classes read, and edit access to the fields that the writes its custom
 *     permissions unlock set; and everything a permission set names (classes, custom permissions,
 *     objects, fields, apps, tabs, custom settings) exists;
 *  3. every Apex class has a test class (`<Name>Test`);
 *  4. the rule picklists equal the engine vocabulary (API names, labels, order, restricted);
 *  5. every custom permission Apex checks exists, and every class/trigger has its -meta.xml.
 * Prints every problem and exits 1 when there is any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'force-app', 'main', 'default');
const problems = [];
const problem = (text) => problems.push(text);

const xml = new XMLParser({ ignoreAttributes: true, isArray: (name) => ARRAY_TAGS.has(name) });
const ARRAY_TAGS = new Set([
    'fieldPermissions',
    'objectPermissions',
    'classAccesses',
    'customPermissions',
    'userPermissions',
    'customSettingAccesses',
    'applicationVisibilities',
    'tabSettings',
    'value'
]);
const readXml = (file) => xml.parse(fs.readFileSync(file, 'utf8'));
const list = (dir, suffix) =>
    fs.existsSync(dir)
        ? fs
              .readdirSync(dir)
              .filter((f) => f.endsWith(suffix))
              .map((f) => path.join(dir, f))
        : [];
const base = (file, suffix) => path.basename(file).slice(0, -suffix.length);

// ---------- The org's custom objects and fields ----------
/** objectName -> { fields: Map<fieldName, fieldXml>, isSetting, isEvent, childRelationships } */
const objects = new Map();
for (const dir of fs.existsSync(path.join(src, 'objects')) ? fs.readdirSync(path.join(src, 'objects')) : []) {
    const objectFile = path.join(src, 'objects', dir, `${dir}.object-meta.xml`);
    const meta = fs.existsSync(objectFile) ? (readXml(objectFile).CustomObject ?? {}) : {};
    const fields = new Map();
    for (const file of list(path.join(src, 'objects', dir, 'fields'), '.field-meta.xml')) {
        fields.set(base(file, '.field-meta.xml'), readXml(file).CustomField);
    }
    objects.set(dir, { fields, isSetting: Boolean(meta.customSettingsType), isEvent: dir.endsWith('__e') });
}
/** `Rules__r` on the parent -> child object name. */
const childRelationships = new Map();
for (const [name, object] of objects) {
    for (const field of object.fields.values()) {
        if ((field.type === 'MasterDetail' || field.type === 'Lookup') && field.relationshipName) {
            childRelationships.set(`${field.referenceTo}.${field.relationshipName}__r`, name);
        }
    }
}
const isCustom = (name) => /__(c|e)$/.test(name);
/** Fields of custom objects that never appear in permission sets: master-detail (follows the parent). */
const needsNoPermission = (objectName, fieldName) => {
    const field = objects.get(objectName)?.fields.get(fieldName);
    return !field || field.type === 'MasterDetail' || field.required === true;
};

// ---------- Apex sources ----------
const apexFiles = [
    ...list(path.join(src, 'classes'), '.cls'),
    ...list(path.join(src, 'triggers'), '.trigger')
];
const apex = new Map(); // class or trigger name -> { text, isTest, withoutSharing }
for (const file of apexFiles) {
    const name = base(file, path.extname(file));
    const raw = fs.readFileSync(file, 'utf8');
    // Comments and string contents would otherwise look like references.
    const code = raw.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
    apex.set(name, {
        file,
        code,
        isTest: /@IsTest\b/i.test(code.slice(0, code.search(/\b(class|trigger)\b/i) + 1)),
        isTrigger: file.endsWith('.trigger')
    });
    if (!fs.existsSync(`${file}-meta.xml`))
        problem(`${path.relative(root, file)}: missing ${path.basename(file)}-meta.xml`);
}

/** SOQL blocks of a class: `[SELECT … FROM Obj …]`, with the user-mode flag and every field named. */
function soqlQueries(code) {
    const queries = [];
    const starts = [...code.matchAll(/\[\s*SELECT\b/gi)].map((m) => m.index);
    for (const start of starts) {
        let depth = 0;
        let end = start;
        for (; end < code.length; end++) {
            if (code[end] === '[') depth++;
            if (code[end] === ']' && --depth === 0) break;
        }
        const text = code.slice(start + 1, end).replace(/'(?:[^'\\]|\\.)*'/g, "''");
        queries.push(
            ...splitSubqueries(text).map((q) => ({ ...q, userMode: /\bWITH\s+USER_MODE\b/i.test(text) }))
        );
    }
    return queries;
}

/** The outer query and each parenthesised subquery, each with its FROM object and fields. */
function splitSubqueries(text, parent = null) {
    const results = [];
    let outer = text;
    for (const match of text.matchAll(/\(\s*(SELECT\b[^()]*)\)/gi)) {
        const sub = match[1];
        const relation = /\bFROM\s+(\w+)/i.exec(sub)?.[1];
        const outerFrom = /\bFROM\s+(\w+)/i.exec(text.replace(match[0], ''))?.[1];
        const child = childRelationships.get(`${outerFrom}.${relation}`);
        if (relation && isCustom(relation.replace(/__r$/, '__c')) && !child) {
            problem(`SOQL subquery FROM ${relation}: no child relationship of that name on ${outerFrom}`);
        }
        if (child) results.push({ from: child, fields: identifiers(sub.replace(/\bFROM\s+\w+/i, '')) });
        outer = outer.replace(match[0], '');
    }
    const from = /\bFROM\s+(\w+)/i.exec(outer)?.[1] ?? parent;
    results.push({ from, fields: identifiers(outer.replace(/\bFROM\s+\w+/i, '')) });
    return results;
}

/** Field references in a SOQL text (custom fields and relationship paths, minus bind variables). */
function identifiers(text) {
    const withoutBinds = text.replace(/:\s*[\w.()]+/g, ' ');
    return [...withoutBinds.matchAll(/\b(\w+__r\.\w+|\w+__c)\b/g)].map((m) => m[1]);
}

/** `new Obj(Field__c = …, …)` constructions: fields a class sets. */
function constructedFields(code) {
    const found = [];
    for (const match of code.matchAll(/new\s+(\w+__(?:c|e))\s*\(/g)) {
        let depth = 1;
        let end = match.index + match[0].length;
        for (; end < code.length && depth > 0; end++) {
            if (code[end] === '(') depth++;
            if (code[end] === ')') depth--;
        }
        const args = code.slice(match.index + match[0].length, end - 1);
        for (const field of args.matchAll(/\b(\w+__c)\s*=(?!=)/g))
            found.push({ object: match[1], field: field[1] });
    }
    return found;
}

/** Checks one field path against an object; returns [object, field] pairs a permission must cover. */
function resolvePath(objectName, ref, where) {
    const covered = [];
    if (!objects.has(objectName)) return covered;
    const parts = ref.split('.');
    if (parts.length === 2) {
        const lookup = parts[0].replace(/__r$/, '__c');
        const field = objects.get(objectName).fields.get(lookup);
        if (!field) {
            problem(`${where}: ${objectName} has no relationship field ${lookup}`);
            return covered;
        }
        covered.push([objectName, lookup]);
        if (isCustom(field.referenceTo)) covered.push(...resolvePath(field.referenceTo, parts[1], where));
        return covered;
    }
    if (!isCustom(ref)) return covered;
    if (!objects.get(objectName).fields.has(ref))
        problem(`${where}: ${objectName}.${ref} does not exist in force-app`);
    else covered.push([objectName, ref]);
    return covered;
}

// 1. Fields named by Apex exist; collect reads/writes per class.
const readsByClass = new Map();
const writesByClass = new Map();
for (const [name, unit] of apex) {
    const where = path.relative(root, unit.file);
    const reads = [];
    for (const query of soqlQueries(unit.code)) {
        if (!query.from) continue;
        if (isCustom(query.from) && !objects.has(query.from))
            problem(`${where}: SOQL FROM ${query.from}, which does not exist`);
        for (const ref of query.fields) {
            const covered = resolvePath(query.from, ref, where);
            if (query.userMode && !unit.isTest) reads.push(...covered);
        }
    }
    const writes = [];
    for (const { object, field } of constructedFields(unit.code)) {
        if (!objects.has(object)) problem(`${where}: new ${object}(…) but the object does not exist`);
        else writes.push(...resolvePath(object, field, where));
    }
    readsByClass.set(name, reads);
    writesByClass.set(name, writes);
    for (const match of unit.code.matchAll(/\b(Presence_Sync_\w+__(?:c|e))\.(\w+__c)\b/g)) {
        resolvePath(match[1], match[2], where);
    }
}

// ...and LWC schema imports.
function walk(dir, out = []) {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, out);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    }
    return out;
}
for (const file of walk(path.join(src, 'lwc'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/['"]@salesforce\/schema\/(\w+)(?:\.([\w.]+))?['"]/g)) {
        const [, objectName, fieldPath] = match;
        if (isCustom(objectName) && !objects.has(objectName)) {
            problem(`${path.relative(root, file)}: @salesforce/schema/${objectName} does not exist`);
        } else if (fieldPath) {
            resolvePath(objectName, fieldPath, path.relative(root, file));
        }
    }
}

// 2. Permission sets.
/** Classes reachable from a class through references to other classes of this project. */
function reachable(start) {
    const seen = new Set();
    const queue = [start];
    while (queue.length) {
        const name = queue.pop();
        if (seen.has(name) || !apex.has(name) || apex.get(name).isTest) continue;
        seen.add(name);
        for (const other of apex.keys()) {
            if (!seen.has(other) && new RegExp(`\\b${other}\\b`).test(apex.get(name).code)) queue.push(other);
        }
    }
    return seen;
}

/**
 * Writes a custom permission unlocks in user mode: the class that checks it, and what that class
 * sets. Run Sync's writes (heartbeat, log rate counters) go through PresenceSyncAgentStateStore in
 * system mode, stamped by the server, so agents need no edit access for them.
 */
const WRITE_GUARDS = {
    Presence_Sync_Administer_Rules: ['PresenceSyncRuleService']
};
const customPermissionNames = new Set(
    list(path.join(src, 'customPermissions'), '.customPermission-meta.xml').map((f) =>
        base(f, '.customPermission-meta.xml')
    )
);
for (const file of list(path.join(src, 'permissionsets'), '.permissionset-meta.xml')) {
    const name = base(file, '.permissionset-meta.xml');
    const set = readXml(file).PermissionSet;
    const fieldAccess = new Map(
        (set.fieldPermissions ?? []).map((p) => [
            p.field,
            { read: p.readable === true, edit: p.editable === true }
        ])
    );
    const objectAccess = new Map((set.objectPermissions ?? []).map((p) => [p.object, p]));
    const classes = (set.classAccesses ?? []).filter((c) => c.enabled === true).map((c) => c.apexClass);
    const permissions = (set.customPermissions ?? []).filter((c) => c.enabled === true).map((c) => c.name);

    for (const c of classes) if (!apex.has(c)) problem(`${name}: grants class ${c}, which does not exist`);
    for (const p of permissions)
        if (!customPermissionNames.has(p))
            problem(`${name}: grants custom permission ${p}, which does not exist`);
    for (const app of (set.applicationVisibilities ?? []).map((a) => a.application)) {
        if (!fs.existsSync(path.join(src, 'applications', `${app}.app-meta.xml`)))
            problem(`${name}: app ${app} does not exist`);
    }
    for (const tab of (set.tabSettings ?? []).map((t) => t.tab)) {
        if (!fs.existsSync(path.join(src, 'tabs', `${tab}.tab-meta.xml`)))
            problem(`${name}: tab ${tab} does not exist`);
    }
    for (const setting of (set.customSettingAccesses ?? []).map((c) => c.name)) {
        if (!objects.get(setting)?.isSetting) problem(`${name}: custom setting ${setting} does not exist`);
    }
    for (const objectName of objectAccess.keys()) {
        if (isCustom(objectName) && !objects.has(objectName))
            problem(`${name}: object ${objectName} does not exist`);
    }
    for (const fieldName of fieldAccess.keys()) {
        const [objectName, fieldOnly] = fieldName.split('.');
        if (!objects.get(objectName)?.fields.has(fieldOnly))
            problem(`${name}: field ${fieldName} does not exist`);
        else if (needsNoPermission(objectName, fieldOnly))
            problem(`${name}: ${fieldName} is master-detail or required and cannot be listed`);
    }

    const code = new Set(classes.flatMap((c) => [...reachable(c)]));
    const needRead = new Set();
    for (const c of code) for (const [o, f] of readsByClass.get(c) ?? []) needRead.add(`${o}.${f}`);
    for (const ref of needRead) {
        const [objectName, fieldName] = ref.split('.');
        if (objects.get(objectName)?.isSetting) continue;
        if (objectAccess.get(objectName)?.allowRead !== true)
            problem(`${name}: its code reads ${objectName} but the object is not readable`);
        if (!needsNoPermission(objectName, fieldName) && !fieldAccess.get(ref)?.read) {
            problem(`${name}: its code reads ${ref} in user mode but the field is not readable`);
        }
    }
    for (const permission of permissions) {
        for (const guarded of WRITE_GUARDS[permission] ?? []) {
            for (const [objectName, fieldName] of writesByClass.get(guarded) ?? []) {
                const ref = `${objectName}.${fieldName}`;
                if (objects.get(objectName)?.isEvent || needsNoPermission(objectName, fieldName)) continue;
                if (!fieldAccess.get(ref)?.edit)
                    problem(`${name}: ${permission} lets ${guarded} write ${ref}, which is not editable`);
            }
        }
    }
}

// 3. A test class per class.
for (const [name, unit] of apex) {
    if (unit.isTest || unit.isTrigger) continue;
    const test = apex.get(`${name}Test`);
    if (!test || !test.isTest) problem(`${name} has no test class ${name}Test`);
}

// 4. Picklists equal the engine vocabulary.
const vocabularyFile = path.join(src, 'lwc', 'presenceSyncEngine', 'vocabulary.ts');
const vocabulary = fs.readFileSync(vocabularyFile, 'utf8');
function vocabularyTable(constName) {
    const block = new RegExp(`export const ${constName} = \\{([\\s\\S]*?)\\} as const`).exec(vocabulary);
    if (!block) {
        problem(`vocabulary.ts: ${constName} not found`);
        return [];
    }
    return [...block[1].matchAll(/(\w+):\s*'([^']*)'/g)].map((m) => [m[1], m[2]]);
}
const PICKLISTS = {
    'Presence_Sync_Rule__c.Source__c': 'SOURCE_EVENT_LABELS',
    'Presence_Sync_Rule__c.Operand_A__c': 'OPERAND_LABELS',
    'Presence_Sync_Rule__c.Operand_B__c': 'OPERAND_LABELS',
    'Presence_Sync_Rule__c.Comparator__c': 'COMPARATOR_LABELS',
    'Presence_Sync_Rule__c.Destination__c': 'DESTINATION_LABELS'
};
for (const [ref, constName] of Object.entries(PICKLISTS)) {
    const [objectName, fieldName] = ref.split('.');
    const field = objects.get(objectName)?.fields.get(fieldName);
    if (!field) {
        problem(`${ref} does not exist`);
        continue;
    }
    const values = (field.valueSet?.valueSetDefinition?.value ?? []).map((v) => [
        String(v.fullName),
        String(v.label)
    ]);
    const expected = vocabularyTable(constName);
    if (JSON.stringify(values) !== JSON.stringify(expected)) {
        problem(
            `${ref} picklist ${JSON.stringify(values)} differs from ${constName} ${JSON.stringify(expected)}`
        );
    }
    if (field.valueSet?.restricted !== true) problem(`${ref} must be a restricted picklist`);
}

// 5. Custom permissions Apex names exist.
for (const [name, unit] of apex) {
    const raw = fs.readFileSync(unit.file, 'utf8');
    for (const match of raw.matchAll(/'(Presence_Sync_(?:Run_Sync|Administer_Rules|View_Logs|\w+))'/g)) {
        if (/__/.test(match[1]) || /Presence_Sync_(Agent|Supervisor|Admin)$/.test(match[1])) continue;
        if (!customPermissionNames.has(match[1]))
            problem(`${name}: custom permission ${match[1]} does not exist`);
    }
}

if (problems.length > 0) {
    console.error(`check-metadata: ${problems.length} problem(s):\n  ${[...new Set(problems)].join('\n  ')}`);
    process.exit(1);
}
console.log(
    `check-metadata: ${objects.size} objects, ${apex.size} Apex units, ${list(path.join(src, 'permissionsets'), '.permissionset-meta.xml').length} permission sets checked.`
);
