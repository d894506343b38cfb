/**
 * An emulated Omni-Channel: the agent's presence, service channels and capacity, reached through
 * the same bridge the Aura item gives the agent LWC (`presence-sync/omni-bridge`): toolkit calls
 * arrive as OmniRequests and are answered through `handleOmniResponse`; every change raises the
 * Aura application event's payload through `handleOmniEvent`.
 *
 * It behaves as the platform does where it matters to sync (docs/workbench.md gives each rule's
 * source): a status the agent's presence configuration does not grant is refused; each status
 * change carries the `reason` Omni-Channel gives (toolkit, widget, supervisor, login); a change
 * while logged out logs the agent in first (`loginSuccess`); when the console loads, the widget is
 * not ready at first (toolkit calls are refused) and then logs the agent back in to the status
 * they had; work is only routed on the channels of the current status and within capacity.
 * Events carry 15-character status ids and toolkit results 18-character ones: the platform hands
 * out both, so a component must normalise.
 */
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';
import type { OmniEventName, OmniEventPayloads, OmniRequest } from 'presence-sync/omni-bridge';
import { OmniCatalogue } from './omniCatalogue';

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

/** What survives a page reload (and what the agent's other tabs see): the presence itself. */
export interface OmniSavedState {
    status: string | null;
    workload: number;
    capacity: number;
    interruptibleWorkload: number;
    interruptibleCapacity: number;
    granted: string[];
}

/** The words the toolkit's promise rejects with before the widget has loaded. */
export const WIDGET_NOT_READY = 'Omni-Channel is not ready yet: the Omni-Channel widget is still loading.';

const OFFLINE = 'Offline';
const WORK_KEY_PREFIX = '0Bz';

/** Settles after the caller's own synchronous work, as the toolkit's promises and Aura events do. */
const nextTurn = (): Promise<void> => Promise.resolve();

export class EmulatedOmni {
    private readonly catalogue: OmniCatalogue;
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
    /** The Omni-Channel widget has loaded (toolkit calls work only then). */
    private widgetReady = true;
    private readonly eventQueue: Array<{ name: OmniEventName; payload: unknown }> = [];

