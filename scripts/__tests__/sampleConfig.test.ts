/**
 * The sample org that `npm run org:setup` builds must hang together: the sample rules are sound
 * engine rules that do what the CTI Adapter guide's table says, every record field they are
 * loaded into exists on the rule objects, and every status, channel and name the rules, the
 * metadata and the set-up Apex refer to is actually in sample-config.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { evaluateRules, validateRule } from 'c/presenceSyncEngine';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { RULE_OBJECT, RULE_SET_OBJECT, toImportTree } from '../lib/sample-rules';
import type { SampleRules } from '../lib/sample-rules';

const root = join(__dirname, '..', '..');
const objectsDir = join(root, 'force-app', 'main', 'default', 'objects');
const sampleDir = join(root, 'sample-config', 'main', 'default');
const sample: SampleRules = JSON.parse(
    readFileSync(join(root, 'sample-config', 'data', 'seed-rules.json'), 'utf8')
);
const xml = new XMLParser({
    isArray: (name) => ['value', 'channel', 'queueSobject', 'servicePresenceStatusAccesses'].includes(name)
});
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function metadataNames(folder: string, suffix: string): string[] {
    return readdirSync(join(sampleDir, folder))
        .filter((file) => file.endsWith(suffix))
        .map((file) => file.slice(0, -suffix.length));
}

function readMetadata(path: string): Record<string, unknown> {
    return xml.parse(readFileSync(path, 'utf8'));
}

/** Field API name → restricted picklist values (empty list for other fields). */
function objectFields(objectName: string): Map<string, string[]> {
    const fieldsDir = join(objectsDir, objectName, 'fields');
    const fields = new Map<string, string[]>([['Name', []]]);
    for (const file of readdirSync(fieldsDir)) {
        const field = readMetadata(join(fieldsDir, file)).CustomField as {
            fullName: string;
            valueSet?: { restricted?: boolean; valueSetDefinition?: { value: Array<{ fullName: string }> } };
        };
        const values = field.valueSet?.restricted
            ? (field.valueSet.valueSetDefinition?.value ?? []).map((v) => String(v.fullName))
            : [];
        fields.set(field.fullName, values);
    }
    return fields;
}

const statuses = metadataNames('servicePresenceStatuses', '.servicePresenceStatus-meta.xml');
const channels = metadataNames('serviceChannels', '.serviceChannel-meta.xml');

describe('the sample rules', () => {
    it('are the four rows of the CTI Adapter example, all sound engine rules', () => {
        expect(sample.rules).toHaveLength(4);
        for (const rule of sample.rules) {
            expect({ rule: rule.name, issues: validateRule(rule) }).toEqual({ rule: rule.name, issues: [] });
        }
    });

    it.each([
        ['Connect', 'Available', 'SalesforceAgentState', 'Available'],
        ['Connect', 'Working - Phone', 'SalesforceAgentState', 'Working_Phone'],
        ['Omni', 'Available', 'ConnectAgentState', 'Available'],
        ['Omni', 'Working_Media', 'ConnectAgentState', 'Working - Media']
    ])('turn %s "%s" into %s %s', (side, state, destination, value) => {
        const event =
            side === 'Connect'
                ? { type: 'ConnectStateChange' as const, connectOldState: 'Offline', connectNewState: state }
                : { type: 'SalesforceStateChange' as const, salesforceNewState: state };
        const decisions = evaluateRules(sample.rules, event);
        expect(decisions.map(({ destination: d, value: v }) => ({ d, v }))).toEqual([
            { d: destination, v: value }
        ]);
    });

    it('leave states outside the table alone', () => {
        expect(evaluateRules(sample.rules, { type: 'ConnectStateChange', connectNewState: 'Lunch' })).toEqual(
            []
        );
        expect(
            evaluateRules(sample.rules, { type: 'SalesforceStateChange', salesforceNewState: 'Busy' })
        ).toEqual([]);
    });

    it('only name Omni-Channel statuses by developer names that sample-config deploys', () => {
        const named = sample.rules.flatMap((rule: PresenceSyncRule) => [
            ...(rule.destination === 'SalesforceAgentState' ? [rule.destinationValue] : []),
            ...(rule.operandA === 'SalesforceNewState' && rule.operandB === 'StaticValue'
                ? [rule.operandBValue]
                : [])
        ]);
        expect(named.length).toBeGreaterThan(0);
        for (const name of named) {
            expect(statuses).toContain(name);
        }
    });

    it('only set Connect states that the rule builder offers', () => {
        for (const rule of sample.rules.filter((r) => r.destination === 'ConnectAgentState')) {
            expect(sample.connectStates).toContain(rule.destinationValue);
        }
    });
});

