/**
 * The words the emulated health checks share with PresenceSyncHealthService: a result with the
 * Apex label and fix, and the Apex way of writing counts, names and one-decimal figures.
 */
import type { HealthCheckResult, HealthColour } from 'presence-sync/contracts';
import { HEALTH_CHECK_WORDING } from '../jest-mocks/apex/healthFixtures';
import type { HealthCheckId } from '../jest-mocks/apex/healthFixtures';

export const MAX_NAMES = 5;

/** A result with the Apex label; the fix is the Apex one for that colour unless the path has its own. */
export function result(
    id: HealthCheckId,
    status: HealthColour,
    reason: string,
    fix: string | null = HEALTH_CHECK_WORDING[id][status]?.fix ?? null
): HealthCheckResult {
    return {
        id,
        label: HEALTH_CHECK_WORDING[id].label,
        status,
        reason,
        fix: status === 'green' ? null : fix
    };
}

/** Apex Decimal.setScale(1): half-even rounding to one decimal. */
export function oneDecimal(value: number): number {
    const tenths = value * 10;
    const floor = Math.floor(tenths);
    const isHalf = Math.abs(tenths - floor - 0.5) < 1e-9;
    return (isHalf ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(tenths)) / 10;
}

export function colour(value: number, limits: { amber: number; red: number }): HealthColour {
    if (value >= limits.red) {
        return 'red';
    }
    return value >= limits.amber ? 'amber' : 'green';
}

export function plural(n: number, noun: string): string {
    return `${n} ${n === 1 ? noun : noun.endsWith('s') ? `${noun}es` : `${noun}s`}`;
}

export function count(n: number, cap: number): string {
    const shown = n.toLocaleString('en-US');
    return n >= cap ? `More than ${shown}` : shown;
}

export function names(all: string[]): string {
    const shown = all.slice(0, MAX_NAMES).join(', ');
    return all.length > MAX_NAMES ? `${shown} and ${all.length - MAX_NAMES} more` : shown;
}
