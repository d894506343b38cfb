/**
 * The agent utility's start-up and wiring, apart from what it shows: loads the agent's
 * configuration, decides whether sync may run, starts the sync session between the Connect port
 * (the CCP it hosts) and the Omni port (the Aura bridge around it), elects the writer tab,
 * ships the trace, reports the heartbeat, and reloads rules when an admin saves them. It tells
 * its host what to show through `AgentRuntimeHost`.
 */
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import { createSyncSession } from 'c/presenceSyncEngine';
import type { ConnectPort, SessionSnapshot, SyncSession } from 'c/presenceSyncEngine';
import { createConnectPort } from 'c/presenceSyncConnectPort';
import type { ConnectAdapter, ConnectProblem, ConnectProblemCode } from 'c/presenceSyncConnectPort';
import { createOmniPort } from 'c/presenceSyncOmniPort';
import type { OmniBridgeClient } from 'c/presenceSyncOmniPort';
import { createTabLeader } from 'c/presenceSyncTabLeader';
import type { TabLeader } from 'c/presenceSyncTabLeader';
import { createHeartbeat, createLogShipper, LiveDebug } from 'c/presenceSyncLogShipper';
import { EventChannel } from 'c/presenceSyncEventChannel';
import type { Heartbeat, LogShipper } from 'c/presenceSyncLogShipper';
import { reduceErrors } from 'c/presenceSyncErrors';
import { toSessionSettings } from 'c/presenceSyncOrgSettings';
import type { AgentConfiguration } from 'presence-sync/contracts';
import type { OmniRequest } from 'presence-sync/omni-bridge';
import { connectProblem, connectProblemKey, problemsBeforeSync, ruleProblems } from './agentProblems';
import type { Problem, ProblemKey } from './agentProblems';
import { RULES_CHANGED_CHANNEL, RuleReloads } from './ruleReloads';

export { RULES_CHANGED_CHANNEL } from './ruleReloads';

/** Omni events that arrive before the configuration: kept in order, the newest win. */
const EARLY_EVENT_LIMIT = 50;

/** The session's Connect side when there is no CCP container: every write is refused. */
const NO_CCP: ConnectPort = {
    setState: () => Promise.reject(new Error('The Amazon Connect softphone is not running.')),
    stateType: () => null
};

/** What the runtime needs from the component that shows it. */
export interface AgentRuntimeHost {
    /** The component (platformResourceLoader loads scripts for it). */
    component: object;
    tabId: string;
    /** The utility item's CCP load timeout. */
    ccpTimeoutSeconds(): number;
    /** The utility item's timeout for one Connect state change. */
    requestTimeoutSeconds(): number;
    /** The element that will hold the CCP iframe (in the component's template). */
    ccpContainer(): HTMLElement | null;
    /** Hands a request to the Aura item; the Omni port calls it directly. */
    readonly sendOmniRequest: (request: OmniRequest) => void;
    configurationLoaded(configuration: AgentConfiguration): void;
    snapshotChanged(snapshot: SessionSnapshot): void;
    /** A problem to show (null: that problem is over; with `code`, only if it is that one). */
    problem(key: ProblemKey, problem: Problem | null, code?: string): void;
}

export class AgentRuntime {
    configuration: AgentConfiguration | null = null;
    session: SyncSession | null = null;
    private connectPort: ConnectAdapter | null = null;
    private omniPort: OmniBridgeClient | null = null;
    private leader: TabLeader | null = null;
    private shipper: LogShipper | null = null;
    private heartbeat: Heartbeat | null = null;
    private liveDebug: LiveDebug | null = null;
    private reloads: RuleReloads | null = null;
    private earlyOmniEvents: Array<[string, unknown]> = [];
    private unsubscribeSession: (() => void) | null = null;
    private isWriterTab = false;
    private omniUnreachable = false;
    private stopped = false;

    constructor(private readonly host: AgentRuntimeHost) {}

    /** Loads the configuration and starts sync when it may run. Resolves once Omni-Channel's status is known. */
    async start(): Promise<void> {
        let configuration: AgentConfiguration;
        try {
            configuration = await getAgentConfiguration();
        } catch (error) {
            if (!this.stopped) {
                this.host.problem('configuration', {
                    key: 'configuration',
                    severity: 'error',
                    title: 'Presence Sync could not start',
                    message: `Your sync configuration could not be loaded: ${reduceErrors(error).join(' ')}`
                });
            }
            return;
        }
        if (this.stopped) {
            return;
        }
        this.configuration = configuration;
        this.host.configurationLoaded(configuration);
        const blocking = problemsBeforeSync(configuration);
        if (blocking) {
            this.host.problem(blocking.key, blocking);
            return;
        }
        this.reloads = new RuleReloads(
            {
                loaded: (next) => this.applyConfiguration(next),
                problem: (problem) => this.host.problem('rules-reload', problem)
            },
            new EventChannel(RULES_CHANGED_CHANNEL)
        );
        // Without live updates the org's streaming clients are nearly used up: rules apply at the next page load.
        if (configuration.liveUpdates !== false) {
            this.reloads.start();
        }
        this.startSync(configuration);
        this.showRuleProblems();
        await this.readOmniStatus();
    }

