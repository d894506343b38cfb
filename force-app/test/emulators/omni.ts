/**
 * An emulated Omni-Channel: the agent's presence, service channels and capacity, reached through
 * the same bridge the Aura item gives the agent LWC (`presence-sync/omni-bridge`): toolkit calls
 * arrive as OmniRequests and are answered through `handleOmniResponse`; every change raises the
 * Aura application event's payload through `handleOmniEvent`.
 *
 * It behaves as the platform does where it matters to sync (see docs/workbench.md): a status the
 * agent's presence configuration does not grant is refused; a toolkit change says
 * `OmniToolkitStatusChange`, a change in the widget `OmniManualStatusChange`; a change while
 * logged out logs the agent in first (`loginSuccess`); work is only routed on the channels of the
 * current status and within capacity. Events carry 15-character status ids and toolkit results
 * 18-character ones: the platform hands out both, so a component must normalise.
 */
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';
import type { OmniEventName, OmniEventPayloads, OmniRequest } from 'presence-sync/omni-bridge';
import { buildServiceChannels, buildStatuses } from '../jest-mocks/apex/fixtures';

/** What the Aura item calls on the LWC (and what the workbench page calls on the real element). */
export interface OmniBridgeTarget {
    handleOmniEvent<N extends OmniEventName>(name: N, payload: OmniEventPayloads[N]): void;
    handleOmniResponse(requestId: string, ok: boolean, result: unknown, errorMessage: string | null): void;
}

export interface OmniToolkitCall {
    method: string;
    args: unknown;
}

export interface EmulatedOmniOptions {
    statuses?: PresenceStatusInfo[];
    serviceChannels?: ServiceChannelInfo[];
    /** Developer names of the statuses the agent's profile or permission sets grant; all by default. */
    granted?: string[];
    /** Status developer name at start; logged out when absent. */
    initialStatus?: string;
    configuredCapacity?: number;
    /**
     * Interruptible capacity of the presence configuration; by default the primary capacity, as
     * the platform does when the field is left empty (Metadata API, PresenceUserConfig.interruptibleCapacity).
     */
    configuredInterruptibleCapacity?: number;
}

/** Which channels each seed status routes; a status without channels is a busy status. */
const STATUS_CHANNELS: Record<string, string[]> = {
    Available: ['sfdc_phone', 'sfdc_chat', 'sfdc_case'],
    Busy: [],
    Lunch: [],
    Working_Phone: ['sfdc_phone'],
    Working_Media: ['sfdc_chat', 'sfdc_case']
};

/** Capacity units one work item takes per channel (the routing configurations' weights). */
const CHANNEL_UNITS: Record<string, number> = { sfdc_phone: 5, sfdc_chat: 2, sfdc_case: 1 };

const OFFLINE = 'Offline';
const WORK_KEY_PREFIX = '0Bz';

/** Settles after the caller's own synchronous work, as the toolkit's promises and Aura events do. */
const nextTurn = (): Promise<void> => Promise.resolve();

export class EmulatedOmni {
    private readonly statuses: PresenceStatusInfo[];
    private readonly channels: ServiceChannelInfo[];
    private readonly allGranted: string[];
    private granted: Set<string>;
    private readonly initialCapacity: number;
    private readonly initialInterruptibleCapacity: number;
    private current: PresenceStatusInfo | null = null;
    private capacity: number;
    private workload = 0;
    private interruptibleCapacity: number;
    private interruptibleWorkload = 0;
    private workCount = 0;
    private toolkitCalls: OmniToolkitCall[] = [];
    private targets = new Set<OmniBridgeTarget>();
    private readonly listeners = new Set<() => void>();
    private pending = 0;
    private readonly eventQueue: Array<{ name: OmniEventName; payload: unknown }> = [];

    constructor(options: EmulatedOmniOptions = {}) {
        this.statuses = options.statuses ?? buildStatuses();
        this.channels = options.serviceChannels ?? buildServiceChannels();
        this.allGranted = options.granted ?? this.statuses.map((s) => s.developerName);
        this.granted = new Set(this.allGranted);
        this.initialCapacity = options.configuredCapacity ?? 10;
        this.capacity = this.initialCapacity;
        this.initialInterruptibleCapacity = options.configuredInterruptibleCapacity ?? this.initialCapacity;
        this.interruptibleCapacity = this.initialInterruptibleCapacity;
        if (options.initialStatus) {
            this.current = this.statusNamed(options.initialStatus) ?? null;
        }
    }

    /** The LWC the Aura item wraps. Several targets model several tabs sharing one Omni session. */
    connect(target: OmniBridgeTarget): () => void {
        this.targets.add(target);
        return () => this.targets.delete(target);
    }

    /** A toolkit call the LWC asked for (its `omnirequest` event). */
    async handleRequest(request: OmniRequest, from?: OmniBridgeTarget): Promise<void> {
        this.pending += 1;
        this.toolkitCalls.push({ method: request.method, args: request.args ?? {} });
        this.notify();
        try {
            await nextTurn();
            let result: unknown;
            let error: string | null = null;
            try {
                result = await this.runToolkit(request);
            } catch (e) {
                error = e instanceof Error ? e.message : String(e);
            }
            const targets = from ? [from] : [...this.targets];
            for (const target of targets) {
                target.handleOmniResponse(
                    request.requestId,
                    error === null,
                    error === null ? result : null,
                    error
                );
            }
            await this.flushEvents();
        } finally {
            this.pending -= 1;
            this.notify();
        }
    }

