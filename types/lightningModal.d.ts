/**
 * `lightning/modal` as components use it: extend it, then `MyModal.open({ size, label, ...apis })`
 * resolves with what the dialog passed to `close(result)` (undefined when closed with Escape or
 * the close button). `@salesforce/lightning-types` does not declare it.
 */
declare module 'lightning/modal' {
    import { LightningElement } from 'lwc';
    export default class LightningModal extends LightningElement {
        size: 'small' | 'medium' | 'large' | 'full';
        label: string;
        description: string;
        disableClose: boolean;
        close(result?: unknown): void;
        static open(options: Record<string, unknown>): Promise<unknown>;
    }
}
