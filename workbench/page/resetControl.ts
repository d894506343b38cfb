/** The workbench's "Reset both sides", which asks first and says what it clears. */
import { button, h } from './dom';

/** What "Reset both sides" clears, said before it does. */
export const RESET_CLEARS = [
    'every rule, rule set and assignment made here: the default rule set holds the four example rules again;',
    'the log, the agents’ heartbeats and the purge schedule;',
    'Presence Sync Settings, back to sync on and log level All;',
    'both sides: Amazon Connect and Omni-Channel go Offline, and the lists of requests are emptied.'
];

/** The dialog that asks, with what the reset clears; Escape closes it as Cancel does. */
function resetDialog(cancel: HTMLElement, confirm: HTMLElement, close: () => void): HTMLElement {
    return h(
        'div',
        {
            'data-id': 'workbench-reset-dialog',
            onkeydown: (event: Event) => {
                if ((event as KeyboardEvent).key === 'Escape') {
                    close();
                }
            }
        },
        h(
            'section',
            {
                class: 'slds-modal slds-fade-in-open slds-modal_small',
                role: 'dialog',
                'aria-modal': 'true',
                'aria-labelledby': 'wb-reset-heading',
                'aria-describedby': 'wb-reset-body',
                tabindex: '-1'
            },
            h(
                'div',
                { class: 'slds-modal__container' },
                h(
                    'div',
                    { class: 'slds-modal__header' },
                    h(
                        'h1',
                        { class: 'slds-modal__title slds-hyphenate', id: 'wb-reset-heading' },
                        'Reset both sides?'
                    )
                ),
                h(
                    'div',
                    { class: 'slds-modal__content slds-p-around_medium', id: 'wb-reset-body' },
                    h('p', {}, 'The workbench goes back to where it started. This clears:'),
                    h(
                        'ul',
                        { class: 'slds-list_dotted slds-m-vertical_x-small' },
                        ...RESET_CLEARS.map((line) => h('li', {}, line))
                    ),
                    h(
                        'p',
                        {},
                        'It cannot be undone. Export a rule set first (rule builder, Import and export) to keep it.'
                    )
                ),
                h('div', { class: 'slds-modal__footer' }, cancel, confirm)
            )
        ),
        h('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' })
    );
}

/**
 * The "Reset both sides" button. It asks first, in an SLDS dialog that says what the reset
 * clears; only its own "Reset both sides" button resets. Escape or Cancel leaves everything as
 * it is. `reset` does the work; `afterReset` lets the page redraw what showed the old data.
 */
export function resetControl(reset: () => Promise<void>, afterReset: () => void): HTMLElement {
    const trigger = h(
        'button',
        { class: 'slds-button slds-button_neutral', type: 'button', 'data-id': 'workbench-reset' },
        'Reset both sides'
    );
    const status = h('span', {
        class: 'slds-assistive-text',
        'aria-live': 'polite',
        'data-id': 'workbench-reset-status'
    });
    let dialog: HTMLElement | null = null;
    const close = (): void => {
        dialog?.remove();
        dialog = null;
        trigger.focus();
    };
    const confirm = button(
        'Reset both sides',
        () => {
            confirm.disabled = true;
            status.textContent = 'Resetting…';
            reset().then(
                () => {
                    close();
                    afterReset();
                    status.textContent = 'Reset: both sides are Offline and the example rules are back.';
                },
                (error: unknown) => {
                    confirm.disabled = false;
                    status.textContent = `The reset failed: ${error instanceof Error ? error.message : String(error)}`;
                }
            );
        },
        'destructive',
        'workbench-reset-confirm'
    );
    const cancel = button('Cancel', close, 'neutral', 'workbench-reset-cancel');
    trigger.addEventListener('click', () => {
        if (dialog) {
            return;
        }
        confirm.disabled = false;
        dialog = resetDialog(cancel, confirm, close);
        document.body.append(dialog);
        cancel.focus();
    });
    return h('div', {}, trigger, status);
}
