/** Pieces the workbench's hand-control panels share: a state line, a refusal line, recent requests. */
import { h } from './dom';

/** Shows a refusal from an emulator in plain words next to the controls. */
export function errorLine(testId: string): {
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

export function recentList(testId: string): { element: HTMLElement; render: (lines: string[]) => void } {
    const element = h('ul', { class: 'slds-list_dotted slds-text-body_small', 'data-id': testId });
    return {
        element,
        render: (lines) => element.replaceChildren(...lines.slice(-6).map((line) => h('li', {}, line)))
    };
}

export function stateLine(label: string, testId: string): { element: HTMLElement; value: HTMLElement } {
    const value = h('strong', { 'data-id': testId }, '…');
    return { element: h('p', { 'aria-live': 'polite' }, `${label}: `, value), value };
}

/** A labelled picker with its button beside it. */
export function pickAndAct(field: HTMLElement, action: HTMLElement, spacing = ''): HTMLElement {
    return h(
        'div',
        { class: `slds-grid slds-grid_vertical-align-end slds-gutters_x-small${spacing}` },
        h('div', { class: 'slds-col' }, field),
        h('div', { class: 'slds-col slds-grow-none' }, action)
    );
}
