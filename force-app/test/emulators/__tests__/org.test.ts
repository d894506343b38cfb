import type {
    AgentConfiguration,
    AgentLogState,
    HealthCheckResult,
    HealthReport,
    LogPage,
    RuleBuilderData,
    RuleSet,
    RuleSetDeletion,
    SaveRulesResult,
    WriteLogResult
} from 'presence-sync/contracts';
import { AGENT_USER_ID, buildTraceEntries, DEFAULT_RULE_SET_ID } from '../../jest-mocks/apex/fixtures';
import {
    buildHealthCheck,
    HEALTH_CHECK_IDS,
    HEALTH_CHECK_WORDING
} from '../../jest-mocks/apex/healthFixtures';
import type { HealthCheckId } from '../../jest-mocks/apex/healthFixtures';
import { ApexError, EmulatedOrg, RULES_CHANGED_CHANNEL, seedOrgData } from '../org';
import type { OrgData } from '../org';
import { DAY_MS, DEBUG_CHANNEL, LOG_RATE } from '../orgLog';

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

    it('saves a valid rule with a record id and publishes rules changed', async () => {
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
                }
            ])
        })) as SaveRulesResult;
        expect(result.rejected).toEqual([]);
        expect(result.saved[0].id).toMatch(/^a0C[a-zA-Z0-9]{15}$/);
        expect(published).toEqual([[RULES_CHANGED_CHANNEL, { RuleSetId__c: DEFAULT_RULE_SET_ID }]]);
        expect(stored!.rules).toHaveLength(5);
    });

    it('saves nothing when one rule is refused, and names the refused entry by position and name', async () => {
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
        stored = data;
        const big = new EmulatedOrg({ store: { load: () => stored, save: (d) => (stored = d) } });
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
        const everyId = stored!.rules.map((r) => r.id);
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

    it('keeps each agent within the log rate of PresenceSyncLogRateLimit and drops the rest', async () => {
        const batch = JSON.stringify(
            Array.from({ length: 200 }, (_, i) => ({ ...buildTraceEntries()[0], seq: i, level: 'info' }))
        );
        org.updateSettings({ logLevel: 'All' });
        let accepted = 0;
        let dropped = 0;
        for (let call = 0; call < 6; call++) {
            const result = (await org.call('PresenceSyncAgentController.writeLogEntries', {
                entriesJson: batch
            })) as { accepted: number; dropped: number };
            accepted += result.accepted;
            dropped += result.dropped;
        }
        expect({ accepted, dropped }).toEqual({ accepted: 1000, dropped: 200 });
    });

    it('holds a flooding client to its daily quota: the excess costs no row and no event, and is counted', async () => {
        org.updateSettings({ logLevel: 'All' });
        const flood = (minute: number) =>
            JSON.stringify(
                Array.from({ length: 500 }, (_, i) => ({ ...buildTraceEntries()[0], seq: minute * 1000 + i }))
            );
        const start = Date.UTC(2026, 10, 21, 9, 0, 0);
        let accepted = 0;
        for (let minute = 0; minute < 10; minute++) {
            const result = (await org.call(
                'PresenceSyncAgentController.writeLogEntries',
                { entriesJson: flood(minute) },
                start + minute * 60_000
            )) as WriteLogResult;
            accepted += result.accepted;
        }
        expect(accepted).toBe(LOG_RATE.perDay);
        expect(org.logs()).toHaveLength(LOG_RATE.perDay);
        const meter = org.meter()['PresenceSyncAgentController.writeLogEntries'];
        expect(meter).toMatchObject({ calls: 10, logRows: LOG_RATE.perDay, eventsPublished: 0 });
        const page = (await org.call('PresenceSyncLogController.readLogs', {
            userId: AGENT_USER_ID,
            fromMs: 0,
            toMs: start + DAY_MS,
            pageSize: 1,
            pageToken: null
        })) as LogPage;
        expect(page.agentState.droppedEntries).toBe(5000 - LOG_RATE.perDay);
        // The next day the agent logs again.
        const tomorrow = (await org.call(
            'PresenceSyncAgentController.writeLogEntries',
            { entriesJson: flood(99) },
            start + DAY_MS
        )) as WriteLogResult;
        expect(tomorrow.accepted).toBe(500);
    });

    it('stores summaries and the steps of syncs that went wrong at the Summary level', async () => {
        org.updateSettings({ logLevel: 'Summary' });
        const [event, evaluated] = buildTraceEntries();
        const result = (await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify([
                { ...event, step: 'sync-summary', correlationId: 'fine' },
                { ...event, correlationId: 'fine' },
                { ...event, correlationId: 'refused' },
                { ...evaluated, correlationId: 'refused', level: 'error', result: 'failure' }
            ])
        })) as WriteLogResult;
        expect(result).toMatchObject({ accepted: 3, dropped: 1 });
        expect(org.logs().map((e) => `${e.correlationId}:${e.step}`)).toEqual([
            'fine:sync-summary',
            'refused:event-received',
            'refused:rules-evaluated'
        ]);
    });

    it('debugs one agent live: every step until the time is up, announced on Presence_Sync_Debug__e', async () => {
        const published: Array<[string, Record<string, unknown>]> = [];
        let stored: OrgData | null = seedOrgData();
        const debugged = new EmulatedOrg({
            store: { load: () => stored, save: (d) => (stored = d) },
            publish: (channel, payload) => published.push([channel, payload]),
            now: () => Date.UTC(2026, 10, 21, 9, 0, 0)
        });
        debugged.updateSettings({ logLevel: 'Summary' });
        const state = (await debugged.call('PresenceSyncLogController.startLiveDebug', {
            userId: AGENT_USER_ID,
            minutes: 15
        })) as AgentLogState;
        expect(state.debugUntil).toBe(Date.UTC(2026, 10, 21, 9, 15, 0));
        expect(published).toContainEqual([
            DEBUG_CHANNEL,
            { User_Id__c: AGENT_USER_ID, Until_Ms__c: state.debugUntil, Set_At_Ms__c: state.debugSetAt }
        ]);
        const during = (await debugged.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().slice(0, 2))
        })) as WriteLogResult;
        expect(during).toMatchObject({ accepted: 2, debugUntil: state.debugUntil });
        const after = (await debugged.call(
            'PresenceSyncAgentController.writeLogEntries',
            { entriesJson: JSON.stringify(buildTraceEntries().slice(0, 2)) },
            Date.UTC(2026, 10, 21, 9, 16, 0)
        )) as WriteLogResult;
        expect(after.accepted).toBe(0);
        await expect(
            debugged.call('PresenceSyncLogController.startLiveDebug', { userId: AGENT_USER_ID, minutes: 7 })
        ).rejects.toThrow('5, 15, 30, 60 minutes');
    });

    it('takes the heartbeat riding on a log call, and meters what each call costs the org', async () => {
        org.resetMeter();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: JSON.stringify(buildTraceEntries().slice(0, 1)),
            stateJson: JSON.stringify({ connectState: 'Lunch', omniStatus: 'Lunch', status: 'in-sync' })
        });
        const health = (await org.call('PresenceSyncHealthController.getHealthReport')) as HealthReport;
        expect(health.liveAgents[0]).toMatchObject({ connectState: 'Lunch', userId: AGENT_USER_ID });
        expect(org.meter()['PresenceSyncAgentController.writeLogEntries']).toEqual({
            calls: 1,
            soql: 1,
            queryRows: 0,
            dmlStatements: 2,
            dmlRows: 2,
            eventsPublished: 0,
            logRows: 1,
            logBytes: expect.any(Number)
        });
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

