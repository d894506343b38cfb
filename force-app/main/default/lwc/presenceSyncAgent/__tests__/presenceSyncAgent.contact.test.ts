/* eslint-disable @lwc/lwc/no-async-operation -- the tests wait on real time and on conduit turns */
/**
 * The agent component with the platforms' own semantics: contacts and Connect's next state, Omni-
 * Channel logouts and its login at load, signing in, the CCP as a guest.
 */
import '../../../../../test/jest-mocks/apex/agentControllerMocks';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import type { PresenceSyncRule, TraceEntry } from 'c/presenceSyncEngine';
import {
    buildAgentConfiguration,
    buildRule,
    buildSeedRules,
    buildSettings
} from '../../../../../test/jest-mocks/apex/fixtures';
import {
    connectCalls,
    hidePage,
    mount,
    omniCalls,
    settle,
    text,
    useAgentHarness
} from '../../../../../test/agentHarness';
import { connectToOmni, omniToConnect } from '../../../../../test/ruleShapes';

useAgentHarness();

it('queues the next Connect state while the agent is on a call', async () => {
    const m = await mount({ connect: 'Available', omni: 'Available' });
    m.streams.ccp.enterCallPhase('Busy');
    await settle();
    await m.omni.setStatus('Working_Media');
    await settle();
    expect(connectCalls()).toEqual([expect.objectContaining({ enqueueNextState: true })]);
    expect(m.streams.ccp.nextState()).toBe('Working - Media');
    expect(text('[data-id="next-state"]')).toBe('Next state: Working - Media');
    m.streams.ccp.endContact();
    await settle();
    expect(m.streams.ccp.state()).toBe('Working - Media');
    expect(text('[data-id="next-state"]')).toBeNull();
});

describe('a call that starts while an Omni-Channel change is on its way to Connect', () => {
    function shipped(): TraceEntry[] {
        hidePage();
        return jest
            .mocked(writeLogEntries)
            .mock.calls.flatMap(([{ entriesJson }]) => JSON.parse(entriesJson) as TraceEntry[]);
    }

    /** The agent picks Working_Media in Omni-Channel; that event reaches the agent before the CCP's Busy snapshot does. */
    async function omniChangeAsCallStarts(settings: Parameters<typeof buildSettings>[0]) {
        const m = await mount({
            configuration: buildAgentConfiguration({ settings: buildSettings(settings) }),
            connect: 'Available',
            omni: 'Available'
        });
        const omniChange = m.omni.setStatus('Working_Media');
        m.streams.ccp.enterCallPhase('Busy');
        await omniChange;
        await settle(30);
        return m;
    }

    it('queues the state as the next one after Connect refused the plain change, and says so', async () => {
        const m = await omniChangeAsCallStarts({ logLevel: 'All' });
        expect(connectCalls()).toEqual([
            expect.objectContaining({ enqueueNextState: false }),
            expect.objectContaining({ enqueueNextState: true })
        ]);
        expect(m.streams.ccp.nextState()).toBe('Working - Media');
        expect(text('[data-id="next-state"]')).toBe('Next state: Working - Media');
        expect(text('[data-id="sync-status"]')).toBe(
            'Waiting for the contact to end: Connect will be Working - Media'
        );
        expect(m.element.shadowRoot!.querySelector('[data-id="last-error"]')).toBeNull();
        const results = shipped().filter((e) => e.step === 'call-result' && e.side === 'connect');
        expect(results.map((e) => [e.result, e.value])).toEqual([
            ['skipped', 'Working - Media'],
            ['queued', 'Working - Media']
        ]);

        m.streams.ccp.endContact();
        await settle();
        expect(m.streams.ccp.state()).toBe('Working - Media');
        expect(text('[data-id="next-state"]')).toBeNull();
        expect(connectCalls()).toHaveLength(2);
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(0);
    });

    it('leaves it refused when the on-contact setting is skip', async () => {
        const m = await omniChangeAsCallStarts({ onContact: 'skip' });
        expect(connectCalls()).toEqual([expect.objectContaining({ enqueueNextState: false })]);
        expect(m.streams.ccp.nextState()).toBeNull();
        expect(text('[data-id="sync-status"]')).toBe('Out of sync: rules want Connect Working - Media');
    });
});

