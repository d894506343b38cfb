import { createElement } from 'lwc';
import PresenceSyncRuleEditor from 'c/presenceSyncRuleEditor';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import {
    buildServiceChannels,
    buildStatuses,
    SEED_CONNECT_STATES
} from '../../../../../test/jest-mocks/apex/fixtures';
import { clearBody, flushPromises } from '../../../../../test/domTestUtils';
import { lunchRule } from '../../../../../test/ruleShapes';

type EditorElement = HTMLElement & {
    rule: Partial<PresenceSyncRule>;
    isNew: boolean;
    statuses: unknown;
    serviceChannels: unknown;
    connectStates: unknown;
    serverIssues: unknown;
    orgFacts: unknown;
    otherRuleNames: string[];
};

const flush = flushPromises;

function mount(rule: Partial<PresenceSyncRule> = { active: true, order: 10 }): EditorElement {
    const el = createElement('c-presence-sync-rule-editor', { is: PresenceSyncRuleEditor }) as EditorElement;
    el.rule = rule;
    el.isNew = true;
    el.statuses = buildStatuses();
    el.serviceChannels = buildServiceChannels();
    el.connectStates = [...SEED_CONNECT_STATES, 'AfterCallWork'];
    document.body.appendChild(el);
    return el;
}

function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
    return el.shadowRoot?.querySelector(selector) as T;
}

function change(target: Element, detail: Record<string, unknown>): void {
    target.dispatchEvent(new CustomEvent('change', { detail }));
}

function valueField(el: Element, name: string): Element {
    const fields = [...(el.shadowRoot?.querySelectorAll('c-presence-sync-rule-value-field') ?? [])];
    return fields.find((f) => (f as unknown as { name: string }).name === name) as Element;
}

function pickValue(el: Element, name: string, value: string): void {
    valueField(el, name).dispatchEvent(new CustomEvent('valuechange', { detail: { name, value } }));
}

async function clickButton(el: Element, id: string): Promise<void> {
    q(el, `lightning-button[data-id="${id}"]`).click();
    await flush();
}

/** Picks the criterion's operands and comparator, and lets the value fields that follow render. */
async function chooseCriterion(
    el: Element,
    operandA: string,
    comparator: string,
    operandB: string
): Promise<void> {
    change(q(el, 'lightning-combobox[data-field="operandA"]'), { value: operandA });
    change(q(el, 'lightning-combobox[data-field="comparator"]'), { value: comparator });
    change(q(el, 'lightning-combobox[data-field="operandB"]'), { value: operandB });
    await flush();
}

/** Records the rule of every save event the editor fires. */
function savedRules(el: Element): jest.Mock {
    const saved = jest.fn();
    el.addEventListener('save', (e) => saved((e as CustomEvent).detail.rule));
    return saved;
}

function errorText(el: Element, field: string): string | undefined {
    return q(el, `[data-error-for="${field}"]`)?.textContent?.trim();
}

afterEach(() => {
    clearBody();
});

