/** A small element builder for the workbench's own panels (plain DOM with SLDS classes). */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string | boolean | number | ((event: Event) => void)> = {},
    ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (typeof value === 'function') {
            element.addEventListener(name.replace(/^on/, ''), value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else if (value !== false) {
            element.setAttribute(name, String(value));
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child);
        }
    }
    return element;
}

/** An SLDS card with a header title. */
export function card(title: string, id: string, ...body: Array<Child | Child[]>): HTMLElement {
    return h(
        'article',
        { class: 'slds-card', id },
        h(
            'div',
            { class: 'slds-card__header slds-grid' },
            h(
                'header',
                { class: 'slds-media slds-media_center slds-has-flexi-truncate' },
                h('h2', { class: 'slds-card__header-title' }, title)
            )
        ),
        h('div', { class: 'slds-card__body slds-card__body_inner' }, ...body)
    );
}

export function button(
    label: string,
    onClick: () => void,
    variant = 'neutral',
    testId?: string
): HTMLButtonElement {
    const attrs: Record<string, string | ((event: Event) => void)> = {
        class: `slds-button slds-button_${variant}`,
        type: 'button',
        onclick: () => onClick()
    };
    if (testId) {
        attrs['data-id'] = testId;
    }
    return h('button', attrs, label);
}

let fieldCounter = 0;

/** A labelled SLDS select. */
export function select(
    label: string,
    options: string[],
    testId: string
): { field: HTMLElement; control: HTMLSelectElement } {
    const id = `wb-field-${++fieldCounter}`;
    const control = h(
        'select',
        { class: 'slds-select', id, 'data-id': testId },
        ...options.map((o) => h('option', { value: o }, o))
    );
    const field = h(
        'div',
        { class: 'slds-form-element' },
        h('label', { class: 'slds-form-element__label', for: id }, label),
        h(
            'div',
            { class: 'slds-form-element__control' },
            h('div', { class: 'slds-select_container' }, control)
        )
    );
    return { field, control };
}

/** A labelled SLDS number input. */
export function numberInput(
    label: string,
    value: number,
    testId: string
): { field: HTMLElement; control: HTMLInputElement } {
    const id = `wb-field-${++fieldCounter}`;
    const control = h('input', { class: 'slds-input', id, type: 'number', min: 0, value, 'data-id': testId });
    const field = h(
        'div',
        { class: 'slds-form-element' },
        h('label', { class: 'slds-form-element__label', for: id }, label),
        h('div', { class: 'slds-form-element__control' }, control)
    );
    return { field, control };
}
