/**
 * Generated at build time by the workbench (workbench/build.mjs): the project's components that
 * exist in force-app, with null constructors for those not written yet. The agent comes in the
 * page's first script; the others load in a later chunk, once the agent has started.
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
    /** Every hosted component, in display order, without constructors. */
    export const catalogue: Omit<HostedComponent, 'ctor'>[];
    export const agent: HostedComponent;
    export function loadOthers(): Promise<HostedComponent[]>;
}
