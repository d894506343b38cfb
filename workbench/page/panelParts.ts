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
