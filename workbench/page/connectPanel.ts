/** The panel that plays the agent in the Amazon Connect CCP: states, calls, chats and tasks, error states, the session. */
import { CCP_ERROR_STATES, CCP_SELECTABLE_STATES } from '../../force-app/test/emulators/ccp';
import type { CallPhase } from '../../force-app/test/emulators/ccp';
import { button, card, h, select } from './dom';
import { errorLine, pickAndAct, recentList, stateLine } from './panelParts';
import type { CcpHandle } from './remoteCcp';

/** A control's click: runs `f` on the loaded CCP and shows its refusal, or says it has not loaded. */
type Act = (f: (c: CcpHandle) => void | Promise<void>) => () => void;

/** The call's phases, chats and tasks, error states Connect sets itself, and the session's end. */
function contactControls(act: Act): HTMLElement[] {
    const phase = (p: CallPhase) => act((c) => c.enterCallPhase(p));
    const errorPicker = select('Error state', [...CCP_ERROR_STATES], 'connect-error-select');
    return [
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
        pickAndAct(
            errorPicker.field,
            button(
                'Connect sets it',
                act((c) => c.setState(errorPicker.control.value)),
                'neutral',
                'connect-set-error'
            ),
            ' slds-m-top_x-small'
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
        )
    ];
}

/** The state requests the page sent, in words. */
function requestLines(current: CcpHandle | null): string[] {
    return (current?.calls() ?? [])
        .filter((c) => c.method === 'putAgentState')
        .map((c) => {
            const params = c.params as { state?: { name?: string }; enqueueNextState?: boolean };
            return `putAgentState ${params.state?.name ?? '?'}${params.enqueueNextState ? ' (next state)' : ''}`;
        });
}

export function connectPanel(
    ccp: () => CcpHandle | null,
    onCcpLoaded: (listener: (ccp: CcpHandle) => void) => () => void
): HTMLElement {
    const state = stateLine('State', 'connect-state');
    const next = stateLine('Next state', 'connect-next-state');
    const contacts = stateLine('Contacts', 'connect-contacts');
    const session = stateLine('Session', 'connect-session');
    const error = errorLine('connect-error');
    const requests = recentList('connect-requests');
    const picker = select(
        'Agent state',
        CCP_SELECTABLE_STATES.map((s) => s.name),
        'connect-state-select'
    );
    const act: Act = (f) => () => {
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
        requests.render(requestLines(current));
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
        pickAndAct(
            picker.field,
            button(
                'Set state',
                act((c) => c.setState(picker.control.value)),
                'brand',
                'connect-set-state'
            )
        ),
        ...contactControls(act),
        error.element,
        h('p', { class: 'slds-text-title_caps slds-m-top_small' }, 'State requests from the page'),
        requests.element
    );
}
