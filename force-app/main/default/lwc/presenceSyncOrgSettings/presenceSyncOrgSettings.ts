import type { SessionSettings } from 'c/presenceSyncEngine';
import type { PresenceSyncSettings } from 'presence-sync/contracts';

/**
 * The org's Presence Sync Settings as the engine's sync session takes them. The agents' sessions
 * and the rule builder's dry run both use this one mapping, so a dry run queues or skips during a
 * contact and trips the flapping guard exactly as the agents do.
 */
export function toSessionSettings(
    settings: PresenceSyncSettings
): Pick<SessionSettings, 'onContact' | 'flapMaxChanges' | 'flapWindowMs'> {
    return {
        onContact: settings.onContact,
        flapMaxChanges: settings.flapMaxChanges,
        flapWindowMs: settings.flapWindowSeconds * 1000
    };
}

/** One line for the admin: which settings the dry run simulates with. */
export function describeSettings(settings: PresenceSyncSettings): string {
    const onContact =
        settings.onContact === 'skip' ? 'skip Connect changes' : 'queue Connect changes as the next state';
    const changes = settings.flapMaxChanges === 1 ? 'change' : 'changes';
    return (
        `Using your org's settings: on a contact, ${onContact}; pause sync after more than ` +
        `${settings.flapMaxChanges} automated ${changes} in ${settings.flapWindowSeconds} s.`
    );
}
