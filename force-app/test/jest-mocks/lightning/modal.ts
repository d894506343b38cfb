/**
 * Jest stand-in for `lightning/modal` (sfdx-lwc-jest stubs only its header, body and footer).
 * `open` renders nothing and resolves undefined, as a dialog closed without an answer does:
 * tests spy on the subclass's `open` (or its own `ask`) to answer. `close(result)` fires a
 * `close` event carrying the result, so a test of the dialog itself sees what it answered.
 */
import { LightningElement, api } from 'lwc';

export default class LightningModal extends LightningElement {
    @api size = 'medium';
    @api label = '';
    @api description = '';
    @api disableClose = false;

    static open(_options: Record<string, unknown>): Promise<unknown> {
        return Promise.resolve(undefined);
    }

    @api
    close(result?: unknown): void {
        this.dispatchEvent(new CustomEvent('close', { detail: result }));
    }
}
