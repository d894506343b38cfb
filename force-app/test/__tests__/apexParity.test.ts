/**
 * Apex validates rules on save with its own copy of the engine's words and vocabulary
 * (PresenceSyncRuleValidator, PresenceSyncVocabulary), and of the org's own checks and limits
 * that the rule builder applies before saving (PresenceSyncRuleChecks, presenceSyncRuleChecks). These tests read the Apex source and
 * fail when either copy drifts from the engine, so a rule the builder accepts is never refused
 * by the org with different words, or the other way round.
 */
import fs from 'fs';
import path from 'path';
import {
    COMPARATOR_LABELS,
    CONNECT_SYSTEM_STATES,
    DESTINATION_LABELS,
    NUMERIC_OPERANDS,
    OMNI_OFFLINE,
    OPERAND_LABELS,
    OPERAND_SOURCES,
    ORDERING_COMPARATORS,
    RULE_ISSUE_MESSAGES,
    SOURCE_EVENT_LABELS
} from 'c/presenceSyncEngine';
import { ORG_RULE_MESSAGES, RULE_LIMITS } from 'c/presenceSyncRuleChecks';

const classes = path.resolve(__dirname, '../../main/default/classes');
const validator = fs.readFileSync(path.join(classes, 'PresenceSyncRuleValidator.cls'), 'utf8');
const orgChecks = fs.readFileSync(path.join(classes, 'PresenceSyncRuleChecks.cls'), 'utf8');
const vocabulary = fs.readFileSync(path.join(classes, 'PresenceSyncVocabulary.cls'), 'utf8');
const batch = fs.readFileSync(path.join(classes, 'PresenceSyncRuleBatch.cls'), 'utf8');

/** The body of `NAME = new Map<…>{ … };` / `new List<String>{ … }` / `new Set<String>{ … }`. */
function initialiser(source: string, name: string): string {
    const match = new RegExp(`\\b${name}\\s*=\\s*new\\s+(?:Map|List|Set)<[^{]*\\{([\\s\\S]*?)\\};`).exec(
        source
    );
    if (!match) {
        throw new Error(`${name} not found in the Apex source`);
    }
    return match[1];
}

const APEX_STRING = `'((?:[^'\\\\]|\\\\.)*)'`;

function apexStringMap(source: string, name: string): Record<string, string> {
    const body = initialiser(source, name);
    const pairs = [...body.matchAll(new RegExp(`${APEX_STRING}\\s*=>\\s*${APEX_STRING}`, 'g'))];
    return Object.fromEntries(pairs.map((m) => [m[1], m[2]]));
}

function apexStringList(source: string, name: string): string[] {
    return [...initialiser(source, name).matchAll(new RegExp(APEX_STRING, 'g'))].map((m) => m[1]);
}

/** `'Operand' => new Set<String>{ 'A', 'B' }` entries; `new Set<String>(SOURCES)` means every source. */
function apexOperandSources(): Record<string, string[]> {
    const start = vocabulary.indexOf('OPERAND_SOURCES = new Map<String, Set<String>>{');
    const body = vocabulary.slice(start, vocabulary.indexOf('};', start));
    const sources = apexStringList(vocabulary, 'SOURCES');
    const entries = [...body.matchAll(/'(\w+)'\s*=>\s*new Set<String>(\{[^}]*\}|\(SOURCES\))/g)];
    return Object.fromEntries(
        entries.map((m) => [
            m[1],
            m[2] === '(SOURCES)' ? sources : [...m[2].matchAll(/'(\w+)'/g)].map((s) => s[1])
        ])
    );
}

describe('Apex rule validation mirrors the engine', () => {
    it('uses the same template for every rule issue the engine can raise', () => {
        const engineRuleTemplates = Object.fromEntries(
            Object.entries(RULE_ISSUE_MESSAGES).filter(([code]) => !code.startsWith('mapping'))
        );
        expect(apexStringMap(validator, 'MESSAGES')).toEqual(engineRuleTemplates);
    });

    it('refuses what only the org knows with the same words as the rule builder', () => {
        expect(apexStringMap(orgChecks, 'ORG_MESSAGES')).toEqual(ORG_RULE_MESSAGES);
    });

    it('states the same limits as the rule builder', () => {
        const constant = (source: string, name: string): number => {
            const match = new RegExp(`\\b${name}\\s*=\\s*(\\d+);`).exec(source);
            if (!match) {
                throw new Error(`${name} not found in the Apex source`);
            }
            return Number(match[1]);
        };
        expect({
            rulesPerSet: constant(batch, 'MAX_RULES_PER_SET'),
            nameLength: constant(orgChecks, 'MAX_NAME_LENGTH'),
            valueLength: constant(orgChecks, 'MAX_VALUE_LENGTH'),
            ruleSetNameLength: constant(orgChecks, 'MAX_RULE_SET_NAME_LENGTH'),
            ruleSetDescriptionLength: constant(orgChecks, 'MAX_RULE_SET_DESCRIPTION_LENGTH')
        }).toEqual(RULE_LIMITS);
    });

    it('gives org-only issues codes the engine does not use', () => {
        const orgCodes = Object.keys(apexStringMap(orgChecks, 'ORG_MESSAGES'));
        expect(orgCodes.length).toBeGreaterThan(0);
        for (const code of orgCodes) {
            expect(Object.keys(RULE_ISSUE_MESSAGES)).not.toContain(code);
        }
    });
});

describe('Apex vocabulary mirrors the engine', () => {
    it.each([
        ['SOURCES', 'SOURCE_LABELS', SOURCE_EVENT_LABELS],
        ['OPERANDS', 'OPERAND_LABELS', OPERAND_LABELS],
        ['COMPARATORS', 'COMPARATOR_LABELS', COMPARATOR_LABELS],
        ['DESTINATIONS', 'DESTINATION_LABELS', DESTINATION_LABELS]
    ] as const)(
        '%s and %s list the engine values in order with their labels',
        (listName, mapName, labels) => {
            expect(apexStringList(vocabulary, listName)).toEqual(Object.keys(labels));
            expect(apexStringMap(vocabulary, mapName)).toEqual(labels);
        }
    );

    it('knows which events carry which operand', () => {
        const engine = Object.fromEntries(Object.entries(OPERAND_SOURCES).map(([k, v]) => [k, [...v]]));
        expect(apexOperandSources()).toEqual(engine);
    });

    it('knows the numeric operands, ordering comparators, system states and Offline', () => {
        expect(new Set(apexStringList(vocabulary, 'NUMERIC_OPERANDS'))).toEqual(new Set(NUMERIC_OPERANDS));
        expect(new Set(apexStringList(vocabulary, 'ORDERING_COMPARATORS'))).toEqual(
            new Set(ORDERING_COMPARATORS)
        );
        expect(new Set(apexStringList(vocabulary, 'CONNECT_SYSTEM_STATES'))).toEqual(
            new Set(CONNECT_SYSTEM_STATES)
        );
        expect(vocabulary).toContain(`OMNI_OFFLINE = '${OMNI_OFFLINE}';`);
    });
});
