import { sanitiseSettings } from '../sessionSettings';

describe('session settings', () => {
    it('repairs nonsense values with the defaults and rounds down', () => {
        expect(
            sanitiseSettings({
                flapMaxChanges: 0,
                flapWindowMs: 2500.7,
                traceLimit: Number.NaN,
                onContact: 'x' as never
            })
        ).toMatchObject({ flapMaxChanges: 8, flapWindowMs: 2500, traceLimit: 500, onContact: 'queue-next' });
    });
});
