/* eslint-disable no-await-in-loop, @lwc/lwc/no-async-operation -- the tests wait on real time and on conduit turns */
/**
 * The agent component end to end in jsdom: the real amazon-connect-streams bundle behind an
 * emulated CCP (over Streams' postMessage conduit), the emulated Omni-Channel behind the Aura
 * bridge contract, Apex answered with the Apex engineer's fixtures.
 */
import { createElement } from 'lwc';
import PresenceSyncAgent, { RULES_CHANGED_CHANNEL } from 'c/presenceSyncAgent';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import type { PresenceSyncRule, TraceEntry } from 'c/presenceSyncEngine';
import type { AgentConfiguration } from 'presence-sync/contracts';
import {
    AGENT_USER_ID,
    buildAccessReport,
    buildAgentConfiguration,
    buildApexError,
    buildRule,
    buildSeedRules,
    buildServiceChannels,
    buildSettings,
    buildWriteLogResult
} from '../../../../../test/jest-mocks/apex/fixtures';
import { startRealStreams } from '../../../../../test/streams/realStreams';
import type { RealStreams } from '../../../../../test/streams/realStreams';
import { EmulatedOmni, attachOmniBridge } from '../../../../../test/emulators/omni';
import type { OmniBridgeTarget } from '../../../../../test/emulators/omni';
import {
    EnclosingUtilityId,
    utilityBar
} from '../../../../../test/jest-mocks/lightning/platformUtilityBarApi';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';
import { DEBUG_CHANNEL } from 'c/presenceSyncLogShipper';
import { expandSummaries } from 'c/presenceSyncTraceSummary';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';

jest.mock(
    '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PresenceSyncAgentController.writeLogEntries', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncAgentController.reportAgentState', () => ({ default: jest.fn() }), {
    virtual: true
});

const UTILITY_ID = 'utility-presence-sync';
const LEASE_KEY = 'presenceSync.writer';

type AgentElement = HTMLElement & OmniBridgeTarget & { ccpTimeoutSeconds: number };

interface Mounted {
    element: AgentElement;
    streams: RealStreams;
    omni: EmulatedOmni;
    detachOmni: () => void;
}

let mounted: Mounted | null = null;

async function settle(rounds = 15): Promise<void> {
    for (let i = 0; i < rounds; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
    }
}

/** Polls real time (the heartbeat's own throttle) until `condition` holds. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error(`Timed out waiting for ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The agent switches to another browser tab: the page is hidden. */
function hidePage(): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new CustomEvent('visibilitychange'));
    delete (document as unknown as { visibilityState?: string }).visibilityState;
}

function text(selector: string): string | null {
    return mounted!.element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? null;
}

function omniCalls(method: string): unknown[] {
    return mounted!.omni
        .calls()
        .filter((c) => c.method === method)
        .map((c) => c.args);
}

function connectCalls(): unknown[] {
    return mounted!.streams.ccp
        .calls()
        .filter((c) => c.method === 'putAgentState')
        .map((c) => c.params);
}

async function mount(
    options: {
        configuration?: AgentConfiguration;
        connect?: string;
        omni?: string;
        acknowledge?: boolean;
        granted?: string[];
        ccpTimeoutSeconds?: number;
        beforeConfiguration?: (m: Mounted) => Promise<void>;
    } = {}
): Promise<Mounted> {
    const streams = startRealStreams({
        initialState: options.connect ?? 'Offline',
        acknowledge: options.acknowledge
    });
    const omni = new EmulatedOmni({ initialStatus: options.omni, granted: options.granted });
    let release: () => void = () => undefined;
    const configuration = options.configuration ?? buildAgentConfiguration();
    jest.mocked(getAgentConfiguration).mockResolvedValue(configuration);
    if (options.beforeConfiguration) {
        // Only the first call waits: what happens meanwhile is the hook's.
        jest.mocked(getAgentConfiguration).mockReturnValueOnce(
            new Promise((resolve) => {
                release = () => resolve(configuration);
            })
        );
    }
    const element = createElement('c-presence-sync-agent', {
        is: PresenceSyncAgent
    }) as unknown as AgentElement;
    if (options.ccpTimeoutSeconds) {
        element.ccpTimeoutSeconds = options.ccpTimeoutSeconds;
    }
    const detachOmni = attachOmniBridge(element, omni);
    document.body.appendChild(element);
    EnclosingUtilityId.emit(UTILITY_ID);
    mounted = { element, streams, omni, detachOmni };
    if (options.beforeConfiguration) {
        await options.beforeConfiguration(mounted);
        release();
    }
    await settle();
    return mounted;
}

