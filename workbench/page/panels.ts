/**
 * The workbench's hand controls: one panel plays the agent in the Amazon Connect CCP (states and
 * calls), the other plays the agent and the router in Omni-Channel (status, work, workload); and
 * the reset, which asks first.
 */
import { CCP_ERROR_STATES, CCP_SELECTABLE_STATES } from '../../force-app/test/emulators/ccp';
import type { CallPhase } from '../../force-app/test/emulators/ccp';
import type { EmulatedOmni } from '../../force-app/test/emulators/omni';
import { button, card, h, numberInput, select } from './dom';
import type { CcpHandle } from './remoteCcp';

/** Shows a refusal from an emulator in plain words next to the controls. */
function errorLine(testId: string): {
    element: HTMLElement;
    show: (error: unknown) => void;
    clear: () => void;
} {
    const element = h('p', {
        class: 'slds-text-color_error slds-m-top_x-small',
        role: 'alert',
        'data-id': testId
    });
    return {
        element,
        show: (error) => (element.textContent = error instanceof Error ? error.message : String(error)),
        clear: () => (element.textContent = '')
    };
}

function recentList(testId: string): { element: HTMLElement; render: (lines: string[]) => void } {
    const element = h('ul', { class: 'slds-list_dotted slds-text-body_small', 'data-id': testId });
    return {
        element,
        render: (lines) => element.replaceChildren(...lines.slice(-6).map((line) => h('li', {}, line)))
    };
}

function stateLine(label: string, testId: string): { element: HTMLElement; value: HTMLElement } {
    const value = h('strong', { 'data-id': testId }, '…');
    return { element: h('p', { 'aria-live': 'polite' }, `${label}: `, value), value };
}

