/**
 * The seed's agent as the org sees it: its memberships, and the rule set that applies to it by
 * PresenceSyncRuleSetService's precedence (User, Group, PermissionSet, Profile, then the org
 * default).
 */
import type { AssignmentType, RuleSet, RuleSetRef } from 'presence-sync/contracts';
import { fakeId } from '../jest-mocks/apex/fixtures';

/** Membership of the seed's agent, for rule set precedence (User, Group, PermissionSet, Profile, Default). */
export const AGENT_MEMBERSHIP: Record<Exclude<AssignmentType, 'User'>, string[]> = {
    Group: [],
    PermissionSet: [fakeId('0PS', 1)],
    Profile: [fakeId('00e', 1)]
};

/** The rule set that applies to `userId`, and through which assignment. */
export function ruleSetFor(
    ruleSets: readonly RuleSet[],
    userId: string
): Pick<RuleSetRef, 'id' | 'name' | 'assignedThrough'> | null {
    const assigned = (type: AssignmentType, ids: string[]): RuleSet | undefined =>
        ruleSets.find((set) => set.assignments.some((a) => a.type === type && ids.includes(a.targetId)));
    const precedence: Array<[AssignmentType, string[]]> = [
        ['User', [userId]],
        ['Group', AGENT_MEMBERSHIP.Group],
        ['PermissionSet', AGENT_MEMBERSHIP.PermissionSet],
        ['Profile', AGENT_MEMBERSHIP.Profile]
    ];
    for (const [type, ids] of precedence) {
        const set = assigned(type, ids);
        if (set) {
            return { id: set.id, name: set.name, assignedThrough: type };
        }
    }
    const fallback = ruleSets.find((set) => set.isDefault);
    return fallback ? { id: fallback.id, name: fallback.name, assignedThrough: 'Default' } : null;
}
