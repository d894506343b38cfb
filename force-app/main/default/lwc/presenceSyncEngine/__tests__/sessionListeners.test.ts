import { SessionListeners } from '../sessionListeners';
import type { SessionSnapshot } from 'c/presenceSyncEngine';

const snapshot = { status: 'in-sync' } as SessionSnapshot;

describe('session listeners', () => {
    it('hands every listener the snapshot, past one that throws, and stops after unsubscribe', () => {
        const listeners = new SessionListeners();
        const heard: string[] = [];
        listeners.subscribe(() => {
            throw new Error('broken');
        });
        const stop = listeners.subscribe((s) => heard.push(s.status));
        listeners.notify(() => snapshot);
        stop();
        listeners.notify(() => snapshot);
        expect(heard).toEqual(['in-sync']);
    });

    it('builds no snapshot when nobody listens', () => {
        const build = jest.fn(() => snapshot);
        new SessionListeners().notify(build);
        expect(build).not.toHaveBeenCalled();
    });

    it('releases idle waiters, and clearing releases them too', async () => {
        const listeners = new SessionListeners();
        const first = listeners.whenIdle();
        listeners.releaseIdle();
        await expect(first).resolves.toBeUndefined();
        const second = listeners.whenIdle();
        listeners.clear();
        await expect(second).resolves.toBeUndefined();
    });
});