describe('emulated org rule sets', () => {
    let org: EmulatedOrg;
    beforeEach(() => {
        let stored: OrgData | null = null;
        org = new EmulatedOrg({ store: { load: () => stored, save: (d) => (stored = d) } });
    });
    const save = (ruleSet: Record<string, unknown>) =>
        org.call('PresenceSyncRuleController.saveRuleSet', {
            ruleSetJson: JSON.stringify({ isDefault: false, assignments: [], ...ruleSet })
        }) as Promise<RuleSet>;
    const avery = { type: 'User', targetId: AGENT_USER_ID, targetName: 'Avery Agent' };

    it('keeps rule set names unique, whatever their case, and lets a rule set be renamed', async () => {
        const phone = await save({ name: 'Phone team' });
        await expect(save({ name: 'phone TEAM ' })).rejects.toThrow(
            'Another rule set is already called "phone TEAM". Choose another name.'
        );
        await expect(save({ name: 'Default presence sync rules' })).rejects.toThrow(/already called/);
        const renamed = await save({ id: phone.id, name: 'Phone team (day shift)', description: 'Days' });
        expect([renamed.id, renamed.name, renamed.description]).toEqual([
            phone.id,
            'Phone team (day shift)',
            'Days'
        ]);
        // Its own name is not "another" rule set's.
        await expect(save({ id: phone.id, name: 'Phone team (day shift)' })).resolves.toBeTruthy();
    });

    it('deletes a rule set with its rules, moving its assignments where the admin chose', async () => {
        const phone = await save({ name: 'Phone team', assignments: [avery] });
        const chat = await save({ name: 'Chat team' });
        const [template] = org.rules();
        org.replaceRules([{ ...template, id: 'p1' }], phone.id);
        const done = (await org.call('PresenceSyncRuleController.deleteRuleSet', {
            ruleSetId: phone.id,
            moveAssignmentsToId: chat.id
        })) as RuleSetDeletion;
        expect(done).toEqual({ deletedRules: 1, movedAssignments: 1, removedAssignments: 0 });
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.ruleSet).toMatchObject({ id: chat.id, assignedThrough: 'User', activeRuleCount: 0 });
        await expect(
            org.call('PresenceSyncRuleController.getRules', { ruleSetId: phone.id })
        ).rejects.toThrow('The rule set no longer exists or you cannot see it. Reload and try again.');
    });

    it('deletes a rule set with its assignments: those agents fall back to the org default', async () => {
        const phone = await save({ name: 'Phone team', assignments: [avery] });
        const done = (await org.call('PresenceSyncRuleController.deleteRuleSet', {
            ruleSetId: phone.id,
            moveAssignmentsToId: null
        })) as RuleSetDeletion;
        expect(done).toEqual({ deletedRules: 0, movedAssignments: 0, removedAssignments: 1 });
        const config = (await org.call(
            'PresenceSyncAgentController.getAgentConfiguration'
        )) as AgentConfiguration;
        expect(config.ruleSet).toMatchObject({ id: DEFAULT_RULE_SET_ID, assignedThrough: 'Default' });
    });

    it('never deletes the org default', async () => {
        await expect(
            org.call('PresenceSyncRuleController.deleteRuleSet', {
                ruleSetId: DEFAULT_RULE_SET_ID,
                moveAssignmentsToId: null
            })
        ).rejects.toThrow(/org default rule set cannot be deleted/);
    });

    it('refuses to save into a rule set a reset took away, instead of saving elsewhere', async () => {
        const phone = await save({ name: 'Phone team' });
        org.reset();
        const [template] = org.rules();
        await expect(
            org.call('PresenceSyncRuleController.saveRules', {
                ruleSetId: phone.id,
                rulesJson: JSON.stringify([{ ...template, id: 'draft-1', name: 'Late' }])
            })
        ).rejects.toThrow('The rule set no longer exists or you cannot see it. Reload and try again.');
        await expect(save({ id: phone.id, name: 'Phone team' })).rejects.toThrow(/no longer exists/);
    });
});

