/* eslint-disable no-await-in-loop -- the tests wait on real time and on conduit turns */
/**
 * The agent component keeps both sides in step: the seed table, rules that point at each other,
 * the flapping guard, events during start-up, accepted work, rules saved while it runs.
 */
import '../../../../../test/jest-mocks/apex/agentControllerMocks';
import { RULES_CHANGED_CHANNEL } from 'c/presenceSyncAgent';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildAgentConfiguration,
    buildRule,
    buildServiceChannels,
    buildSettings
} from '../../../../../test/jest-mocks/apex/fixtures';
import { utilityBar } from '../../../../../test/jest-mocks/lightning/platformUtilityBarApi';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';
import {
    UTILITY_ID,
    connectCalls,
    mount,
    omniCalls,
    settle,
    text,
    useAgentHarness
} from '../../../../../test/agentHarness';
import { connectToOmni, omniToConnect, workAccepted } from '../../../../../test/ruleShapes';

useAgentHarness();

/** Phone work accepted in Omni-Channel sets Connect to Working - Phone. */
const phoneWorkRule = buildRule({
    id: 'work',
    name: 'Phone work sets Connect Working - Phone',
    ...workAccepted('sfdc_phone', 'Working - Phone')
});

describe('the seed four-row table', () => {
    it('Connect → Omni-Channel: Available and Working - Phone follow, without ping-pong', async () => {
        const m = await mount({ connect: 'Offline', omni: 'Busy' });
        // The seed table has no rule for Offline (nor for Busy): the agent is told, not "In sync".
        expect(text('[data-id="sync-status"]')).toBe('No rule for Offline');

        m.streams.ccp.setState('Available');
        await settle();
        expect(m.omni.status()).toBe('Available');
        expect(text('[data-id="sync-status"]')).toBe('In sync');
        m.streams.ccp.setState('Working - Phone');
        await settle();
        expect(m.omni.status()).toBe('Working_Phone');

        expect(omniCalls('setServicePresenceStatus')).toHaveLength(2);
        // Omni's echo of our own change matched the Omni → Connect row, which found Connect there already.
        expect(connectCalls()).toHaveLength(0);
        expect(text('[data-id="connect-state"]')).toBe('Working - Phone');
        expect(text('[data-id="omni-status"]')).toBe('Working – Phone');
        expect(text('[data-id="last-rule"]')).toContain(
            'Connect Working - Phone sets Omni-Channel Working – Phone'
        );
        expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({
            label: 'Presence Sync: in sync',
            iconVariant: 'success',
            highlighted: false
        });
        // The health check's heartbeat went out at start.
        expect(JSON.parse(jest.mocked(reportAgentState).mock.calls[0][0].stateJson)).toMatchObject({
            status: 'not-ready',
            paused: false
        });
    });

    it('logs the agent in to Omni-Channel when Connect becomes Available while Omni is logged out', async () => {
        const m = await mount({ connect: 'Lunch' });
        expect(text('[data-id="omni-status"]')).toBe('Offline');
        m.streams.ccp.setState('Available');
        await settle();
        expect(m.omni.status()).toBe('Available');
        expect(text('[data-id="omni-status"]')).toBe('Available');
    });

    it('Omni-Channel → Connect: Working – Media and Available follow, without ping-pong', async () => {
        const m = await mount({ connect: 'Lunch', omni: 'Busy' });
        await m.omni.setStatus('Working_Media');
        await settle();
        expect(m.streams.ccp.state()).toBe('Working - Media');
        await m.omni.setStatus('Available');
        await settle();
        expect(m.streams.ccp.state()).toBe('Available');
        expect(connectCalls()).toHaveLength(2);
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);
    });
});

describe('rules that point at each other', () => {
    const connectSets = (from: string, to: string, id: string): PresenceSyncRule =>
        buildRule({ id, name: `Connect ${from} sets Omni ${to}`, ...connectToOmni(from, to) });
    const omniSets = (from: string, to: string, id: string): PresenceSyncRule =>
        buildRule({ id, name: `Omni ${from} sets Connect ${to}`, ...omniToConnect(from, to) });
    const mountWith = (rules: PresenceSyncRule[]) =>
        mount({ configuration: buildAgentConfiguration({ rules }), connect: 'Available', omni: 'Available' });

    it('bi-directional pairs settle after one write per side', async () => {
        const m = await mountWith([connectSets('Lunch', 'Lunch', 'r1'), omniSets('Lunch', 'Lunch', 'r2')]);
        m.streams.ccp.setState('Lunch');
        await settle(30);
        expect(m.omni.status()).toBe('Lunch');
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(1);
        expect(connectCalls()).toHaveLength(0);
        expect(text('[data-id="sync-status"]')).toBe('In sync');
    });

    it('a cycle of rules across both sides stops after one write: echoes of its own writes fire no rules', async () => {
        const m = await mountWith([
            connectSets('Lunch', 'Busy', 'c1'),
            omniSets('Busy', 'Training', 'o1'),
            connectSets('Training', 'Lunch', 'c2'),
            omniSets('Lunch', 'Lunch', 'o2')
        ]);
        m.streams.ccp.setState('Lunch');
        await settle(80);
        expect(m.omni.status()).toBe('Busy');
        expect(m.streams.ccp.state()).toBe('Lunch');
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(1);
        expect(connectCalls()).toHaveLength(0);
        expect(text('[data-id="sync-status"]')).toBe('In sync');
    });
});

