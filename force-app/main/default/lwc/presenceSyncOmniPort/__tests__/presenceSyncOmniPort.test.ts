import { createOmniPort, OmniUnreachableError } from 'c/presenceSyncOmniPort';
import type { OmniBridgeClient } from 'c/presenceSyncOmniPort';
import type { SessionInput } from 'c/presenceSyncEngine';
import type { OmniRequest } from 'presence-sync/omni-bridge';
import { buildServiceChannels, buildStatuses } from '../../../../../test/jest-mocks/apex/fixtures';

const statuses = buildStatuses();
const byName = (name: string) => statuses.find((s) => s.developerName === name)!;

function setUp(timeoutMs = 1000) {
    const requests: OmniRequest[] = [];
    const inputs: SessionInput[] = [];
    const warnings: string[] = [];
    const port: OmniBridgeClient = createOmniPort({
        directory: { statuses, serviceChannels: buildServiceChannels() },
        send: (request) => requests.push(request),
        onInput: (input) => inputs.push(input),
        onWarning: (message) => warnings.push(message),
        timeoutMs,
        idPrefix: 'tab1'
    });
    return { port, requests, inputs, warnings };
}

/** The widget's statusChanged event for a status, by its developer name, as Omni-Channel sends it. */
function statusChanged(port: OmniBridgeClient, name: string, reason: string): void {
    port.handleEvent('statusChanged', { statusId: byName(name).id15, statusApiName: name, reason });
}

afterEach(() => {
    jest.useRealTimers();
});

describe('writing to Omni-Channel', () => {
    it('asks the toolkit for the status id that belongs to the developer name', async () => {
        const { port, requests } = setUp();
        const done = port.setStatus('Lunch');
        expect(requests).toEqual([
            {
                requestId: 'tab1-1',
                method: 'setServicePresenceStatus',
                args: { statusId: byName('Lunch').id }
            }
        ]);
        port.handleResponse('tab1-1', true, { statusId: byName('Lunch').id });
        await expect(done).resolves.toBeUndefined();
    });

    it('logs the agent out for Offline instead of looking for a status of that name', async () => {
        const { port, requests } = setUp();
        const done = port.setStatus('Offline');
        expect(requests[0]).toMatchObject({ method: 'logout', args: {} });
        port.handleResponse(requests[0].requestId, true, null);
        await expect(done).resolves.toBeUndefined();
    });

    it('explains a refused status in words that point at the profile', async () => {
        const { port, requests } = setUp();
        const done = port.setStatus('Working_Phone');
        port.handleResponse(requests[0].requestId, false, null, 'Invalid status.');
        await expect(done).rejects.toThrow(
            /Omni-Channel refused the status "Working – Phone": Invalid status\..*profile or permission set/
        );
    });

    it('refuses a status the configuration does not know without calling the toolkit', async () => {
        const { port, requests } = setUp();
        await expect(port.setStatus('Coffee')).rejects.toThrow(/no Omni-Channel presence status "Coffee"/);
        expect(requests).toHaveLength(0);
    });

    it('says plainly when nobody answers (the LWC is not inside its Aura item)', async () => {
        jest.useFakeTimers();
        const { port } = setUp(5000);
        const done = port.setStatus('Available');
        jest.advanceTimersByTime(5000);
        await expect(done).rejects.toBeInstanceOf(OmniUnreachableError);
    });

    it('ignores answers for unknown or already answered requests', async () => {
        const { port, requests } = setUp();
        const done = port.setStatus('Available');
        port.handleResponse('other-7', false, null, 'not mine');
        port.handleResponse(requests[0].requestId, true, null);
        port.handleResponse(requests[0].requestId, false, null, 'late duplicate');
        await expect(done).resolves.toBeUndefined();
    });

    it('rejects unanswered calls when disposed and makes no new ones', async () => {
        const { port, requests } = setUp();
        const done = port.setStatus('Available');
        port.dispose();
        await expect(done).rejects.toThrow(/stopped/);
        await expect(port.setStatus('Available')).rejects.toThrow(/stopped/);
        expect(requests).toHaveLength(1);
    });
});

