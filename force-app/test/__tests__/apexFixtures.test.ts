import fs from 'fs';
import path from 'path';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import saveRules from '@salesforce/apex/PresenceSyncRuleController.saveRules';
import {
    COMPARATOR_LABELS,
    DESTINATION_LABELS,
    OPERAND_LABELS,
    SOURCE_EVENT_LABELS
} from 'c/presenceSyncEngine';
import {
    buildAccessReport,
    buildAgentConfiguration,
    buildApexError,
    buildLogPage,
    buildSaveRulesResult,
    buildSeedRules,
    buildStatuses,
    to18
} from '../jest-mocks/apex/fixtures';

jest.mock(
    '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRules', () => ({ default: jest.fn() }), {
    virtual: true
});

describe('Apex fixtures', () => {
    afterEach(() => jest.resetAllMocks());

    it('serve as the resolved value of a mocked Apex method', async () => {
        jest.mocked(getAgentConfiguration).mockResolvedValue(buildAgentConfiguration());
        const config = await getAgentConfiguration();
        expect(config.syncEnabled).toBe(true);
        expect(config.rules.map((r) => r.order)).toEqual([1, 2, 3, 4]);
        expect(config.statuses.map((s) => s.developerName)).toEqual([
            'Available',
            'Busy',
            'Lunch',
            'Working_Phone',
            'Working_Media'
        ]);
        expect(config.serviceChannels.map((c) => [c.developerName, c.relatedEntity])).toEqual([
            ['sfdc_phone', 'VoiceCall'],
            ['sfdc_chat', 'LiveChatTranscript'],
            ['sfdc_case', 'Case']
        ]);
    });

    it('serve as a rejected Apex call in the shape LWC receives', async () => {
        jest.mocked(saveRules).mockRejectedValue(buildApexError('You cannot edit presence sync rules.'));
        await expect(saveRules({ ruleSetId: 'x', rulesJson: '[]' })).rejects.toEqual({
            status: 500,
            body: { message: 'You cannot edit presence sync rules.' }
        });
    });

    it('compute the case-safe 18-character id', () => {
        expect(to18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
        for (const status of buildStatuses()) {
            expect(status.id.startsWith(status.id15)).toBe(true);
            expect(status.id).toHaveLength(18);
        }
    });

    it('use only the engine vocabulary in the seed rules', () => {
        for (const rule of buildSeedRules()) {
            expect(Object.keys(SOURCE_EVENT_LABELS)).toContain(rule.source);
            expect(Object.keys(OPERAND_LABELS)).toContain(rule.operandA);
            expect(Object.keys(OPERAND_LABELS)).toContain(rule.operandB);
            expect(Object.keys(COMPARATOR_LABELS)).toContain(rule.comparator);
            expect(Object.keys(DESTINATION_LABELS)).toContain(rule.destination);
        }
    });

    it('explain each missing permission and derive the flags from it', () => {
        const access = buildAccessReport({ missing: ['ViewStatusDeveloperNames', 'PresenceSyncRunSync'] });
        expect(access.canRunSync).toBe(false);
        expect(access.canReadStatusDeveloperNames).toBe(false);
        expect(access.canAdministerRules).toBe(true);
        const missing = access.checks.filter((c) => !c.granted);
        expect(missing.map((c) => c.name)).toEqual(['PresenceSyncRunSync', 'ViewStatusDeveloperNames']);
        expect(missing.every((c) => (c.reason ?? '').length > 0)).toBe(true);
        expect(access.checks.filter((c) => c.granted).every((c) => c.reason === null)).toBe(true);
    });

    it('give inserted rules record ids and keep the log page newest first', () => {
        const result = buildSaveRulesResult({ saved: [{ ...buildSeedRules()[0], id: 'new-1' }] });
        expect(result.saved[0].id).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        const page = buildLogPage();
        const times = page.entries.map((e) => e.at);
        expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('explain missing permissions in the words the Apex uses', () => {
        const apex = fs.readFileSync(
            path.resolve(__dirname, '../../main/default/classes/PresenceSyncAccessService.cls'),
            'utf8'
        );
        const fromApex = [
            ...apex.matchAll(
                /new PresenceSyncDto\.PermissionCheck\(\s*'(\w+)',\s*'([^']*)',\s*\w+,\s*'([^']*)'/g
            )
        ].map((m) => ({ name: m[1], label: m[2], reason: m[3] }));
        const fromFixture = buildAccessReport({
            missing: [
                'PresenceSyncRunSync',
                'PresenceSyncAdministerRules',
                'PresenceSyncViewLogs',
                'ReadRuleObjects',
                'ViewStatusDeveloperNames'
            ]
        }).checks.map(({ name, label, reason }) => ({ name, label, reason }));
        expect(fromApex).toHaveLength(5);
        expect(fromFixture).toEqual(fromApex);
    });
});
