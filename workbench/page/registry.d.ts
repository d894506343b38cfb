/**
 * Generated at build time by the workbench (workbench/build.mjs): the project's components that
 * exist in force-app, in display order, with null constructors for those not written yet.
 */
declare module 'workbench/components' {
    import type { LightningElement } from 'lwc';

    export interface HostedComponent {
        key: 'agent' | 'ruleBuilder' | 'healthCheck' | 'logReader';
        tag: string;
        title: string;
        folder: string;
        ctor: typeof LightningElement | null;
    }
    export const components: HostedComponent[];
}
