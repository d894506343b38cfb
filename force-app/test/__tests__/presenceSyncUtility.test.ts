/**
 * The Aura utility item's controller and helper, run as Aura would run them: with a component
 * whose `find` returns the toolkit and the agent LWC, and events whose `getParam` reads fields.
 * The agent side is the emulated Omni-Channel's bridge target shape (presence-sync/omni-bridge).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Handler = (component: FakeComponent, event: FakeEvent, helper: unknown) => void;

interface FakeEvent {
    getParam(name: string): unknown;
}
interface FakeComponent {
    find(auraId: string): unknown;
}

const bundle = join(__dirname, '../../main/default/aura/presenceSyncUtility');

function load<T>(file: string): T {
    // An Aura controller or helper file is one object literal in parentheses.
    return new Function(`return ${readFileSync(join(bundle, file), 'utf8')}`)() as T;
}

function event(params: Record<string, unknown>): FakeEvent {
    return { getParam: (name) => params[name] };
}

function setUp(toolkit: Record<string, jest.Mock>) {
    const controller = load<Record<string, Handler>>('presenceSyncUtilityController.js');
    const helper = load<Record<string, unknown>>('presenceSyncUtilityHelper.js');
    const agent = { handleOmniEvent: jest.fn(), handleOmniResponse: jest.fn() };
    const component: FakeComponent = {
        find: (id) => (id === 'agent' ? agent : id === 'omniToolkit' ? toolkit : undefined)
    };
    const run = (name: string, params: Record<string, unknown>): void =>
        controller[name](component, event(params), helper);
    return { run, agent };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => {
    (globalThis as unknown as { $A: unknown }).$A = { getCallback: (f: unknown) => f };
});

it('relays each Omni-Channel event with the fields the contract names', () => {
    const { run, agent } = setUp({});
    run('onStatusChanged', {
        statusId: '0N5Hs0000000001',
        statusName: 'Lunch',
        statusApiName: 'Lunch',
        reason: 'OmniManualStatusChange'
    });
    run('onLogout', { reason: 'OmniSupervisorLogout' });
    run('onWorkAccepted', { workItemId: '500Hs00000AbCdE', workId: '0BzHs0000000001' });
    run('onWorkloadChanged', { configuredCapacity: '10', previousWorkload: '2', newWorkload: '5' });
    run('onLoginSuccess', { statusId: '0N5Hs0000000001' });
    expect(agent.handleOmniEvent.mock.calls).toEqual([
        [
            'statusChanged',
            {
                statusId: '0N5Hs0000000001',
                statusName: 'Lunch',
                statusApiName: 'Lunch',
                reason: 'OmniManualStatusChange'
            }
        ],
        ['logout', { reason: 'OmniSupervisorLogout' }],
        ['workAccepted', { workItemId: '500Hs00000AbCdE', workId: '0BzHs0000000001' }],
        ['workloadChanged', { configuredCapacity: '10', previousWorkload: '2', newWorkload: '5' }],
        ['loginSuccess', { statusId: '0N5Hs0000000001' }]
    ]);
});

it('runs a toolkit call the LWC asks for and answers with its result', async () => {
    const result = { statusId: '0N5Hs0000000003AAA', statusName: 'Lunch', statusApiName: 'Lunch' };
    const toolkit = { setServicePresenceStatus: jest.fn().mockResolvedValue(result) };
    const { run, agent } = setUp(toolkit);
    run('onOmniRequest', {
        requestId: 'tab-1-1',
        method: 'setServicePresenceStatus',
        args: { statusId: 'x' }
    });
    await flush();
    expect(toolkit.setServicePresenceStatus).toHaveBeenCalledWith({ statusId: 'x' });
    expect(agent.handleOmniResponse).toHaveBeenCalledWith('tab-1-1', true, result, null);
});

it("answers with the toolkit's error words when it refuses", async () => {
    const toolkit = { setServicePresenceStatus: jest.fn().mockRejectedValue(new Error('Invalid status')) };
    const { run, agent } = setUp(toolkit);
    run('onOmniRequest', { requestId: 'r', method: 'setServicePresenceStatus', args: { statusId: 'x' } });
    await flush();
    expect(agent.handleOmniResponse).toHaveBeenCalledWith('r', false, null, 'Invalid status');
});

it('runs nothing outside the contract', async () => {
    const toolkit = { acceptAgentWork: jest.fn().mockResolvedValue(true) };
    const { run, agent } = setUp(toolkit);
    run('onOmniRequest', { requestId: 'r', method: 'acceptAgentWork', args: {} });
    await flush();
    expect(toolkit.acceptAgentWork).not.toHaveBeenCalled();
    expect(agent.handleOmniResponse).toHaveBeenCalledWith(
        'r',
        false,
        null,
        expect.stringContaining('acceptAgentWork')
    );
});
