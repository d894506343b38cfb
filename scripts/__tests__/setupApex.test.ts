/**
 * @jest-environment-options {"customExportConditions": ["require", "node", "default"]}
 *
 * (The Apex parser's browser build is ES modules, which Jest does not load: take its Node build.)
 *
 * `npm run org:setup` runs anonymous Apex that no compiler sees before a real org does: it must
 * at least parse, and the settings it writes must be fields the settings object has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { settingsApex } from '../lib/sample-settings';

const root = join(__dirname, '..', '..');

class CollectErrors extends ApexErrorListener {
    readonly errors: string[] = [];
    apexSyntaxError(line: number, column: number, message: string): void {
        this.errors.push(`${line}:${column} ${message}`);
    }
}

function syntaxErrors(apex: string): string[] {
    const listener = new CollectErrors();
    const { parser } = ApexParserFactory.createLexerAndParser(apex, listener);
    parser.anonymousUnit();
    return listener.errors;
}

describe('the set-up Apex', () => {
    it('catches a syntax error (the check itself works)', () => {
        expect(syntaxErrors('Integer i = ;')).not.toEqual([]);
    });

    it.each(readdirSync(join(root, 'scripts', 'apex')).filter((file) => file.endsWith('.apex')))(
        '%s parses',
        (file) => {
            const apex = readFileSync(join(root, 'scripts', 'apex', file), 'utf8');
            expect(syntaxErrors(apex)).toEqual([]);
        }
    );

    it('the settings Apex parses, with a CCP URL that needs escaping too', () => {
        const states = ['Available', "Agent's break", 'Working - Phone'];
        expect(syntaxErrors(settingsApex({ connectStates: states }))).toEqual([]);
        const apex = settingsApex({
            connectStates: states,
            ccpUrl: "https://x.my.connect.aws/ccp-v2/?a='b'\\"
        });
        expect(syntaxErrors(apex)).toEqual([]);
        expect(apex).toContain("'Available,Agent\\'s break,Working - Phone'");
    });

    it('switches sync on and sets only fields the settings object has', () => {
        const apex = settingsApex({
            connectStates: ['Available'],
            ccpUrl: 'https://x.my.connect.aws/ccp-v2/'
        });
        expect(apex).toContain('settings.Enabled__c = true;');
        const fieldsDir = join(
            root,
            'force-app',
            'main',
            'default',
            'objects',
            'Presence_Sync_Settings__c',
            'fields'
        );
        const fields = readdirSync(fieldsDir).map((file) => file.replace('.field-meta.xml', ''));
        const written = [...apex.matchAll(/settings\.(\w+__c)\s*=/g)].map((m) => m[1]);
        expect(written.length).toBeGreaterThanOrEqual(5);
        expect(written.filter((field) => !fields.includes(field))).toEqual([]);
    });

    it('leaves out the CCP URL when none is given', () => {
        expect(settingsApex({ connectStates: ['Available'] })).not.toContain('CCP_URL__c');
    });
});