describe('reading the status at start-up', () => {
    it('maps a 15-character status id to its developer name', async () => {
        const { port, requests } = setUp();
        const read = port.readInitialStatus();
        port.handleResponse(requests[0].requestId, true, {
            statusId: byName('Busy').id15,
            statusName: 'Busy'
        });
        await expect(read).resolves.toBe('Busy');
    });

    it('reads Offline when the toolkit refuses, and takes a login in the next seconds as the status at load', async () => {
        const atLoad: string[] = [];
        const requests: OmniRequest[] = [];
        const inputs: SessionInput[] = [];
        const port = createOmniPort({
            directory: { statuses, serviceChannels: buildServiceChannels() },
            send: (request) => requests.push(request),
            onInput: (input) => inputs.push(input),
            onLoginAtLoad: (status) => atLoad.push(status)
        });
        const read = port.readInitialStatus();
        // The widget is still loading: the toolkit refuses the read…
        port.handleResponse(requests[0].requestId, false, null, 'Omni-Channel is not ready yet.');
        await expect(read).resolves.toBe('Offline');
        // …then logs the agent back in to the status they had.
        port.handleEvent('loginSuccess', { statusId: byName('Lunch').id15 });
        statusChanged(port, 'Lunch', 'OmniLoginStatusChange');
        expect(atLoad).toEqual(['Lunch']);
        expect(inputs).toEqual([]);
        // Later changes are inputs again.
        statusChanged(port, 'Busy', 'OmniManualStatusChange');
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Busy', reason: 'OmniManualStatusChange' }
        ]);
    });

    it('takes a login that comes while the first read is on its way as the status at load', async () => {
        const { port, requests, inputs } = setUp();
        const read = port.readInitialStatus();
        statusChanged(port, 'Lunch', 'OmniLoginStatusChange');
        port.handleResponse(requests[0].requestId, false, null, 'Omni-Channel is not ready yet.');
        await expect(read).resolves.toBe('Lunch');
        expect(inputs).toEqual([]);
    });

    it('takes the agent’s own login in the widget during the grace period as a change', async () => {
        const { port, requests, inputs } = setUp();
        const read = port.readInitialStatus();
        port.handleResponse(requests[0].requestId, false, null, 'Agent is not logged in');
        await read;
        port.handleEvent('loginSuccess', { statusId: byName('Available').id15 });
        statusChanged(port, 'Available', 'OmniManualStatusChange');
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Available', reason: 'OmniManualStatusChange' }
        ]);
    });

    it('takes a login after the grace period as the agent’s change', async () => {
        const { port, requests, inputs } = setUp();
        const read = port.readInitialStatus();
        port.handleResponse(requests[0].requestId, false, null, 'Agent is not logged in');
        await read;
        const later = Date.now() + 9000;
        jest.spyOn(Date, 'now').mockReturnValue(later);
        statusChanged(port, 'Lunch', 'OmniLoginStatusChange');
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Lunch', reason: 'OmniLoginStatusChange' }
        ]);
        jest.restoreAllMocks();
    });

    it('fails when nobody answers at all (no Aura item around the component)', async () => {
        jest.useFakeTimers();
        const { port } = setUp(1000);
        const read = port.readInitialStatus();
        jest.advanceTimersByTime(1000);
        await expect(read).rejects.toBeInstanceOf(OmniUnreachableError);
    });
});

