import { byPrecedence, matches, resolve } from './compiledRule';
import type { CompiledRule, CompiledSide } from './compiledRule';
import { NUMERIC_OPERANDS } from './ruleCatalog';
import type { Decision, PresenceEvent } from './types';

/*
 * The rules of one source event, sorted by precedence once: "operand Equal static value"
 * criteria are looked up by the event's value, the others scanned until both destinations are
 * decided.
 */

/** Rules whose criterion is "operand Equal static value": found by the event's value, not by scanning. */
interface EqualityIndex {
    side: CompiledSide;
    /** Keyed by the text of the value that matches (numbers in their canonical form). */
    byValue: Map<string, CompiledRule[]>;
}

export interface SourceGroup {
    indexes: EqualityIndex[];
    /** Every other rule, in precedence order. */
    scanned: CompiledRule[];
    hasConnect: boolean;
    hasSalesforce: boolean;
}

/** The key an operand's value is found under: numbers canonical, so '5.0' and 5 meet at '5'. */
function keyOf(value: string | number): string {
    return typeof value === 'number' ? String(value) : value;
}

/**
 * For "X Equal static" (either way round, X not static), the index side and the key the static
 * value matches; undefined when the rule has to be scanned.
 */
function indexKey(rule: CompiledRule): { side: CompiledSide; key: string } | undefined {
    if (rule.comparator !== 'Equal') {
        return undefined;
    }
    const { a, b } = rule;
    const [dynamic, fixed] = a.operand === 'StaticValue' ? [b, a] : [a, b];
    if (dynamic.operand === 'StaticValue' || fixed.operand !== 'StaticValue') {
        return undefined;
    }
    // A numeric operand meets a number under its canonical text; a text operand meets the text as written.
    const key =
        NUMERIC_OPERANDS.has(dynamic.operand) && typeof fixed.fixed === 'number'
            ? String(fixed.fixed)
            : fixed.text;
    return { side: dynamic, key };
}

export function buildGroup(rules: CompiledRule[]): SourceGroup {
    rules.sort(byPrecedence);
    const group: SourceGroup = { indexes: [], scanned: [], hasConnect: false, hasSalesforce: false };
    rules.forEach((rule, rank) => {
        rule.rank = rank;
        if (rule.destination === 'ConnectAgentState') {
            group.hasConnect = true;
        } else {
            group.hasSalesforce = true;
        }
        const found = indexKey(rule);
        if (!found) {
            group.scanned.push(rule);
            return;
        }
        let index = group.indexes.find((i) => i.side.operand === found.side.operand);
        if (!index) {
            index = { side: found.side, byValue: new Map() };
            group.indexes.push(index);
        }
        const bucket = index.byValue.get(found.key);
        if (bucket) {
            bucket.push(rule);
        } else {
            index.byValue.set(found.key, [rule]);
        }
    });
    return group;
}

/** A source without rules: decides nothing. */
export const NO_GROUP: SourceGroup = { indexes: [], scanned: [], hasConnect: false, hasSalesforce: false };

function decision(rule: CompiledRule): Decision {
    return { ruleId: rule.id, destination: rule.destination, value: rule.value };
}

/** The rule that takes precedence of the best so far and a matching one. */
function better(best: CompiledRule | undefined, rule: CompiledRule): CompiledRule {
    return best && best.rank < rule.rank ? best : rule;
}

/** The winning rule per destination; with `matched`, also every matching rule. */
export function decide(
    group: SourceGroup,
    event: PresenceEvent,
    matched: CompiledRule[] | undefined
): Decision[] {
    let connect: CompiledRule | undefined;
    let salesforce: CompiledRule | undefined;
    for (const index of group.indexes) {
        const value = resolve(index.side, event);
        const bucket = value === undefined ? undefined : index.byValue.get(keyOf(value));
        if (!bucket) {
            continue;
        }
        // Buckets are in precedence order: the first rule per destination is the best of the bucket.
        for (const rule of bucket) {
            matched?.push(rule);
            if (rule.destination === 'ConnectAgentState') {
                connect = better(connect, rule);
            } else {
                salesforce = better(salesforce, rule);
            }
        }
    }
    for (const rule of group.scanned) {
        if (
            !matched &&
            (connect ? connect.rank < rule.rank : !group.hasConnect) &&
            (salesforce ? salesforce.rank < rule.rank : !group.hasSalesforce)
        ) {
            break;
        }
        if (!matches(rule, event)) {
            continue;
        }
        matched?.push(rule);
        if (rule.destination === 'ConnectAgentState') {
            connect = better(connect, rule);
        } else {
            salesforce = better(salesforce, rule);
        }
    }
    if (connect && salesforce) {
        return connect.rank < salesforce.rank
            ? [decision(connect), decision(salesforce)]
            : [decision(salesforce), decision(connect)];
    }
    const only = connect ?? salesforce;
    return only ? [decision(only)] : [];
}
