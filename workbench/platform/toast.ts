/** `lightning/toast` for the workbench: `Toast.show(config, host)` raises a toast on the page. */
import { showToast } from './shellEvents';
import type { ToastRequest } from './shellEvents';

export default class Toast {
    static show(config: ToastRequest, _host?: unknown): Promise<void> {
        showToast(config);
        return Promise.resolve();
    }
}