it('pauses sync when changes come faster than the flapping guard allows, and Resume lifts the pause', async () => {
    const configuration = buildAgentConfiguration({
        settings: buildSettings({ flapMaxChanges: 3, flapWindowSeconds: 60 })
    });
    const m = await mount({ configuration, connect: 'Lunch', omni: 'Busy' });
    for (const state of [
        'Available',
        'Lunch',
        'Working - Phone',
        'Lunch',
        'Available',
        'Lunch',
        'Working - Phone'
    ]) {
        m.streams.ccp.setState(state);
        await settle();
    }
    expect(text('[data-id="sync-status"]')).toBe('Paused: sides differ');
    expect(omniCalls('setServicePresenceStatus').length).toBeLessThanOrEqual(3);
    expect(text('[data-id="paused"]')).toBeTruthy();
    await expect(m.element).toBeAccessible();
    expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({ iconVariant: 'warning', highlighted: true });

    (m.element.shadowRoot!.querySelector('[data-id="resume"]') as HTMLElement).click();
    await settle();
    // Resume applies the rules to the current states again: Omni-Channel follows Connect's Working - Phone.
    expect(m.omni.status()).toBe('Working_Phone');
    expect(text('[data-id="sync-status"]')).toBe('In sync');
    m.streams.ccp.setState('Available');
    await settle();
    expect(m.omni.status()).toBe('Available');
});

describe('events during start-up', () => {
    it('keeps Omni-Channel events that arrive while the configuration loads', async () => {
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: [phoneWorkRule] }),
            connect: 'Available',
            omni: 'Available',
            beforeConfiguration: async (early) => {
                await early.omni.acceptWork('sfdc_phone');
            }
        });
        await settle(20);
        expect(m.streams.ccp.state()).toBe('Working - Phone');
    });

    it('keeps an Omni-Channel change made while Amazon Connect is still starting', async () => {
        const m = await mount({ connect: 'Available', omni: 'Available', acknowledge: false });
        expect(text('[data-id="sync-status"]')).toBe('Starting');
        await m.omni.setStatus('Working_Media');
        await settle();
        expect(connectCalls()).toEqual([]);

        // The CCP finishes loading: its first snapshot makes the session ready.
        m.streams.ccp.setAcknowledging(true);
        await settle(30);
        expect(m.streams.ccp.state()).toBe('Working - Media');
        expect(text('[data-id="sync-status"]')).toBe('In sync');
    });
});

describe('work routed by Omni-Channel', () => {
    it('resolves the channel of accepted work by its key prefix and applies the rule', async () => {
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: [phoneWorkRule] }),
            connect: 'Available',
            omni: 'Available'
        });
        await m.omni.acceptWork('sfdc_phone');
        await settle();
        expect(m.streams.ccp.state()).toBe('Working - Phone');
    });

    it('warns in words when accepted work belongs to no known channel', async () => {
        // The org could not tell the case channel's key prefix.
        const channels = buildServiceChannels().map((c) => ({
            ...c,
            keyPrefix: c.developerName === 'sfdc_case' ? null : c.keyPrefix
        }));
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: [phoneWorkRule], serviceChannels: channels }),
            connect: 'Available',
            omni: 'Available'
        });
        await m.omni.acceptWork('sfdc_case');
        await settle();
        expect(text('[data-problem="omni-warning"]')).toMatch(/no service channel Presence Sync knows/);
        expect(m.streams.ccp.state()).toBe('Available');
    });
});

it('picks up saved rules without a reload', async () => {
    const m = await mount({
        configuration: buildAgentConfiguration({ rules: [] }),
        connect: 'Lunch',
        omni: 'Busy'
    });
    expect(emp.subscriberCount(RULES_CHANGED_CHANNEL)).toBe(1);
    m.streams.ccp.setState('Available');
    await settle();
    expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);

    jest.mocked(getAgentConfiguration).mockResolvedValue(buildAgentConfiguration());
    emp.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: 'a0BHs0000000001AAA' });
    await settle();
    expect(text('[data-id="rule-set"]')).toContain('4 rules');

    m.streams.ccp.setState('Working - Phone');
    await settle();
    expect(m.omni.status()).toBe('Working_Phone');

    jest.mocked(getAgentConfiguration).mockResolvedValue(buildAgentConfiguration({ syncEnabled: false }));
    emp.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: 'a0BHs0000000001AAA' });
    await settle();
    expect(text('[data-problem="switched-off"]')).toMatch(/switched sync off/);
    expect(text('[data-id="sync-status"]')).toBe('Sync off');
    m.streams.ccp.setState('Available');
    await settle();
    expect(m.omni.status()).toBe('Working_Phone');
});
