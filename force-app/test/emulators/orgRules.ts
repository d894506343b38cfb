/**
 * The emulated org's rules and rule sets, as PresenceSyncRuleService, PresenceSyncRuleBatch and
 * PresenceSyncRuleSetService keep them. Rule saves are validated as the org validates them: the
 * engine's `validateRule`, then what only the org knows (the presence status exists, the Connect
 * state is among the admin's list, field lengths), with the Apex validator's wording. Every rule
 * change publishes `Presence_Sync_Rules_Changed__e`.
 */
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { checkBatch, RULE_LIMITS, ruleSetNameProblems } from 'c/presenceSyncRuleChecks';
import type { OrgFacts } from 'c/presenceSyncRuleChecks';
import type {
    RuleBuilderData,
    RejectedRule,
    RuleSet,
    RuleSetDeletion,
    SaveRulesResult
} from 'presence-sync/contracts';
import { buildAccessReport, DEFAULT_RULE_SET_ID, fakeId } from '../jest-mocks/apex/fixtures';
import { ApexError, parseJsonArray, parseJsonObject, RULES_CHANGED_CHANNEL, stringList } from './orgData';
import { OrgPart } from './orgData';
import type { ApexHandler } from './orgData';

const RECORD_ID = /^[a-zA-Z0-9]{18}$/;
/** PresenceSyncRuleService.MAX_RULES_PER_SAVE: rules one request may carry. */
const MAX_RULES_PER_SAVE = 500;
/** PresenceSyncRuleService's refusal when a rule set id names no rule set (deleted meanwhile, or reset). */
const RULE_SET_GONE = 'The rule set no longer exists or you cannot see it. Reload and try again.';
/** PresenceSyncRuleSetService's refusals. */
const RULE_SET_DEFAULT_UNDELETABLE =
    'The org default rule set cannot be deleted: agents without another rule set use it. Make another rule set the org default first.';
const RULE_SET_MOVE_TARGET_GONE =
    'The rule set to move the assignments to no longer exists. Reload and choose another one.';

export class OrgRules extends OrgPart {
    /** The Apex methods of PresenceSyncRuleController this part serves (searchAssignees is the org's). */
    handlers(): Record<string, ApexHandler> {
        return {
            'PresenceSyncRuleController.getRuleBuilderData': () => this.getRuleBuilderData(),
            'PresenceSyncRuleController.getRules': (p) => this.rulesOf(this.ruleSetIdParam(p), false),
            'PresenceSyncRuleController.saveRules': (p) => this.saveRules(p),
            'PresenceSyncRuleController.saveRuleBatch': (p) => this.saveRuleBatch(p),
            'PresenceSyncRuleController.deleteRuleSet': (p) => this.deleteRuleSet(p),
            'PresenceSyncRuleController.deleteRules': (p) => this.deleteRules(p),
            'PresenceSyncRuleController.setRulesActive': (p) => this.setRulesActive(p),
            'PresenceSyncRuleController.reorderRules': (p) => this.reorderRules(p),
            'PresenceSyncRuleController.saveRuleSet': (p) => this.saveRuleSet(p)
        };
    }

    /**
     * Makes the given rules the whole content of their rule set (default set when they name none),
     * as `workbench.rules.replace` does; see storeKeepingIds.
     */
    replaceRules(rules: PresenceSyncRule[], ruleSetId: string): SaveRulesResult {
        const removed = this.data.rules.filter((r) => r.ruleSetId === ruleSetId);
        this.data.rules = this.data.rules.filter((r) => r.ruleSetId !== ruleSetId);
        try {
            const result = this.storeKeepingIds(ruleSetId, rules, removed);
            this.rulesChanged(ruleSetId, result.saved.length > 0 || removed.length > 0);
            return result;
        } catch (error) {
            this.data.rules.push(...removed);
            throw error;
        }
    }

    /** The agent's own state record (PresenceSyncAgentStateStore): created at the first write. */

