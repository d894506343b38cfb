import { createElement } from 'lwc';
import PresenceSyncRuleValueField from 'c/presenceSyncRuleValueField';
import type { ValueFieldKind } from 'c/presenceSyncRuleValueField';
import {
    buildServiceChannels,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises, q } from '../../../../../test/domTestUtils';

type FieldElement = HTMLElement & {
    label: string;
    name: string;
    kind: ValueFieldKind;
    value: string | undefined;
    error: string | undefined;
    statuses: unknown;
    connectStates: string[];
    serviceChannels: unknown;
};

interface Option {
    label: string;
    value: string;
}

function mount(kind: ValueFieldKind, value?: string, error?: string): { el: FieldElement; values: string[] } {
    const el = createElement('c-presence-sync-rule-value-field', {
        is: PresenceSyncRuleValueField
    }) as FieldElement;
    el.label = 'Value';
    el.name = 'destinationValue';
    el.kind = kind;
    el.value = value;
    el.error = error;
    el.statuses = buildStatuses();
    el.connectStates = [...SEED_CONNECT_STATES, 'AfterCallWork'];
    el.serviceChannels = buildServiceChannels();
    const values: string[] = [];
    el.addEventListener('valuechange', (e) =>
        values.push((e as CustomEvent<{ value: string }>).detail.value)
    );
    document.body.appendChild(el);
    return { el, values };
}

function options(el: Element): Option[] {
    return q(el, 'lightning-combobox').options as Option[];
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-rule-value-field', () => {
    it('offers Omni-Channel statuses by label and developer name, and stores the developer name', async () => {
        const { el, values } = mount('omni-status');
        await flushPromises();
        expect(options(el)).toContainEqual({
            label: 'Working – Phone (Working_Phone)',
            value: 'Working_Phone'
        });
        expect(options(el)).toContainEqual({ label: 'Lunch', value: 'Lunch' });
        q(el, 'lightning-combobox').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Working_Phone' } })
        );
        expect(values).toEqual(['Working_Phone']);
    });

    it('adds Offline for logout comparisons', async () => {
        const { el } = mount('omni-status-offline');
        await flushPromises();
        expect(options(el).at(-1)).toEqual({ label: 'Offline (logged out)', value: 'Offline' });
    });

    it('offers only listed, settable Connect states as a destination', async () => {
        const { el } = mount('connect-destination');
        await flushPromises();
        expect(options(el).map((o) => o.value)).toEqual([...SEED_CONNECT_STATES]);
        const trigger = mount('connect-state');
        await flushPromises();
        expect(options(trigger.el).map((o) => o.value)).toContain('AfterCallWork');
    });

    it('lets the admin type a Connect state the list lacks, and go back to the list', async () => {
        const { el, values } = mount('connect-state');
        await flushPromises();
        q(el, 'lightning-combobox').dispatchEvent(
            new CustomEvent('change', { detail: { value: '__type_another__' } })
        );
        await flushPromises();
        expect(q(el, 'lightning-combobox')).toBeNull();
        q(el, 'lightning-input').dispatchEvent(new CustomEvent('change', { detail: { value: 'Training' } }));
        expect(values).toEqual(['', 'Training']);
        q(el, 'lightning-button').click();
        await flushPromises();
        expect(q(el, 'lightning-combobox')).not.toBeNull();
    });

    it('is a text field when the org keeps no list of Connect states', async () => {
        const { el } = mount('connect-state');
        el.connectStates = [];
        await flushPromises();
        expect(q(el, 'lightning-combobox')).toBeNull();
        expect(q(el, 'lightning-input')).not.toBeNull();
    });

    it('shows a typed state that is not in the list as text', async () => {
        const { el } = mount('connect-state', 'Training');
        await flushPromises();
        expect(q(el, 'lightning-input').value).toBe('Training');
    });

    it('offers service channels and a number field', async () => {
        const channel = mount('service-channel');
        await flushPromises();
        expect(options(channel.el)[1]).toEqual({ label: 'Chat (sfdc_chat)', value: 'sfdc_chat' });
        const number = mount('number');
        await flushPromises();
        expect(q(number.el, 'lightning-input').type).toBe('number');
    });

    it('shows its error under the field', async () => {
        const { el } = mount('omni-status', '', 'Choose a status.');
        await flushPromises();
        expect(q(el, '[data-error-for="destinationValue"]').textContent).toBe('Choose a status.');
        expect(q(el, '.slds-has-error')).not.toBeNull();
    });

    it('is accessible', async () => {
        const { el } = mount('connect-state', '', 'Choose a state.');
        await flushPromises();
        await expect(el).toBeAccessible();
    });
});
