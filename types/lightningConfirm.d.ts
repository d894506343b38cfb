/**
 * `@salesforce/lightning-types` declares the `lightning/confirm` class but not its static `open`,
 * which is how components show the dialog (and a module augmentation cannot add a static member
 * to a default-exported class). Components view the class through this type:
 * `const confirmDialog: ConfirmDialog = LightningConfirm as unknown as ConfirmDialog;`
 */
declare module 'presence-sync/confirm' {
    export interface ConfirmOptions {
        /** Header text (variant `header`) or the dialog's aria-label (variant `headerless`). */
        label: string;
        message: string;
        variant?: 'header' | 'headerless';
        theme?:
            | 'default'
            | 'shade'
            | 'inverse'
            | 'alt-inverse'
            | 'success'
            | 'info'
            | 'warning'
            | 'error'
            | 'offline';
    }
    export interface ConfirmDialog {
        /** Resolves true when the user pressed OK, false on Cancel or close. */
        open(options: ConfirmOptions): Promise<boolean>;
    }
}