    getRuleBuilderData(): RuleBuilderData {
        return {
            access: buildAccessReport(),
            readOnlyReason: null,
            ruleSets: this.data.ruleSets.map((set) => ({ ...set, assignments: [...set.assignments] })),
            statuses: this.org.statuses,
            serviceChannels: this.org.channels,
            connectStates: [...this.data.connectStates],
            settings: { ...this.data.settings }
        };
    }

    rulesOf(ruleSetId: string, activeOnly: boolean): PresenceSyncRule[] {
        return this.data.rules
            .filter((r) => r.ruleSetId === ruleSetId && (!activeOnly || r.active))
            .sort((a, b) => a.order - b.order)
            .map((r) => ({ ...r }));
    }

    private saveRules(params: Record<string, unknown>): SaveRulesResult {
        return this.saveBatch(
            this.ruleSetIdParam(params),
            parseJsonArray<PresenceSyncRule>(params.rulesJson, 'rulesJson'),
            []
        );
    }

    private saveRuleBatch(params: Record<string, unknown>): SaveRulesResult {
        return this.saveBatch(
            this.ruleSetIdParam(params),
            parseJsonArray<PresenceSyncRule>(params.rulesJson, 'rulesJson'),
            params.deleteRuleIds === undefined || params.deleteRuleIds === null
                ? []
                : stringList(params.deleteRuleIds, 'deleteRuleIds')
        );
    }

    /**
     * PresenceSyncRuleBatch: all or nothing. Every rule is checked (engine, org, unique names, a
     * record id that is no longer in the set) and the set's size afterwards; only when nothing is
     * refused are the given rules deleted and the batch stored. A rule whose id names one of the
     * set's rules updates it; any other rule gets a new record id, whatever id the builder sent.
     */
    private saveBatch(ruleSetId: string, batch: PresenceSyncRule[], deleteIds: string[]): SaveRulesResult {
        if (batch.length > MAX_RULES_PER_SAVE || deleteIds.length > MAX_RULES_PER_SAVE) {
            throw new ApexError(
                `At most ${MAX_RULES_PER_SAVE} rules can be saved or deleted at once; this request had ${Math.max(batch.length, deleteIds.length)}.`
            );
        }
        const current = this.rulesOf(ruleSetId, false);
        const check = checkBatch(current, batch, deleteIds, this.orgFacts());
        if (check.problem) {
            throw new ApexError(check.problem);
        }
        if (check.refused.length > 0) {
            return { saved: [], rejected: check.refused.map((entry) => this.rejection(batch, entry)) };
        }
        const currentIds = new Set(current.map((rule) => rule.id));
        const deleting = new Set(deleteIds.filter((id) => currentIds.has(id)));
        this.data.rules = this.data.rules.filter((rule) => !deleting.has(rule.id));
        const saved = batch.map((candidate) => {
            const updates = currentIds.has(candidate.id) && !deleting.has(candidate.id);
            const rule: PresenceSyncRule = {
                ...candidate,
                ruleSetId,
                id: updates ? candidate.id : this.newRuleId()
            };
            if (updates) {
                this.data.rules[this.data.rules.findIndex((r) => r.id === rule.id)] = rule;
            } else {
                this.data.rules.push(rule);
            }
            return { ...rule };
        });
        this.rulesChanged(ruleSetId, saved.length > 0 || deleting.size > 0);
        return { saved, rejected: [] };
    }

    private rejection(
        batch: PresenceSyncRule[],
        entry: { position: number; name: string; issues: RejectedRule['issues'] }
    ): RejectedRule {
        const candidate = batch[entry.position - 1];
        return {
            id: typeof candidate?.id === 'string' ? candidate.id : '',
            position: entry.position,
            name: entry.name,
            issues: entry.issues
        };
    }

