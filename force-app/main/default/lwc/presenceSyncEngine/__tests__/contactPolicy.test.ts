import { connectMode } from '../contactPolicy';
import type { ConnectActivity } from 'c/presenceSyncEngine';

const onCall = (partial: Partial<ConnectActivity> = {}): ConnectActivity => ({
    onContact: true,
    availabilityState: 'Available',
    nextState: null,
    ...partial
});

describe('contact policy (Connect’s next-status rules)', () => {
    it('writes at once when the agent has no contact, whatever the state type', () => {
        expect(connectMode('Available', { ...onCall(), onContact: false }, 'routable', 'queue-next')).toEqual(
            {
                mode: 'write'
            }
        );
    });

    it('queues a custom not-routable state or Offline as the next state', () => {
        expect(connectMode('Lunch', onCall(), 'not_routable', 'queue-next').mode).toBe('queue');
        expect(connectMode('Offline', onCall(), 'offline', 'queue-next').mode).toBe('queue');
    });

    it('holds a routable state until the contact ends: Connect cannot queue it', () => {
        const mode = connectMode(
            'Available',
            onCall({ availabilityState: 'Lunch' }),
            'routable',
            'queue-next'
        );
        expect(mode).toMatchObject({ mode: 'defer' });
    });

    it('never queues the availability state (InvalidStateException): skips it, or holds it over another next state', () => {
        expect(
            connectMode('Lunch', onCall({ availabilityState: 'Lunch' }), 'not_routable', 'queue-next')
        ).toEqual({
            mode: 'skip',
            reason: "Connect returns to Lunch by itself when the contact ends (it is the agent's availability state)."
        });
        expect(
            connectMode(
                'Lunch',
                onCall({ availabilityState: 'Lunch', nextState: 'Offline' }),
                'not_routable',
                'queue-next'
            ).mode
        ).toBe('defer');
    });

    it('skips what is already the next state, and everything with the skip setting', () => {
        expect(connectMode('Lunch', onCall({ nextState: 'Lunch' }), 'not_routable', 'queue-next')).toEqual({
            mode: 'skip',
            reason: 'Connect already has Lunch as its next state.'
        });
        expect(connectMode('Lunch', onCall(), 'not_routable', 'skip').mode).toBe('skip');
    });

    it('holds a state Connect does not list until the contact ends (Connect then says what is wrong)', () => {
        expect(connectMode('Nap', onCall(), null, 'queue-next').mode).toBe('defer');
    });
});
