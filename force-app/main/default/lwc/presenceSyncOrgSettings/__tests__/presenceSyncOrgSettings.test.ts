import { describeSettings, toSessionSettings } from 'c/presenceSyncOrgSettings';
import { buildSettings } from '../../../../../test/jest-mocks/apex/fixtures';

describe('org settings for sync sessions', () => {
    it('turns seconds into the milliseconds the session counts in', () => {
        expect(
            toSessionSettings(buildSettings({ onContact: 'skip', flapMaxChanges: 8, flapWindowSeconds: 10 }))
        ).toEqual({ onContact: 'skip', flapMaxChanges: 8, flapWindowMs: 10000 });
    });

    it('says in one line which policy and limits the dry run uses', () => {
        expect(describeSettings(buildSettings({ flapMaxChanges: 8, flapWindowSeconds: 10 }))).toBe(
            "Using your org's settings: on a contact, queue Connect changes as the next state; pause sync after more than 8 automated changes in 10 s."
        );
        expect(describeSettings(buildSettings({ onContact: 'skip', flapMaxChanges: 1 }))).toContain(
            'on a contact, skip Connect changes; pause sync after more than 1 automated change in'
        );
    });
});
