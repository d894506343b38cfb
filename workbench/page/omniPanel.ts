/** The panel that plays the agent and the router in Omni-Channel: status, supervisor, work, workload, granted statuses. */
import type { NamedPresenceStatus } from 'presence-sync/contracts';
import type { EmulatedOmni } from '../../force-app/test/emulators/omni';
import { button, card, h, numberInput, select } from './dom';
import { errorLine, pickAndAct, recentList, stateLine } from './panelParts';

/** A control's click: runs the emulator's change and shows its refusal. */
type Run = (f: () => Promise<unknown>) => () => void;

/** Checkboxes for the statuses the agent's presence configuration grants. */
function grantsFieldset(omni: EmulatedOmni, statuses: NamedPresenceStatus[]): HTMLElement {
    return h(
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
}

/** Two numbers side by side, the button that applies them under them. */
function numbersAndButton(
    first: HTMLElement,
    second: HTMLElement,
    action: HTMLElement,
    spacing: string
): HTMLElement[] {
    return [
        h(
            'div',
            { class: `slds-grid slds-grid_vertical-align-end slds-gutters_x-small ${spacing}` },
            h('div', { class: 'slds-col' }, first),
            h('div', { class: 'slds-col' }, second)
        ),
        h('div', { class: 'slds-m-top_xx-small' }, action)
    ];
}

/** Work routed on each channel, and the workloads and capacities (primary and interruptible). */
function workControls(omni: EmulatedOmni, run: Run): HTMLElement[] {
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
    const value = (input: { control: HTMLInputElement }): number => Number(input.control.value);
    return [
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
        ...numbersAndButton(
            workloadInput.field,
            capacityInput.field,
            button(
                'Change workload',
                run(() => omni.setWorkload(value(workloadInput), value(capacityInput))),
                'neutral',
                'omni-set-workload'
            ),
            'slds-m-top_small'
        ),
        ...numbersAndButton(
            interruptibleInput.field,
            interruptibleCapacityInput.field,
            button(
                'Change interruptible workload',
                run(() =>
                    omni.setInterruptibleWorkload(
                        value(interruptibleInput),
                        value(interruptibleCapacityInput)
                    )
                ),
                'neutral',
                'omni-set-interruptible-workload'
            ),
            'slds-m-top_x-small'
        )
    ];
}

/** The toolkit calls the page made, in words (a status by its developer name). */
function toolkitLines(omni: EmulatedOmni, statuses: NamedPresenceStatus[]): string[] {
    return omni.calls().map((c) => {
        const args = c.args as { statusId?: string };
        const name = statuses.find(
            (s) => args.statusId && s.id15 === args.statusId.slice(0, 15)
        )?.developerName;
        return name ? `${c.method} ${name}` : c.method;
    });
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
    const run: Run = (f) => () => {
        error.clear();
        f().catch((e) => error.show(e));
    };
    const work = workControls(omni, run);
    const grants = grantsFieldset(omni, statuses);
    const render = (): void => {
        status.value.textContent = omni.status();
        const load = omni.workloadNow();
        workload.value.textContent =
            `${load.currentWorkload} of ${load.configuredCapacity}, ` +
            `interruptible ${load.currentInterruptibleWorkload} of ${load.configuredInterruptibleCapacity}`;
        toolkit.render(toolkitLines(omni, statuses));
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
        pickAndAct(
            picker.field,
            button(
                'Set status',
                run(() => omni.setStatus(picker.control.value)),
                'brand',
                'omni-set-status'
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
        ...work,
        grants,
        error.element,
        h('p', { class: 'slds-text-title_caps slds-m-top_small' }, 'Toolkit calls from the page'),
        toolkit.element
    );
}
