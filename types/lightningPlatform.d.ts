/**
 * Platform modules the components import that `@salesforce/lightning-types` does not declare.
 * `lightning/toast`, `lightning/platformResourceLoader` and `@salesforce/user/Id` come from
 * that package (referenced here so every file sees them); declare nothing of it twice.
 */
/// <reference types="@salesforce/lightning-types" />

declare module 'lightning/empApi' {
    /** What `subscribe` resolves to; pass it back to `unsubscribe`. */
    export interface EmpSubscription {
        id?: string;
        channel: string;
        replayId?: number;
    }
    /** A streaming message: a platform event arrives as `data.payload` with its fields. */
    export interface EmpMessage<P = Record<string, unknown>> {
        channel: string;
        data: { schema?: string; payload: P; event?: { replayId?: number; EventUuid?: string } };
    }
    /** `replayId` -1 receives only new events, -2 all retained ones. */
    export function subscribe<P = Record<string, unknown>>(
        channel: string,
        replayId: number,
        onMessageCallback: (message: EmpMessage<P>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: { successful: boolean; subscription?: string }) => void
    ): Promise<unknown>;
    /** Registers a listener for streaming errors (connection lost, subscription refused). */
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(flag: boolean): Promise<void>;
    export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/platformUtilityBarApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface UtilityAttributes {
        label?: string;
        /** An SLDS utility icon name, e.g. `sync`. */
        icon?: string;
        iconVariant?: 'success' | 'warning' | 'error' | '';
        highlighted?: boolean;
    }
    export interface UtilityInfo {
        id: string;
        isLoaded?: boolean;
        isModal?: boolean;
        isPoppedOut?: boolean;
        panelHeader?: string;
        panelHeight?: number;
        panelWidth?: number;
        utilityHighlighted?: boolean;
        utilityIcon?: string;
        utilityLabel?: string;
        utilityVisible?: boolean;
    }
    /** Context wire adapter: the id of the utility that encloses the component, or null. */
    export const EnclosingUtilityId: WireAdapterConstructor<Record<string, never>, string | null>;
    export function updateUtility(utilityId: string, attributes: UtilityAttributes): Promise<boolean>;
    export function updatePanel(
        utilityId: string,
        attributes: { label?: string; icon?: string; width?: number; height?: number }
    ): Promise<boolean>;
    export function open(utilityId: string, options?: { autoFocus?: boolean }): Promise<boolean>;
    export function minimize(utilityId: string): Promise<boolean>;
    export function getInfo(utilityId: string): Promise<UtilityInfo>;
    export function getAllUtilityInfo(): Promise<UtilityInfo[]>;
    export function onUtilityClick(utilityId: string, callback: () => void): Promise<boolean>;
}

declare module '@salesforce/resourceUrl/*' {
    /** The static resource's URL. */
    const url: string;
    export default url;
}

declare module '@salesforce/customPermission/*' {
    /** Whether the running user has the custom permission. */
    const granted: boolean;
    export default granted;
}