beforeEach(() => {
    jest.mocked(writeLogEntries).mockResolvedValue(buildWriteLogResult());
    jest.mocked(reportAgentState).mockResolvedValue({ debugUntil: null, debugSetAt: null });
    window.localStorage.clear();
});

afterEach(() => {
    if (mounted) {
        mounted.element.remove();
        mounted.detachOmni();
        mounted.streams.stop();
        mounted = null;
    }
    jest.mocked(getAgentConfiguration).mockReset();
    jest.mocked(writeLogEntries).mockReset();
    jest.mocked(reportAgentState).mockReset();
    utilityBar.reset();
    emp.reset();
    toasts.reset();
    window.localStorage.clear();
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
    it('bi-directional pairs settle after one write per side', async () => {
        const rules: PresenceSyncRule[] = [
            buildRule({
                id: 'r1',
                name: 'Connect Lunch sets Omni Lunch',
                operandBValue: 'Lunch',
                destinationValue: 'Lunch'
            }),
            buildRule({
                id: 'r2',
                name: 'Omni Lunch sets Connect Lunch',
                source: 'SalesforceStateChange',
                operandA: 'SalesforceNewState',
                operandBValue: 'Lunch',
                destination: 'ConnectAgentState',
                destinationValue: 'Lunch'
            })
        ];
        const m = await mount({
            configuration: buildAgentConfiguration({ rules }),
            connect: 'Available',
            omni: 'Available'
        });
        m.streams.ccp.setState('Lunch');
        await settle(30);
        expect(m.omni.status()).toBe('Lunch');
        expect(omniCalls('setServicePresenceStatus')).toHaveLength(1);
        expect(connectCalls()).toHaveLength(0);
        expect(text('[data-id="sync-status"]')).toBe('In sync');
    });

    it('a cycle of rules across both sides stops after one write: echoes of its own writes fire no rules', async () => {
        const connectToOmni = (from: string, to: string, id: string): PresenceSyncRule =>
            buildRule({
                id,
                name: `Connect ${from} sets Omni ${to}`,
                operandBValue: from,
                destinationValue: to
            });
        const omniToConnect = (from: string, to: string, id: string): PresenceSyncRule =>
            buildRule({
                id,
                name: `Omni ${from} sets Connect ${to}`,
                source: 'SalesforceStateChange',
                operandA: 'SalesforceNewState',
                operandBValue: from,
                destination: 'ConnectAgentState',
                destinationValue: to
            });
        const rules = [
            connectToOmni('Lunch', 'Busy', 'c1'),
            omniToConnect('Busy', 'Training', 'o1'),
            connectToOmni('Training', 'Lunch', 'c2'),
            omniToConnect('Lunch', 'Lunch', 'o2')
        ];
        const m = await mount({
            configuration: buildAgentConfiguration({ rules }),
            connect: 'Available',
            omni: 'Available'
        });
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
        const workRule = buildRule({
            id: 'work',
            name: 'Phone work sets Connect Working - Phone',
            source: 'SalesforceWorkAccepted',
            operandA: 'SalesforceServiceChannel',
            operandBValue: 'sfdc_phone',
            destination: 'ConnectAgentState',
            destinationValue: 'Working - Phone'
        });
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: [workRule] }),
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

    it('queues the state as the next one after Connect refused the plain change, and says so', async () => {
        const m = await mount({
            configuration: buildAgentConfiguration({ settings: buildSettings({ logLevel: 'All' }) }),
            connect: 'Available',
            omni: 'Available'
        });
        // Omni-Channel's event reaches the agent before the CCP's Busy snapshot does.
        const omniChange = m.omni.setStatus('Working_Media');
        m.streams.ccp.enterCallPhase('Busy');
        await omniChange;
        await settle(30);
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
        const m = await mount({
            configuration: buildAgentConfiguration({ settings: buildSettings({ onContact: 'skip' }) }),
            connect: 'Available',
            omni: 'Available'
        });
        const omniChange = m.omni.setStatus('Working_Media');
        m.streams.ccp.enterCallPhase('Busy');
        await omniChange;
        await settle(30);
        expect(connectCalls()).toEqual([expect.objectContaining({ enqueueNextState: false })]);
        expect(m.streams.ccp.nextState()).toBeNull();
        expect(text('[data-id="sync-status"]')).toBe('Out of sync: rules want Connect Working - Media');
    });
});

