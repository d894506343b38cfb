/**
 * The workbench page's hold on an emulated CCP that runs on another origin, as a real CCP does:
 * the page cannot reach into the frame, so it mirrors the emulator's snapshots and sends it
 * commands over the control port the CCP page offers (ccpControl.ts). A command resolves once
 * the CCP has carried it out and the page has handled every conduit message the CCP posted
 * until then, so Streams (whatever realm it runs in) has seen the change.
 */
import type { CallPhase, CcpApiCall, EmulatedCcp } from '../../force-app/test/emulators/ccp';
import { begin, touch } from '../platform/activity';
import { CONTROL_OFFER } from './ccpControl';
import type { CcpSnapshot, ControlCommand, ControlMessage } from './ccpControl';

/** What the workbench needs of an emulated CCP, whether it runs in a same-origin frame or not. */
export interface CcpHandle extends Pick<
    EmulatedCcp,
    'state' | 'nextState' | 'calls' | 'onContact' | 'contacts' | 'signedIn' | 'subscribe'
> {
    setState(name: string): void | Promise<void>;
    enterCallPhase(phase: CallPhase): void | Promise<void>;
    endContact(): void | Promise<void>;
    reset(): void | Promise<void>;
    clearCalls(): void | Promise<void>;
    startContact(kind: 'chat' | 'task'): void | Promise<void>;
    signOut(): void | Promise<void>;
    signIn(): void | Promise<void>;
    answerRequests(answering: boolean): void | Promise<void>;
    openOwnSoftphone(): void | Promise<void>;
    softphone(): ReturnType<EmulatedCcp['softphone']>;
    /**
     * A CCP in another process: resolves once it has handled what reached it so far and the page
     * has handled what it sent back.
     */
    drain?(): Promise<void>;
}

export class RemoteCcp implements CcpHandle {
    private snapshot: CcpSnapshot;
    private nextId = 1;
    private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
    private readonly listeners = new Set<() => void>();

    constructor(
        private readonly port: MessagePort,
        first: CcpSnapshot,
        /** Resolves once the page has handled the CCP's first `count` conduit messages. */
        private readonly received: (count: number) => Promise<void>
    ) {
        this.snapshot = first;
        port.onmessage = (event: MessageEvent<ControlMessage>) => this.onMessage(event.data);
    }

    state(): string {
        return this.snapshot.state;
    }

    nextState(): string | null {
        return this.snapshot.nextState;
    }

    onContact(): boolean {
        return this.snapshot.onContact;
    }

    calls(): CcpApiCall[] {
        return this.snapshot.calls.map((c) => ({ ...c }));
    }

    contacts(): { kind: string; phase: string }[] {
        return this.snapshot.contacts.map((c) => ({ ...c }));
    }

    signedIn(): boolean {
        return this.snapshot.signedIn;
    }

    /** How many keep-alive `synchronize` messages of Streams the CCP has received. */
    keepalives(): number {
        return this.snapshot.keepalives;
    }

    /** Whether Streams answered the SDK MessagePort the CCP handed it. */
    sitePortReady(): boolean {
        return this.snapshot.sitePortReady;
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    setState(name: string): Promise<void> {
        return this.command('setState', [name]);
    }

    enterCallPhase(phase: CallPhase): Promise<void> {
        return this.command('enterCallPhase', [phase]);
    }

    endContact(): Promise<void> {
        return this.command('endContact', []);
    }

    reset(): Promise<void> {
        return this.command('reset', []);
    }

    clearCalls(): Promise<void> {
        return this.command('clearCalls', []);
    }

    startContact(kind: 'chat' | 'task'): Promise<void> {
        return this.command('startContact', [kind]);
    }

    signOut(): Promise<void> {
        return this.command('signOut', []);
    }

    signIn(): Promise<void> {
        return this.command('signIn', []);
    }

    answerRequests(answering: boolean): Promise<void> {
        return this.command('answerRequests', [answering]);
    }

    openOwnSoftphone(): Promise<void> {
        return this.command('openOwnSoftphone', []);
    }

    softphone(): ReturnType<EmulatedCcp['softphone']> {
        const { master, takeovers } = this.snapshot.softphone;
        return { master, takeovers: takeovers.map((t) => ({ ...t })) };
    }

    drain(): Promise<void> {
        return this.command('drain', []);
    }

    private async command(method: ControlCommand, args: unknown[]): Promise<void> {
        const end = begin();
        try {
            const id = this.nextId++;
            const done = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }));
            this.port.postMessage({ id, method, args });
            await done;
            await this.received(this.snapshot.posted);
        } finally {
            end();
        }
    }

    private onMessage(message: ControlMessage): void {
        this.snapshot = message.snapshot;
        touch();
        if (message.kind === 'result') {
            const waiting = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.error === null) {
                waiting?.resolve();
            } else {
                waiting?.reject(new Error(message.error));
            }
        }
        this.listeners.forEach((listener) => listener());
    }
}

/**
 * Counts the conduit messages each frame posted to this page, and hands over the CCP once its
 * page offers a control port. Install before the CCP frame exists: the count starts with the
 * frame's first message. The listener runs in the capture phase, before Streams' own.
 */
export function listenForRemoteCcp(onConnected: (ccp: RemoteCcp) => void): void {
    const counts = new Map<MessageEventSource, number>();
    const waiters: Array<{ source: MessageEventSource; count: number; resolve: () => void }> = [];
    window.addEventListener(
        'message',
        (event: MessageEvent) => {
            const source = event.source;
            if (!source) {
                return;
            }
            const data = event.data as { event?: unknown; kind?: unknown; snapshot?: CcpSnapshot } | null;
            if (typeof data?.event === 'string') {
                const count = (counts.get(source) ?? 0) + 1;
                counts.set(source, count);
                for (const waiter of waiters.filter((w) => w.source === source && w.count <= count)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    // A turn later: Streams' own listener for this message has run by then.
                    setTimeout(waiter.resolve, 0);
                }
            } else if (data?.kind === CONTROL_OFFER && event.ports[0] && data.snapshot) {
                const received = (count: number): Promise<void> =>
                    (counts.get(source) ?? 0) >= count
                        ? Promise.resolve()
                        : new Promise((resolve) => waiters.push({ source, count, resolve }));
                onConnected(new RemoteCcp(event.ports[0], data.snapshot, received));
            }
        },
        true
    );
}
