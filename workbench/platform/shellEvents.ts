/**
 * What the platform modules show outside the components, handed to the workbench page: toasts
 * and the utility bar item's label, icon and highlight. The page renders them as Lightning does.
 */
export interface ToastRequest {
    label?: string;
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error' | string;
    mode?: 'dismissible' | 'pester' | 'sticky' | string;
}

export interface UtilityState {
    label?: string;
    icon?: string;
    iconVariant?: string;
    highlighted?: boolean;
}

type Listener<T> = (value: T) => void;

const toastListeners = new Set<Listener<ToastRequest>>();
const utilityListeners = new Set<Listener<UtilityState>>();

export function showToast(toast: ToastRequest): void {
    toastListeners.forEach((listener) => listener(toast));
}

export function onToast(listener: Listener<ToastRequest>): void {
    toastListeners.add(listener);
}

export function updateUtilityState(state: UtilityState): void {
    utilityListeners.forEach((listener) => listener(state));
}

export function onUtilityState(listener: Listener<UtilityState>): void {
    utilityListeners.add(listener);
}
