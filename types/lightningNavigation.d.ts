/**
 * `lightning/navigation`, which `@salesforce/lightning-types` does not declare: the page
 * reference wire adapter and the navigation mixin. Components call the mixin's methods through
 * its symbols: `this[NavigationMixin.GenerateUrl](pageRef)`.
 */
declare module 'lightning/navigation' {
    import type { LightningElement, WireAdapterConstructor } from 'lwc';

    export interface PageReference {
        /** e.g. `standard__navItemPage` (a custom tab), `standard__recordPage`. */
        type: string;
        attributes?: Record<string, unknown>;
        /** URL parameters; custom ones must start with `c__`. */
        state?: Record<string, string | undefined>;
    }

    /** Context wire adapter: the page the component is on, with its URL state. */
    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;

    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;

    export interface NavigationMixinMethods {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    export function NavigationMixin<T extends new () => LightningElement>(
        base: T
        // Statics of the base (Omit drops its construct signature) plus one constructor of the mixed instance.
    ): Omit<T, 'prototype'> & (new () => InstanceType<T> & NavigationMixinMethods);

    export namespace NavigationMixin {
        export { Navigate, GenerateUrl };
    }
}
