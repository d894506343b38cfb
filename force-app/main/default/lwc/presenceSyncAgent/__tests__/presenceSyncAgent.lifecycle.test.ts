/* eslint-disable @lwc/lwc/no-async-operation -- the tests wait on real time and on conduit turns */
/**
 * The agent component among tabs and over its life: the writer tab, what the health check reads,
 * cleaning up, starting once, accessibility.
 */
import '../../../../../test/jest-mocks/apex/agentControllerMocks';
import { RULES_CHANGED_CHANNEL } from 'c/presenceSyncAgent';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import { buildAgentConfiguration } from '../../../../../test/jest-mocks/apex/fixtures';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';
import {
    LEASE_KEY,
    connectCalls,
    eventually,
    hidePage,
    mount,
    omniCalls,
    settle,
    text,
    useAgentHarness
} from '../../../../../test/agentHarness';

useAgentHarness();

describe('several tabs', () => {
    const holdLease = (expiresAt: number): void =>
        window.localStorage.setItem(LEASE_KEY, JSON.stringify({ tabId: 'other-tab', expiresAt }));

    it('only watches while another tab writes, and takes over within 3 s when that tab dies', async () => {
        holdLease(Date.now() + 60_000);
        const m = await mount({ connect: 'Offline', omni: 'Busy' });
        expect(text('[data-id="sync-status"]')).toBe('Watching (another tab syncs)');
        expect(text('[data-id="watching"]')).toMatch(/Another Salesforce tab/);

        m.streams.ccp.setState('Available');
        await settle();
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);

        // The writer tab renews its lease one last time, then its process dies.
        holdLease(Date.now() + 2000);
        await new Promise((resolve) => setTimeout(resolve, 2600));
        await settle();
        // Omni-Channel never followed (here no other tab wrote it): said as it is.
        expect(text('[data-id="sync-status"]')).toBe('Out of sync: rules want Omni Available');
        // The change the other tab handled is not applied a second time.
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);

        m.streams.ccp.setState('Working - Phone');
        await settle();
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(1);
        expect(m.omni.status()).toBe('Working_Phone');
    }, 10_000);
});

describe('what tools and the health check read', () => {
    /** The live state last reported: by a heartbeat of its own, or riding on a log call. */
    function lastHeartbeat(): Record<string, unknown> {
        const calls = [
            ...jest.mocked(reportAgentState).mock.invocationCallOrder.map((order, i) => ({
                order,
                json: jest.mocked(reportAgentState).mock.calls[i][0].stateJson
            })),
            ...jest.mocked(writeLogEntries).mock.invocationCallOrder.map((order, i) => ({
                order,
                json: jest.mocked(writeLogEntries).mock.calls[i][0].stateJson ?? null
            }))
        ]
            .filter((call) => call.json !== null)
            .sort((a, b) => a.order - b.order);
        return JSON.parse(calls[calls.length - 1].json as string) as Record<string, unknown>;
    }

    it('reports the real sync status soon after start, not "not-ready" until the next beat', async () => {
        await mount({ connect: 'Offline', omni: 'Busy' });
        expect(text('[data-id="sync-status"]')).toBe('No rule for Offline');
        await eventually(() => lastHeartbeat().status === 'no-rule', 'a no-rule heartbeat');
        expect(lastHeartbeat()).toMatchObject({ connectState: 'Offline', omniStatus: 'Busy', paused: false });
    });

    it('sends an ordinary change of states along with the next log call rather than a call of its own', async () => {
        const m = await mount({ connect: 'Offline', omni: 'Busy' });
        await eventually(() => lastHeartbeat().status === 'no-rule', 'a no-rule heartbeat');
        const heartbeats = jest.mocked(reportAgentState).mock.calls.length;
        m.streams.ccp.setState('Available');
        await settle();
        hidePage();
        await settle();
        expect(lastHeartbeat()).toMatchObject({
            status: 'in-sync',
            connectState: 'Available',
            omniStatus: 'Available'
        });
        expect(jest.mocked(reportAgentState).mock.calls).toHaveLength(heartbeats);
    });

    it('reports "disabled" once an admin switches sync off', async () => {
        await mount({ connect: 'Available', omni: 'Available' });
        jest.mocked(getAgentConfiguration).mockResolvedValue(buildAgentConfiguration({ syncEnabled: false }));
        emp.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: 'a0BHs0000000001AAA' });
        await settle();
        await eventually(() => lastHeartbeat().status === 'disabled', 'a disabled heartbeat');
        expect(lastHeartbeat()).toMatchObject({ status: 'disabled', connectState: 'Available' });
    });

    it('marks its host element data-sync-ready once the session is ready, and unmarks it when removed', async () => {
        const m = await mount({
            connect: 'Available',
            omni: 'Available',
            beforeConfiguration: async (early) => {
                await settle();
                expect(early.element.hasAttribute('data-sync-ready')).toBe(false);
            }
        });
        expect(m.element.getAttribute('data-sync-ready')).toBe('true');
        m.element.remove();
        expect(m.element.hasAttribute('data-sync-ready')).toBe(false);
    });

    it('is not marked ready while the CCP has not answered', async () => {
        const popups = jest.spyOn(window, 'open').mockReturnValue(null);
        const streamsErrors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const m = await mount({ acknowledge: false, ccpTimeoutSeconds: 0.3 });
        await settle();
        popups.mockRestore();
        streamsErrors.mockRestore();
        expect(m.element.hasAttribute('data-sync-ready')).toBe(false);
    });
});

it('cleans up everything when removed', async () => {
    const m = await mount({ connect: 'Available', omni: 'Available' });
    expect(window.localStorage.getItem(LEASE_KEY)).toContain('"tabId"');
    m.element.remove();
    await settle();

    expect(emp.subscriberCount(RULES_CHANGED_CHANNEL)).toBe(0);
    expect(m.element.shadowRoot!.querySelector('iframe')).toBeNull();
    expect(window.localStorage.getItem(LEASE_KEY)).toBeNull();
    m.streams.ccp.setState('Lunch');
    await m.omni.setStatus('Working_Media');
    await settle();
    expect(connectCalls()).toHaveLength(0);
    expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);
    expect(() => m.element.handleOmniEvent('logout', {})).not.toThrow();
});

it('starts once, quietly, when removed and put back while its configuration loads', async () => {
    const m = await mount({
        connect: 'Available',
        omni: 'Available',
        beforeConfiguration: async (early) => {
            early.element.remove();
            document.body.appendChild(early.element);
        }
    });
    await settle();
    expect(m.streams.loads()).toBe(1);
    expect(m.element.shadowRoot!.querySelectorAll('iframe')).toHaveLength(1);
    expect(toasts.shown()).toEqual([]);
    expect(text('[data-id="sync-status"]')).toBe('In sync');
});

it('is accessible while it runs', async () => {
    const m = await mount({ connect: 'Available', omni: 'Available' });
    expect(m.element.shadowRoot!.querySelector('[aria-live="polite"]')).not.toBeNull();
    await expect(m.element).toBeAccessible();
});
