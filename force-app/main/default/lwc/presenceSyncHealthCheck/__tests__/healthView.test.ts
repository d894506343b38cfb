import { KEEP_ALIVE_MS as AGENT_KEEP_ALIVE_MS } from 'c/presenceSyncLogShipper';
import {
    KEEP_ALIVE_MS,
    STALE_HEARTBEAT_MS,
    appliesTo,
    findInvalidRules,
    liveAgentRows,
    mergeClientChecks,
    summarise,
    syncedStatusRows,
    worstColour
} from '../healthView';
import { buildRule, buildRuleSet, buildRuleSets, fakeId } from '../../../../../test/jest-mocks/apex/fixtures';
import {
    HEALTH_CHECK_IDS,
    buildAgentLiveState,
    buildHealthCheck,
    buildHealthReport,
    buildRulesByRuleSet
} from '../../../../../test/jest-mocks/apex/healthFixtures';

describe('mergeClientChecks', () => {
    it('keeps the org’s checks when the engine accepts every active rule', () => {
        const report = buildHealthReport();
        expect(findInvalidRules(report)).toEqual([]);
        expect(mergeClientChecks(report)).toEqual(report.checks);
    });

    it('turns "active rules valid" red with the engine’s own words when the org let an invalid rule through', () => {
        const rules = buildRulesByRuleSet();
        const [defaultSet] = buildRuleSets();
        rules[defaultSet.id] = [
            ...rules[defaultSet.id],
            buildRule({ id: fakeId('a0C', 20), name: 'Broken lunch rule', destinationValue: '' })
        ];
        const report = buildHealthReport({ rulesByRuleSet: rules });
        const checks = mergeClientChecks(report);
        const check = checks.find((c) => c.id === 'rules-valid')!;
        expect(check.status).toBe('red');
        expect(check.reason).toMatch(
            /^1 active rule is invalid for the agent's engine: "Broken lunch rule" \(Default presence sync rules\): \S/
        );
        expect(check.fix).toBe('Open the rule builder and fix or deactivate the rule.');
        // Same place in the list, nothing else changed.
        expect(checks.map((c) => c.id)).toEqual([...HEALTH_CHECK_IDS]);
    });

    it('ignores invalid rules that are not active, and keeps an org red that already explains more', () => {
        const rules = buildRulesByRuleSet();
        const [defaultSet] = buildRuleSets();
        rules[defaultSet.id] = [buildRule({ id: fakeId('a0C', 21), active: false, destinationValue: '' })];
        expect(findInvalidRules(buildHealthReport({ rulesByRuleSet: rules }))).toEqual([]);

        rules[defaultSet.id] = [buildRule({ id: fakeId('a0C', 22), destinationValue: '' })];
        const red = buildHealthReport({ rulesByRuleSet: rules, colours: { 'rules-valid': 'red' } });
        expect(mergeClientChecks(red).find((c) => c.id === 'rules-valid')).toEqual(
            buildHealthCheck('rules-valid', 'red')
        );
    });
});

describe('summary', () => {
    it('names the worst colour and counts what needs attention', () => {
        const green = buildHealthReport().checks;
        expect(worstColour(green)).toBe('green');
        expect(summarise(green)).toBe('All 13 checks passed: sync is healthy.');

        const mixed = buildHealthReport({ colours: { 'ccp-url': 'red', 'purge-job': 'amber' } }).checks;
        expect(worstColour(mixed)).toBe('red');
        expect(summarise(mixed)).toBe('1 problem and 1 warning need attention.');
        expect(summarise(buildHealthReport({ colours: { 'purge-job': 'amber' } }).checks)).toBe(
            '1 warning needs attention.'
        );
    });
});