export function connectPanel(
    ccp: () => CcpHandle | null,
    onCcpLoaded: (listener: (ccp: CcpHandle) => void) => () => void
): HTMLElement {
    const state = stateLine('State', 'connect-state');
    const next = stateLine('Next state', 'connect-next-state');
    const error = errorLine('connect-error');
    const requests = recentList('connect-requests');
    const picker = select(
        'Agent state',
        CCP_SELECTABLE_STATES.map((s) => s.name),
        'connect-state-select'
    );
    const errorPicker = select('Error state', [...CCP_ERROR_STATES], 'connect-error-select');
    const contacts = stateLine('Contacts', 'connect-contacts');
    const session = stateLine('Session', 'connect-session');
    const act = (f: (c: CcpHandle) => void | Promise<void>) => () => {
        error.clear();
        const current = ccp();
        if (!current) {
            error.show('The CCP has not loaded yet: the agent component starts it.');
            return;
        }
        try {
            // A CCP on another origin answers later: its refusals arrive as rejections.
            Promise.resolve(f(current)).catch((e: unknown) => error.show(e));
        } catch (e) {
            error.show(e);
        }
    };
    const phase = (p: CallPhase) => act((c) => c.enterCallPhase(p));
    const render = (): void => {
        const current = ccp();
        state.value.textContent = current ? current.state() : 'not loaded';
        next.value.textContent = current?.nextState() ?? 'none';
        contacts.value.textContent =
            current
                ?.contacts()
                .map((c) => `${c.kind} (${c.phase})`)
                .join(', ') || 'none';
        session.value.textContent = current?.signedIn() === false ? 'signed out' : 'signed in';
        requests.render(
            (current?.calls() ?? [])
                .filter((c) => c.method === 'putAgentState')
                .map((c) => {
                    const params = c.params as { state?: { name?: string }; enqueueNextState?: boolean };
                    return `putAgentState ${params.state?.name ?? '?'}${params.enqueueNextState ? ' (next state)' : ''}`;
                })
        );
    };
    onCcpLoaded((loaded) => {
        loaded.subscribe(render);
        render();
    });
    render();
    return card(
        'Amazon Connect (emulated CCP)',
        'wb-connect',
        state.element,
        next.element,
        contacts.element,
        session.element,
        h(
            'div',
            { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_x-small' },
            h('div', { class: 'slds-col' }, picker.field),
            h(
                'div',
                { class: 'slds-col slds-grow-none' },
                button(
                    'Set state',
                    act((c) => c.setState(picker.control.value)),
                    'brand',
                    'connect-set-state'
                )
            )
        ),
        h('p', { class: 'slds-text-title_caps slds-m-top_small', id: 'wb-call-label' }, 'Call'),
        // Wrapping buttons rather than a button group: a third of a 1,024 px page is too narrow for four.
        h(
            'div',
            { class: 'wb-button-row slds-m-top_xx-small', role: 'group', 'aria-labelledby': 'wb-call-label' },
            button('Incoming call', phase('PendingBusy'), 'neutral', 'connect-ring'),
            button('Answer', phase('Busy'), 'neutral', 'connect-answer'),
            button('Hang up', phase('AfterCallWork'), 'neutral', 'connect-hang-up'),
            button(
                'Close contact',
                act((c) => c.endContact()),
                'neutral',
                'connect-close-contact'
            )
        ),
        h(
            'div',
            { class: 'slds-button-group slds-m-top_xx-small', role: 'group' },
            button(
                'Chat',
                act((c) => c.startContact('chat')),
                'neutral',
                'connect-chat'
            ),
            button(
                'Task',
                act((c) => c.startContact('task')),
                'neutral',
                'connect-task'
            )
        ),
        h(
            'div',
            { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_x-small slds-m-top_x-small' },
            h('div', { class: 'slds-col' }, errorPicker.field),
            h(
                'div',
                { class: 'slds-col slds-grow-none' },
                button(
                    'Connect sets it',
                    act((c) => c.setState(errorPicker.control.value)),
                    'neutral',
                    'connect-set-error'
                )
            )
        ),
        h(
            'div',
            { class: 'slds-button-group slds-m-top_x-small', role: 'group' },
            button(
                'Session expires',
                act((c) => c.signOut()),
                'neutral',
                'connect-sign-out'
            ),
            button(
                'Sign in',
                act((c) => c.signIn()),
                'neutral',
                'connect-sign-in'
            )
        ),
        error.element,
        h('p', { class: 'slds-text-title_caps slds-m-top_small' }, 'State requests from the page'),
        requests.element
    );
}

export function omniPanel(omni: EmulatedOmni): HTMLElement {
    const status = stateLine('Status', 'omni-status');
    const workload = stateLine('Workload', 'omni-workload');
    const error = errorLine('omni-error');
    const toolkit = recentList('omni-calls');
    const statuses = omni.statusList();
    const picker = select(
        'Presence status',
        statuses.map((s) => s.developerName),
        'omni-status-select'
    );
    const workloadInput = numberInput('New workload', 0, 'omni-workload-input');
    const capacityInput = numberInput(
        'Capacity',
        omni.workloadNow().configuredCapacity,
        'omni-capacity-input'
    );
    const interruptibleInput = numberInput(
        'New interruptible workload',
        0,
        'omni-interruptible-workload-input'
    );
    const interruptibleCapacityInput = numberInput(
        'Interruptible capacity',
        omni.workloadNow().configuredInterruptibleCapacity,
        'omni-interruptible-capacity-input'
    );
    const run = (f: () => Promise<unknown>) => () => {
        error.clear();
        f().catch((e) => error.show(e));
    };
    const grants = h(
        'fieldset',
        { class: 'slds-form-element slds-m-top_small' },
        h(
            'legend',
            { class: 'slds-form-element__legend slds-form-element__label' },
            'Statuses granted to the agent'
        ),
        h(
            'div',
            { class: 'slds-form-element__control' },
            ...statuses.map((s) => {
                const id = `wb-grant-${s.developerName}`;
                return h(
                    'div',
                    { class: 'slds-checkbox' },
                    h('input', {
                        type: 'checkbox',
                        id,
                        checked: true,
                        'data-id': `omni-grant-${s.developerName}`,
                        onchange: (event: Event) =>
                            omni.grant(s.developerName, (event.target as HTMLInputElement).checked)
                    }),
                    h(
                        'label',
                        { class: 'slds-checkbox__label', for: id },
                        h('span', { class: 'slds-checkbox_faux' }),
                        h('span', { class: 'slds-form-element__label' }, s.label)
                    )
                );
            })
        )
    );
    const render = (): void => {
        status.value.textContent = omni.status();
        const load = omni.workloadNow();
        workload.value.textContent =
            `${load.currentWorkload} of ${load.configuredCapacity}, ` +
            `interruptible ${load.currentInterruptibleWorkload} of ${load.configuredInterruptibleCapacity}`;
        toolkit.render(
            omni.calls().map((c) => {
                const args = c.args as { statusId?: string };
                const name = statuses.find(
                    (s) => args.statusId && s.id15 === args.statusId.slice(0, 15)
                )?.developerName;
                return name ? `${c.method} ${name}` : c.method;
            })
        );
        grants.querySelectorAll('input').forEach((input) => {
            const name = input.dataset.id?.replace('omni-grant-', '') ?? '';
            input.checked = omni.grantedStatuses().includes(name);
        });
    };
    omni.subscribe(render);
    render();
    return card(
        'Omni-Channel (emulated)',
        'wb-omni',
        status.element,
        workload.element,
        h(
            'div',
            { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_x-small' },
            h('div', { class: 'slds-col' }, picker.field),
            h(
                'div',
                { class: 'slds-col slds-grow-none' },
                button(
                    'Set status',
                    run(() => omni.setStatus(picker.control.value)),
                    'brand',
                    'omni-set-status'
                )
            )
        ),
        h(
            'div',
            { class: 'slds-m-top_x-small' },
            button(
                'Log out of Omni-Channel',
                run(() => omni.logout()),
                'neutral',
                'omni-logout'
            ),
            button(
                'Supervisor sets it',
                run(() => omni.supervisorSetStatus(picker.control.value)),
                'neutral',
                'omni-supervisor-set'
            ),
            button(
                'Supervisor logs out',
                run(() => omni.supervisorLogout()),
                'neutral',
                'omni-supervisor-logout'
            )
        ),
        h('p', { class: 'slds-text-title_caps slds-m-top_small', id: 'wb-work-label' }, 'Accept work'),
        h(
            'div',
            { class: 'wb-button-row slds-m-top_xx-small', role: 'group', 'aria-labelledby': 'wb-work-label' },
            ...omni.channelList().map((c) =>
                button(
                    c.label,
                    run(() => omni.acceptWork(c.developerName)),
                    'neutral',
                    `omni-accept-${c.developerName}`
                )
            )
        ),
        // Inputs side by side, the button under them: a third of a 1,024 px page has no room for three columns.
        h(
            'div',
            { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_x-small slds-m-top_small' },
            h('div', { class: 'slds-col' }, workloadInput.field),
            h('div', { class: 'slds-col' }, capacityInput.field)
        ),
        h(
            'div',
            { class: 'slds-m-top_xx-small' },
            button(
                'Change workload',
                run(() =>
                    omni.setWorkload(Number(workloadInput.control.value), Number(capacityInput.control.value))
                ),
                'neutral',
                'omni-set-workload'
            )
        ),
        h(
            'div',
            { class: 'slds-grid slds-grid_vertical-align-end slds-gutters_x-small slds-m-top_x-small' },
            h('div', { class: 'slds-col' }, interruptibleInput.field),
            h('div', { class: 'slds-col' }, interruptibleCapacityInput.field)
        ),
        h(
            'div',
            { class: 'slds-m-top_xx-small' },
            button(
                'Change interruptible workload',
                run(() =>
                    omni.setInterruptibleWorkload(
                        Number(interruptibleInput.control.value),
                        Number(interruptibleCapacityInput.control.value)
                    )
                ),
                'neutral',
                'omni-set-interruptible-workload'
            )
        ),
        grants,
        error.element,
        h('p', { class: 'slds-text-title_caps slds-m-top_small' }, 'Toolkit calls from the page'),
        toolkit.element
    );
}

/** What "Reset both sides" clears, said before it does. */
export const RESET_CLEARS = [
    'every rule, rule set and assignment made here: the default rule set holds the four example rules again;',
    'the log, the agents’ heartbeats and the purge schedule;',
    'Presence Sync Settings, back to sync on and log level All;',
    'both sides: Amazon Connect and Omni-Channel go Offline, and the lists of requests are emptied.'
];

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
        dialog = h(
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
        document.body.append(dialog);
        cancel.focus();
    });
    return h('div', {}, trigger, status);
}
