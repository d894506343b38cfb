/** Rule sets and trace helpers the sync session's tests share. */
import { expandMappings } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, TraceEntry } from 'c/presenceSyncEngine';
import { lunchRule } from './ruleShapes';

/** Connect Lunch ⇄ Omni Lunch, Connect Available ⇄ Omni Available, Omni Offline → Connect Offline. */
export function bidirectional(): PresenceSyncRule[] {
    return expandMappings([
        { id: 'lunch', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' },
        { id: 'avail', connectState: 'Available', salesforceStatus: 'Available', type: 'BiDirectional' },
        { id: 'off', connectState: 'Offline', salesforceStatus: 'Offline', type: 'Subscriber' }
    ]);
}

/** A Connect Lunch → Omni Lunch rule unless told otherwise. */
export function rule(partial: Partial<PresenceSyncRule> & Pick<PresenceSyncRule, 'id'>): PresenceSyncRule {
    return lunchRule({ name: partial.id, ...partial });
}

/** `step` or `step:result` of each entry, optionally of one correlation only. */
export function steps(entries: TraceEntry[], correlationId?: string): string[] {
    return entries
        .filter((e) => correlationId === undefined || e.correlationId === correlationId)
        .map((e) => (e.result ? `${e.step}:${e.result}` : e.step));
}