    // ----- what the agent does in the Omni-Channel widget -----

    /** The agent picks a status in the widget. Refused (rejects) when the status is not granted. */
    async setStatus(developerName: string): Promise<void> {
        const status = this.grantedStatus(developerName);
        this.changeStatus(status, 'OmniManualStatusChange');
        await this.flushEvents();
    }

    /** The agent logs out in the widget. */
    async logout(): Promise<void> {
        if (this.current === null) {
            return;
        }
        this.current = null;
        this.queueEvent('logout', {});
        await this.flushEvents();
    }

    /** Omni routes a work item on the channel and the agent accepts it. */
    async acceptWork(channelDeveloperName: string): Promise<{ workItemId: string; workId: string }> {
        const channel = this.channels.find((c) => c.developerName === channelDeveloperName);
        if (!channel) {
            throw new Error(`There is no service channel "${channelDeveloperName}".`);
        }
        if (this.current === null) {
            throw new Error('Omni-Channel routes no work while the agent is logged out.');
        }
        if (!(STATUS_CHANNELS[this.current.developerName] ?? []).includes(channelDeveloperName)) {
            throw new Error(
                `Omni-Channel routes no ${channel.label} work while the agent is ${this.current.label}: that status has no ${channelDeveloperName} channel.`
            );
        }
        const units = CHANNEL_UNITS[channelDeveloperName] ?? 1;
        if (this.workload + units > this.capacity) {
            throw new Error(
                `Omni-Channel routes no more work: ${this.workload + units} exceeds capacity ${this.capacity}.`
            );
        }
        this.workCount += 1;
        const workItemId = recordId(channel.keyPrefix ?? '000', this.workCount);
        const workId = recordId(WORK_KEY_PREFIX, this.workCount);
        this.queueEvent('workAccepted', { workItemId, workId });
        this.queueWorkload(this.workload + units, this.capacity);
        await this.flushEvents();
        return { workItemId, workId };
    }

    /** The agent's workload or capacity changes (work closed, a supervisor edits the configuration). */
    async setWorkload(newWorkload: number, configuredCapacity: number): Promise<void> {
        this.queueWorkload(newWorkload, configuredCapacity);
        await this.flushEvents();
    }

    /**
     * The agent's interruptible workload or interruptible capacity changes (interruptible work
     * routed or closed, a supervisor edits the presence configuration). The seed's channels route
     * primary work, so only this changes the interruptible numbers.
     */
    async setInterruptibleWorkload(
        newInterruptibleWorkload: number,
        configuredInterruptibleCapacity: number
    ): Promise<void> {
        const previousInterruptibleWorkload = this.interruptibleWorkload;
        this.interruptibleWorkload = newInterruptibleWorkload;
        this.interruptibleCapacity = configuredInterruptibleCapacity;
        this.queueWorkloadEvent(this.workload, previousInterruptibleWorkload);
        await this.flushEvents();
    }

    /** Withdraws or restores a status from the agent's presence configuration. */
    grant(developerName: string, granted: boolean): void {
        if (granted) {
            this.granted.add(developerName);
        } else {
            this.granted.delete(developerName);
        }
    }

    /** Current status developer name; `Offline` while logged out. */
    status(): string {
        return this.current?.developerName ?? OFFLINE;
    }

    /** What `getAgentWorkload` answers. */
    workloadNow(): {
        configuredCapacity: number;
        currentWorkload: number;
        configuredInterruptibleCapacity: number;
        currentInterruptibleWorkload: number;
    } {
        return {
            configuredCapacity: this.capacity,
            currentWorkload: this.workload,
            configuredInterruptibleCapacity: this.interruptibleCapacity,
            currentInterruptibleWorkload: this.interruptibleWorkload
        };
    }

    calls(): OmniToolkitCall[] {
        return this.toolkitCalls.map((c) => ({ ...c }));
    }

    clearCalls(): void {
        this.toolkitCalls = [];
    }

    /** Toolkit requests not answered yet. */
    pendingRequests(): number {
        return this.pending;
    }

    statusList(): PresenceStatusInfo[] {
        return this.statuses.map((s) => ({ ...s }));
    }

    channelList(): ServiceChannelInfo[] {
        return this.channels.map((c) => ({ ...c }));
    }

    grantedStatuses(): string[] {
        return this.statuses.map((s) => s.developerName).filter((name) => this.granted.has(name));
    }

    /** Logged out (raising `logout` if logged in), no work, calls cleared, every status granted again. */
    async reset(): Promise<void> {
        await this.logout();
        this.workload = 0;
        this.capacity = this.initialCapacity;
        this.interruptibleWorkload = 0;
        this.interruptibleCapacity = this.initialInterruptibleCapacity;
        this.granted = new Set(this.allGranted);
        this.toolkitCalls = [];
        this.notify();
    }

