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
import type { NamedPresenceStatus, ServiceChannelInfo } from 'presence-sync/contracts';
import type { OmniRequest } from 'presence-sync/omni-bridge';
import { OmniCatalogue } from './omniCatalogue';
import { nextTurn, OmniEvents } from './omniEvents';
import type { OmniBridgeTarget } from './omniEvents';
import { OmniWork } from './omniWork';
import type { WorkloadNumbers } from './omniWork';

export type { OmniBridgeTarget } from './omniEvents';

export interface OmniToolkitCall {
    method: string;
    args: unknown;
}

export interface EmulatedOmniOptions {
    statuses?: NamedPresenceStatus[];
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

export class EmulatedOmni {
    private readonly catalogue: OmniCatalogue;
    private readonly events = new OmniEvents(() => this.notify());
    private readonly work: OmniWork;
    private current: NamedPresenceStatus | null = null;
    private toolkitCalls: OmniToolkitCall[] = [];
    private readonly listeners = new Set<() => void>();
    private pending = 0;
    /** The Omni-Channel widget has loaded (toolkit calls work only then). */
    private widgetReady = true;

    constructor(options: EmulatedOmniOptions = {}) {
        this.catalogue = new OmniCatalogue(options);
        const capacity = options.configuredCapacity ?? 10;
        this.work = new OmniWork(
            this.catalogue,
            this.events,
            capacity,
            options.configuredInterruptibleCapacity ?? capacity
        );
        if (options.initialStatus) {
            this.current = this.catalogue.statusNamed(options.initialStatus) ?? null;
        }
    }

    /** The LWC the Aura item wraps. Several targets model several tabs sharing one Omni session. */
    connect(target: OmniBridgeTarget): () => void {
        return this.events.connect(target);
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
            this.events.answer(request.requestId, error, result, from);
            await this.events.flush();
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
        await this.events.flush();
    }

    /** The agent logs out in the widget. */
    async logout(): Promise<void> {
        if (this.current === null) {
            return;
        }
        this.current = null;
        this.events.add('logout', {});
        await this.events.flush();
    }

    /** A supervisor changes the agent's status (Omni Supervisor): reason `OmniSupervisorStatusChange`. */
    async supervisorSetStatus(developerName: string): Promise<void> {
        this.changeStatus(this.catalogue.grantedStatus(developerName), 'OmniSupervisorStatusChange');
        await this.events.flush();
    }

    /** A supervisor logs the agent out: `logout` with reason `OmniSupervisorLogout`. */
    async supervisorLogout(): Promise<void> {
        if (this.current !== null) {
            this.current = null;
            this.events.add('logout', { reason: 'OmniSupervisorLogout' });
            await this.events.flush();
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
        await this.events.flush();
    }

    /** Omni routes a work item on the channel and the agent accepts it. */
    async acceptWork(channelDeveloperName: string): Promise<{ workItemId: string; workId: string }> {
        const accepted = this.work.accept(channelDeveloperName, this.current);
        await this.events.flush();
        return accepted;
    }

    /** The agent's workload or capacity changes (work closed, a supervisor edits the configuration). */
    async setWorkload(newWorkload: number, configuredCapacity: number): Promise<void> {
        this.work.set(newWorkload, configuredCapacity);
        await this.events.flush();
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
        this.work.setInterruptible(newInterruptibleWorkload, configuredInterruptibleCapacity);
        await this.events.flush();
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
    workloadNow(): WorkloadNumbers {
        return this.work.now();
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

    statusList(): NamedPresenceStatus[] {
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
            workload: this.work.workload,
            capacity: this.work.capacity,
            interruptibleWorkload: this.work.interruptibleWorkload,
            interruptibleCapacity: this.work.interruptibleCapacity,
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
        this.work.workload = saved.workload;
        this.work.capacity = saved.capacity;
        this.work.interruptibleWorkload = saved.interruptibleWorkload ?? 0;
        this.work.interruptibleCapacity =
            saved.interruptibleCapacity ?? this.work.initialInterruptibleCapacity;
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
            this.events.add('logout', {});
        }
        await this.events.flush();
    }

    /** Logged out (raising `logout` if logged in), no work, calls cleared, every status granted again. */
    async reset(): Promise<void> {
        await this.logout();
        this.work.reset();
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
                    this.events.add('logout', {});
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

    private loggedInStatus(): NamedPresenceStatus {
        if (this.current === null) {
            throw new Error('The agent is not logged in to Omni-Channel.');
        }
        return this.current;
    }

    /** A change that logs the agent in raises `loginSuccess` first. */
    private changeStatus(status: NamedPresenceStatus, reason: string): void {
        const wasLoggedOut = this.current === null;
        this.current = status;
        if (wasLoggedOut) {
            this.events.add('loginSuccess', { statusId: status.id15 });
        }
        this.events.add('statusChanged', {
            statusId: status.id15,
            statusName: status.label,
            statusApiName: status.developerName,
            channels: this.catalogue.channelsOf(status),
            reason
        });
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}

export { attachOmniBridge } from './omniBridge';
