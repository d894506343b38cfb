/**
 * The log reader exporting what the filters keep, showing the retention and purging old entries.
 */
import '../../../../../test/jest-mocks/apex/logControllerMocks';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import purgeLogs from '@salesforce/apex/PresenceSyncLogController.purgeLogs';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';
import { OMNI_REFUSAL } from '../../../../../test/traceScenarios';
import type { SyncLogEntry } from 'presence-sync/contracts';
import {
    $,
    change,
    confirmOpen,
    flush,
    mountWithAgent,
    page,
    stored,
    useLogReaderHarness
} from '../../../../../test/logReaderHarness';

useLogReaderHarness();

describe('export', () => {
    let downloads: Array<{ href: string; download: string }>;

    beforeEach(() => {
        downloads = [];
        jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
            this: HTMLAnchorElement
        ) {
            downloads.push({ href: this.href, download: this.download });
        });
    });

    afterEach(() => jest.restoreAllMocks());

    function content(href: string, mime: string): string {
        const prefix = `data:${mime};charset=utf-8,`;
        expect(href.startsWith(prefix)).toBe(true);
        return decodeURIComponent(href.slice(prefix.length));
    }

    it('downloads the visible correlations as CSV', async () => {
        await mountWithAgent();
        change('lightning-checkbox-group.filter-level', { value: ['error'] });
        await flush();
        ($('lightning-button.export-csv') as HTMLElement).click();
        expect(downloads).toHaveLength(1);
        expect(downloads[0].download).toMatch(
            /^presence-sync-log_avery-agent_\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv$/
        );
        const lines = content(downloads[0].href, 'text/csv').trim().split('\r\n');
        expect(lines).toHaveLength(1 + 5);
        expect(lines[0].startsWith('time,epochMs,seq,correlationId,userName')).toBe(true);
        expect(lines[5]).toContain(OMNI_REFUSAL);
    });

    it('downloads every entry as JSON', async () => {
        await mountWithAgent();
        ($('lightning-button.export-json') as HTMLElement).click();
        const json = JSON.parse(content(downloads[0].href, 'application/json')) as SyncLogEntry[];
        expect(json).toHaveLength(stored.length);
        expect(json.map((e) => e.id).sort()).toEqual(stored.map((e) => e.id).sort());
        expect(downloads[0].download.endsWith('.json')).toBe(true);
    });
});

describe('retention and purge', () => {
    it('shows the retention and offers no purge to non-admins', async () => {
        await mountWithAgent();
        expect($('.retention-text')!.textContent).toBe(
            'Sync summaries are kept for 1 day, the steps of syncs that went wrong or were debugged live for 14 days, then purged.'
        );
        expect($('lightning-button.purge')).toBeNull();
    });

    it('purges after confirmation, says how many went, and reloads', async () => {
        jest.mocked(readLogs).mockResolvedValue(page(stored, { canPurge: true }));
        jest.mocked(purgeLogs).mockResolvedValue({ deleted: 1250 });
        confirmOpen.mockResolvedValue(true);
        await mountWithAgent();
        jest.mocked(readLogs).mockClear();

        ($('lightning-button.purge') as HTMLElement).click();
        await flush();
        expect(confirmOpen).toHaveBeenCalledWith(
            expect.objectContaining({
                label: 'Purge sync logs?',
                confirmLabel: 'Purge old entries',
                destructive: true
            })
        );
        expect(purgeLogs).toHaveBeenCalledTimes(1);
        expect(toasts.shown()).toEqual([
            expect.objectContaining({
                label: 'Logs purged',
                message: '1250 old log entries were deleted.',
                variant: 'success'
            })
        ]);
        expect(readLogs).toHaveBeenCalledTimes(1);
    });

    it('does nothing when the admin cancels', async () => {
        jest.mocked(readLogs).mockResolvedValue(page(stored, { canPurge: true }));
        confirmOpen.mockResolvedValue(false);
        await mountWithAgent();
        ($('lightning-button.purge') as HTMLElement).click();
        await flush();
        expect(purgeLogs).not.toHaveBeenCalled();
    });
});
