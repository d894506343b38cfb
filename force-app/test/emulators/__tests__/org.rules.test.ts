/**
 * The emulated org keeps rules as the Apex does: validation, batches, ids, restarts.
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import type { AgentConfiguration, RuleBuilderData, SaveRulesResult } from 'presence-sync/contracts';
import { DEFAULT_RULE_SET_ID } from '../../jest-mocks/apex/fixtures';
import { ApexError, EmulatedOrg, RULES_CHANGED_CHANNEL, seedOrgData } from '../org';
import type { OrgData } from '../org';
import { recordingOrg } from '../../orgHarness';
import type { Published } from '../../orgHarness';

/** A new rule from the seed's first: Connect Lunch sets Omni-Channel Lunch. */
const lunchToLunch = (template: PresenceSyncRule): PresenceSyncRule => ({
    ...template,
    id: 'new-1',
    name: 'Lunch to Lunch',
    operandBValue: 'Lunch',
    destinationValue: 'Lunch'
});

describe('emulated org rules', () => {
    let org: EmulatedOrg;
    let published: Published;
    let saved: () => OrgData | null;
    beforeEach(() => {
        ({ org, published, saved } = recordingOrg());
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

    it('saves a valid rule with a record id and publishes rules changed', async () => {
        const [template] = org.rules();
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([lunchToLunch(template)])
        })) as SaveRulesResult;
        expect(result.rejected).toEqual([]);
        expect(result.saved[0].id).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(published).toEqual([[RULES_CHANGED_CHANNEL, { RuleSetId__c: DEFAULT_RULE_SET_ID }]]);
        expect(saved()!.rules).toHaveLength(5);
    });

    it('saves nothing when one rule is refused, and names the refused entry by position and name', async () => {
        const [template] = org.rules();
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([
                lunchToLunch(template),
                {
                    ...template,
                    id: 'new-2',
                    name: 'Label instead',
                    operandBValue: 'Lunch',
                    destinationValue: 'Working – Phone'
                }
            ])
        })) as SaveRulesResult;
        expect(result.saved).toEqual([]);
        expect(result.rejected).toEqual([
            {
                id: 'new-2',
                position: 2,
                name: 'Label instead',
                issues: [
                    expect.objectContaining({
                        field: 'destinationValue',
                        message: expect.stringMatching(/developer name "Working – Phone"/)
                    })
                ]
            }
        ]);
        expect(published).toEqual([]);
        expect(org.rules()).toHaveLength(4);
    });

    it('refuses a second rule of the same name in a rule set, whatever its case', async () => {
        const [template] = org.rules();
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([
                { ...template, id: 'new-1', name: ` ${template.name.toUpperCase()} ` }
            ])
        })) as SaveRulesResult;
        expect(result.rejected[0].issues).toEqual([
            {
                field: 'name',
                message: `Another rule of this rule set is already called "${template.name.toUpperCase()}". Give each rule its own name.`
            }
        ]);
    });

    it('refuses a rule that was deleted meanwhile instead of creating it again under a new id', async () => {
        const [first] = org.rules();
        await org.call('PresenceSyncRuleController.deleteRules', { ruleIds: [first.id] });
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([{ ...first, name: 'Edited after the delete' }])
        })) as SaveRulesResult;
        expect(result.rejected[0].issues.map((i) => i.message)).toEqual([
            'This rule is no longer in the rule set; someone may have deleted it. Reload the rules and try again.'
        ]);
        expect(org.rules()).toHaveLength(3);
    });

    it('holds at most 500 rules in a rule set, and refuses a save that would leave more', async () => {
        const [template] = org.rules();
        const many = (from: number, count: number) =>
            Array.from({ length: count }, (_, i) => ({
                ...template,
                id: `new-${from + i}`,
                name: `Rule ${from + i}`,
                order: from + i
            }));
        const first = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify(many(1, 496))
        })) as SaveRulesResult;
        expect(first.saved).toHaveLength(496);
        expect(org.rules()).toHaveLength(500);
        await expect(
            org.call('PresenceSyncRuleController.saveRules', {
                ruleSetId: DEFAULT_RULE_SET_ID,
                rulesJson: JSON.stringify(many(1000, 1))
            })
        ).rejects.toThrow(
            'A rule set holds at most 500 rules, and this change would leave 501 in it. Delete rules first, or split them into several rule sets.'
        );
        expect(org.rules()).toHaveLength(500);
    });

    it('replaces rules in one batch: deletes and saves together, or changes nothing', async () => {
        const current = org.rules();
        const [template] = current;
        const refused = (await org.call('PresenceSyncRuleController.saveRuleBatch', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([
                { ...template, id: 'import-1', name: 'Kept' },
                { ...template, id: 'import-2', name: 'Broken', destinationValue: 'Nope' }
            ]),
            deleteRuleIds: current.map((r) => r.id)
        })) as SaveRulesResult;
        expect([refused.saved.length, refused.rejected.map((r) => [r.position, r.name])]).toEqual([
            0,
            [[2, 'Broken']]
        ]);
        expect(org.rules().map((r) => r.id)).toEqual(current.map((r) => r.id));

        const replaced = (await org.call('PresenceSyncRuleController.saveRuleBatch', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            // The file's names may be those of the rules it replaces.
            rulesJson: JSON.stringify(current.map((r, i) => ({ ...r, id: `import-${i}` }))),
            deleteRuleIds: current.map((r) => r.id)
        })) as SaveRulesResult;
        expect(replaced.rejected).toEqual([]);
        expect(org.rules().map((r) => r.name)).toEqual(current.map((r) => r.name));
        expect(org.rules().some((r) => current.some((c) => c.id === r.id))).toBe(false);
    });

    it('hands out ids past 9,999 without overflowing', async () => {
        const data = seedOrgData();
        data.nextId = 9998;
        let bigData: OrgData | null = data;
        const big = new EmulatedOrg({ store: { load: () => bigData, save: (d) => (bigData = d) } });
        const [template] = big.rules();
        const result = (await big.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify(
                [1, 2, 3].map((n) => ({ ...template, id: `new-${n}`, name: `Rule ${n}` }))
            )
        })) as SaveRulesResult;
        expect(result.saved.map((r) => r.id)).toEqual([
            expect.stringMatching(/^a0CHs0000009998[A-Z0-5]{3}$/),
            expect.stringMatching(/^a0CHs0000009999[A-Z0-5]{3}$/),
            expect.stringMatching(/^a0CHs0000010000[A-Z0-5]{3}$/)
        ]);
    });

    it('tells the agent how many rules its rule set holds, and how many are active', async () => {
        const [first] = org.rules();
        await org.call('PresenceSyncRuleController.setRulesActive', { ruleIds: [first.id], active: false });
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.ruleSet).toMatchObject({ activeRuleCount: 3, ruleCount: 4 });
        expect(config.rules).toHaveLength(3);
    });

    it('rejects what the engine rejects (a Connect system state as destination)', async () => {
        const subscriber = org.rules()[1];
        const result = org.replaceRules([{ ...subscriber, destinationValue: 'Busy' }]);
        expect(result.saved).toEqual([]);
        expect(result.rejected[0].issues.map((i) => i.field)).toContain('destinationValue');
    });

    it('keeps the ids a replacement gives its rules: in the rules, the agent configuration and the rejections', async () => {
        const [publisher, subscriber] = org.rules();
        const result = org.replaceRules([
            { ...publisher, id: 'g1' },
            { ...subscriber, id: 'g2' },
            { ...subscriber, id: 'g3', destinationValue: 'Busy' }
        ]);
        expect(result.saved.map((r) => r.id)).toEqual(['g1', 'g2']);
        expect(result.rejected.map((r) => r.id)).toEqual(['g3']);
        expect(org.rules().map((r) => r.id)).toEqual(['g1', 'g2']);
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.rules.map((r) => r.id)).toEqual(['g1', 'g2']);

        // The same ids again update those rules rather than adding copies.
        org.replaceRules([{ ...publisher, id: 'g1', name: 'Renamed' }]);
        expect(org.rules().map((r) => [r.id, r.name])).toEqual([['g1', 'Renamed']]);
    });

    it('gives a replaced rule a record id when it has none or its id is taken, so ids stay unique', async () => {
        const other = (await org.call('PresenceSyncRuleController.saveRuleSet', {
            ruleSetJson: JSON.stringify({ name: 'Phone team', isDefault: false, assignments: [] })
        })) as { id: string };
        const [publisher, subscriber] = org.rules();
        org.replaceRules([{ ...publisher, id: 'shared' }], other.id);

        const result = org.replaceRules([
            { ...publisher, id: '' },
            { ...subscriber, id: 'twice' },
            { ...publisher, id: 'twice', order: 30, name: 'Third' },
            { ...subscriber, id: 'shared', order: 40, name: 'Fourth' }
        ]);

        const ids = result.saved.map((r) => r.id);
        expect(ids[0]).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(ids[1]).toBe('twice');
        expect(ids[2]).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(ids[3]).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        const everyId = saved()!.rules.map((r) => r.id);
        expect(new Set(everyId).size).toBe(everyId.length);
        expect(org.rules(other.id)).toEqual([expect.objectContaining({ id: 'shared', ruleSetId: other.id })]);
    });

    it('lets the rule builder edit a rule kept under a caller id, and gives its new rules record ids', async () => {
        const [publisher, subscriber] = org.rules();
        org.replaceRules([
            { ...publisher, id: 'g1' },
            { ...subscriber, id: 'g2' }
        ]);
        const result = (await org.call('PresenceSyncRuleController.saveRules', {
            ruleSetId: DEFAULT_RULE_SET_ID,
            rulesJson: JSON.stringify([
                { ...publisher, id: 'g1', name: 'Edited in the builder' },
                { ...publisher, id: 'draft-abc-1', name: 'New in the builder', order: 30 }
            ])
        })) as SaveRulesResult;
        expect(result.saved[0].id).toBe('g1');
        expect(result.saved[1].id).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(org.rules().map((r) => [r.id, r.name])).toEqual([
            ['g1', 'Edited in the builder'],
            ['g2', subscriber.name],
            [result.saved[1].id, 'New in the builder']
        ]);
    });

    it('keeps what survives a restart: a new org on the same store sees the saved rules', async () => {
        org.replaceRules(org.rules().slice(0, 2));
        const again = new EmulatedOrg({ store: { load: () => saved(), save: () => undefined } });
        expect(again.rules()).toHaveLength(2);
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
