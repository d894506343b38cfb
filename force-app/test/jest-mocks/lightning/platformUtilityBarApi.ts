/**
 * Drivable stand-in for `lightning/platformUtilityBarApi` (jest.config.js maps the module here).
 * A test emits the enclosing utility id through the wire adapter and reads back what the
 * component asked the utility bar to show:
 *
 * ```ts
 * import { EnclosingUtilityId, utilityBar } from '../../../../test/jest-mocks/lightning/platformUtilityBarApi';
 * EnclosingUtilityId.emit('utility-1');
 * expect(utilityBar.attributes('utility-1')).toMatchObject({ iconVariant: 'error' });
 * ```
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { UtilityAttributes, UtilityInfo } from 'lightning/platformUtilityBarApi';

export const EnclosingUtilityId = createTestWireAdapter();

const state = new Map<string, UtilityAttributes & { open: boolean }>();

function entry(utilityId: string): UtilityAttributes & { open: boolean } {
    let current = state.get(utilityId);
    if (!current) {
        current = { open: false };
        state.set(utilityId, current);
    }
    return current;
}

export const updateUtility = jest.fn(async (utilityId: string, attributes: UtilityAttributes) => {
    Object.assign(entry(utilityId), attributes);
    return true;
});
export const updatePanel = jest.fn(async () => true);
export const open = jest.fn(async (utilityId: string) => {
    entry(utilityId).open = true;
    return true;
});
export const minimize = jest.fn(async (utilityId: string) => {
    entry(utilityId).open = false;
    return true;
});
export const getInfo = jest.fn(async (utilityId: string): Promise<UtilityInfo> => ({
    id: utilityId,
    isLoaded: true,
    utilityLabel: entry(utilityId).label,
    utilityIcon: entry(utilityId).icon,
    utilityHighlighted: entry(utilityId).highlighted,
    utilityVisible: entry(utilityId).open
}));
export const getAllUtilityInfo = jest.fn(async (): Promise<UtilityInfo[]> =>
    Promise.all([...state.keys()].map((id) => getInfo(id)))
);
export const onUtilityClick = jest.fn(async () => true);

export const utilityBar = {
    /** Everything the component has set on that utility so far (merged), or undefined. */
    attributes(utilityId: string): (UtilityAttributes & { open: boolean }) | undefined {
        return state.get(utilityId);
    },
    /** Forget all utilities and recorded calls (call in afterEach). */
    reset(): void {
        state.clear();
        for (const fn of [
            updateUtility,
            updatePanel,
            open,
            minimize,
            getInfo,
            getAllUtilityInfo,
            onUtilityClick
        ]) {
            fn.mockClear();
        }
    }
};