    stop(): void {
        this.stopped = true;
        this.unsubscribeSession?.();
        this.unsubscribeSession = null;
        this.leader?.stop();
        this.leader = null;
        this.connectPort?.dispose();
        this.connectPort = null;
        this.omniPort?.dispose();
        this.omniPort = null;
        this.heartbeat?.dispose();
        this.heartbeat = null;
        this.liveDebug?.stop();
        this.liveDebug = null;
        this.shipper?.flush();
        this.shipper?.dispose();
        this.shipper = null;
        this.session?.dispose();
        this.session = null;
        this.reloads?.stop();
        this.reloads = null;
        this.earlyOmniEvents = [];
    }

    // ----- the Aura bridge -----

    omniEvent(name: string, payload: unknown): void {
        if (this.omniPort) {
            this.omniPort.handleEvent(name, payload);
        } else if (!this.stopped) {
            this.earlyOmniEvents.push([name, payload]);
            if (this.earlyOmniEvents.length > EARLY_EVENT_LIMIT) {
                this.earlyOmniEvents.shift();
            }
        }
    }

    omniResponse(requestId: string, ok: boolean, result: unknown, errorMessage: string | null): void {
        this.omniPort?.handleResponse(requestId, ok, result, errorMessage);
    }

    // ----- what the agent does -----

    syncNow(): void {
        this.session?.syncNow();
    }

    resume(): void {
        this.session?.resume();
    }

    signIn(): void {
        this.connectPort?.signIn();
    }

    /** The page is being hidden: the trace goes to the org now. */
    pageHidden(): void {
        this.shipper?.flush();
    }

    /** The page is going away (or into the browser's page cache): hand the writer role over now. */
    pageLeaving(): void {
        this.shipper?.flush();
        this.leader?.stop();
    }

    /** Back from the browser's page cache: compete for the writer role again. */
    pageBack(): void {
        this.leader?.start();
    }

    get syncOff(): boolean {
        return this.configuration !== null && !this.configuration.syncEnabled;
    }

    // ----- start-up -----

    /**
     * The ports first, then the session between them: the session calls each port directly, and
     * each port hands its inputs straight to the session.
     */
    private startSync(configuration: AgentConfiguration): void {
        const shipper = createLogShipper({
            level: configuration.settings.logLevel,
            tabId: this.host.tabId,
            send: (entriesJson, stateJson) => writeLogEntries({ entriesJson, stateJson }),
            takeState: () => this.heartbeat?.take() ?? null,
            stateLost: () => this.heartbeat?.lost(),
            onAnswer: (answer) => this.liveDebug?.answer(answer)
        });
        this.shipper = shipper;
        this.liveDebug = new LiveDebug({
            userId: configuration.userId,
            apply: (untilMs) => shipper.debugUntil(untilMs)
        });
        this.liveDebug.start(configuration, configuration.liveUpdates !== false);
        const leader = createTabLeader({
            tabId: this.host.tabId,
            onChange: (isWriter) => {
                shipper.setWriter(isWriter);
                this.isWriterTab = isWriter;
                this.applyWriter();
            }
        });
        this.leader = leader;
        const omniPort = this.createOmniPort(configuration);
        this.omniPort = omniPort;
        this.connectPort = this.createConnectPort(configuration);
        const session = createSyncSession({
            connect: this.connectPort ?? NO_CCP,
            omni: omniPort,
            clock: { now: () => Date.now() },
            trace: shipper,
            idPrefix: this.host.tabId,
            settings: toSessionSettings(configuration.settings),
            writeLease: () => leader.mayWrite()
        });
        this.session = session;
        // No tab writes until the tabs have agreed which one does.
        session.setWriter(false);
        this.unsubscribeSession = session.subscribe((snapshot) => {
            this.heartbeat?.changed();
            this.host.snapshotChanged(snapshot);
        });
        session.setRules(configuration.rules);
        this.host.snapshotChanged(session.snapshot());
        this.heartbeat = this.createHeartbeat(session);
        for (const [name, payload] of this.earlyOmniEvents.splice(0)) {
            omniPort.handleEvent(name, payload);
        }
        leader.start();
        this.heartbeat.start();
        this.connectPort?.start();
    }

