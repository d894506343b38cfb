import type { AgentConfiguration, LogPage, RuleBuilderData, SaveRulesResult } from 'presence-sync/contracts';
import { buildTraceEntries, DEFAULT_RULE_SET_ID } from '../../jest-mocks/apex/fixtures';
import { ApexError, EmulatedOrg, RULES_CHANGED_CHANNEL } from '../org';
import type { OrgData } from '../org';

describe('emulated org', () => {
    let published: Array<[string, Record<string, unknown>]>;
    let stored: OrgData | null;
    let org: EmulatedOrg;
    beforeEach(() => {
        published = [];
        stored = null;
        org = new EmulatedOrg({
            store: { load: () => stored, save: (d) => (stored = JSON.parse(JSON.stringify(d))) },
            publish: (channel, payload) => published.push([channel, payload]),
            ccpUrl: 'http://localhost:3333/ccp-v2/'
        });
    });

    it('serves the agent configuration with the seed four-row table as active rules', async () => {
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.syncEnabled).toBe(true);
        expect(config.settings.ccpUrl).toBe('http://localhost:3333/ccp-v2/');
        expect(config.ruleSet).toMatchObject({ id: DEFAULT_RULE_SET_ID, assignedThrough: 'Default' });
        expect(config.rules.map((r) => [r.source, r.operandBValue, r.destinationValue])).toEqual([
            ['ConnectStateChange', 'Available', 'Available'],
            ['SalesforceStateChange', 'Available', 'Available'],
            ['ConnectStateChange', 'Working - Phone', 'Working_Phone'],
            ['SalesforceStateChange', 'Working_Media', 'Working - Media']
        ]);
        expect(config.rules.every((r) => /^[a-zA-Z0-9]{18}$/.test(r.id))).toBe(true);
    });

    it('saves a valid rule with a record id, rejects an unknown status, and publishes rules changed', async () => {
        const [template] = org.rules();
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([
                {
                    ...template,
                    id: 'new-1',
                    name: 'Lunch to Lunch',
                    operandBValue: 'Lunch',
                    destinationValue: 'Lunch'
                },
                {
                    ...template,
                    id: 'new-2',
                    name: 'Label instead',
                    operandBValue: 'Lunch',
                    destinationValue: 'Working -- Phone'
                }
            ])
        })) as SaveRulesResult;
        expect(result.saved).toHaveLength(1);
        expect(result.saved[0].id).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(result.rejected).toEqual([
            {
                id: 'new-2',
                issues: [
                    expect.objectContaining({
                        field: 'destinationValue',
                        message: expect.stringMatching(/developer name/)
                    })
                ]
            }
        ]);
        expect(published).toEqual([[RULES_CHANGED_CHANNEL, { RuleSetId__c: DEFAULT_RULE_SET_ID }]]);
        expect(stored!.rules).toHaveLength(5);
    });

    it('rejects what the engine rejects (a Connect system state as destination)', async () => {
        const subscriber = org.rules()[1];
        const result = org.replaceRules([{ ...subscriber, destinationValue: 'Busy' }]);
        expect(result.saved).toEqual([]);
        expect(result.rejected[0].issues.map((i) => i.field)).toContain('destinationValue');
    });

    it('keeps what survives a restart: a new org on the same store sees the saved rules', async () => {
        org.replaceRules(org.rules().slice(0, 2));
        const again = new EmulatedOrg({ store: { load: () => stored, save: () => undefined } });
        expect(again.rules()).toHaveLength(2);
    });

    it('stores trace entries and reads them newest first in pages', async () => {
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().map((e) => ({ ...e, tabId: 'tab1' })))
        });
        const page = (await org.call('PresenceSyncLogController.readLogs', {
            userId: '',
            fromMs: 0,
            toMs: Date.now() + 1e12,
            pageSize: 3,
            pageToken: null
        })) as LogPage;
        expect(page.entries.map((e) => e.seq)).toEqual([45, 44, 43]);
        expect(page.entries[0].tabId).toBe('tab1');
        expect(page.nextPageToken).toBe('3');
    });

    it('gives the rule builder the org’s settings, so the dry run simulates with them', async () => {
        org.updateSettings({ onContact: 'skip', flapMaxChanges: 3 });
        const data = (await org.call('PresenceSyncRuleController.getRuleBuilderData')) as RuleBuilderData;
        expect(data.settings).toMatchObject({ onContact: 'skip', flapMaxChanges: 3, flapWindowSeconds: 10 });
    });

    it('answers an unknown rule set as Apex does: an error with a status and a message', async () => {
        await expect(
            org.call('PresenceSyncRuleController.getRules', { ruleSetId: 'nope' })
        ).rejects.toBeInstanceOf(ApexError);
    });
});
