import { suggestionMove } from '../suggestionKeys';

describe('moving through suggestions with the keyboard', () => {
    it.each([
        ['ArrowDown', -1, 0],
        ['ArrowDown', 0, 1],
        ['ArrowDown', 2, 2],
        ['ArrowUp', 2, 1],
        ['ArrowUp', 0, -1],
        ['ArrowUp', -1, null],
        ['Escape', 1, -1],
        ['Escape', -1, null],
        ['Enter', 1, null]
    ])('%s from %i of 3 goes to %p', (key, current, next) => {
        expect(suggestionMove(key as string, current as number, 3)).toBe(next);
    });

    it('does nothing without suggestions', () => {
        expect(suggestionMove('ArrowDown', -1, 0)).toBeNull();
    });
});
