import type { OmniRequest } from 'presence-sync/omni-bridge';
import type { EmulatedOmni, OmniBridgeTarget } from './omni';

/**
 * Wires a real element (the agent LWC) to the emulated Omni-Channel as the Aura item does: its
 * `omnirequest` events run toolkit calls, and responses and events go to its `@api` methods.
 */
export function attachOmniBridge(element: HTMLElement & OmniBridgeTarget, omni: EmulatedOmni): () => void {
    const onRequest = (event: Event): void => {
        const request = (event as CustomEvent<OmniRequest>).detail;
        void omni.handleRequest(request, element);
    };
    element.addEventListener('omnirequest', onRequest);
    const disconnect = omni.connect(element);
    return () => {
        element.removeEventListener('omnirequest', onRequest);
        disconnect();
    };
}
