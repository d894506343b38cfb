import { createElement } from 'lwc';
import PresenceSyncConfirm from 'c/presenceSyncConfirm';
import type { ConfirmGroup } from 'c/presenceSyncConfirm';
import { clearBody, flushPromises, q } from '../../../../../test/domTestUtils';

type ConfirmElement = HTMLElement & {
    label: string;
    message: string;
    confirmLabel: string;
    destructive: boolean;
    groups: ConfirmGroup[];
};

function mount(props: Partial<ConfirmElement>): { el: ConfirmElement; answers: unknown[] } {
    const el = createElement('c-presence-sync-confirm', { is: PresenceSyncConfirm }) as ConfirmElement;
    Object.assign(el, props);
    const answers: unknown[] = [];
    el.addEventListener('close', (e) => answers.push((e as CustomEvent).detail));
    document.body.appendChild(el);
    return { el, answers };
}

afterEach(() => {
    clearBody();
    jest.restoreAllMocks();
});

describe('c-presence-sync-confirm', () => {
    it('names its action on the button, and answers true only for it', async () => {
        const { el, answers } = mount({
            label: 'Delete “Lunch to Lunch”?',
            message: 'This cannot be undone.',
            confirmLabel: 'Delete rule',
            destructive: true
        });
        await flushPromises();
        const confirm = q(el, 'lightning-button[data-id="confirm"]');
        expect([confirm.label, confirm.variant]).toEqual(['Delete rule', 'destructive']);
        expect(q(el, 'lightning-button[data-id="cancel"]').label).toBe('Cancel');
        q(el, 'lightning-button[data-id="cancel"]').click();
        confirm.click();
        expect(answers).toEqual([false, true]);
    });

    it('lists counted groups with a few items each, saying how many more there are', async () => {
        const { el } = mount({
            label: 'Import 500 rules?',
            message: 'This change adds 3,012 warnings.',
            confirmLabel: 'Import anyway',
            groups: [{ heading: 'Never takes effect', count: 3012, items: ['One.', 'Two.'], hidden: 3010 }]
        });
        await flushPromises();
        const group = q(el, '[data-id="group"]');
        expect(group.querySelector('h3')?.textContent).toBe('Never takes effect (3,012)');
        expect([...group.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['One.', 'Two.']);
        expect(group.textContent).toContain('… and 3,010 more of this kind.');
    });

    it('resolves ask() true only when the dialog answered true', async () => {
        const open = jest
            .spyOn(PresenceSyncConfirm, 'open')
            .mockResolvedValueOnce(true)
            .mockResolvedValueOnce(undefined);
        await expect(
            PresenceSyncConfirm.ask({ label: 'Go?', message: 'Sure?', confirmLabel: 'Go' })
        ).resolves.toBe(true);
        await expect(
            PresenceSyncConfirm.ask({ label: 'Go?', message: 'Sure?', confirmLabel: 'Go' })
        ).resolves.toBe(false);
        expect(open).toHaveBeenCalledWith(
            expect.objectContaining({ size: 'small', label: 'Go?', confirmLabel: 'Go' })
        );
    });
});
