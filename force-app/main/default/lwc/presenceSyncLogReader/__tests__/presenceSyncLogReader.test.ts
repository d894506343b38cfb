/**
 * The log reader: picking an agent (search, keys, a link from the health check) and a time range.
 */
import '../../../../../test/jest-mocks/apex/logControllerMocks';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import { CurrentPageReference } from 'lightning/navigation';
import { buildAssigneeOptions } from '../../../../../test/jest-mocks/apex/fixtures';
import {
    $,
    $$,
    change,
    flush,
    mount,
    mountWithAgent,
    page,
    shift,
    stored,
    useLogReaderHarness
} from '../../../../../test/logReaderHarness';

useLogReaderHarness();

describe('picking an agent and a time range', () => {
    it('searches users, loads the picked agent’s last hour and draws the timeline', async () => {
        await mount();
        expect(readLogs).not.toHaveBeenCalled();

        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(300);
        await flush();
        expect(searchAgents).toHaveBeenCalledWith({ term: 'av' });
        const options = $$('button.agent-option');
        expect(options.map((o) => o.textContent!.trim())).toEqual(['Avery Agent', 'Blake Backup']);

        options[0].click();
        await flush();
        // Fake time moved on by the search pause.
        const now = shift.endAt + 60 * 1000 + 300;
        expect(readLogs).toHaveBeenCalledWith({
            userId: buildAssigneeOptions('User')[0].id,
            fromMs: now - 60 * 60 * 1000,
            toMs: now,
            pageSize: 500,
            pageToken: null
        });
        const correlations = new Set(stored.map((e) => e.correlationId));
        expect($$('li.correlation')).toHaveLength(correlations.size);
        expect($('.agent-picked')!.textContent).toContain('Avery Agent');
        expect($('.announcement')!.textContent).toBe(
            `Loaded ${stored.length} log entries in ${correlations.size} syncs for Avery Agent.`
        );
    });

    it('moves through the suggestions with the arrow keys, and back to the field with Escape', async () => {
        await mount();
        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(300);
        await flush();
        const options = $$('button.agent-option');
        const field = $('lightning-input.agent-search')!;
        const focused: Element[] = [];
        for (const target of [...options, field]) {
            jest.spyOn(target as HTMLElement, 'focus').mockImplementation(() => focused.push(target));
        }
        const press = (from: Element, key: string): void => {
            from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        };
        press(field, 'ArrowDown');
        expect(focused.at(-1)).toBe(options[0]);
        options[0].focus = HTMLElement.prototype.focus;
        options[0].setAttribute('tabindex', '0');
        HTMLElement.prototype.focus.call(options[0]);
        press(options[0], 'ArrowDown');
        expect(focused.at(-1)).toBe(options[1]);
        HTMLElement.prototype.focus.call(options[1]);
        press(options[1], 'Escape');
        expect(focused.at(-1)).toBe(field);
    });

    it('opens on the agent a link names (from the health check)', async () => {
        await mount();
        // The Jest stub is a test wire adapter: emitting is how a test changes the page.
        // eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
        (CurrentPageReference as unknown as { emit(value: unknown): void }).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Presence_Sync_Log_Reader' },
            state: { c__agentId: stored[0].userId, c__agentName: 'Avery Agent' }
        });
        await flush();
        expect(jest.mocked(readLogs).mock.calls[0][0].userId).toBe(stored[0].userId);
        expect($('.agent-picked')!.textContent).toContain('Avery Agent');
        expect($$('li.correlation').length).toBeGreaterThan(0);
    });

    it('types one search per pause, not one per key', async () => {
        await mount();
        change('lightning-input.agent-search', { value: 'av' });
        jest.advanceTimersByTime(100);
        change('lightning-input.agent-search', { value: 'ave' });
        jest.advanceTimersByTime(300);
        await flush();
        expect(searchAgents).toHaveBeenCalledTimes(1);
        expect(searchAgents).toHaveBeenCalledWith({ term: 'ave' });
    });

    it('says so when nobody matches', async () => {
        jest.mocked(searchAgents).mockResolvedValue([]);
        await mount();
        change('lightning-input.agent-search', { value: 'zz' });
        jest.advanceTimersByTime(300);
        await flush();
        expect($('.no-agent')!.textContent).toBe('No agent matches "zz".');
    });

    it('reloads with another range and follows page tokens to older pages', async () => {
        const older = stored.slice(0, 10);
        const newer = stored.slice(10);
        jest.mocked(readLogs)
            .mockResolvedValueOnce(page(newer, { nextPageToken: 'page-2' }))
            .mockResolvedValueOnce(page(older));
        await mountWithAgent();
        expect(readLogs).toHaveBeenCalledTimes(2);
        expect(jest.mocked(readLogs).mock.calls[1][0].pageToken).toBe('page-2');
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);

        change('lightning-combobox.range', { value: '1440' });
        await flush();
        const last = jest.mocked(readLogs).mock.calls.at(-1)![0];
        expect(last.toMs - last.fromMs).toBe(24 * 60 * 60 * 1000);
    });

    it('refuses a custom range that ends before it starts', async () => {
        await mountWithAgent();
        jest.mocked(readLogs).mockClear();
        change('lightning-combobox.range', { value: 'custom' });
        await flush();
        change('lightning-input.custom-from', { value: '2026-01-05T10:00:00.000Z' });
        change('lightning-input.custom-to', { value: '2026-01-05T09:00:00.000Z' });
        ($('lightning-button.load') as HTMLElement).click();
        await flush();
        expect(readLogs).not.toHaveBeenCalled();
        expect($('.error-text')!.textContent).toBe('Choose a start time before the end time.');
    });
});
