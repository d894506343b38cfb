/**
 * The emulated CCP page's two MessagePorts to its parent.
 *
 * - The SDK port a real CCP hands to the page that embeds it: `cross-domain-adapter-init` with a
 *   port, which Streams' site proxy (`StreamsSiteProxy` in amazon-connect-streams 2.28.2) accepts
 *   when the message comes from its CCP iframe and the CCP URL's origin, and answers on that port
 *   with `cross-domain-site-ready`. Whether it was answered is part of the CCP's snapshot.
 * - The workbench's control port, offered when the CCP runs on another origin than the workbench
 *   page (as a real CCP does) and the page cannot reach `window.emulatedCcp`: the page drives the
 *   emulator through it (`RemoteCcp` in remoteCcp.ts) and receives its snapshots.
 *
 * Streams ignores both offers: its conduit only handles messages with an `event` field.
 */
import type { CcpApiCall, EmulatedCcp } from '../../force-app/test/emulators/ccp';

/** What the page mirrors of the emulated CCP. */
export interface CcpSnapshot {
    state: string;
    nextState: string | null;
    onContact: boolean;
    calls: CcpApiCall[];
    contacts: ReturnType<EmulatedCcp['contacts']>;
    signedIn: boolean;
    /** Who holds the softphone role, and every time a master role moved. */
    softphone: ReturnType<EmulatedCcp['softphone']>;
    /** Conduit messages the CCP has posted to the page so far. */
    posted: number;
    /** Streams' keep-alive `synchronize` messages the CCP has received (and acknowledged). */
    keepalives: number;
    /** Whether Streams answered the SDK port handshake. */
    sitePortReady: boolean;
}

/** The emulator's own methods, and `drain`, which only answers (with a snapshot). */
export type ControlCommand =
    | 'setState'
    | 'enterCallPhase'
    | 'endContact'
    | 'reset'
    | 'clearCalls'
    | 'startContact'
    | 'signOut'
    | 'signIn'
    | 'answerRequests'
    | 'openOwnSoftphone'
    | 'drain';

export type ControlMessage =
    | { kind: 'snapshot'; snapshot: CcpSnapshot }
    | { kind: 'result'; id: number; error: string | null; snapshot: CcpSnapshot };

export const CONTROL_OFFER = 'workbench-ccp-control';

const EMULATOR_COMMANDS: ReadonlySet<ControlCommand> = new Set([
    'setState',
    'enterCallPhase',
    'endContact',
    'reset',
    'clearCalls',
    'startContact',
    'signOut',
    'signIn',
    'answerRequests',
    'openOwnSoftphone'
]);

/** Offers the SDK port; `onReady` runs when Streams answers on it. */
export function offerSitePort(parent: Window, onReady: () => void): void {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<{ type?: string }>) => {
        if (event.data?.type === 'cross-domain-site-ready') {
            onReady();
        }
    };
    parent.postMessage({ type: 'cross-domain-adapter-init' }, '*', [channel.port2]);
}

/**
 * Offers the control port and serves commands on it for as long as the page lives. Returns a
 * function that sends the page a fresh snapshot (for changes the emulator does not announce).
 */
export function offerControlPort(ccp: EmulatedCcp, parent: Window, snapshot: () => CcpSnapshot): () => void {
    const channel = new MessageChannel();
    const port = channel.port1;
    const send = (message: ControlMessage): void => port.postMessage(message);
    port.onmessage = (event: MessageEvent<{ id: number; method: ControlCommand; args: unknown[] }>) => {
        const { id, method, args } = event.data;
        let error: string | null = null;
        try {
            if (EMULATOR_COMMANDS.has(method)) {
                (ccp[method as Exclude<ControlCommand, 'drain'>] as (...a: unknown[]) => void)(
                    ...(args ?? [])
                );
            } else if (method !== 'drain') {
                throw new Error(`The emulated CCP has no command ${String(method)}.`);
            }
        } catch (e) {
            error = e instanceof Error ? e.message : String(e);
        }
        send({ kind: 'result', id, error, snapshot: snapshot() });
    };
    const push = (): void => send({ kind: 'snapshot', snapshot: snapshot() });
    ccp.subscribe(push);
    parent.postMessage({ kind: CONTROL_OFFER, snapshot: snapshot() }, '*', [channel.port2]);
    return push;
}