    /**
     * For `workbench.rules.replace`: the given rules become the whole rule set, each checked as the
     * org checks it; refused ones are reported and the others stored. A rule keeps the id it is
     * given, so that a test finds its own ids in the rules and in the trace's ruleId; it gets a new
     * id only when it has none, or when another rule set or an earlier rule of the list has it.
     */
    private storeKeepingIds(
        ruleSetId: string,
        incoming: PresenceSyncRule[],
        replaced: PresenceSyncRule[]
    ): SaveRulesResult {
        const check = checkBatch(
            replaced,
            incoming,
            replaced.map((r) => r.id),
            this.orgFacts()
        );
        if (check.problem) {
            throw new ApexError(check.problem);
        }
        const refused = new Map(check.refused.map((entry) => [entry.position, entry]));
        const result: SaveRulesResult = { saved: [], rejected: [] };
        const savedIds = new Set<string>();
        incoming.forEach((candidate, index) => {
            const entry = refused.get(index + 1);
            if (entry) {
                result.rejected.push(this.rejection(incoming, entry));
                return;
            }
            const clientId = typeof candidate.id === 'string' ? candidate.id : '';
            const free =
                clientId !== '' && !savedIds.has(clientId) && !this.data.rules.some((r) => r.id === clientId);
            const saved: PresenceSyncRule = {
                ...candidate,
                ruleSetId,
                id: free ? clientId : this.newRuleId()
            };
            savedIds.add(saved.id);
            this.data.rules.push(saved);
            result.saved.push({ ...saved });
        });
        return result;
    }

    /** A record id no stored rule has (a caller's kept id may look like one). */
    private newRuleId(): string {
        let id = fakeId('a0C', this.data.nextId++);
        while (this.data.rules.some((r) => r.id === id)) {
            id = fakeId('a0C', this.data.nextId++);
        }
        return id;
    }

    private orgFacts(): OrgFacts {
        return {
            statusNames: this.org.statuses.map((s) => s.developerName),
            connectStates: this.data.connectStates
        };
    }

    private deleteRules(params: Record<string, unknown>): void {
        const ids = stringList(params.ruleIds, 'ruleIds');
        const removed = this.data.rules.filter((r) => ids.includes(r.id));
        this.data.rules = this.data.rules.filter((r) => !ids.includes(r.id));
        this.changedSets(removed);
    }

    private setRulesActive(params: Record<string, unknown>): void {
        const ids = stringList(params.ruleIds, 'ruleIds');
        if (typeof params.active !== 'boolean') {
            throw new ApexError('active must be true or false.');
        }
        const changed = this.data.rules.filter((r) => ids.includes(r.id));
        changed.forEach((r) => (r.active = params.active as boolean));
        this.changedSets(changed);
    }

    private reorderRules(params: Record<string, unknown>): void {
        const ruleSetId = this.ruleSetIdParam(params);
        const ordered = stringList(params.orderedRuleIds, 'orderedRuleIds');
        ordered.forEach((id, i) => {
            const rule = this.data.rules.find((r) => r.id === id && r.ruleSetId === ruleSetId);
            if (!rule) {
                throw new ApexError(`Rule ${id} is not in this rule set.`);
            }
            rule.order = i + 1;
        });
        this.rulesChanged(ruleSetId, true);
    }