describe('Omni-Channel events', () => {
    it('turns a status change into the status developer name, with the reason', () => {
        const { port, inputs } = setUp();
        port.handleEvent('statusChanged', {
            statusId: byName('Lunch').id,
            statusName: 'Lunch',
            statusApiName: 'Lunch',
            reason: 'OmniManualStatusChange'
        });
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Lunch', reason: 'OmniManualStatusChange' }
        ]);
    });

    it('resolves the login status from an 18- or 15-character id and reports one change once', () => {
        const { port, inputs } = setUp();
        port.handleEvent('loginSuccess', { statusId: byName('Available').id });
        port.handleEvent('statusChanged', {
            statusId: byName('Available').id15,
            statusName: 'Available',
            statusApiName: 'Available',
            reason: 'OmniLoginStatusChange'
        });
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Available', reason: 'OmniLoginSuccess' }
        ]);
    });

    it('warns about a status id it cannot resolve instead of inventing a name', () => {
        const { port, inputs, warnings } = setUp();
        port.handleEvent('loginSuccess', { statusId: '0N5000000000999' });
        expect(inputs).toHaveLength(0);
        expect(warnings[0]).toMatch(/does not know/);
    });

    it('warns by label about a status the agent may not see the developer name of', () => {
        const { port, inputs, warnings } = setUp();
        const lunch = byName('Lunch');
        port.setDirectory({
            statuses: statuses.map((s) => (s === lunch ? { ...s, developerName: null } : s)),
            serviceChannels: buildServiceChannels()
        });
        port.handleEvent('loginSuccess', { statusId: lunch.id });
        expect(inputs).toHaveLength(0);
        expect(warnings[0]).toMatch(new RegExp(`\\(${lunch.label}\\).*developer names`));
    });

    it('reports a logout', () => {
        const { port, inputs } = setUp();
        port.handleEvent('logout', { reason: 'OmniSupervisorLogout' });
        expect(inputs).toEqual([{ kind: 'omni-logout', reason: 'OmniSupervisorLogout' }]);
    });

    it('resolves the channel of accepted work by the key prefix of the work item', () => {
        const { port, inputs, warnings } = setUp();
        port.handleEvent('workAccepted', { workItemId: '500Hs00000AbCdE', workId: '0BzHs0000000001' });
        port.handleEvent('workAccepted', { workItemId: '0LQHs00000AbCdE', workId: '0BzHs0000000002' });
        port.handleEvent('workAccepted', { workItemId: '001Hs00000AbCdE', workId: '0BzHs0000000003' });
        expect(inputs).toEqual([
            { kind: 'omni-work-accepted', serviceChannel: 'sfdc_case' },
            { kind: 'omni-work-accepted', serviceChannel: 'sfdc_phone' }
        ]);
        expect(warnings).toHaveLength(1);
    });

    it('converts workload numbers sent as strings', () => {
        const { port, inputs, warnings } = setUp();
        port.handleEvent('workloadChanged', {
            configuredCapacity: '10',
            previousWorkload: '2',
            newWorkload: 5
        });
        port.handleEvent('workloadChanged', {
            configuredCapacity: 'ten',
            previousWorkload: '2',
            newWorkload: 5
        });
        expect(inputs).toEqual([
            { kind: 'omni-workload', configuredCapacity: 10, previousWorkload: 2, newWorkload: 5 }
        ]);
        expect(warnings).toHaveLength(1);
    });

    it('passes the interruptible numbers through, converted, when Omni-Channel sends all three', () => {
        const { port, inputs, warnings } = setUp();
        port.handleEvent('workloadChanged', {
            configuredCapacity: 10,
            previousWorkload: 5,
            newWorkload: 5,
            configuredInterruptibleCapacity: '4',
            previousInterruptibleWorkload: 3,
            newInterruptibleWorkload: '4'
        });
        // An org that routes no interruptible work: only the primary numbers reach the rules.
        port.handleEvent('workloadChanged', { configuredCapacity: 10, previousWorkload: 5, newWorkload: 0 });
        port.handleEvent('workloadChanged', {
            configuredCapacity: 10,
            previousWorkload: 0,
            newWorkload: 1,
            configuredInterruptibleCapacity: '',
            previousInterruptibleWorkload: 0,
            newInterruptibleWorkload: 0
        });
        expect(inputs).toEqual([
            {
                kind: 'omni-workload',
                configuredCapacity: 10,
                previousWorkload: 5,
                newWorkload: 5,
                configuredInterruptibleCapacity: 4,
                previousInterruptibleWorkload: 3,
                newInterruptibleWorkload: 4
            },
            { kind: 'omni-workload', configuredCapacity: 10, previousWorkload: 5, newWorkload: 0 },
            { kind: 'omni-workload', configuredCapacity: 10, previousWorkload: 0, newWorkload: 1 }
        ]);
        expect(warnings).toEqual([]);
    });

    it('ignores unknown event names and events after dispose', () => {
        const { port, inputs } = setUp();
        port.handleEvent('workDeclined', { workItemId: '500Hs00000AbCdE' });
        port.dispose();
        port.handleEvent('logout', {});
        expect(inputs).toHaveLength(0);
    });

    it('uses new statuses after a configuration reload', () => {
        const { port, inputs } = setUp();
        const coffee = {
            id: '0N5Hs000000099AAA',
            id15: '0N5Hs000000099A',
            developerName: 'Coffee',
            label: 'Coffee'
        };
        port.setDirectory({ statuses: [...statuses, coffee], serviceChannels: buildServiceChannels() });
        port.handleEvent('loginSuccess', { statusId: coffee.id });
        expect(inputs).toEqual([
            { kind: 'omni-status', statusDeveloperName: 'Coffee', reason: 'OmniLoginSuccess' }
        ]);
    });
});
