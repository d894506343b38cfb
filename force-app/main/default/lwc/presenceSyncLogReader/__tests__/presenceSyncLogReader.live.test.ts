/**
 * The log reader in live mode: polls for what is new, only while the page is shown.
 */
import '../../../../../test/jest-mocks/apex/logControllerMocks';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import { buildApexError } from '../../../../../test/jest-mocks/apex/fixtures';
import {
    $,
    $$,
    change,
    element,
    flush,
    mountWithAgent,
    page,
    setVisibility,
    shift,
    stored,
    useLogReaderHarness
} from '../../../../../test/logReaderHarness';

useLogReaderHarness();

describe('live mode', () => {
    const cut = (): number => shift.startAt + 50 * 1000;

    async function goLive(): Promise<void> {
        jest.mocked(readLogs).mockResolvedValueOnce(page(stored.filter((e) => e.at < cut())));
        await mountWithAgent();
        // The server answers "since the newest entry you have", inclusive: the overlap must not double up.
        jest.mocked(readLogs).mockResolvedValue(
            page(stored.filter((e) => e.at >= shift.startAt + 45 * 1000))
        );
        change('lightning-input.live', { checked: true });
        await flush();
    }

    it('polls every few seconds for entries newer than the newest shown and appends them once', async () => {
        await goLive();
        const before = $$('tbody tr[data-step]').length;
        expect(before).toBe(stored.filter((e) => e.at < cut()).length);
        jest.mocked(readLogs).mockClear();

        jest.advanceTimersByTime(5000);
        await flush();
        expect(readLogs).toHaveBeenCalledTimes(1);
        const call = jest.mocked(readLogs).mock.calls[0][0];
        expect(call.fromMs).toBe(Math.max(...stored.filter((e) => e.at < cut()).map((e) => e.at)));
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);
        const added = stored.length - before;
        expect($('.announcement')!.textContent).toBe(`${added} new log entries.`);

        jest.advanceTimersByTime(5000);
        await flush();
        expect($$('tbody tr[data-step]')).toHaveLength(stored.length);
    });

    it('stops while the page is hidden and resumes when it is shown again', async () => {
        await goLive();
        jest.mocked(readLogs).mockClear();
        setVisibility('hidden');
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();

        setVisibility('visible');
        jest.advanceTimersByTime(5000);
        await flush();
        expect(readLogs).toHaveBeenCalledTimes(1);
    });

    it('stops when turned off and when the component goes away', async () => {
        await goLive();
        jest.mocked(readLogs).mockClear();
        change('lightning-input.live', { checked: false });
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();

        change('lightning-input.live', { checked: true });
        document.body.removeChild(element);
        jest.advanceTimersByTime(20000);
        await flush();
        expect(readLogs).not.toHaveBeenCalled();
    });

    it('turns itself off with the reason when a poll fails', async () => {
        await goLive();
        jest.mocked(readLogs).mockRejectedValue(buildApexError('Session expired.'));
        jest.advanceTimersByTime(5000);
        await flush();
        expect($('.error-text')!.textContent).toBe('Live mode stopped: Session expired.');
        jest.mocked(readLogs).mockClear();
        jest.advanceTimersByTime(20000);
        expect(readLogs).not.toHaveBeenCalled();
    });
});
