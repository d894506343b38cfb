/**
 * What the agent utility shows, as plain functions of the session's snapshot and the problems:
 * the status box, the utility bar's label and icon, the labels of the panel.
 */
import type { UtilityAttributes } from 'lightning/platformUtilityBarApi';
import type { SessionSnapshot, SyncStatus } from 'c/presenceSyncEngine';
import type { Problem } from './agentProblems';

const STATUS_ICONS: Record<SyncStatus, { icon: string; variant: UtilityAttributes['iconVariant'] }> = {
    'not-ready': { icon: 'spinner', variant: '' },
    'in-sync': { icon: 'check', variant: 'success' },
    syncing: { icon: 'sync', variant: '' },
    pending: { icon: 'clock', variant: '' },
    'no-rule': { icon: 'question', variant: 'warning' },
    'out-of-sync': { icon: 'warning', variant: 'error' },
    paused: { icon: 'pause', variant: 'warning' },
    'read-only': { icon: 'preview', variant: '' }
};

const TONES: Partial<Record<SyncStatus, string>> = {
    'in-sync': 'slds-theme_success',
    'out-of-sync': 'slds-theme_error',
    paused: 'slds-theme_warning',
    'no-rule': 'slds-theme_warning'
};

export function formatTime(at: number): string {
    return new Date(at).toLocaleTimeString();
}

export function statusOf(snapshot: SessionSnapshot | null): SyncStatus {
    return snapshot?.status ?? 'not-ready';
}

export function statusIcon(snapshot: SessionSnapshot | null): string {
    return `utility:${STATUS_ICONS[statusOf(snapshot)].icon}`;
}

/** White on the green and red boxes (their text is white), the default elsewhere. */
export function statusVariant(snapshot: SessionSnapshot | null): string | undefined {
    const status = statusOf(snapshot);
    return status === 'in-sync' || status === 'out-of-sync' ? 'inverse' : undefined;
}

export function statusClass(snapshot: SessionSnapshot | null): string {
    const tone = TONES[statusOf(snapshot)] ?? 'slds-theme_shade';
    return `slds-box slds-box_x-small slds-m-vertical_small ${tone}`;
}

/** The utility bar's own label, icon and highlight, so the agent sees a problem without opening the panel. */
export function utilityAttributes(
    problems: readonly Problem[],
    snapshot: SessionSnapshot | null,
    syncOff: boolean
): UtilityAttributes {
    if (problems.some((p) => p.severity === 'error')) {
        return { label: 'Presence Sync: problem', icon: 'error', iconVariant: 'error', highlighted: true };
    }
    if (syncOff) {
        return { label: 'Presence Sync: off', icon: 'ban', iconVariant: '', highlighted: false };
    }
    const status = statusOf(snapshot);
    const { icon, variant } = STATUS_ICONS[status];
    return {
        label: `Presence Sync: ${(snapshot?.statusText ?? 'Starting').toLowerCase()}`,
        icon,
        iconVariant: variant,
        highlighted: status === 'out-of-sync' || status === 'paused'
    };
}

/** Connect's next state: the one Connect queued, or the one Presence Sync sets when the contact ends. */
export function nextStateLabel(snapshot: SessionSnapshot | null): string | null {
    if (snapshot?.connectDeferredState) {
        return `${snapshot.connectDeferredState} (set by Presence Sync when the contact ends)`;
    }
    return snapshot?.connectNextState ?? null;
}

export function lastRuleLabel(snapshot: SessionSnapshot | null): string {
    const applied = snapshot?.lastApplied;
    return applied ? `${applied.ruleName} (${formatTime(applied.at)})` : 'None yet';
}
