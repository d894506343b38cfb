import { CONNECT_SYSTEM_STATES, SOURCE_EVENT_LABELS } from 'c/presenceSyncEngine';

describe('vocabulary', () => {
    it('labels the source events with the words admins know', () => {
        expect(SOURCE_EVENT_LABELS.ConnectStateChange).toBe('Connect Agent State Change');
    });
    it('treats the seed restricted states as system states', () => {
        for (const s of ['Busy', 'Pending', 'PendingBusy', 'CallingCustomer', 'AfterCallWork']) {
            expect(CONNECT_SYSTEM_STATES.has(s)).toBe(true);
        }
        expect(CONNECT_SYSTEM_STATES.has('Available')).toBe(false);
    });
});
