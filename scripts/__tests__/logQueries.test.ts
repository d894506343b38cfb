/**
 * The log's queries stay selective at 50 million rows (issue 14, docs/scale.md "Queries that
 * scale"). Every SOQL query of the Apex classes on the log (`Presence_Sync_Log__c`) and on the
 * agents' state records (`Presence_Sync_Agent_State__c`, one per agent) must:
 * - filter on an indexed field (Id, CreatedDate, a lookup, an External Id or a unique field, as
 *   the object's metadata declares it) with an equality, or a range on it that is closed on both
 *   sides, or an open range read in that field's order with a LIMIT (the index is walked and
 *   stops at the limit);
 * - never count rows (`COUNT()` reads every row it counts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const classesDir = join(root, 'force-app', 'main', 'default', 'classes');
const objectsDir = join(root, 'force-app', 'main', 'default', 'objects');
const OBJECTS = ['Presence_Sync_Log__c', 'Presence_Sync_Agent_State__c'];
/** Standard fields Salesforce indexes on every object. */
const STANDARD_INDEXED = ['Id', 'Name', 'CreatedDate', 'SystemModstamp', 'OwnerId'];

/** The fields of `object` the platform indexes, read from its field metadata. */
function indexedFields(object: string): Set<string> {
    const fieldsDir = join(objectsDir, object, 'fields');
    const indexed = new Set(STANDARD_INDEXED);
    for (const file of readdirSync(fieldsDir)) {
        const xml = readFileSync(join(fieldsDir, file), 'utf8');
        if (
            /<type>(Lookup|MasterDetail)<\/type>|<externalId>true<\/externalId>|<unique>true<\/unique>/.test(
                xml
            )
        ) {
            indexed.add(file.replace('.field-meta.xml', ''));
        }
    }
    return indexed;
}

interface Query {
    file: string;
    object: string;
    soql: string;
}

/** Every static SOQL query on the log's objects in the production classes. */
function logQueries(): Query[] {
    const queries: Query[] = [];
    for (const file of readdirSync(classesDir).filter((f) => f.endsWith('.cls') && !f.endsWith('Test.cls'))) {
        const source = readFileSync(join(classesDir, file), 'utf8');
        for (const match of source.matchAll(/\[\s*(SELECT\b[\s\S]*?)\]/g)) {
            const soql = match[1].replace(/\s+/g, ' ').trim();
            const object = /\bFROM\s+(\w+)/.exec(soql)?.[1] ?? '';
            if (OBJECTS.includes(object)) {
                queries.push({ file, object, soql });
            }
        }
    }
    return queries;
}

const clause = (soql: string, name: string, next: string[]): string => {
    const start = soql.search(new RegExp(`\\b${name}\\b`));
    if (start < 0) {
        return '';
    }
    const rest = soql.slice(start + name.length);
    const ends = next.map((n) => rest.search(new RegExp(`\\b${n}\\b`))).filter((i) => i >= 0);
    return rest.slice(0, ends.length > 0 ? Math.min(...ends) : undefined).trim();
};

/** Why `query` may not be selective, or null when it is. */
function unselective(query: Query): string | null {
    const { soql } = query;
    if (/COUNT\s*\(/i.test(soql)) {
        return 'counts rows';
    }
    const indexed = indexedFields(query.object);
    const where = clause(soql, 'WHERE', ['WITH', 'ORDER BY', 'LIMIT']);
    const orderBy = clause(soql, 'ORDER BY', ['LIMIT']);
    const limited = /\bLIMIT\b/.test(soql);
    const filters = [...where.matchAll(/(\w+(?:\.\w+)?)\s*(=|IN\b|>=|<=|>|<)/g)].map((m) => ({
        field: m[1],
        op: m[2]
    }));
    for (const field of new Set(filters.map((f) => f.field).filter((f) => indexed.has(f)))) {
        const ops = filters.filter((f) => f.field === field).map((f) => f.op);
        if (ops.some((op) => op === '=' || op === 'IN')) {
            return null;
        }
        const lower = ops.some((op) => op.startsWith('>'));
        const upper = ops.some((op) => op.startsWith('<'));
        if (lower && upper) {
            return null;
        }
        if ((lower || upper) && limited && orderBy.startsWith(field)) {
            return null;
        }
    }
    return `no equality, closed range or limited walk of an indexed field (${[...indexed].join(', ')})`;
}

describe('queries on the log and the agents’ state records', () => {
    const queries = logQueries();

    it('finds the log reader’s, the health check’s, the writer’s and the purge’s queries', () => {
        const files = new Set(queries.map((q) => q.file));
        for (const file of [
            'PresenceSyncLogSelector.cls',
            'PresenceSyncHealthSelector.cls',
            'PresenceSyncAgentStateStore.cls'
        ]) {
            expect(files).toContain(file);
        }
        expect(queries.length).toBeGreaterThanOrEqual(8);
    });

    it.each(logQueries().map((q) => [`${q.file}: ${q.soql.slice(0, 90)}…`, q]))(
        'is selective: %s',
        (_name, query) => {
            expect(unselective(query as Query)).toBeNull();
        }
    );

    it('would catch a count, an unindexed filter and an open range without a limit', () => {
        const log = 'Presence_Sync_Log__c';
        const check = (soql: string) => unselective({ file: 'x.cls', object: log, soql });
        expect(check(`SELECT COUNT() FROM ${log} WHERE User__c = :u`)).toBe('counts rows');
        expect(check(`SELECT Id FROM ${log} WHERE Step__c = :s LIMIT 10`)).not.toBeNull();
        expect(check(`SELECT Id FROM ${log} WHERE CreatedDate < :d`)).not.toBeNull();
        expect(check(`SELECT Id FROM ${log} WHERE CreatedDate < :d ORDER BY Step__c LIMIT 1`)).not.toBeNull();
        expect(check(`SELECT Id FROM ${log} WHERE CreatedDate >= :a AND CreatedDate < :b`)).toBeNull();
        expect(check(`SELECT Id FROM ${log} WHERE At_Ms__c < :d ORDER BY At_Ms__c DESC LIMIT 5`)).toBeNull();
    });
});