    constructor(options: EmulatedOmniOptions = {}) {
        this.catalogue = new OmniCatalogue(options);
        this.initialCapacity = options.configuredCapacity ?? 10;
        this.capacity = this.initialCapacity;
        this.initialInterruptibleCapacity = options.configuredInterruptibleCapacity ?? this.initialCapacity;
        this.interruptibleCapacity = this.initialInterruptibleCapacity;
        if (options.initialStatus) {
            this.current = this.catalogue.statusNamed(options.initialStatus) ?? null;
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
                if (!this.widgetReady) {
                    throw new Error(WIDGET_NOT_READY);
                }
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
        const status = this.catalogue.grantedStatus(developerName);
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

    /** A supervisor changes the agent's status (Omni Supervisor): reason `OmniSupervisorStatusChange`. */
    async supervisorSetStatus(developerName: string): Promise<void> {
        this.changeStatus(this.catalogue.grantedStatus(developerName), 'OmniSupervisorStatusChange');
        await this.flushEvents();
    }

    /** A supervisor logs the agent out: `logout` with reason `OmniSupervisorLogout`. */
    async supervisorLogout(): Promise<void> {
        if (this.current !== null) {
            this.current = null;
            this.queueEvent('logout', { reason: 'OmniSupervisorLogout' });
            await this.flushEvents();
        }
    }

    /**
     * The console loads (a page reload): the widget is not ready, toolkit calls are refused, and
     * after `loginAfterMs` the widget logs the agent back in to the status they had, with
     * `loginSuccess` and a `statusChanged` whose reason is `OmniLoginStatusChange`.
     */
    async loadConsole(loginAfterMs: number): Promise<void> {
        this.widgetReady = false;
        const restored = this.current;
        this.current = null;
        this.notify();
        await new Promise((resolve) => setTimeout(resolve, loginAfterMs));
        this.widgetReady = true;
        if (restored) {
            this.changeStatus(restored, 'OmniLoginStatusChange');
        }
        await this.flushEvents();
    }

    /** Omni routes a work item on the channel and the agent accepts it. */
    async acceptWork(channelDeveloperName: string): Promise<{ workItemId: string; workId: string }> {
        const channel = this.catalogue.channels.find((c) => c.developerName === channelDeveloperName);
        if (!channel) {
            throw new Error(`There is no service channel "${channelDeveloperName}".`);
        }
        if (this.current === null) {
            throw new Error('Omni-Channel routes no work while the agent is logged out.');
        }
        if (!this.catalogue.routes(this.current, channelDeveloperName)) {
            throw new Error(
                `Omni-Channel routes no ${channel.label} work while the agent is ${this.current.label}: that status has no ${channelDeveloperName} channel.`
            );
        }
        const units = this.catalogue.unitsOf(channelDeveloperName);
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
            this.catalogue.granted.add(developerName);
        } else {
            this.catalogue.granted.delete(developerName);
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
        return this.catalogue.statuses.map((s) => ({ ...s }));
    }

    channelList(): ServiceChannelInfo[] {
        return this.catalogue.channels.map((c) => ({ ...c }));
    }

    grantedStatuses(): string[] {
        return this.catalogue.statuses
            .map((s) => s.developerName)
            .filter((name) => this.catalogue.granted.has(name));
    }

    save(): OmniSavedState {
        return {
            status: this.current?.developerName ?? null,
            workload: this.workload,
            capacity: this.capacity,
            interruptibleWorkload: this.interruptibleWorkload,
            interruptibleCapacity: this.interruptibleCapacity,
            granted: [...this.catalogue.granted]
        };
    }

    /**
     * Takes over the presence as saved (before a reload, or by the agent's other tab). With
     * `announce`, a different status is raised as the other tab's widget shows it: the same
     * change, seen here.
     */
    async restore(
        saved: OmniSavedState,
        announce: boolean,
        reason = 'OmniToolkitStatusChange'
    ): Promise<void> {
        const status = saved.status === null ? null : (this.catalogue.statusNamed(saved.status) ?? null);
        this.workload = saved.workload;
        this.capacity = saved.capacity;
        this.interruptibleWorkload = saved.interruptibleWorkload ?? 0;
        this.interruptibleCapacity = saved.interruptibleCapacity ?? this.initialInterruptibleCapacity;
        this.catalogue.granted = new Set(saved.granted);
        if (status?.developerName === this.current?.developerName) {
            this.notify();
            return;
        }
        if (!announce) {
            this.current = status;
            this.notify();
            return;
        }
        if (status) {
            this.changeStatus(status, reason);
        } else {
            this.current = null;
            this.queueEvent('logout', {});
        }
        await this.flushEvents();
    }

    /** Logged out (raising `logout` if logged in), no work, calls cleared, every status granted again. */
    async reset(): Promise<void> {
        await this.logout();
        this.workload = 0;
        this.capacity = this.initialCapacity;
        this.interruptibleWorkload = 0;
        this.interruptibleCapacity = this.initialInterruptibleCapacity;
        this.catalogue.grantAll();
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
                const status = this.catalogue.grantedStatusById(request.args.statusId);
                this.changeStatus(status, 'OmniToolkitStatusChange');
                return this.catalogue.statusResult(status, true);
            }
            case 'login': {
                const status = this.catalogue.grantedStatusById(request.args.statusId);
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
                return this.catalogue.statusResult(this.loggedInStatus(), false);
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

    /** A change that logs the agent in raises `loginSuccess` first. */
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
            channels: this.catalogue.channelsOf(status),
            reason
        });
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

export { attachOmniBridge } from './omniBridge';
