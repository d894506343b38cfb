/* eslint-disable @lwc/lwc/no-async-operation -- the tests wait on real time and on conduit turns */
/**
 * What the agent is told when something goes wrong: a refused status, a CCP that never answers,
 * sync that cannot run, a log that cannot be written.
 */
import '../../../../../test/jest-mocks/apex/agentControllerMocks';
import { createElement } from 'lwc';
import PresenceSyncAgent from 'c/presenceSyncAgent';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import type { TraceEntry } from 'c/presenceSyncEngine';
import { expandSummaries } from 'c/presenceSyncTraceSummary';
import {
    buildAccessReport,
    buildAgentConfiguration,
    buildApexError,
    buildSettings
} from '../../../../../test/jest-mocks/apex/fixtures';
import { utilityBar } from '../../../../../test/jest-mocks/lightning/platformUtilityBarApi';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';
import {
    UTILITY_ID,
    hidePage,
    mount,
    omniCalls,
    settle,
    text,
    useAgentHarness
} from '../../../../../test/agentHarness';

useAgentHarness();

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
            message: expect.stringMatching(/profile or permission set/),
            mode: 'dismissible'
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

    // The agent moves on: Connect Working - Phone, which Omni-Channel takes.
    m.streams.ccp.setState('Working - Phone');
    await settle(30);
    expect(omniCalls('setServicePresenceStatus')).toHaveLength(2);
    expect(text('[data-id="sync-status"]')).toBe('In sync');
    expect(m.element.shadowRoot!.querySelector('[data-id="last-error"]')).toBeNull();
    expect(utilityBar.attributes(UTILITY_ID)).toMatchObject({ highlighted: false });
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
