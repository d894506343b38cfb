import { api } from 'lwc';
import LightningModal from 'lightning/modal';

/** A counted group of items the dialog lists, e.g. the warnings of one kind. */
export interface ConfirmGroup {
    heading: string;
    count: number;
    items: string[];
    /** Items of the group not listed. */
    hidden: number;
}

export interface ConfirmOptions {
    /** The dialog's heading: the question, e.g. Delete “Lunch to Lunch”? */
    label: string;
    message: string;
    /** The confirming button names the action: Delete rule, Save anyway. */
    confirmLabel: string;
    cancelLabel?: string;
    /** A destructive action gets the destructive button. */
    destructive?: boolean;
    groups?: ConfirmGroup[];
}

/**
 * A confirmation whose buttons say what they do (lightning/confirm offers only OK and Cancel),
 * listing counted groups when a change raises many findings. Resolves true only when the admin
 * pressed the confirming button; Cancel, Escape and the close button resolve false.
 */
export default class PresenceSyncConfirm extends LightningModal {
    @api message = '';
    @api confirmLabel = 'Continue';
    @api cancelLabel = 'Cancel';
    @api destructive = false;
    @api groups: ConfirmGroup[] = [];

    get confirmVariant(): string {
        return this.destructive ? 'destructive' : 'brand';
    }

    get groupViews() {
        return (this.groups ?? []).map((group, index) => ({
            key: `group-${index}`,
            title: `${group.heading} (${group.count.toLocaleString('en-US')})`,
            items: group.items.map((text, i) => ({ key: `group-${index}-${i}`, text })),
            more:
                group.hidden > 0
                    ? `… and ${group.hidden.toLocaleString('en-US')} more of this kind. The Coverage and warnings tab lists them all.`
                    : ''
        }));
    }

    get hasGroups(): boolean {
        return (this.groups ?? []).length > 0;
    }

    handleCancel(): void {
        this.close(false);
    }

    handleConfirm(): void {
        this.close(true);
    }

    /** Opens the dialog; true when the admin confirmed. */
    static async ask(options: ConfirmOptions): Promise<boolean> {
        const result = await PresenceSyncConfirm.open({
            size: 'small',
            label: options.label,
            description: options.message,
            message: options.message,
            confirmLabel: options.confirmLabel,
            cancelLabel: options.cancelLabel ?? 'Cancel',
            destructive: options.destructive ?? false,
            groups: options.groups ?? []
        });
        return result === true;
    }
}