    /** Called after every change (status, work, recorded call). */
    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    // ----- the toolkit -----

    private async runToolkit(request: OmniRequest): Promise<unknown> {
        switch (request.method) {
            case 'setServicePresenceStatus': {
                const status = this.grantedStatusById(request.args.statusId);
                this.changeStatus(status, 'OmniToolkitStatusChange');
                return this.statusResult(status, true);
            }
            case 'login': {
                const status = this.grantedStatusById(request.args.statusId);
                this.changeStatus(status, 'OmniToolkitStatusChange');
                return true;
            }
            case 'logout':
                if (this.current !== null) {
                    this.current = null;
                    this.queueEvent('logout', {});
                }
                return true;
            case 'getServicePresenceStatusId':
                return this.statusResult(this.loggedInStatus(), false);
            case 'getAgentWorkload':
                this.loggedInStatus();
                return this.workloadNow();
            default:
                throw new Error(
                    `The Omni-Channel toolkit has no method "${(request as { method: string }).method}".`
                );
        }
    }

    private loggedInStatus(): PresenceStatusInfo {
        if (this.current === null) {
            throw new Error('The agent is not logged in to Omni-Channel.');
        }
        return this.current;
    }

    private statusResult(status: PresenceStatusInfo, withChannels: boolean): Record<string, unknown> {
        const result: Record<string, unknown> = {
            statusId: status.id,
            statusName: status.label,
            statusApiName: status.developerName
        };
        if (withChannels) {
            result.channels = this.channelsOf(status);
        }
        return result;
    }

    private channelsOf(status: PresenceStatusInfo): Array<{ channelId: string; developerName: string }> {
        const names = STATUS_CHANNELS[status.developerName] ?? [];
        return this.channels
            .filter((c) => names.includes(c.developerName))
            .map((c) => ({ channelId: c.id, developerName: c.developerName }));
    }

    private changeStatus(status: PresenceStatusInfo, reason: string): void {
        const wasLoggedOut = this.current === null;
        this.current = status;
        if (wasLoggedOut) {
            this.queueEvent('loginSuccess', { statusId: status.id15 });
        }
        this.queueEvent('statusChanged', {
            statusId: status.id15,
            statusName: status.label,
            statusApiName: status.developerName,
            channels: this.channelsOf(status),
            reason
        });
    }

    private grantedStatus(developerName: string): PresenceStatusInfo {
        const status = this.statusNamed(developerName);
        if (!status) {
            throw new Error(`There is no presence status "${developerName}".`);
        }
        return this.checkGranted(status);
    }

    private grantedStatusById(statusId: string): PresenceStatusInfo {
        const id15 = typeof statusId === 'string' ? statusId.slice(0, 15) : '';
        const status = this.statuses.find((s) => s.id15 === id15);
        if (!status) {
            throw new Error(`There is no presence status with id "${String(statusId)}".`);
        }
        return this.checkGranted(status);
    }

    private checkGranted(status: PresenceStatusInfo): PresenceStatusInfo {
        if (!this.granted.has(status.developerName)) {
            throw new Error(
                `The presence status "${status.label}" is not available to you: it is not assigned to your profile or permission sets.`
            );
        }
        return status;
    }

    private queueWorkload(newWorkload: number, configuredCapacity: number): void {
        const previousWorkload = this.workload;
        this.workload = newWorkload;
        this.capacity = configuredCapacity;
        this.queueWorkloadEvent(previousWorkload, this.interruptibleWorkload);
    }

    /** The event carries both kinds of work, before and after (Console Developer Guide, lightning:omniChannelWorkloadChanged). */
    private queueWorkloadEvent(previousWorkload: number, previousInterruptibleWorkload: number): void {
        this.queueEvent('workloadChanged', {
            configuredCapacity: this.capacity,
            previousWorkload,
            newWorkload: this.workload,
            configuredInterruptibleCapacity: this.interruptibleCapacity,
            previousInterruptibleWorkload,
            newInterruptibleWorkload: this.interruptibleWorkload
        });
    }

    private queueEvent<N extends OmniEventName>(name: N, payload: OmniEventPayloads[N]): void {
        this.eventQueue.push({ name, payload });
        this.notify();
    }

    /** Raises the queued application events, in order, a turn after the change (as Aura dispatches them). */
    private async flushEvents(): Promise<void> {
        await nextTurn();
        while (this.eventQueue.length > 0) {
            const { name, payload } = this.eventQueue.shift()!;
            for (const target of [...this.targets]) {
                target.handleOmniEvent(name, { ...(payload as object) } as OmniEventPayloads[typeof name]);
            }
        }
        this.notify();
    }

    private statusNamed(developerName: string): PresenceStatusInfo | undefined {
        return this.statuses.find((s) => s.developerName === developerName);
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}

/** An 18-character-looking record id with the key prefix of the object it stands for. */
function recordId(prefix: string, n: number): string {
    return `${prefix}Wb0000${String(n).padStart(6, '0')}AAA`;
}

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