    private createHeartbeat(session: SyncSession): Heartbeat {
        return createHeartbeat({
            send: (stateJson) => reportAgentState({ stateJson }),
            onAnswer: (answer) => this.liveDebug?.answer(answer),
            read: () => {
                const s = session.snapshot();
                return {
                    connectState: s.connectState,
                    omniStatus: s.omniStatus,
                    status: this.syncOff ? 'disabled' : s.status,
                    lastSyncAt: s.lastApplied?.at ?? null,
                    lastError: s.lastError?.message ?? null,
                    paused: s.status === 'paused'
                };
            }
        });
    }

    private createOmniPort(configuration: AgentConfiguration): OmniBridgeClient {
        return createOmniPort({
            directory: configuration,
            idPrefix: this.host.tabId,
            send: this.host.sendOmniRequest,
            onInput: (input) => {
                this.session?.receive(input);
                // Omni-Channel answered events after all: read its status again.
                if (this.omniUnreachable) {
                    this.readOmniStatus();
                }
            },
            onLoginAtLoad: (status) => this.session?.sideReady('omni', status),
            onWarning: (message) =>
                this.host.problem('omni-warning', {
                    key: 'omni-warning',
                    severity: 'warning',
                    title: 'Omni-Channel reported something unexpected',
                    message
                })
        });
    }

    /** The Connect port, or null when the component has no container for the CCP. */
    private createConnectPort(configuration: AgentConfiguration): ConnectAdapter | null {
        const container = this.host.ccpContainer();
        if (!container) {
            return null;
        }
        const settings = configuration.settings;
        return createConnectPort({
            host: this.host.component,
            container,
            ccpUrl: settings.ccpUrl as string,
            loginUrl: settings.loginUrl,
            softphone: settings.softphone,
            storageAccess: settings.storageAccess,
            ackTimeoutMs: this.host.ccpTimeoutSeconds() * 1000 || undefined,
            requestTimeoutMs: this.host.requestTimeoutSeconds() * 1000 || undefined,
            onReady: (state, activity) => this.session?.sideReady('connect', state, activity),
            onInput: (input) => this.session?.receive(input),
            onProblem: (problem: ConnectProblem | null, code?: ConnectProblemCode) => {
                if (problem) {
                    this.host.problem(connectProblemKey(problem.code), connectProblem(problem));
                } else if (code) {
                    this.host.problem(connectProblemKey(code), null, code);
                }
            }
        });
    }

    /** The status Omni-Channel has when sync starts, taken as it is (its login at load included). */
    private async readOmniStatus(): Promise<void> {
        const port = this.omniPort;
        if (!port) {
            return;
        }
        this.omniUnreachable = false;
        try {
            const status = await port.readInitialStatus();
            this.session?.sideReady('omni', status);
            this.host.problem('omni', null);
        } catch (error) {
            if (port !== this.omniPort) {
                // Stopped while reading: nothing is unreachable.
                return;
            }
            this.omniUnreachable = true;
            this.host.problem('omni', {
                key: 'omni',
                severity: 'error',
                title: 'Omni-Channel is not reachable',
                message: reduceErrors(error).join(' ')
            });
        }
    }

    private applyWriter(): void {
        this.session?.setWriter(this.isWriterTab && !!this.configuration?.syncEnabled);
    }

    private showRuleProblems(): void {
        const problem = ruleProblems(this.configuration, this.session?.snapshot().ruleCount ?? 0);
        this.host.problem('no-rules', problem);
    }

    // ----- live rule changes -----

    private applyConfiguration(configuration: AgentConfiguration): void {
        const wasEnabled = this.configuration?.syncEnabled;
        this.configuration = configuration;
        this.host.configurationLoaded(configuration);
        this.session?.setRules(configuration.rules);
        this.omniPort?.setDirectory(configuration);
        this.shipper?.setLevel(configuration.settings.logLevel);
        if (wasEnabled && !configuration.syncEnabled) {
            this.host.problem('switched-off', {
                key: 'switched-off',
                severity: 'info',
                title: 'Presence Sync is switched off',
                message: 'Your admin switched sync off. Both sides are shown but no longer kept in step.'
            });
        } else if (configuration.syncEnabled) {
            this.host.problem('switched-off', null);
        }
        this.applyWriter();
        this.showRuleProblems();
        if (wasEnabled !== configuration.syncEnabled) {
            // The health check shows "disabled" rather than the session's own status.
            this.heartbeat?.changed();
        }
    }
}
