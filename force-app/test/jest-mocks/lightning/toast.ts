/**
 * Stand-in for `lightning/toast` (jest.config.js maps the module here). `Toast.show` is a
 * jest.fn: assert on `jest.mocked(Toast.show).mock.calls` or use `toasts.shown()`.
 */
import { LightningElement } from 'lwc';
import type { default as RealToast } from 'lightning/toast';

type ToastConfig = Parameters<typeof RealToast.show>[0];

export default class Toast extends LightningElement {
    static show = jest.fn((_config: ToastConfig, _source: unknown) => undefined);
}

export const toasts = {
    /** The configs of every toast shown so far, oldest first. */
    shown(): ToastConfig[] {
        return Toast.show.mock.calls.map(([config]) => config);
    },
    reset(): void {
        Toast.show.mockClear();
    }
};
