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

export function createOmniPort(options: OmniPortOptions): OmniBridgeClient {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const prefix = options.idPrefix ?? 'omni';
    const pending = new Map<string, Pending>();
    let directory = options.directory;
    let counter = 0;
    let disposed = false;
    // Omni reports one change through several events (login success and status changed):
    // the session needs each change once.
    let lastStatus: string | null = null;
    /** Until then, after a refused first read, a login is the one the console makes at load. */
    let loginAtLoadUntil = 0;
    /** The first read is on its way: an event meanwhile is the status at load, not a change. */
    let readingInitial = false;

    const warn = (message: string): void => options.onWarning?.(message);

    function statusByName(developerName: string): PresenceStatusInfo | undefined {
        return directory.statuses.find((s) => s.developerName === developerName);
    }

    function statusById(id: string): PresenceStatusInfo | undefined {
        const key = id15(id);
        return directory.statuses.find((s) => id15(s.id) === key || s.id15 === key);
    }

    function call(request: OmniRequest): Promise<unknown> {
        if (disposed) {
            return Promise.reject(
                new Error('Presence Sync has stopped; the Omni-Channel call was not made.')
            );
        }
        return new Promise((resolve, reject) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- an unanswered bridge call must fail, not hang
            const timer = setTimeout(() => {
                pending.delete(request.requestId);
                reject(new OmniUnreachableError(request.method, timeoutMs));
            }, timeoutMs);
            pending.set(request.requestId, { method: request.method, resolve, reject, timer });
            options.send(request);
        });
    }

    function nextId(): string {
        counter += 1;
        return `${prefix}-${counter}`;
    }

    /**
     * The console's own login as it loads: Omni-Channel says `OmniLoginStatusChange`, while the
     * agent picking a status in the widget (or a toolkit call) logs in with its own reason.
     */
    function loginAtLoad(reason: string | undefined): boolean {
        return (
            lastStatus === OMNI_OFFLINE && Date.now() < loginAtLoadUntil && reason === 'OmniLoginStatusChange'
        );
    }

    function emitStatus(developerName: string, reason?: string): void {
        if (developerName === lastStatus) {
            return;
        }
        const atLoad = loginAtLoad(reason);
        lastStatus = developerName;
        if (readingInitial) {
            return;
        }
        if (atLoad && options.onLoginAtLoad) {
            loginAtLoadUntil = 0;
            options.onLoginAtLoad(developerName);
        } else {
            options.onInput({ kind: 'omni-status', statusDeveloperName: developerName, reason });
        }
    }

    /** One toolkit read: the status, `Offline` for a logged-out agent, or undefined when refused. */
    async function tryRead(): Promise<string | undefined> {
        let result: unknown;
        try {
            result = await call({ requestId: nextId(), method: 'getServicePresenceStatusId', args: {} });
        } catch (error) {
            if (error instanceof OmniUnreachableError) {
                throw error;
            }
            // Refused: the agent is logged out, or the widget is not ready yet. Only time tells.
            return undefined;
        }
        const answer = (result ?? {}) as { statusId?: string; statusApiName?: string };
        return answer.statusId
            ? (nameOfStatus(answer.statusId, answer.statusApiName) ?? OMNI_OFFLINE)
            : OMNI_OFFLINE;
    }

    function nameOfStatus(statusId: string | undefined, apiName: string | undefined): string | null {
        if (apiName) {
            return apiName;
        }
        const status = statusId ? statusById(statusId) : undefined;
        if (!status) {
            warn(
                `Omni-Channel reported a presence status (${statusId ?? 'no id'}) that Presence Sync does not know. ` +
                    'Ask your admin to check that the status exists and that you may see status developer names.'
            );
            return null;
        }
        return status.developerName;
    }

    function channelOf(workItemId: string): string | null {
        const prefix3 = (workItemId ?? '').slice(0, 3);
        const channel = directory.serviceChannels.find((c) => c.keyPrefix && c.keyPrefix === prefix3);
        if (!channel) {
            warn(
                `Accepted work (${workItemId}) belongs to no service channel Presence Sync knows, ` +
                    'so rules on work accepted were not checked.'
            );
            return null;
        }
        return channel.developerName;
    }

    const translate: { [K in keyof OmniEventPayloads]: (payload: OmniEventPayloads[K]) => void } = {
        loginSuccess(payload) {
            // While a login at load may come, the status change that follows says whose it is.
            if (Date.now() < loginAtLoadUntil) {
                return;
            }
            const name = nameOfStatus(payload.statusId, undefined);
            if (name) {
                emitStatus(name, 'OmniLoginSuccess');
            }
        },
        statusChanged(payload) {
            const name = nameOfStatus(payload.statusId, payload.statusApiName);
            if (name) {
                emitStatus(name, payload.reason);
            }
        },
        logout(payload) {
            if (lastStatus === OMNI_OFFLINE) {
                return;
            }
            lastStatus = OMNI_OFFLINE;
            if (!readingInitial) {
                options.onInput({ kind: 'omni-logout', reason: payload.reason });
            }
        },
        workAccepted(payload) {
            const serviceChannel = channelOf(payload.workItemId);
            if (serviceChannel) {
                options.onInput({ kind: 'omni-work-accepted', serviceChannel });
            }
        },
        workloadChanged(payload) {
            const previousWorkload = toNumber(payload.previousWorkload);
            const newWorkload = toNumber(payload.newWorkload);
            const configuredCapacity = toNumber(payload.configuredCapacity);
            if (previousWorkload === null || newWorkload === null || configuredCapacity === null) {
                warn(
                    'Omni-Channel reported a workload change without numbers; rules on workload were not checked.'
                );
                return;
            }
            options.onInput({
                kind: 'omni-workload',
                previousWorkload,
                newWorkload,
                configuredCapacity,
                ...interruptibleOf(payload)
            });
        }
    };

    return {
        async setStatus(statusDeveloperName: string): Promise<void> {
            // From now on a login is this write's echo, not the one the console makes at load.
            loginAtLoadUntil = 0;
            if (statusDeveloperName === OMNI_OFFLINE) {
                await call({ requestId: nextId(), method: 'logout', args: {} });
                return;
            }
            const status = statusByName(statusDeveloperName);
            if (!status) {
                throw new Error(
                    `There is no Omni-Channel presence status "${statusDeveloperName}" that you may use. ` +
                        'Ask your admin to check the rule and to grant the status to your profile or permission set.'
                );
            }
            try {
                await call({
                    requestId: nextId(),
                    method: 'setServicePresenceStatus',
                    args: { statusId: status.id }
                });
            } catch (error) {
                if (error instanceof OmniUnreachableError) {
                    throw error;
                }
                throw new Error(
                    `Omni-Channel refused the status "${status.label}": ${(error as Error).message} ` +
                        'Your profile or permission set may not grant this status; ask your admin.'
                );
            }
        },

        async readInitialStatus(): Promise<string> {
            lastStatus = null;
            readingInitial = true;
            let read: string | undefined;
            try {
                read = await tryRead();
            } finally {
                readingInitial = false;
            }
            if (read === undefined && lastStatus === null) {
                // Logged out, or the widget not ready yet: only a login in the next seconds tells.
                loginAtLoadUntil = Date.now() + (options.loginGraceMs ?? DEFAULT_LOGIN_GRACE_MS);
            }
            // An event that came while the read was on its way is newer than the read.
            lastStatus ??= read ?? OMNI_OFFLINE;
            return lastStatus;
        },

        handleEvent(name: string, payload: unknown): void {
            if (disposed || !Object.prototype.hasOwnProperty.call(translate, name)) {
                return;
            }
            const handler = translate[name as keyof OmniEventPayloads] as (p: unknown) => void;
            handler((payload ?? {}) as unknown);
        },

        handleResponse(requestId: string, ok: boolean, result: unknown, errorMessage?: string | null): void {
            const entry = pending.get(requestId);
            if (!entry) {
                return;
            }
            pending.delete(requestId);
            clearTimeout(entry.timer);
            if (ok) {
                entry.resolve(result);
            } else {
                entry.reject(
                    new Error(errorMessage || `Omni-Channel refused "${entry.method}" without saying why.`)
                );
            }
        },

        setDirectory(next: OmniDirectory): void {
            directory = next;
        },

        dispose(): void {
            disposed = true;
            for (const [, entry] of pending) {
                clearTimeout(entry.timer);
                entry.reject(new Error('Presence Sync has stopped before Omni-Channel answered.'));
            }
            pending.clear();
        }
    };
}
