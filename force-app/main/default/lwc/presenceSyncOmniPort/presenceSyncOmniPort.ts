/**
 * The Omni-Channel side of a sync session, spoken through the Aura bridge
 * (`presence-sync/omni-bridge`): toolkit calls go out as requests and come back as answers,
 * Omni application events come in and leave as session inputs. Status developer names, ids and
 * service channels are resolved from the agent's configuration, never hard-coded.
 */
import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { OmniPort, SessionInput } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';
import type {
    OmniEventPayloads,
    OmniMethod,
    OmniRequest,
    OmniWorkloadChangedPayload
} from 'presence-sync/omni-bridge';

export interface OmniDirectory {
    statuses: PresenceStatusInfo[];
    serviceChannels: ServiceChannelInfo[];
}

export interface OmniPortOptions {
    directory: OmniDirectory;
    /** Hands a request to the Aura item (the component dispatches the `omnirequest` event). */
    send(request: OmniRequest): void;
    /** Every Omni event, translated. */
    onInput(input: SessionInput): void;
    /** Omni-Channel logged the agent back in as the console loaded: the status at load. */
    onLoginAtLoad?(statusDeveloperName: string): void;
    /** How long after a refused first read a login counts as the one at load (default 8 s). */
    loginGraceMs?: number;
    /** Something the agent or admin should know that is not a failed call (an unknown status id). */
    onWarning?(message: string): void;
    /** How long a toolkit call may take before it counts as unanswered. */
    timeoutMs?: number;
    /** Distinguishes request ids of several tabs or components in logs. */
    idPrefix?: string;
}

export interface OmniBridgeClient extends OmniPort {
    /** The `@api handleOmniEvent` of the component lands here. */
    handleEvent(name: string, payload: unknown): void;
    /** The `@api handleOmniResponse` of the component lands here. */
    handleResponse(requestId: string, ok: boolean, result: unknown, errorMessage?: string | null): void;
    /**
     * The agent's status when Presence Sync starts. When the console loads, the Omni-Channel
     * widget refuses toolkit calls until it is ready, then logs the agent back in: a refused read
     * gives `Offline` (the agent may well be logged out), and a login Omni-Channel makes itself
     * (`OmniLoginStatusChange`) within the grace period that follows goes to `onLoginAtLoad` as
     * the status at load, not as the agent's change.
     */
    readInitialStatus(): Promise<string>;
    /** New statuses or channels after a configuration reload. */
    setDirectory(directory: OmniDirectory): void;
    /** Rejects every unanswered call and ignores later answers and events. */
    dispose(): void;
}

/** The bridge did not answer: the LWC is not inside the Aura item, or the toolkit is missing. */
export class OmniUnreachableError extends Error {
    constructor(method: OmniMethod, timeoutMs: number) {
        super(
            `Omni-Channel did not answer "${method}" within ${Math.round(timeoutMs / 1000)} s. ` +
                'Presence Sync must run inside its utility item (Presence Sync Utility) in a console app ' +
                'that also has the Omni-Channel utility.'
        );
        this.name = 'OmniUnreachableError';
    }
}

const DEFAULT_TIMEOUT_MS = 10000;
/** How long the widget may take to log the agent back in when the console loads. */
const DEFAULT_LOGIN_GRACE_MS = 8000;

/** Salesforce ids compare on their first 15 characters; the toolkit hands out either length. */
export function id15(id: string | null | undefined): string {
    return (id ?? '').slice(0, 15);
}

function toNumber(value: unknown): number | null {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : null;
    }
    if (typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        return Number.isFinite(n) ? n : null;
    }
    return null;
}

/**
 * The interruptible fields of a workload event, when all three are numbers. Orgs that route no
 * interruptible work may leave them out; rules on them then simply do not match.
 */
function interruptibleOf(
    payload: OmniWorkloadChangedPayload
): Partial<
    Record<
        'previousInterruptibleWorkload' | 'newInterruptibleWorkload' | 'configuredInterruptibleCapacity',
        number
    >
> {
    const previousInterruptibleWorkload = toNumber(payload.previousInterruptibleWorkload);
    const newInterruptibleWorkload = toNumber(payload.newInterruptibleWorkload);
    const configuredInterruptibleCapacity = toNumber(payload.configuredInterruptibleCapacity);
    if (
        previousInterruptibleWorkload === null ||
        newInterruptibleWorkload === null ||
        configuredInterruptibleCapacity === null
    ) {
        return {};
    }
    return { previousInterruptibleWorkload, newInterruptibleWorkload, configuredInterruptibleCapacity };
}