describe('c-presence-sync-rule-editor', () => {
    it("walks the seed's wizard (name → source → criteria → destination → save) and saves the rule", async () => {
        const el = mount();
        const saved = savedRules(el);
        await flush();

        change(q(el, 'lightning-input[data-field="name"]'), { value: 'Connect agent switches to Lunch' });
        await clickButton(el, 'next');
        change(q(el, 'lightning-radio-group[data-field="source"]'), { value: 'ConnectStateChange' });
        await clickButton(el, 'next');
        await chooseCriterion(el, 'ConnectNewState', 'Equal', 'StaticValue');
        pickValue(el, 'operandBValue', 'Lunch');
        await clickButton(el, 'next');
        // The only destination a Connect event may set is the Omni-Channel status: chosen already.
        expect(
            (q(el, 'lightning-combobox[data-field="destination"]') as unknown as { value: string }).value
        ).toBe('SalesforceAgentState');
        pickValue(el, 'destinationValue', 'Lunch');
        await clickButton(el, 'next');
        expect(q(el, '[data-id="sentence"]').textContent).toBe(
            "When the Connect agent's new state equals Lunch, set the Omni-Channel status to Lunch."
        );
        await clickButton(el, 'save');

        expect(saved).toHaveBeenCalledWith(
            expect.objectContaining({
                name: 'Connect agent switches to Lunch',
                source: 'ConnectStateChange',
                operandA: 'ConnectNewState',
                comparator: 'Equal',
                operandB: 'StaticValue',
                operandBValue: 'Lunch',
                destination: 'SalesforceAgentState',
                destinationValue: 'Lunch',
                active: true,
                order: 10
            })
        );
    });

    it('says so when a pasted name is too long, instead of cutting it, and does not go on', async () => {
        const el = mount();
        await flush();
        const long = 'Connect agent switches to Lunch and Omni-Channel follows to the Lunch status, always';
        change(q(el, 'lightning-input[data-field="name"]'), { value: long });
        await flush();
        expect(errorText(el, 'name')).toBe(
            `The rule name has ${long.length} characters; at most 80 fit. Shorten it.`
        );
        expect(q(el, '[data-id="name-length"]').textContent).toBe(`${long.length} of 80 characters.`);
        expect((q(el, 'lightning-input[data-field="name"]') as unknown as { value: string }).value).toBe(
            long
        );
        await clickButton(el, 'next');
        expect(q(el, 'lightning-input[data-field="name"]')).not.toBeNull();
    });

    it('refuses the name of another rule of the rule set, whatever its case', async () => {
        const el = mount();
        el.otherRuleNames = ['Good one'];
        await flush();
        change(q(el, 'lightning-input[data-field="name"]'), { value: 'good ONE' });
        await flush();
        expect(errorText(el, 'name')).toBe(
            'Another rule of this rule set is already called "good ONE". Give each rule its own name.'
        );
    });

    it('refuses a typed Connect state the admin did not list, as the org would', async () => {
        const el = mount({
            name: 'Omni Lunch sets Connect Break',
            active: true,
            order: 10,
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Lunch',
            destination: 'ConnectAgentState',
            destinationValue: 'Break'
        });
        el.orgFacts = { statusNames: ['Lunch'], connectStates: [...SEED_CONNECT_STATES] };
        el.isNew = false;
        await flush();
        await clickButton(el, 'save');
        expect((valueField(el, 'destinationValue') as unknown as { error: string }).error).toMatch(
            /^"Break" is not among the Amazon Connect states listed/
        );
    });

    it('saves an existing rule from its first step, without walking to the end', async () => {
        const el = mount(lunchRule({ id: 'a0CHs0000000001AAA' }));
        el.isNew = false;
        const saved = savedRules(el);
        await flush();
        change(q(el, 'lightning-input[data-field="name"]'), { value: 'Lunch follows Lunch' });
        await clickButton(el, 'save');
        expect(saved).toHaveBeenCalledWith(expect.objectContaining({ name: 'Lunch follows Lunch' }));
    });

    it('puts the focus in the first field of each step, so keyboard users stay in the editor', async () => {
        const focused: Element[] = [];
        const focus = jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (
            this: HTMLElement
        ) {
            focused.push(this);
        });
        const el = mount();
        await flush();
        expect(focused.at(-1)?.getAttribute('data-field')).toBe('name');
        change(q(el, 'lightning-input[data-field="name"]'), { value: 'Lunch to Lunch' });
        await clickButton(el, 'next');
        expect(focused.at(-1)?.getAttribute('data-field')).toBe('source');
        focus.mockRestore();
    });

    it('keeps the admin on a step until its fields are valid, with the message under the field', async () => {
        const el = mount();
        await flush();
        await clickButton(el, 'next');
        expect(errorText(el, 'name')).toContain('The rule has no name');
        expect(q(el, '[data-id="issue-summary"]').textContent?.trim()).toBe(
            '1 problem to fix before saving.'
        );
        expect(q(el, '[data-id="issue-details"]').textContent).toMatch(
            /^Presence sync rule name: The rule has no name/
        );
        expect(q(el, 'lightning-radio-group')).toBeNull();

        change(q(el, 'lightning-input[data-field="name"]'), { value: 'Lunch' });
        await flush();
        expect(errorText(el, 'name')).toBeUndefined();
    });

    it('offers only the operands the chosen source carries', async () => {
        const el = mount({ name: 'Chat', active: true, order: 1 });
        await flush();
        await clickButton(el, 'next');
        change(q(el, 'lightning-radio-group[data-field="source"]'), { value: 'SalesforceWorkAccepted' });
        await clickButton(el, 'next');
        const options = (
            q(el, 'lightning-combobox[data-field="operandA"]') as unknown as { options: { value: string }[] }
        ).options;
        expect(options.map((o) => o.value)).toEqual(['SalesforceServiceChannel', 'StaticValue']);
    });

    it('builds a rule on interruptible workload percent, explaining the operand, with a number field', async () => {
        const el = mount({ name: 'Chats fill the agent', active: true, order: 30 });
        const saved = savedRules(el);
        await flush();
        await clickButton(el, 'next');
        change(q(el, 'lightning-radio-group[data-field="source"]'), { value: 'SalesforceWorkloadChanged' });
        await clickButton(el, 'next');
        const options = (
            q(el, 'lightning-combobox[data-field="operandA"]') as unknown as { options: { label: string }[] }
        ).options;
        expect(options.map((o) => o.label)).toContain('Salesforce New Interruptible Workload Pct');
        expect(q(el, '[data-hint-for="operandA"]')).toBeNull();
        await chooseCriterion(
            el,
            'SalesforceNewInterruptibleWorkloadPct',
            'GreaterThanOrEqual',
            'StaticValue'
        );
        expect(q(el, '[data-hint-for="operandA"]').textContent).toContain('interruptible capacity');
        expect((valueField(el, 'operandBValue') as unknown as { kind: string }).kind).toBe('number');
        pickValue(el, 'operandBValue', '100');
        await clickButton(el, 'next');
        pickValue(el, 'destinationValue', 'Working - Media');
        await clickButton(el, 'next');
        expect(q(el, '[data-id="sentence"]').textContent).toBe(
            'When the Omni-Channel workload changes and the new interruptible workload as a percentage of interruptible capacity is at least 100%, set the Connect agent state to Working - Media.'
        );
        await clickButton(el, 'save');
        expect(saved).toHaveBeenCalledWith(
            expect.objectContaining({
                source: 'SalesforceWorkloadChanged',
                operandA: 'SalesforceNewInterruptibleWorkloadPct',
                comparator: 'GreaterThanOrEqual',
                operandBValue: '100',
                destination: 'ConnectAgentState',
                destinationValue: 'Working - Media'
            })
        );
    });

    it('shows a value field for Static Value with the org statuses by developer name', async () => {
        const el = mount({ name: 'Omni', active: true, order: 1, source: 'SalesforceStateChange' });
        await flush();
        await clickButton(el, 'next');
        await clickButton(el, 'next');
        expect(valueField(el, 'operandBValue')).toBeUndefined();
        change(q(el, 'lightning-combobox[data-field="operandA"]'), { value: 'SalesforceNewState' });
        change(q(el, 'lightning-combobox[data-field="operandB"]'), { value: 'StaticValue' });
        await flush();
        const field = valueField(el, 'operandBValue') as unknown as { kind: string; statuses: unknown[] };
        expect(field.kind).toBe('omni-status');
        expect(field.statuses).toHaveLength(5);
    });

    it('refuses a Connect system state as destination', async () => {
        const el = mount({
            name: 'Omni Busy',
            active: true,
            order: 1,
            source: 'SalesforceStateChange',
            operandA: 'SalesforceNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Busy',
            destination: 'ConnectAgentState'
        });
        await flush();
        await clickButton(el, 'next');
        await clickButton(el, 'next');
        await clickButton(el, 'next');
        expect((valueField(el, 'destinationValue') as unknown as { kind: string }).kind).toBe(
            'connect-destination'
        );
        pickValue(el, 'destinationValue', 'AfterCallWork');
        await clickButton(el, 'next');
        expect((valueField(el, 'destinationValue') as unknown as { error: string }).error).toContain(
            'Amazon Connect system state'
        );
    });

    it('jumps to the step of a problem found at save and shows the server’s rejections the same way', async () => {
        const el = mount({
            name: 'Seed',
            active: true,
            order: 1,
            source: 'ConnectStateChange',
            operandA: 'ConnectNewState',
            comparator: 'Equal',
            operandB: 'StaticValue',
            operandBValue: 'Lunch',
            destination: 'SalesforceAgentState',
            destinationValue: 'Lunch'
        });
        await flush();
        el.serverIssues = [
            { field: 'destinationValue', message: 'The status Lunch is not granted to the Phone team.' }
        ];
        await flush();
        expect(q(el, 'lightning-combobox[data-field="destination"]')).not.toBeNull();
        expect((valueField(el, 'destinationValue') as unknown as { error: string }).error).toBe(
            'The status Lunch is not granted to the Phone team.'
        );
        el.serverIssues = [{ field: 'rule', message: 'Record locked by another admin.' }];
        await flush();
        expect(q(el, '[data-id="general-issues"]').textContent).toContain('Record locked');
    });

    it('fires cancel', async () => {
        const el = mount();
        const cancelled = jest.fn();
        el.addEventListener('cancel', cancelled);
        await flush();
        await clickButton(el, 'cancel');
        expect(cancelled).toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const el = mount();
        await flush();
        await clickButton(el, 'next');
        await expect(el).toBeAccessible();
    });
});

describe('c-presence-sync-rule-editor while problems are shown', () => {
    afterEach(() => {
        clearBody();
    });

    it('only counts problems of the steps reached so far', async () => {
        const el = mount();
        await flush();
        await clickButton(el, 'next');
        change(q(el, 'lightning-input[data-field="name"]'), { value: 'Lunch' });
        await flush();
        expect(q(el, '[data-id="issue-summary"]').textContent?.trim()).toBe('');
        await clickButton(el, 'next');
        expect(q(el, 'lightning-radio-group')).not.toBeNull();
        expect(q(el, '[data-id="issue-summary"]').textContent?.trim()).toBe('');
    });
});
