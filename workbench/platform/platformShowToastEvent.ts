/** `lightning/platformShowToastEvent` for the workbench: the page listens for the event and shows it. */
export class ShowToastEvent extends CustomEvent<Record<string, unknown>> {
    constructor(params: Record<string, unknown>) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: params });
    }
}