describe('loading the sample rules with sf data import tree', () => {
    const tree = toImportTree(sample);

    it('creates the rule set first and points every rule at it', () => {
        expect(tree.plan.map((p) => p.sobject)).toEqual([RULE_SET_OBJECT, RULE_OBJECT]);
        const [ruleSet] = tree.files[`${RULE_SET_OBJECT}.json`].records;
        const rules = tree.files[`${RULE_OBJECT}.json`].records;
        expect(rules).toHaveLength(sample.rules.length);
        for (const rule of rules) {
            expect(rule.Rule_Set__c).toBe(`@${ruleSet.attributes.referenceId}`);
            // The only reference shape the CLI resolves in every case.
            expect(rule.Rule_Set__c).toMatch(/^@\w+Ref\d+$/);
        }
        expect(ruleSet.Is_Default__c).toBe(true);
    });

    it.each([RULE_SET_OBJECT, RULE_OBJECT])(
        'writes only fields and picklist values that %s has',
        (objectName) => {
            const fields = objectFields(objectName);
            for (const record of tree.files[`${objectName}.json`].records) {
                const { attributes, ...values } = record;
                expect(attributes.type).toBe(objectName);
                for (const [field, value] of Object.entries(values)) {
                    expect(fields.has(field) ? field : `missing field ${objectName}.${field}`).toBe(field);
                    // Restricted picklists refuse other values; other fields take anything.
                    const allowed = fields.get(field) ?? [];
                    const accepted = allowed.length === 0 || allowed.includes(String(value));
                    expect(accepted ? 'accepted' : `${field} refuses "${value}"`).toBe('accepted');
                }
            }
        }
    );

    it('refuses a file without rules instead of loading nothing', () => {
        expect(() => toImportTree({ ruleSet: { name: 'x' }, rules: [] })).toThrow(/non-empty "rules"/);
    });
});

describe('the sample Omni-Channel configuration', () => {
    it('has the presence statuses of the example, each on channels it deploys', () => {
        expect([...statuses].sort()).toEqual([
            'Available',
            'Busy',
            'Lunch',
            'Working_Media',
            'Working_Phone'
        ]);
        for (const status of statuses) {
            const meta = readMetadata(
                join(sampleDir, 'servicePresenceStatuses', `${status}.servicePresenceStatus-meta.xml`)
            ).ServicePresenceStatus as { channels?: { channel: string[] } };
            for (const channel of meta.channels?.channel ?? []) {
                expect(channels).toContain(channel);
            }
        }
    });

    it('routes its channels to objects that exist without extra licences', () => {
        const sampleObjects = readdirSync(join(sampleDir, 'objects'));
        for (const channel of channels) {
            const meta = readMetadata(
                join(sampleDir, 'serviceChannels', `${channel}.serviceChannel-meta.xml`)
            ).ServiceChannel as { relatedEntityType: string };
            const entity = meta.relatedEntityType;
            expect(
                entity === 'Case' || sampleObjects.includes(entity) ? entity : `unknown object ${entity}`
            ).toBe(entity);
        }
    });

    it('grants exactly its statuses through the sample permission set, not Apex DML', () => {
        const meta = readMetadata(
            join(sampleDir, 'permissionsets', 'Presence_Sync_Sample_Statuses.permissionset-meta.xml')
        ).PermissionSet as {
            servicePresenceStatusAccesses: Array<{ servicePresenceStatus: string; enabled: boolean }>;
        };
        const granted = meta.servicePresenceStatusAccesses
            .filter((access) => access.enabled)
            .map((access) => access.servicePresenceStatus);
        expect(granted.sort()).toEqual([...statuses].sort());
        expect(read('scripts/org-setup.mjs')).toContain("'Presence_Sync_Sample_Statuses'");
    });

    it('names the presence configuration and queue the set-up Apex looks up', () => {
        const [config] = metadataNames('presenceUserConfigs', '.presenceUserConfig-meta.xml');
        expect(read('scripts/apex/join-sample-presence-config.apex')).toContain(
            `DeveloperName = '${config}'`
        );
        const [queue] = metadataNames('queues', '.queue-meta.xml');
        expect(read('scripts/apex/join-sample-queue.apex')).toContain(`DeveloperName = '${queue}'`);
        expect(existsSync(join(sampleDir, 'queueRoutingConfigs'))).toBe(true);
    });

    // npm test converts force-app; this is the same check for the unpackaged sample folder.
    it("converts to Metadata API format with the project's Salesforce CLI", () => {
        const output = mkdtempSync(join(tmpdir(), 'presence-sync-sample-'));
        try {
            const result = spawnSync(
                join(root, 'node_modules', '.bin', 'sf'),
                [
                    'project',
                    'convert',
                    'source',
                    '--source-dir',
                    'sample-config',
                    '--output-dir',
                    join(output, 'md'),
                    '--json'
                ],
                {
                    cwd: root,
                    encoding: 'utf8',
                    timeout: 60_000,
                    env: {
                        ...process.env,
                        SF_DISABLE_AUTOUPDATE: 'true',
                        SF_SKIP_NEW_VERSION_CHECK: 'true',
                        SF_DISABLE_TELEMETRY: 'true',
                        SF_JSON_TO_STDOUT: 'true'
                    }
                }
            );
            expect({ status: result.status, error: result.error?.message }).toEqual({
                status: 0,
                error: undefined
            });
            const manifest = readFileSync(join(output, 'md', 'package.xml'), 'utf8');
            for (const type of [
                'ServiceChannel',
                'ServicePresenceStatus',
                'PresenceUserConfig',
                'QueueRoutingConfig',
                'PermissionSet'
            ]) {
                expect(manifest).toContain(`<name>${type}</name>`);
            }
        } finally {
            rmSync(output, { recursive: true, force: true });
        }
    }, 60_000);
});
