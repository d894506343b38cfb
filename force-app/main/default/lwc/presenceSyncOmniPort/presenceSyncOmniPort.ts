/**
 * The Omni-Channel side of a sync session, spoken through the Aura bridge
 * (`presence-sync/omni-bridge`): toolkit calls go out as requests and come back as answers,
 * Omni application events come in and leave as session inputs. Status developer names, ids and
 * service channels are resolved from the agent's configuration, never hard-coded.
 */
import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { OmniPort, SessionInput } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo } from 'presence-sync/contracts';
import type { OmniEventPayloads, OmniRequest } from 'presence-sync/omni-bridge';
import { BridgeCalls, OmniUnreachableError } from './omniBridgeCalls';
import { OmniNames } from './omniDirectory';
import type { OmniDirectory } from './omniDirectory';
import { workloadInput } from './omniWorkload';

export { OmniUnreachableError } from './omniBridgeCalls';
export { id15 } from './omniDirectory';
export type { OmniDirectory } from './omniDirectory';

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

const DEFAULT_TIMEOUT_MS = 10000;
/** How long the widget may take to log the agent back in when the console loads. */
const DEFAULT_LOGIN_GRACE_MS = 8000;

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
    private readonly calls: BridgeCalls;
    private readonly names: OmniNames;
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
                const name = this.names.statusName(payload.statusId, payload.statusApiName);
                if (name) {
                    this.emitStatus(name, payload.reason);
                }
            },
            logout: (payload) => this.onLogout(payload),
            workAccepted: (payload) => {
                const serviceChannel = this.names.channelOf(payload.workItemId);
                if (serviceChannel) {
                    this.options.onInput({ kind: 'omni-work-accepted', serviceChannel });
                }
            },
            workloadChanged: (payload) => this.onWorkload(payload)
        };

    constructor(private readonly options: OmniPortOptions) {
        this.calls = new BridgeCalls(
            options.send,
            options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            options.idPrefix ?? 'omni'
        );
        this.names = new OmniNames(options.directory, (message) => options.onWarning?.(message));
    }

    async setStatus(statusDeveloperName: string): Promise<void> {
        // From now on a login is this write's echo, not the one the console makes at load.
        this.loginAtLoadUntil = 0;
        if (statusDeveloperName === OMNI_OFFLINE) {
            await this.calls.call('logout', {});
            return;
        }
        const status = this.names.status(statusDeveloperName);
        if (!status) {
            throw new Error(
                `There is no Omni-Channel presence status "${statusDeveloperName}" that you may use. ` +
                    'Ask your admin to check the rule and to grant the status to your profile or permission set.'
            );
        }
        try {
            await this.calls.call('setServicePresenceStatus', { statusId: status.id });
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
        this.calls.answer(requestId, ok, result, errorMessage);
    }

    setDirectory(next: OmniDirectory): void {
        this.names.setDirectory(next);
    }

    dispose(): void {
        this.disposed = true;
        this.calls.dispose();
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
            result = await this.calls.call('getServicePresenceStatusId', {});
        } catch (error) {
            if (error instanceof OmniUnreachableError) {
                throw error;
            }
            // Refused: the agent is logged out, or the widget is not ready yet. Only time tells.
            return undefined;
        }
        const answer = (result ?? {}) as { statusId?: string; statusApiName?: string };
        return answer.statusId
            ? (this.names.statusName(answer.statusId, answer.statusApiName) ?? OMNI_OFFLINE)
            : OMNI_OFFLINE;
    }

    private onLoginSuccess(payload: OmniEventPayloads['loginSuccess']): void {
        // While a login at load may come, the status change that follows says whose it is.
        if (Date.now() < this.loginAtLoadUntil) {
            return;
        }
        const name = this.names.statusName(payload.statusId, undefined);
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
        const input = workloadInput(payload);
        if (input) {
            this.options.onInput(input);
        } else {
            this.options.onWarning?.(
                'Omni-Channel reported a workload change without numbers; rules on workload were not checked.'
            );
        }
    }
}

export function createOmniPort(options: OmniPortOptions): OmniBridgeClient {
    return new BridgeOmniPort(options);
}