it('puts Connect Offline when the agent logs out of Omni-Channel and a logout rule says so', async () => {
    const logoutRule = buildRule({
        id: 'logout',
        name: 'Omni logout sets Connect Offline',
        source: 'SalesforceLogout',
        operandA: 'SalesforceNewState',
        operandBValue: 'Offline',
        destination: 'ConnectAgentState',
        destinationValue: 'Offline'
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

it('shows, toasts and logs a status Omni-Channel refuses, and does not retry it over and over', async () => {
    const m = await mount({
        connect: 'Offline',
        omni: 'Busy',
        granted: ['Busy', 'Lunch', 'Working_Phone', 'Working_Media']
    });
    m.streams.ccp.setState('Available');
    await settle(30);

    expect(text('[data-id="sync-status"]')).toBe('Out of sync: Omni refused Available');
    expect(text('[data-id="last-error"]')).toMatch(/Omni-Channel refused the status "Available"/);
    expect(toasts.shown()).toEqual([
        expect.objectContaining({
            variant: 'error',
            label: 'Omni-Channel did not take the change',
            message: expect.stringMatching(/profile or permission set/)
        })
    ]);
    expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({ iconVariant: 'error', highlighted: true });
    await expect(m.element).toBeAccessible();

    hidePage();
    await settle();
    // At the Summary level the refused sync is stored in one entry with every step inside.
    const logged = expandSummaries(
        jest
            .mocked(writeLogEntries)
            .mock.calls.flatMap(([params]) => JSON.parse(params.entriesJson) as TraceEntry[])
    );
    expect(logged).toContainEqual(
        expect.objectContaining({ step: 'call-result', side: 'omni', result: 'failure', level: 'error' })
    );

    await settle(50);
    expect(omniCalls('setServicePresenceStatus')).toHaveLength(1);
});

it('says what to check when the CCP never acknowledges', async () => {
    const popups = jest.spyOn(window, 'open').mockReturnValue(null);
    const streamsErrors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const m = await mount({ acknowledge: false, ccpTimeoutSeconds: 0.3 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    popups.mockRestore();
    streamsErrors.mockRestore();
    const alert = m.element.shadowRoot!.querySelector('[data-problem="connect"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toMatch(/CSP Trusted Site/);
    expect(alert?.textContent).toMatch(/https:\/\/presence-sync-demo\.my\.connect\.aws/);
    expect(toasts.shown()).toContainEqual(
        expect.objectContaining({ variant: 'error', label: 'The Amazon Connect softphone does not load' })
    );
    expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({
        label: 'Presence Sync: problem',
        highlighted: true
    });
});

describe('when sync cannot run', () => {
    it('names the missing permission and how to get it, and starts nothing', async () => {
        const configuration = buildAgentConfiguration({
            syncEnabled: false,
            access: buildAccessReport({ missing: ['ViewStatusDeveloperNames'] })
        });
        const m = await mount({ configuration });
        const alert = m.element.shadowRoot!.querySelector('[data-problem="permission"]');
        expect(alert?.textContent).toContain('View Setup and Configuration or View DeveloperName');
        expect(toasts.shown()[0]).toMatchObject({
            variant: 'error',
            label: expect.stringContaining('View Setup and Configuration or View DeveloperName')
        });
        expect(m.streams.loads()).toBe(0);
        expect(m.omni.calls()).toEqual([]);
        await expect(m.element).toBeAccessible();
    });

    it('says sync is switched off', async () => {
        const m = await mount({ configuration: buildAgentConfiguration({ syncEnabled: false }) });
        expect(text('[data-problem="switched-off"]')).toMatch(/switched sync off/);
        expect(toasts.shown()[0]).toMatchObject({ variant: 'info', label: 'Presence Sync is switched off' });
        expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({ label: 'Presence Sync: off' });
        expect(m.streams.loads()).toBe(0);
    });

    it('explains a configuration that fails to load', async () => {
        jest.mocked(getAgentConfiguration).mockRejectedValue(buildApexError('Presence Sync is not set up.'));
        const element = createElement('c-presence-sync-agent', { is: PresenceSyncAgent });
        document.body.appendChild(element);
        await settle();
        expect(element.shadowRoot!.querySelector('[data-problem="configuration"]')?.textContent).toContain(
            'Presence Sync is not set up.'
        );
        element.remove();
    });
});

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

describe('work routed by Omni-Channel', () => {
    const workRule = buildRule({
        id: 'work',
        name: 'Phone work sets Connect Working - Phone',
        source: 'SalesforceWorkAccepted',
        operandA: 'SalesforceServiceChannel',
        operandBValue: 'sfdc_phone',
        destination: 'ConnectAgentState',
        destinationValue: 'Working - Phone'
    });

    it('resolves the channel of accepted work by its key prefix and applies the rule', async () => {
        const m = await mount({
            configuration: buildAgentConfiguration({ rules: [workRule] }),
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
            configuration: buildAgentConfiguration({ rules: [workRule], serviceChannels: channels }),
            connect: 'Available',
            omni: 'Available'
        });
        await m.omni.acceptWork('sfdc_case');
        await settle();
        expect(text('[data-problem="omni-warning"]')).toMatch(/no service channel Presence Sync knows/);
        expect(m.streams.ccp.state()).toBe('Available');
    });
});

it('keeps syncing while the log cannot be written', async () => {
    jest.mocked(writeLogEntries).mockRejectedValue(buildApexError('Storage limit exceeded'));
    const m = await mount({
        configuration: buildAgentConfiguration({ settings: buildSettings({ logLevel: 'All' }) }),
        connect: 'Offline',
        omni: 'Busy'
    });
    m.streams.ccp.setState('Available');
    await settle();
    hidePage();
    await settle();
    m.streams.ccp.setState('Working - Phone');
    await settle();
    expect(m.omni.status()).toBe('Working_Phone');
    expect(jest.mocked(writeLogEntries)).toHaveBeenCalled();
    expect(text('[data-id="sync-status"]')).toBe('In sync');
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

describe('a good guest and an honest status (issue 12)', () => {
    const lunchBothWays = (): PresenceSyncRule[] => [
        buildRule({
            id: 'c-lunch',
            name: 'Connect Lunch sets Omni Lunch',
            operandBValue: 'Lunch',
            destinationValue: 'Lunch'
        }),
        buildRule({
            id: 'o-lunch',
            name: 'Omni Lunch sets Connect Lunch',
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            operandBValue: 'Lunch',
            destination: 'ConnectAgentState',
            destinationValue: 'Lunch'
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

describe('live debugging of this agent', () => {
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
});