describe('syncedStatusRows', () => {
    it('lists every pair active rules keep in step, with direction and whom it applies to', () => {
        const rows = syncedStatusRows(buildHealthReport());
        expect(rows.map((r) => [r.ruleSetName, r.connectState, r.omniStatus, r.direction])).toEqual([
            ['Default presence sync rules', 'Available', 'Available', 'Bi-directional'],
            [
                'Default presence sync rules',
                'Working - Phone',
                'Working_Phone',
                'Publisher (Connect to Salesforce)'
            ],
            [
                'Default presence sync rules',
                'Working - Media',
                'Working_Media',
                'Subscriber (Salesforce to Connect)'
            ],
            ['Phone team', 'Lunch', 'Lunch', 'Publisher (Connect to Salesforce)']
        ]);
        expect(rows[0].appliesTo).toBe('Everyone without a more specific rule set');
        expect(rows[3].appliesTo).toBe('Phone Team (team), Blake Backup (User)');
    });

    it('leaves out inactive rules and rule sets without active rules', () => {
        const [defaultSet, teamSet] = buildRuleSets();
        const rules = buildRulesByRuleSet();
        rules[teamSet.id] = rules[teamSet.id].map((r) => ({ ...r, active: false }));
        rules[defaultSet.id] = rules[defaultSet.id].filter((r) => r.source === 'ConnectStateChange');
        const rows = syncedStatusRows(buildHealthReport({ rulesByRuleSet: rules }));
        expect(rows.map((r) => [r.connectState, r.direction])).toEqual([
            ['Available', 'Publisher (Connect to Salesforce)'],
            ['Working - Phone', 'Publisher (Connect to Salesforce)']
        ]);
    });

    it('says when a team rule set reaches nobody', () => {
        expect(appliesTo(buildRuleSet({ isDefault: false, assignments: [] }))).toBe(
            'Nobody yet (no assignment)'
        );
    });
});

describe('liveAgentRows', () => {
    const now = Date.UTC(2026, 10, 21, 9, 45, 0);

    it('puts paused and out-of-sync agents first, with their last error', () => {
        const rows = liveAgentRows(buildHealthReport().liveAgents, now);
        expect(rows.map((r) => [r.userName, r.syncText, r.pausedText])).toEqual([
            ['Blake Backup', 'Paused', 'Paused by the flapping guard'],
            ['Avery Agent', 'In sync', 'No']
        ]);
        expect(rows[0].lastError).toContain('refused Lunch');
        expect(rows[1].lastSyncText).toBe('4 min ago');
        expect(rows[1].heartbeatText).toBe('20 s ago');
        expect(rows[1].syncClass).toBe('slds-text-color_success');
    });

    it('marks an agent whose component stopped reporting', () => {
        const [row] = liveAgentRows(
            [buildAgentLiveState({ lastHeartbeat: now - STALE_HEARTBEAT_MS - 3 * 60 * 1000 })],
            now
        );
        expect(row.stale).toBe(true);
        expect(row.syncText).toBe('Not seen for 13 min 30 s');
        expect(row.syncClass).toBe('slds-text-color_error');
        expect(liveAgentRows([buildAgentLiveState({ lastSyncAt: null })], now)[0].lastSyncText).toBe(
            'No sync yet'
        );
    });

    it('shows an agent waiting for a contact to end, or syncing, as on its way and not as a problem', () => {
        const colours = ['pending', 'syncing', 'read-only', 'not-ready', 'out-of-sync', 'no-rule'].map(
            (status) => liveAgentRows([buildAgentLiveState({ status, lastHeartbeat: now })], now)[0].syncClass
        );
        expect(colours).toEqual([
            'slds-text-color_weak',
            'slds-text-color_weak',
            'slds-text-color_weak',
            'slds-text-color_weak',
            'slds-text-color_error',
            'slds-text-color_error'
        ]);
    });

    it('says in words that an agent runs with sync switched off', () => {
        const [row] = liveAgentRows([buildAgentLiveState({ status: 'disabled', lastHeartbeat: now })], now);
        expect(row.syncText).toBe('Sync switched off');
        expect(row.syncClass).toBe('slds-text-color_error');
    });
});

describe('agents reporting', () => {
    it('calls an agent not seen after two missed keep-alives of the agent component', () => {
        expect(KEEP_ALIVE_MS).toBe(AGENT_KEEP_ALIVE_MS);
        const now = Date.UTC(2026, 10, 21, 9, 45, 0);
        const rows = liveAgentRows(
            [
                buildAgentLiveState({ lastHeartbeat: now - 2 * AGENT_KEEP_ALIVE_MS }),
                buildAgentLiveState({
                    userId: 'late',
                    userName: 'Late Agent',
                    lastHeartbeat: now - 11 * 60 * 1000
                })
            ],
            now
        );
        expect(rows.map((r) => [r.userName, r.stale])).toEqual([
            ['Late Agent', true],
            ['Avery Agent', false]
        ]);
    });
});
