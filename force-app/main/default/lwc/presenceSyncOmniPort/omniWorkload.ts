import type { SessionInput } from 'c/presenceSyncEngine';
import type { OmniWorkloadChangedPayload } from 'presence-sync/omni-bridge';

/**
 * The Console Developer Guide types the workload numbers as numbers, the component reference as
 * strings: both are read (decimal text or numbers), anything else is no number.
 */
function toNumber(value: unknown): number | null {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : null;
    }
    if (typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        return Number.isFinite(n) ? n : null;
    }
    return null;
}

/**
 * The interruptible fields of a workload event, when all three are numbers. Orgs that route no
 * interruptible work may leave them out; rules on them then simply do not match.
 */
function interruptibleOf(
    payload: OmniWorkloadChangedPayload
): Partial<
    Record<
        'previousInterruptibleWorkload' | 'newInterruptibleWorkload' | 'configuredInterruptibleCapacity',
        number
    >
> {
    const previousInterruptibleWorkload = toNumber(payload.previousInterruptibleWorkload);
    const newInterruptibleWorkload = toNumber(payload.newInterruptibleWorkload);
    const configuredInterruptibleCapacity = toNumber(payload.configuredInterruptibleCapacity);
    if (
        previousInterruptibleWorkload === null ||
        newInterruptibleWorkload === null ||
        configuredInterruptibleCapacity === null
    ) {
        return {};
    }
    return { previousInterruptibleWorkload, newInterruptibleWorkload, configuredInterruptibleCapacity };
}

/** A workload event as a session input, or null when its primary numbers are missing. */
export function workloadInput(payload: OmniWorkloadChangedPayload): SessionInput | null {
    const previousWorkload = toNumber(payload.previousWorkload);
    const newWorkload = toNumber(payload.newWorkload);
    const configuredCapacity = toNumber(payload.configuredCapacity);
    if (previousWorkload === null || newWorkload === null || configuredCapacity === null) {
        return null;
    }
    return {
        kind: 'omni-workload',
        previousWorkload,
        newWorkload,
        configuredCapacity,
        ...interruptibleOf(payload)
    };
}
