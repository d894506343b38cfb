/** Salesforce-shaped record ids for the fixtures: readable running numbers, valid 18-character forms. */
const ID_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character Salesforce id (the case-safe checksum suffix). */
export function to18(id15: string): string {
    if (id15.length !== 15) {
        throw new Error(`Expected a 15-character id, got "${id15}"`);
    }
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charAt(block * 5 + i);
            if (c >= 'A' && c <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += ID_SUFFIX_CHARS.charAt(bits);
    }
    return id15 + suffix;
}

/** Running numbers an id can carry: ten decimal digits after the key prefix and the pod marker. */
const MAX_ID_NUMBER = 9_999_999_999;

/**
 * A 15-character id with the given key prefix and a readable running number (`a0CHs0000000042`).
 * Ten digits hold every number an emulated org hands out; the ids of 1 to 9,999 are the same as
 * they always were.
 */
export function id15(prefix: string, n: number): string {
    if (!Number.isInteger(n) || n < 0 || n > MAX_ID_NUMBER) {
        throw new RangeError(`An id number must be a whole number from 0 to ${MAX_ID_NUMBER}, got ${n}.`);
    }
    return prefix + 'Hs' + String(n).padStart(10, '0');
}

/** An 18-character record id with the given key prefix (e.g. `005` for a user). */
export function fakeId(prefix: string, n: number): string {
    return to18(id15(prefix, n));
}

export const AGENT_USER_ID = fakeId('005', 1);
export const AGENT_USER_NAME = 'Avery Agent';
export const DEFAULT_RULE_SET_ID = fakeId('a0B', 1);
