/**
 * At the default log level (Summary) the org stores one entry per sync, and every step only of the
 * syncs that went wrong. The question the log reader is for must still be answered: why is this
 * agent in this state? The lunch-incident shift goes the whole way here: the engine's session,
 * the agent's log shipper at the Summary level, the emulated org storing it as the Apex does, and
 * readLogs back into the reader.
 */
import '../../../../../test/jest-mocks/apex/logControllerMocks';
import { createElement } from 'lwc';
import PresenceSyncLogReader from 'c/presenceSyncLogReader';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import { createLogShipper } from 'c/presenceSyncLogShipper';
import type { LogPage } from 'presence-sync/contracts';
import { EmulatedOrg } from '../../../../../test/emulators/org';
import { AGENT_USER_ID } from '../../../../../test/jest-mocks/apex/fixtures';
import { OMNI_REFUSAL, recordLunchIncidentShift } from '../../../../../test/traceScenarios';
import type { RecordedShift } from '../../../../../test/traceScenarios';

let shift: RecordedShift;
let stored: LogPage;

beforeAll(async () => {
    shift = await recordLunchIncidentShift();
    const org = new EmulatedOrg({ now: () => shift.endAt });
    org.updateSettings({ logLevel: 'Summary' });
    const shipper = createLogShipper({
        level: 'Summary',
        tabId: 'tab1',
        send: (entriesJson, stateJson) =>
            org.call('PresenceSyncAgentController.writeLogEntries', { entriesJson, stateJson })
    });
    shipper.setWriter(true);
    shift.entries.forEach((entry) => shipper.write(entry));
    await shipper.flush();
    stored = (await org.call('PresenceSyncLogController.readLogs', {
        userId: AGENT_USER_ID,
        fromMs: shift.startAt - 1000,
        toMs: shift.endAt + 1000,
        pageSize: 500,
        pageToken: null
    })) as LogPage;
});

let element: HTMLElement & { agentId?: string; agentName?: string };

function $(selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function $$(selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

async function flush(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

beforeEach(async () => {
    jest.useFakeTimers({ now: shift.endAt + 60 * 1000 });
    jest.mocked(readLogs).mockResolvedValue(stored);
    element = createElement('c-presence-sync-log-reader', { is: PresenceSyncLogReader });
    Object.assign(element, { agentId: AGENT_USER_ID, agentName: 'Avery Agent' });
    document.body.appendChild(element);
    await flush();
});

afterEach(() => {
    element.remove();
    jest.useRealTimers();
});

it('stores far fewer entries than the steps of the shift', () => {
    expect(stored.entries.length).toBeLessThan(shift.entries.length / 2);
    expect(stored.entries.filter((e) => e.step === 'sync-summary').length).toBeGreaterThan(5);
});

it('answers why Amazon Connect was at Lunch while Omni-Channel stayed Available: the refusal, in its words', () => {
    const intervals = $$('.out-of-sync-list li').map((li) => li.textContent);
    expect(intervals[0]).toBe(
        `Out of sync from 09:00:05.000 for 40 s: Amazon Connect Lunch while Omni-Channel stayed Available; expected Omni-Channel Lunch by rule "Connect Lunch sets Omni-Channel Lunch". Cause: ${OMNI_REFUSAL}`
    );
    // The failed sync keeps every step, so the story reads from event to refusal.
    const failed = $$('li.correlation').find((li) => li.textContent!.includes('Failed'))!;
    expect(
        Array.from(failed.querySelectorAll<HTMLElement>('tr[data-step]')).map((tr) => tr.dataset.step)
    ).toEqual(['event-received', 'rules-evaluated', 'decision', 'call-issued', 'call-result']);
    expect(failed.textContent).toContain(OMNI_REFUSAL);
    expect(failed.querySelector('.summarized')).toBeNull();
});

it('answers why Omni-Channel is Working – Phone: the sync, its rule and its round trip, from one summary', () => {
    const phone = $$('li.correlation').find((li) =>
        li.textContent!.includes('Amazon Connect changed from Available to Working - Phone')
    )!;
    expect(phone.textContent).toContain('Synced');
    expect(phone.textContent).toContain('Connect Working - Phone sets Omni-Channel Working – Phone');
    expect(phone.textContent).toContain('Success after 185 ms');
    expect(phone.querySelector('.summarized')!.textContent).toContain('stored as a summary');
});

it('answers why Connect stayed Busy while Omni-Channel was Available: held for the end of the call', () => {
    const intervals = $$('.out-of-sync-list li').map((li) => li.textContent);
    expect(intervals[1]).toMatch(
        /^Out of sync from 09:01:28\.185 for 20 s: Omni-Channel Available while Amazon Connect stayed Busy; expected Amazon Connect Available by rule "Omni-Channel Available sets Connect Available"\. Cause: queued until the contact ends/
    );
    expect($('.swimlane-summary')!.textContent).toContain('out of sync 2 times');
});