interface Pending {
    method: OmniMethod;
    resolve(result: unknown): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

/** The wording of a status the toolkit refused (the bridge's own failures pass through). */
function refusedStatus(error: unknown, status: PresenceStatusInfo): Error {
    if (error instanceof OmniUnreachableError) {
        return error;
    }
    return new Error(
        `Omni-Channel refused the status "${status.label}": ${(error as Error).message} ` +
            'Your profile or permission set may not grant this status; ask your admin.'
    );
}

class BridgeOmniPort implements OmniBridgeClient {
    private readonly timeoutMs: number;
    private readonly prefix: string;
    private readonly pending = new Map<string, Pending>();
    private directory: OmniDirectory;
    private counter = 0;
    private disposed = false;
    // Omni reports one change through several events (login success and status changed):
    // the session needs each change once.
    private lastStatus: string | null = null;
    /** Until then, after a refused first read, a login is the one the console makes at load. */
    private loginAtLoadUntil = 0;
    /** The first read is on its way: an event meanwhile is the status at load, not a change. */
    private readingInitial = false;
    private readonly translate: { [K in keyof OmniEventPayloads]: (payload: OmniEventPayloads[K]) => void } =
        {
            loginSuccess: (payload) => this.onLoginSuccess(payload),
            statusChanged: (payload) => {
                const name = this.nameOfStatus(payload.statusId, payload.statusApiName);
                if (name) {
                    this.emitStatus(name, payload.reason);
                }
            },
            logout: (payload) => this.onLogout(payload),
            workAccepted: (payload) => {
                const serviceChannel = this.channelOf(payload.workItemId);
                if (serviceChannel) {
                    this.options.onInput({ kind: 'omni-work-accepted', serviceChannel });
                }
            },
            workloadChanged: (payload) => this.onWorkload(payload)
        };

    constructor(private readonly options: OmniPortOptions) {
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.prefix = options.idPrefix ?? 'omni';
        this.directory = options.directory;
    }

    async setStatus(statusDeveloperName: string): Promise<void> {
        // From now on a login is this write's echo, not the one the console makes at load.
        this.loginAtLoadUntil = 0;
        if (statusDeveloperName === OMNI_OFFLINE) {
            await this.call({ requestId: this.nextId(), method: 'logout', args: {} });
            return;
        }
        const status = this.directory.statuses.find((s) => s.developerName === statusDeveloperName);
        if (!status) {
            throw new Error(
                `There is no Omni-Channel presence status "${statusDeveloperName}" that you may use. ` +
                    'Ask your admin to check the rule and to grant the status to your profile or permission set.'
            );
        }
        try {
            await this.call({
                requestId: this.nextId(),
                method: 'setServicePresenceStatus',
                args: { statusId: status.id }
            });
        } catch (error) {
            throw refusedStatus(error, status);
        }
    }

    async readInitialStatus(): Promise<string> {
        this.lastStatus = null;
        this.readingInitial = true;
        let read: string | undefined;
        try {
            read = await this.tryRead();
        } finally {
            this.readingInitial = false;
        }
        if (read === undefined && this.lastStatus === null) {
            // Logged out, or the widget not ready yet: only a login in the next seconds tells.
            this.loginAtLoadUntil = Date.now() + (this.options.loginGraceMs ?? DEFAULT_LOGIN_GRACE_MS);
        }
        // An event that came while the read was on its way is newer than the read.
        this.lastStatus ??= read ?? OMNI_OFFLINE;
        return this.lastStatus;
    }

    handleEvent(name: string, payload: unknown): void {
        if (this.disposed || !Object.prototype.hasOwnProperty.call(this.translate, name)) {
            return;
        }
        const handler = this.translate[name as keyof OmniEventPayloads] as (p: unknown) => void;
        handler((payload ?? {}) as unknown);
    }

    handleResponse(requestId: string, ok: boolean, result: unknown, errorMessage?: string | null): void {
        const entry = this.pending.get(requestId);
        if (!entry) {
            return;
        }
        this.pending.delete(requestId);
        clearTimeout(entry.timer);
        if (ok) {
            entry.resolve(result);
        } else {
            entry.reject(
                new Error(errorMessage || `Omni-Channel refused "${entry.method}" without saying why.`)
            );
        }
    }

    setDirectory(next: OmniDirectory): void {
        this.directory = next;
    }

    dispose(): void {
        this.disposed = true;
        for (const [, entry] of this.pending) {
            clearTimeout(entry.timer);
            entry.reject(new Error('Presence Sync has stopped before Omni-Channel answered.'));
        }
        this.pending.clear();
    }

    private warn(message: string): void {
        this.options.onWarning?.(message);
    }