it('puts Connect Offline when the agent logs out of Omni-Channel and a logout rule says so', async () => {
    const logoutRule = buildRule({
        id: 'logout',
        name: 'Omni logout sets Connect Offline',
        ...omniToConnect('Offline', 'Offline'),
        source: 'SalesforceLogout'
    });
    const m = await mount({
        configuration: buildAgentConfiguration({ rules: [...buildSeedRules(), logoutRule] }),
        connect: 'Available',
        omni: 'Available'
    });
    await m.omni.logout();
    await settle();
    expect(m.streams.ccp.state()).toBe('Offline');
    expect(text('[data-id="omni-status"]')).toBe('Offline');
});

describe('a good guest and an honest status (issue 12)', () => {
    const lunchBothWays = (): PresenceSyncRule[] => [
        buildRule({
            id: 'c-lunch',
            name: 'Connect Lunch sets Omni Lunch',
            ...connectToOmni('Lunch', 'Lunch')
        }),
        buildRule({
            id: 'o-lunch',
            name: 'Omni Lunch sets Connect Lunch',
            ...omniToConnect('Lunch', 'Lunch')
        })
    ];

    it('after a reload takes Omni-Channel’s login at load as the initial status and writes nothing', async () => {
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: lunchBothWays() }),
            connect: 'Lunch',
            omni: 'Lunch',
            // The console reloads: the widget refuses toolkit calls, then logs the agent back in.
            beforeConfiguration: async (early) => {
                early.omni.loadConsole(150).catch(() => undefined);
            }
        });
        await new Promise((resolve) => setTimeout(resolve, 250));
        await settle();
        expect(m.omni.status()).toBe('Lunch');
        expect(connectCalls()).toEqual([]);
        expect(omniCalls('setServicePresenceStatus')).toEqual([]);
        expect(text('[data-id="omni-status"]')).toBe('Lunch');
        expect(text('[data-id="sync-status"]')).toBe('In sync');
    });

    it('asks the agent to sign in when Amazon Connect’s session ends, with a button that opens the sign-in window', async () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        const m = await mount({ connect: 'Available', omni: 'Available' });
        m.streams.ccp.worker.signOut();
        await m.omni.setStatus('Working_Media');
        await settle();
        const alert = m.element.shadowRoot!.querySelector('[data-problem="connect"]');
        expect(alert?.textContent).toMatch(/Sign in to Amazon Connect/);
        (m.element.shadowRoot!.querySelector('lightning-button[data-id="sign-in"]') as HTMLElement).click();
        expect(open).toHaveBeenCalledWith(
            'https://presence-sync-demo.my.connect.aws/ccp-v2/',
            'presenceSyncConnectSignIn',
            expect.any(String)
        );
        m.streams.ccp.worker.signIn();
        await settle();
        expect(m.element.shadowRoot!.querySelector('[data-problem="connect"]')).toBeNull();
        open.mockRestore();
    });

    it('tells an agent whose rule set has no active rules', async () => {
        await mount({
            configuration: buildAgentConfiguration({ rules: [] }),
            connect: 'Available',
            omni: 'Available'
        });
        expect(text('[data-problem="no-rules"]')).toMatch(
            /has no active rules, so Presence Sync shows both sides but changes neither/
        );
    });

    it('runs the CCP audio-free unless the admin makes this utility the agent’s softphone', async () => {
        let m = await mount({ connect: 'Available', omni: 'Available' });
        expect(m.streams.ccp.configured()?.softphone).toEqual({
            allowFramedSoftphone: false,
            disableRingtone: true
        });
        m.element.remove();
        m.detachOmni();
        m.streams.stop();
        m = await mount({
            configuration: buildAgentConfiguration({ settings: buildSettings({ softphone: true }) }),
            connect: 'Available',
            omni: 'Available'
        });
        expect(m.streams.ccp.configured()?.softphone).toEqual({
            allowFramedSoftphone: true,
            disableRingtone: false
        });
    });

    it('shows as last rule applied only a change a platform took', async () => {
        const m = await mount({ connect: 'Available', omni: 'Available' });
        m.streams.ccp.setState('Available');
        await m.omni.setStatus('Available');
        await settle();
        expect(text('[data-id="last-rule"]')).toBe('None yet');
        m.streams.ccp.setState('Working - Phone');
        await settle();
        expect(text('[data-id="last-rule"]')).toContain(
            'Connect Working - Phone sets Omni-Channel Working – Phone'
        );
    });
});
