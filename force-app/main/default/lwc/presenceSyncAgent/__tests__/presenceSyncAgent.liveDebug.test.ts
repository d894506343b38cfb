/**
 * Live debugging of one agent (issue 14): while a supervisor debugs this agent, its utility ships
 * every step of each sync instead of one summary, whether it hears of it on
 * `Presence_Sync_Debug__e` or, without a streaming connection to spare, from the org's answer.
 */
import '../../../../../test/jest-mocks/apex/agentControllerMocks';
import { RULES_CHANGED_CHANNEL } from 'c/presenceSyncAgent';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { DEBUG_CHANNEL } from 'c/presenceSyncLogShipper';
import { buildAgentConfiguration, buildWriteLogResult } from '../../../../../test/jest-mocks/apex/fixtures';
import { AGENT_USER_ID } from '../../../../../test/jest-mocks/apex/fixtureIds';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';
import { hidePage, mount, settle, useAgentHarness } from '../../../../../test/agentHarness';

useAgentHarness();

function logged(): TraceEntry[] {
    hidePage();
    return jest
        .mocked(writeLogEntries)
        .mock.calls.flatMap(([{ entriesJson }]) => JSON.parse(entriesJson) as TraceEntry[]);
}

it('stores every step while a supervisor debugs this agent, and summaries for everyone else', async () => {
    const m = await mount({ connect: 'Offline', omni: 'Offline' });
    m.streams.ccp.setState('Available');
    await settle();
    expect(logged().filter((e) => e.step !== 'sync-summary')).toEqual([]);

    jest.mocked(writeLogEntries).mockClear();
    emp.publish(DEBUG_CHANNEL, {
        User_Id__c: '005000000000999AAA',
        Until_Ms__c: Date.now() + 60000,
        Set_At_Ms__c: Date.now()
    });
    m.streams.ccp.setState('Working - Phone');
    await settle();
    expect(logged().some((e) => e.step !== 'sync-summary')).toBe(false);

    jest.mocked(writeLogEntries).mockClear();
    expect(emp.subscriberCount(DEBUG_CHANNEL)).toBe(1);
    emp.publish(DEBUG_CHANNEL, {
        User_Id__c: AGENT_USER_ID,
        Until_Ms__c: Date.now() + 60000,
        Set_At_Ms__c: Date.now()
    });
    m.streams.ccp.setState('Available');
    await settle();
    expect(logged().map((e) => e.step)).toEqual(
        expect.arrayContaining([
            'event-received',
            'rules-evaluated',
            'decision',
            'call-issued',
            'call-result'
        ])
    );
});

it('without a streaming connection to spare, learns of it from the org answer to a log call', async () => {
    jest.mocked(writeLogEntries).mockResolvedValue(
        buildWriteLogResult({ debugUntil: Date.now() + 60000, debugSetAt: Date.now() })
    );
    const m = await mount({
        configuration: buildAgentConfiguration({ liveUpdates: false }),
        connect: 'Offline',
        omni: 'Offline'
    });
    expect(emp.subscriberCount(DEBUG_CHANNEL)).toBe(0);
    expect(emp.subscriberCount(RULES_CHANGED_CHANNEL)).toBe(0);
    logged();
    await settle();
    jest.mocked(writeLogEntries).mockClear();
    m.streams.ccp.setState('Available');
    await settle();
    expect(logged().map((e) => e.step)).toContain('call-result');
});