    private call(request: OmniRequest): Promise<unknown> {
        if (this.disposed) {
            return Promise.reject(
                new Error('Presence Sync has stopped; the Omni-Channel call was not made.')
            );
        }
        return new Promise((resolve, reject) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- an unanswered bridge call must fail, not hang
            const timer = setTimeout(() => {
                this.pending.delete(request.requestId);
                reject(new OmniUnreachableError(request.method, this.timeoutMs));
            }, this.timeoutMs);
            this.pending.set(request.requestId, { method: request.method, resolve, reject, timer });
            this.options.send(request);
        });
    }

    private nextId(): string {
        this.counter += 1;
        return `${this.prefix}-${this.counter}`;
    }

    /**
     * The console's own login as it loads: Omni-Channel says `OmniLoginStatusChange`, while the
     * agent picking a status in the widget (or a toolkit call) logs in with its own reason.
     */
    private loginAtLoad(reason: string | undefined): boolean {
        return (
            this.lastStatus === OMNI_OFFLINE &&
            Date.now() < this.loginAtLoadUntil &&
            reason === 'OmniLoginStatusChange'
        );
    }

    private emitStatus(developerName: string, reason?: string): void {
        if (developerName === this.lastStatus) {
            return;
        }
        const atLoad = this.loginAtLoad(reason);
        this.lastStatus = developerName;
        if (this.readingInitial) {
            return;
        }
        if (atLoad && this.options.onLoginAtLoad) {
            this.loginAtLoadUntil = 0;
            this.options.onLoginAtLoad(developerName);
        } else {
            this.options.onInput({ kind: 'omni-status', statusDeveloperName: developerName, reason });
        }
    }

    /** One toolkit read: the status, `Offline` for a logged-out agent, or undefined when refused. */
    private async tryRead(): Promise<string | undefined> {
        let result: unknown;
        try {
            result = await this.call({
                requestId: this.nextId(),
                method: 'getServicePresenceStatusId',
                args: {}
            });
        } catch (error) {
            if (error instanceof OmniUnreachableError) {
                throw error;
            }
            // Refused: the agent is logged out, or the widget is not ready yet. Only time tells.
            return undefined;
        }
        const answer = (result ?? {}) as { statusId?: string; statusApiName?: string };
        return answer.statusId
            ? (this.nameOfStatus(answer.statusId, answer.statusApiName) ?? OMNI_OFFLINE)
            : OMNI_OFFLINE;
    }

    private nameOfStatus(statusId: string | undefined, apiName: string | undefined): string | null {
        if (apiName) {
            return apiName;
        }
        const key = statusId ? id15(statusId) : null;
        const status = key
            ? this.directory.statuses.find((s) => id15(s.id) === key || s.id15 === key)
            : undefined;
        if (!status) {
            this.warn(
                `Omni-Channel reported a presence status (${statusId ?? 'no id'}) that Presence Sync does not know. ` +
                    'Ask your admin to check that the status exists and that you may see status developer names.'
            );
            return null;
        }
        return status.developerName;
    }

    private channelOf(workItemId: string): string | null {
        const prefix3 = (workItemId ?? '').slice(0, 3);
        const channel = this.directory.serviceChannels.find((c) => c.keyPrefix && c.keyPrefix === prefix3);
        if (!channel) {
            this.warn(
                `Accepted work (${workItemId}) belongs to no service channel Presence Sync knows, ` +
                    'so rules on work accepted were not checked.'
            );
            return null;
        }
        return channel.developerName;
    }

    private onLoginSuccess(payload: OmniEventPayloads['loginSuccess']): void {
        // While a login at load may come, the status change that follows says whose it is.
        if (Date.now() < this.loginAtLoadUntil) {
            return;
        }
        const name = this.nameOfStatus(payload.statusId, undefined);
        if (name) {
            this.emitStatus(name, 'OmniLoginSuccess');
        }
    }

    private onLogout(payload: OmniEventPayloads['logout']): void {
        if (this.lastStatus === OMNI_OFFLINE) {
            return;
        }
        this.lastStatus = OMNI_OFFLINE;
        if (!this.readingInitial) {
            this.options.onInput({ kind: 'omni-logout', reason: payload.reason });
        }
    }

    private onWorkload(payload: OmniEventPayloads['workloadChanged']): void {
        const previousWorkload = toNumber(payload.previousWorkload);
        const newWorkload = toNumber(payload.newWorkload);
        const configuredCapacity = toNumber(payload.configuredCapacity);
        if (previousWorkload === null || newWorkload === null || configuredCapacity === null) {
            this.warn(
                'Omni-Channel reported a workload change without numbers; rules on workload were not checked.'
            );
            return;
        }
        this.options.onInput({
            kind: 'omni-workload',
            previousWorkload,
            newWorkload,
            configuredCapacity,
            ...interruptibleOf(payload)
        });
    }
}

export function createOmniPort(options: OmniPortOptions): OmniBridgeClient {
    return new BridgeOmniPort(options);
}
