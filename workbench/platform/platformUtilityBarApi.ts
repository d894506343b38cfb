/**
 * `lightning/platformUtilityBarApi` for the workbench: the agent component sits in one utility
 * item; label, icon and highlight updates show on the workbench's utility bar.
 */
import { updateUtilityState } from './shellEvents';
import type { UtilityState } from './shellEvents';

export const WORKBENCH_UTILITY_ID = 'workbench-utility-presence-sync';

const state: UtilityState & { open: boolean } = {
    label: 'Presence Sync',
    icon: 'sync',
    highlighted: false,
    open: true
};

/** Context wire adapter: the id of the utility that encloses the component. */
export class EnclosingUtilityId {
    private readonly dataCallback: (value: string | null) => void;
    constructor(dataCallback: (value: string | null) => void) {
        this.dataCallback = dataCallback;
    }
    connect(): void {
        this.dataCallback(WORKBENCH_UTILITY_ID);
    }
    update(): void {
        this.dataCallback(WORKBENCH_UTILITY_ID);
    }
    disconnect(): void {
        return undefined;
    }
}

function known(utilityId: string): boolean {
    return utilityId === WORKBENCH_UTILITY_ID;
}

export async function updateUtility(utilityId: string, attributes: UtilityState): Promise<boolean> {
    if (!known(utilityId)) {
        return false;
    }
    Object.assign(state, attributes);
    updateUtilityState({ ...state });
    return true;
}

export async function updatePanel(utilityId: string): Promise<boolean> {
    return known(utilityId);
}

export async function open(utilityId: string): Promise<boolean> {
    state.open = known(utilityId) || state.open;
    return known(utilityId);
}

export async function minimize(utilityId: string): Promise<boolean> {
    return known(utilityId);
}

export async function getInfo(utilityId: string): Promise<Record<string, unknown>> {
    return {
        id: utilityId,
        isLoaded: true,
        isModal: false,
        isPoppedOut: false,
        utilityHighlighted: Boolean(state.highlighted),
        utilityIcon: state.icon,
        utilityLabel: state.label,
        utilityVisible: state.open
    };
}

export async function getAllUtilityInfo(): Promise<Array<Record<string, unknown>>> {
    return [await getInfo(WORKBENCH_UTILITY_ID)];
}

export async function onUtilityClick(utilityId: string): Promise<boolean> {
    return known(utilityId);
}
