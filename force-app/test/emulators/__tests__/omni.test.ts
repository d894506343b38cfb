import type { OmniEventName, OmniRequest } from 'presence-sync/omni-bridge';
import { attachOmniBridge, EmulatedOmni } from '../omni';

type Recorded = {
    events: Array<{ name: OmniEventName; payload: Record<string, unknown> }>;
    responses: unknown[][];
};

/** A plain element standing in for the agent LWC: records what the bridge calls on it. */
function fakeLwc(): HTMLElement & Recorded & { request: (r: Omit<OmniRequest, 'requestId'>) => void } {
    const element = document.createElement('div') as unknown as HTMLElement &
        Recorded & {
            request: (r: Omit<OmniRequest, 'requestId'>) => void;
            handleOmniEvent: (n: OmniEventName, p: Record<string, unknown>) => void;
            handleOmniResponse: (...args: unknown[]) => void;
        };
    element.events = [];
    element.responses = [];
    element.handleOmniEvent = (name, payload) => element.events.push({ name, payload });
    element.handleOmniResponse = (...args) => element.responses.push(args);
    let n = 0;
    element.request = (r) =>
        element.dispatchEvent(
            new CustomEvent('omnirequest', {
                detail: { ...r, requestId: `r${++n}` },
                bubbles: true,
                composed: true
            })
        );
    document.body.appendChild(element);
    return element;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('emulated Omni-Channel', () => {
    let omni: EmulatedOmni;
    let lwc: ReturnType<typeof fakeLwc>;
    beforeEach(() => {
        omni = new EmulatedOmni();
        lwc = fakeLwc();
        attachOmniBridge(lwc as never, omni);
    });

    const idOf = (name: string): string => omni.statusList().find((s) => s.developerName === name)!.id;

    it('a manual change while logged out logs in first: loginSuccess, then statusChanged with OmniManualStatusChange', async () => {
        await omni.setStatus('Lunch');
        expect(omni.status()).toBe('Lunch');
        expect(lwc.events.map((e) => e.name)).toEqual(['loginSuccess', 'statusChanged']);
        expect(lwc.events[1].payload).toMatchObject({
            statusApiName: 'Lunch',
            statusId: idOf('Lunch').slice(0, 15),
            reason: 'OmniManualStatusChange'
        });
    });

    it('when the console loads: refuses toolkit calls until the widget is ready, then logs the agent back in', async () => {
        await omni.setStatus('Lunch');
        lwc.events = [];
        const loading = omni.loadConsole(30);
        lwc.request({ method: 'getServicePresenceStatusId', args: {} });
        await settle();
        expect(lwc.responses[0]).toEqual(['r1', false, null, expect.stringMatching(/not ready yet/)]);
        await loading;
        expect(lwc.events.map((e) => [e.name, e.payload.reason])).toEqual([
            ['loginSuccess', undefined],
            ['statusChanged', 'OmniLoginStatusChange']
        ]);
        lwc.request({ method: 'getServicePresenceStatusId', args: {} });
        await settle();
        expect(lwc.responses[1]).toEqual([
            'r2',
            true,
            expect.objectContaining({ statusApiName: 'Lunch' }),
            null
        ]);
    });

    it('says who changed the status: a supervisor, with its own reasons for a change and a logout', async () => {
        await omni.setStatus('Available');
        lwc.events = [];
        await omni.supervisorSetStatus('Busy');
        await omni.supervisorLogout();
        expect(lwc.events).toEqual([
            {
                name: 'statusChanged',
                payload: expect.objectContaining({ reason: 'OmniSupervisorStatusChange' })
            },
            { name: 'logout', payload: { reason: 'OmniSupervisorLogout' } }
        ]);
    });

    it('takes over the presence the agent’s other tab (or the page before a reload) saved', async () => {
        const other = new EmulatedOmni();
        await other.setStatus('Working_Phone');
        await omni.restore(other.save(), false);
        expect(omni.status()).toBe('Working_Phone');
        expect(lwc.events).toEqual([]);
        other.grant('Lunch', false);
        await other.logout();
        await omni.restore(other.save(), true);
        expect(lwc.events).toEqual([{ name: 'logout', payload: {} }]);
        expect(omni.grantedStatuses()).not.toContain('Lunch');
        expect(omni.calls()).toEqual([]);
    });

    it('a toolkit change answers the request, then raises statusChanged with OmniToolkitStatusChange', async () => {
        await omni.setStatus('Available');
        lwc.events = [];
        lwc.request({ method: 'setServicePresenceStatus', args: { statusId: idOf('Working_Media') } });
        await settle();
        expect(lwc.responses).toEqual([
            [
                'r1',
                true,
                expect.objectContaining({ statusApiName: 'Working_Media', statusId: idOf('Working_Media') }),
                null
            ]
        ]);
        expect(lwc.events).toEqual([
            { name: 'statusChanged', payload: expect.objectContaining({ reason: 'OmniToolkitStatusChange' }) }
        ]);
        expect(omni.calls()).toEqual([
            { method: 'setServicePresenceStatus', args: { statusId: idOf('Working_Media') } }
        ]);
    });

    it('refuses a status the agent is not granted, through the toolkit and in the widget', async () => {
        omni.grant('Lunch', false);
        lwc.request({ method: 'setServicePresenceStatus', args: { statusId: idOf('Lunch') } });
        await settle();
        expect(lwc.responses[0][1]).toBe(false);
        expect(lwc.responses[0][3]).toMatch(/not available to you/);
        await expect(omni.setStatus('Lunch')).rejects.toThrow(/not available to you/);
        expect(omni.status()).toBe('Offline');
        expect(lwc.events).toEqual([]);
    });

    it('logout raises logout and reads as Offline; toolkit reads then fail', async () => {
        await omni.setStatus('Available');
        await omni.logout();
        expect(omni.status()).toBe('Offline');
        expect(lwc.events.at(-1)).toEqual({ name: 'logout', payload: {} });
        lwc.request({ method: 'getServicePresenceStatusId', args: {} });
        await settle();
        expect(lwc.responses[0][1]).toBe(false);
    });

    it('accepted work carries a work item id of the channel object, then the workload changes', async () => {
        await omni.setStatus('Available');
        lwc.events = [];
        const { workItemId } = await omni.acceptWork('sfdc_case');
        expect(workItemId.startsWith('500')).toBe(true);
        expect(workItemId).toHaveLength(18);
        expect(lwc.events.map((e) => e.name)).toEqual(['workAccepted', 'workloadChanged']);
        expect(lwc.events[1].payload).toMatchObject({
            previousWorkload: 0,
            newWorkload: 1,
            configuredCapacity: 10
        });
    });

    it('interruptible work changes only the interruptible numbers, and the toolkit reads them back', async () => {
        await omni.setStatus('Available');
        await omni.acceptWork('sfdc_chat');
        lwc.events = [];
        await omni.setInterruptibleWorkload(3, 4);
        expect(lwc.events).toEqual([
            {
                name: 'workloadChanged',
                payload: {
                    configuredCapacity: 10,
                    previousWorkload: 2,
                    newWorkload: 2,
                    configuredInterruptibleCapacity: 4,
                    previousInterruptibleWorkload: 0,
                    newInterruptibleWorkload: 3
                }
            }
        ]);
        await omni.setWorkload(0, 10);
        expect(lwc.events[1].payload).toMatchObject({
            previousWorkload: 2,
            newWorkload: 0,
            previousInterruptibleWorkload: 3,
            newInterruptibleWorkload: 3
        });
        lwc.request({ method: 'getAgentWorkload', args: {} });
        await settle();
        expect(lwc.responses.at(-1)?.[2]).toEqual({
            configuredCapacity: 10,
            currentWorkload: 0,
            configuredInterruptibleCapacity: 4,
            currentInterruptibleWorkload: 3
        });
        await omni.reset();
        expect(omni.workloadNow()).toMatchObject({
            configuredInterruptibleCapacity: 10,
            currentInterruptibleWorkload: 0
        });
    });

    it('routes no work on a channel the current status lacks', async () => {
        await omni.setStatus('Working_Phone');
        await expect(omni.acceptWork('sfdc_chat')).rejects.toThrow(/no sfdc_chat channel/);
    });
});
