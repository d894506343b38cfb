/**
 * Where a key moves the focus in a list of suggestions under a search field: `current` is the
 * focused suggestion (-1: the field). Down goes to the next one (the first from the field), Up to
 * the previous one and from the first back to the field, Escape to the field. Null: not a
 * key for the list, or nothing to move to.
 */
export function suggestionMove(key: string, current: number, count: number): number | null {
    if (count === 0) {
        return null;
    }
    switch (key) {
        case 'ArrowDown':
            return Math.min(current + 1, count - 1);
        case 'ArrowUp':
            return current <= 0 ? (current === 0 ? -1 : null) : current - 1;
        case 'Escape':
            return current >= 0 ? -1 : null;
        default:
            return null;
    }
}