    /** PresenceSyncRuleService.saveRuleSet: name rules, one rule set per target, assignments replaced. */
    private saveRuleSet(params: Record<string, unknown>): RuleSet {
        const incoming = parseJsonObject<RuleSet>(params.ruleSetJson, 'ruleSetJson');
        const existing = incoming.id ? this.data.ruleSets.find((s) => s.id === incoming.id) : undefined;
        if (incoming.id && !existing) {
            throw new ApexError(RULE_SET_GONE);
        }
        const others = this.data.ruleSets.filter((s) => s.id !== existing?.id);
        const [problem] = ruleSetNameProblems(
            incoming.name,
            others.map((s) => s.name)
        );
        if (problem) {
            throw new ApexError(problem);
        }
        const conflicts = (incoming.assignments ?? []).flatMap((a) => {
            const owner = others.find((s) => s.assignments.some((o) => o.targetId === a.targetId));
            return owner ? [`${a.targetName} (in ${owner.name})`] : [];
        });
        if (conflicts.length > 0) {
            throw new ApexError(
                `Each user, group, permission set or profile can belong to one rule set only. Remove these from their other rule set first: ${conflicts.join(', ')}.`
            );
        }
        const id = existing?.id ?? fakeId('a0B', this.data.nextId++);
        const description = typeof incoming.description === 'string' ? incoming.description.trim() : '';
        const saved: RuleSet = {
            id,
            name: String(incoming.name).trim(),
            description:
                description === '' ? null : description.slice(0, RULE_LIMITS.ruleSetDescriptionLength),
            isDefault: Boolean(incoming.isDefault),
            assignments: (incoming.assignments ?? []).map((a) => ({
                ...a,
                id: a.id && RECORD_ID.test(a.id) ? a.id : fakeId('a0D', this.data.nextId++),
                ruleSetId: id
            }))
        };
        if (saved.isDefault) {
            this.data.ruleSets.forEach((s) => (s.isDefault = false));
        }
        this.data.ruleSets = existing
            ? this.data.ruleSets.map((s) => (s.id === id ? saved : s))
            : [...this.data.ruleSets, saved];
        this.rulesChanged(id, true);
        return saved;
    }

    /**
     * PresenceSyncRuleSetService.deleteRuleSet: deletes a rule set with its rules. Its assignments
     * move to `moveAssignmentsToId` when given, else they go with it and those agents fall back
     * to their next assignment or the org default. The org default cannot be deleted.
     */
    private deleteRuleSet(params: Record<string, unknown>): RuleSetDeletion {
        const ruleSet = this.data.ruleSets.find((s) => s.id === this.ruleSetIdParam(params))!;
        if (ruleSet.isDefault) {
            throw new ApexError(RULE_SET_DEFAULT_UNDELETABLE);
        }
        const moveTo = params.moveAssignmentsToId;
        let target: RuleSet | undefined;
        if (typeof moveTo === 'string' && moveTo !== '') {
            target = this.data.ruleSets.find((s) => s.id === moveTo && s.id !== ruleSet.id);
            if (!target) {
                throw new ApexError(RULE_SET_MOVE_TARGET_GONE);
            }
            const moved = ruleSet.assignments.map((a) => ({
                ...a,
                id: fakeId('a0D', this.data.nextId++),
                ruleSetId: target!.id
            }));
            target.assignments = [...target.assignments, ...moved];
        }
        const deletedRules = this.data.rules.filter((r) => r.ruleSetId === ruleSet.id).length;
        this.data.rules = this.data.rules.filter((r) => r.ruleSetId !== ruleSet.id);
        this.data.ruleSets = this.data.ruleSets.filter((s) => s.id !== ruleSet.id);
        this.rulesChanged(ruleSet.id, true);
        if (target) {
            this.org.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: target.id });
        }
        return {
            deletedRules,
            movedAssignments: target ? ruleSet.assignments.length : 0,
            removedAssignments: target ? 0 : ruleSet.assignments.length
        };
    }

    private changedSets(rules: PresenceSyncRule[]): void {
        const sets = new Set(rules.map((r) => r.ruleSetId ?? DEFAULT_RULE_SET_ID));
        if (sets.size === 0) {
            this.org.persist();
        }
        sets.forEach((id) => this.rulesChanged(id, true));
    }

    private rulesChanged(ruleSetId: string, publish: boolean): void {
        this.org.persist();
        if (publish) {
            this.org.publish(RULES_CHANGED_CHANNEL, { RuleSetId__c: ruleSetId });
        }
    }

    ruleSetIdParam(params: Record<string, unknown>): string {
        const id = params.ruleSetId;
        if (typeof id !== 'string' || !this.data.ruleSets.some((s) => s.id === id)) {
            throw new ApexError(RULE_SET_GONE);
        }
        return id;
    }
}
