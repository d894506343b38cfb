import { createElement } from 'lwc';
import PresenceSyncLiveDebugPanel from 'c/presenceSyncLiveDebugPanel';
import startLiveDebug from '@salesforce/apex/PresenceSyncLogController.startLiveDebug';
import stopLiveDebug from '@salesforce/apex/PresenceSyncLogController.stopLiveDebug';
import type { AgentLogState } from 'presence-sync/contracts';
import { debugPanelView } from '../debugPanelView';
import {
    AGENT_USER_ID,
    buildAgentLogState,
    buildApexError
} from '../../../../../test/jest-mocks/apex/fixtures';

jest.mock('@salesforce/apex/PresenceSyncLogController.startLiveDebug', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncLogController.stopLiveDebug', () => ({ default: jest.fn() }), {
    virtual: true
});

const NOW = Date.UTC(2026, 10, 21, 9, 30, 0);

function state(overrides: Partial<AgentLogState> = {}): AgentLogState {
    return buildAgentLogState({ lastHeartbeat: NOW, ...overrides });
}

async function flush(): Promise<void> {
    for (let i = 0; i < 6; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

let element: HTMLElement & { agentId?: string; agentName?: string; state?: AgentLogState | null };
const changes: AgentLogState[] = [];

beforeEach(async () => {
    jest.useFakeTimers({ now: NOW });
    changes.length = 0;
    element = createElement('c-presence-sync-live-debug-panel', { is: PresenceSyncLiveDebugPanel });
    Object.assign(element, { agentId: AGENT_USER_ID, agentName: 'Avery Agent', state: state() });
    element.addEventListener('debugchange', (e) => changes.push((e as CustomEvent<AgentLogState>).detail));
    document.body.appendChild(element);
    await flush();
});

afterEach(() => {
    element.remove();
    jest.useRealTimers();
});

const $ = (selector: string): HTMLElement | null => element.shadowRoot!.querySelector(selector);

it('starts live debugging for the chosen time and says until when', async () => {
    const until = NOW + 30 * 60 * 1000;
    jest.mocked(startLiveDebug).mockResolvedValue(
        state({ debugUntil: until, debugSetAt: NOW, debugSetBy: 'Sam Supervisor' })
    );
    $('lightning-combobox.debug-duration')!.dispatchEvent(
        new CustomEvent('change', { detail: { value: '30' } })
    );
    $('lightning-button.start-debug')!.click();
    await flush();
    expect(startLiveDebug).toHaveBeenCalledWith({ userId: AGENT_USER_ID, minutes: 30 });
    expect(changes.map((c) => c.debugUntil)).toEqual([until]);
    expect($('.debug-status')!.textContent).toContain('(started by Sam Supervisor)');
    expect($('lightning-button.stop-debug')).not.toBeNull();

    // The window ends by itself: the panel says so without a reload.
    jest.advanceTimersByTime(30 * 60 * 1000 + 100);
    await flush();
    expect($('.debug-status')!.textContent).toContain('stored at the log level');
    expect(changes).toHaveLength(2);
});

it('stops early, and says what the org refused', async () => {
    element.state = state({ debugUntil: NOW + 60000, debugSetAt: NOW });
    await flush();
    jest.mocked(stopLiveDebug).mockRejectedValueOnce(
        buildApexError('Debugging an agent live needs View Logs.')
    );
    $('lightning-button.stop-debug')!.click();
    await flush();
    expect($('.debug-error')!.textContent).toBe('Debugging an agent live needs View Logs.');
    jest.mocked(stopLiveDebug).mockResolvedValue(state({ debugUntil: NOW, debugSetAt: NOW }));
    $('lightning-button.stop-debug')!.click();
    await flush();
    expect($('lightning-button.start-debug')).not.toBeNull();
});

it('says what the rate limit dropped of the agent', () => {
    const view = debugPanelView(state({ droppedEntries: 12345, lastDroppedAt: NOW }), 'Avery Agent', NOW);
    expect(view.droppedText).toMatch(
        /^The rate limit dropped 12,345 of Avery Agent's log entries, the last at \d\d:30:00\.000/
    );
    expect(debugPanelView(state(), 'Avery Agent', NOW).droppedText).toBeNull();
});