describe('emulated org health report', () => {
    const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
    const DAY = 24 * 60 * 60 * 1000;

    function orgWith(data: OrgData = seedOrgData(), grantedStatuses?: string[]): EmulatedOrg {
        let stored: OrgData | null = data;
        return new EmulatedOrg({
            store: { load: () => stored, save: (d) => (stored = d) },
            now: () => NOW,
            grantedStatuses
        });
    }

    async function report(org: EmulatedOrg): Promise<HealthReport> {
        return (await org.call('PresenceSyncHealthController.getHealthReport')) as HealthReport;
    }

    async function check(org: EmulatedOrg, id: HealthCheckId): Promise<HealthCheckResult> {
        return (await report(org)).checks.find((c) => c.id === id) as HealthCheckResult;
    }

    function entries(count: number, errors: number, at: number): string {
        return JSON.stringify(
            Array.from({ length: count }, (_, i) => ({
                at,
                seq: i,
                correlationId: `c${i}`,
                step: 'call-result',
                level: i < errors ? 'error' : 'info'
            }))
        );
    }

    it('gives the Apex check ids, in the Apex order, with the Apex labels', async () => {
        const { checks } = await report(orgWith());
        expect(checks.map((c) => c.id)).toEqual([...HEALTH_CHECK_IDS]);
        expect(checks.map((c) => c.label)).toEqual(
            HEALTH_CHECK_IDS.map((id) => HEALTH_CHECK_WORDING[id].label)
        );
    });

    it('judges the seed as the Apex would, in the Apex words', async () => {
        const org = orgWith();
        org.updateSettings({ logLevel: 'Summary' });
        const byId = Object.fromEntries((await report(org)).checks.map((c) => [c.id, c]));
        for (const id of ['sync-enabled', 'ccp-url', 'rules-valid', 'statuses-exist', 'log-store'] as const) {
            expect([id, byId[id].status, byId[id].reason]).toEqual([
                id,
                'green',
                HEALTH_CHECK_WORDING[id].green.reason
            ]);
        }
        expect(byId['purge-job']).toEqual(buildHealthCheck('purge-job', 'amber'));
        expect(byId['statuses-granted'].reason).toBe('All 1 agent may use every status their rules set.');
    });

    it('offers the purge until it is scheduled, then says when old entries are still there', async () => {
        const org = orgWith();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: entries(3, 0, NOW - 20 * DAY)
        });
        const before = await check(org, 'purge-job');
        expect(before.status).toBe('amber');
        expect(before.reason).toBe(
            'No purge job is scheduled, so log entries are kept past their retention, and entries older than their retention remain (the oldest from 2026-11-01 12:00 GMT).'
        );
        expect(before.fix).toContain('Schedule purge');

        await org.call('PresenceSyncHealthController.schedulePurge');
        const overdue = await check(org, 'purge-job');
        expect(overdue.status).toBe('red');
        expect(overdue.reason).toBe(
            'The purge job is scheduled, yet entries older than their retention remain (the oldest from 2026-11-01 12:00 GMT).'
        );
        await org.call('PresenceSyncLogController.purgeLogs');
        expect(await check(org, 'purge-job')).toEqual(buildHealthCheck('purge-job', 'green'));
    });

    it('follows the settings: sync off, no CCP URL, a CCP URL that is not Amazon Connect, logging off', async () => {
        const org = orgWith();
        org.updateSettings({ enabled: false, ccpUrl: null, logLevel: 'Off' });
        expect(await check(org, 'sync-enabled')).toEqual(buildHealthCheck('sync-enabled', 'red'));
        expect(await check(org, 'ccp-url')).toEqual(buildHealthCheck('ccp-url', 'red'));
        expect((await check(org, 'csp-trusted-site')).status).toBe('amber');
        expect(await check(org, 'log-store')).toEqual(buildHealthCheck('log-store', 'amber'));
        expect((await check(org, 'log-volume')).reason).toBe('No entries today: logging is off.');

        org.updateSettings({ ccpUrl: 'http://localhost:3333/ccp-v2/' });
        const local = await check(org, 'ccp-url');
        expect([local.status, local.reason]).toEqual([
            'amber',
            'The CCP URL http://localhost:3333/ccp-v2/ does not look like an Amazon Connect address.'
        ]);
    });

    it('finds invalid and missing rules, unknown statuses and statuses the agent may not use', async () => {
        const data = seedOrgData();
        data.rules[0] = { ...data.rules[0], destinationValue: 'Lunch_Break' };
        const org = orgWith(data, ['Available']);
        expect((await check(org, 'statuses-exist')).reason).toBe(
            'Active rules name statuses that do not exist: Lunch_Break.'
        );
        expect((await check(org, 'statuses-granted')).reason).toBe(
            '1 agent may not use a status their rules set: Avery Agent (Working_Phone).'
        );

        await org.call('PresenceSyncRuleController.setRulesActive', {
            ruleIds: org.rules().map((r) => r.id),
            active: false
        });
        expect(await check(org, 'rules-valid')).toEqual(buildHealthCheck('rules-valid', 'amber'));
        expect((await check(org, 'statuses-exist')).status).toBe('amber');
    });

    it('judges the share of syncs that went wrong, and problems per agent at log level Errors', async () => {
        const org = orgWith();
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: entries(10, 1, NOW - 60_000),
            stateJson: JSON.stringify({
                connectState: 'Available',
                omniStatus: 'Available',
                status: 'in-sync'
            })
        });
        const all = await check(org, 'log-volume');
        expect([all.status, all.reason]).toEqual([
            'red',
            '10 entries for 10 syncs today, 10.0% of them went wrong.'
        ]);

        org.updateSettings({ logLevel: 'Errors' });
        const errors = await check(org, 'log-volume');
        expect([errors.status, errors.reason]).toEqual([
            'green',
            '1 sync went wrong today (log level Errors stores only those), 1.0 per agent.'
        ]);
    });

    it('shows the log storage used and what the agents will need', async () => {
        const org = orgWith();
        org.updateSettings({ logLevel: 'Summary' });
        expect((await check(org, 'log-capacity')).reason).toBe(
            'The log holds about 0 entries (0.0 MB of data storage; the org uses 0.0 MB of its 10.0 GB). No agent has logged yet.'
        );
        const summaries = JSON.stringify(
            Array.from({ length: 480 }, (_, i) => ({
                at: NOW,
                seq: i,
                correlationId: `s${i}`,
                step: 'sync-summary',
                level: 'info'
            }))
        );
        await org.call('PresenceSyncAgentController.writeLogEntries', {
            entriesJson: summaries,
            stateJson: JSON.stringify({
                connectState: 'Available',
                omniStatus: 'Available',
                status: 'in-sync'
            })
        });
        const capacity = await check(org, 'log-capacity');
        expect([capacity.status, capacity.reason]).toEqual([
            'green',
            "The log holds about 480 entries (0.9 MB of data storage; the org uses 0.9 MB of its 10.0 GB). At 480 entries per agent a day, 1 agent needs about 1.0 MB with summaries kept 1 day and steps 14 days: 0.0% of the org's data storage."
        ]);
    });

    it('counts only agents heard from in the last 15 minutes as live', async () => {
        const data = seedOrgData();
        const beat = (userId: string, lastHeartbeat: number) => ({
            userId,
            userName: userId,
            lastHeartbeat,
            connectState: 'Available',
            omniStatus: 'Available',
            status: 'in-sync',
            lastSyncAt: null,
            lastError: null,
            paused: false
        });
        data.liveAgents = [beat('recent', NOW - 14 * 60 * 1000), beat('gone', NOW - 16 * 60 * 1000)];
        const health = await report(orgWith(data));
        expect(health.liveAgents.map((a) => a.userId)).toEqual(['recent']);
    });

    it('blames lost log entries only once an agent synced long enough ago for them to have arrived', async () => {
        const data = seedOrgData();
        const live = (lastSyncAt: number | null) => ({
            userId: 'avery',
            userName: 'Avery Agent',
            lastHeartbeat: NOW - 10_000,
            connectState: 'Available',
            omniStatus: 'Available',
            status: 'in-sync',
            lastSyncAt,
            lastError: null,
            paused: false
        });
        data.liveAgents = [live(null)];
        const fresh = (await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!;
        expect([fresh.status, fresh.reason]).toEqual([
            'green',
            'No entries today yet: agents running sync send their first entries within a minute or two.'
        ]);
        data.liveAgents = [live(NOW - 30_000)];
        expect((await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!.status).toBe('green');

        data.liveAgents = [live(NOW - 5 * 60 * 1000)];
        const lost = (await report(orgWith(data))).checks.find((c) => c.id === 'log-volume')!;
        expect([lost.status, lost.reason]).toEqual([
            'amber',
            'No entries today although 1 agent synced more than 2 minutes ago with log level All: Avery Agent.'
        ]);
        expect(lost.fix).toMatch(/Presence Sync Agent permission set.*Log Level to Off/);
    });

    it('says when an agent gets a rule set without active rules', async () => {
        const org = orgWith();
        expect((await check(org, 'agent-rule-sets')).reason).toBe(
            'The rule set of the 1 agent has active rules (1 rule set in use).'
        );
        await org.call('PresenceSyncRuleController.saveRuleSet', {
            ruleSetJson: JSON.stringify({
                name: 'Phone team',
                isDefault: false,
                assignments: [{ type: 'User', targetId: AGENT_USER_ID, targetName: 'Avery Agent' }]
            })
        });
        expect(await check(org, 'agent-rule-sets')).toEqual(buildHealthCheck('agent-rule-sets', 'red'));
    });
});
