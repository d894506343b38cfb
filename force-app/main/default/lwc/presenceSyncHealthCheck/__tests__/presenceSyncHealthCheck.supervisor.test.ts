import { createElement } from 'lwc';
import PresenceSyncHealthCheck from 'c/presenceSyncHealthCheck';
import getHealthReport from '@salesforce/apex/PresenceSyncHealthController.getHealthReport';
import { buildHealthReport } from '../../../../../test/jest-mocks/apex/healthFixtures';

// A supervisor: may read the health check, may not administer (its own file: the import is read once).
jest.mock(
    '@salesforce/customPermission/Presence_Sync_Administer_Rules',
    () => ({ __esModule: true, default: false }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/PresenceSyncHealthController.getHealthReport', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncHealthController.schedulePurge', () => ({ default: jest.fn() }), {
    virtual: true
});

it('shows a supervisor the unscheduled purge and its fix, without the admin-only button', async () => {
    jest.mocked(getHealthReport).mockResolvedValue(
        buildHealthReport({
            colours: { 'purge-job': 'amber' },
            logStats: {
                entries24h: 10,
                errors24h: 0,
                retentionDays: 14,
                summaryRetentionDays: 1,
                purgeScheduled: false
            }
        })
    );
    const element = createElement('c-presence-sync-health-check', { is: PresenceSyncHealthCheck });
    document.body.appendChild(element);
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    await new Promise((resolve) => setTimeout(resolve, 0));

    const row = element.shadowRoot!.querySelector('li[data-id="purge-job"]')!;
    expect(row.querySelector('.check-fix')!.textContent).toBe(
        'Fix: An admin clicks Schedule purge on this page to run it every hour.'
    );
    expect(row.querySelector('lightning-button.schedule-purge')).toBeNull();
});
