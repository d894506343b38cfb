/**
 * The agent's utility-bar component: it loads the agent's configuration, runs the sync session
 * between the Connect port (the CCP it hosts) and the Omni port (the Aura bridge around it), and
 * tells the agent in words whether both sides agree. Platform specifics stay in the ports; the
 * decisions stay in the engine; this class wires them and shows the result.
 */
import { LightningElement, api, wire } from 'lwc';
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import writeLogEntries from '@salesforce/apex/PresenceSyncAgentController.writeLogEntries';
import reportAgentState from '@salesforce/apex/PresenceSyncAgentController.reportAgentState';
import { subscribe as empSubscribe, unsubscribe as empUnsubscribe } from 'lightning/empApi';
import type { EmpSubscription } from 'lightning/empApi';
import Toast from 'lightning/toast';
import { EnclosingUtilityId, updateUtility } from 'lightning/platformUtilityBarApi';
import type { UtilityAttributes } from 'lightning/platformUtilityBarApi';
import { createSyncSession, OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { SessionSnapshot, SyncSession } from 'c/presenceSyncEngine';
import { createConnectPort } from 'c/presenceSyncConnectPort';
import type { ConnectAdapter, ConnectProblem } from 'c/presenceSyncConnectPort';
import { createOmniPort } from 'c/presenceSyncOmniPort';
import type { OmniBridgeClient } from 'c/presenceSyncOmniPort';
import { createTabLeader, newTabId } from 'c/presenceSyncTabLeader';
import type { TabLeader } from 'c/presenceSyncTabLeader';
import { createHeartbeat, createLogShipper } from 'c/presenceSyncLogShipper';
import type { Heartbeat, LogShipper } from 'c/presenceSyncLogShipper';
import { reduceErrors } from 'c/presenceSyncErrors';
import { toSessionSettings } from 'c/presenceSyncOrgSettings';
import type { AgentConfiguration, PermissionName } from 'presence-sync/contracts';
import type { OmniRequest } from 'presence-sync/omni-bridge';

export const RULES_CHANGED_CHANNEL = '/event/Presence_Sync_Rules_Changed__e';

/** Without these the component cannot sync for this user. */
const REQUIRED_FOR_SYNC: PermissionName[] = [
    'PresenceSyncRunSync',
    'ReadRuleObjects',
    'ViewStatusDeveloperNames'
];

/** Omni events that arrive before the configuration: kept in order, the newest win. */
const EARLY_EVENT_LIMIT = 50;

type ProblemKey =
    | 'configuration'
    | 'permission'
    | 'switched-off'
    | 'ccp-url'
    | 'connect'
    | 'omni'
    | 'omni-warning'
    | 'rules-reload';

interface Problem {
    key: ProblemKey;
    title: string;
    message: string;
    severity: 'error' | 'warning' | 'info';
}

const STATUS_WORDS: Record<SessionSnapshot['status'], string> = {
    'not-ready': 'Starting',
    'in-sync': 'In sync',
    syncing: 'Syncing',
    'out-of-sync': 'Out of sync',
    paused: 'Sync paused',
    'read-only': 'Watching (another tab syncs)'
};

const STATUS_ICONS: Record<
    SessionSnapshot['status'],
    { icon: string; variant: UtilityAttributes['iconVariant'] }
> = {
    'not-ready': { icon: 'spinner', variant: '' },
    'in-sync': { icon: 'check', variant: 'success' },
    syncing: { icon: 'sync', variant: '' },
    'out-of-sync': { icon: 'warning', variant: 'error' },
    paused: { icon: 'pause', variant: 'warning' },
    'read-only': { icon: 'preview', variant: '' }
};

function formatTime(at: number): string {
    return new Date(at).toLocaleTimeString();
}

export default class PresenceSyncAgent extends LightningElement {
    /** How long the CCP may take to load before the agent is told what to check. */
    @api ccpTimeoutSeconds = 20;

    configuration: AgentConfiguration | null = null;
    snapshot: SessionSnapshot | null = null;
    connectNextState: string | null = null;
    problems: Problem[] = [];
    loading = true;
    /** What the live region last announced. */
    announcement = '';

    private readonly tabId = newTabId();
    private utilityId: string | null = null;
    private lastUtility = '';
    private session: SyncSession | null = null;
    private connectPort: ConnectAdapter | null = null;
    private omniPort: OmniBridgeClient | null = null;
    private leader: TabLeader | null = null;
    private shipper: LogShipper | null = null;
    private heartbeat: Heartbeat | null = null;
    private empSubscription: EmpSubscription | null = null;
    private earlyOmniEvents: Array<[string, unknown]> = [];
    private unsubscribeSession: (() => void) | null = null;
    private lastToastedErrorAt = 0;
    private isWriterTab = false;
    private omniUnreachable = false;
    private reloading: Promise<void> | null = null;
    private reloadAgain = false;
    private started = false;
    private generation = 0;
    private disconnected = false;
    private readonly onVisibilityChange = (): void => {
        if (document.visibilityState === 'hidden') {
            this.shipper?.flush();
        }
    };
    private readonly onPageHide = (): void => {
        this.shipper?.flush();
        // Hand the writer role over now rather than when the lease runs out.
        this.leader?.stop();
    };
    private readonly onPageShow = (event: Event): void => {
        // Back from the browser's page cache: compete for the writer role again.
        if ((event as PageTransitionEvent).persisted) {
            this.leader?.start();
        }
    };

    @wire(EnclosingUtilityId)
    wiredUtilityId(utilityId: string | null): void {
        this.utilityId = utilityId ?? null;
        this.refreshUtility();
    }

    // ----- the Aura bridge (presence-sync/omni-bridge) -----

    @api
    handleOmniEvent(name: string, payload: unknown): void {
        if (this.omniPort) {
            this.omniPort.handleEvent(name, payload);
        } else if (!this.disconnected) {
            this.earlyOmniEvents.push([name, payload]);
            if (this.earlyOmniEvents.length > EARLY_EVENT_LIMIT) {
                this.earlyOmniEvents.shift();
            }
        }
    }

    @api
    handleOmniResponse(requestId: string, ok: boolean, result: unknown, errorMessage: string | null): void {
        this.omniPort?.handleResponse(requestId, ok, result, errorMessage);
    }

    // ----- lifecycle -----

    override connectedCallback(): void {
        this.disconnected = false;
        document.addEventListener('visibilitychange', this.onVisibilityChange);
        window.addEventListener('pagehide', this.onPageHide);
        window.addEventListener('pageshow', this.onPageShow);
    }

    override renderedCallback(): void {
        // The CCP needs its container in the DOM, so the start waits for the first render.
        if (!this.started) {
            this.started = true;
            this.start();
        }
    }

    override disconnectedCallback(): void {
        this.disconnected = true;
        this.started = false;
        this.generation += 1;
        document.removeEventListener('visibilitychange', this.onVisibilityChange);
        window.removeEventListener('pagehide', this.onPageHide);
        window.removeEventListener('pageshow', this.onPageShow);
        this.stopSync();
        this.markReady(false);
        if (this.empSubscription) {
            empUnsubscribe(this.empSubscription).catch(() => undefined);
            this.empSubscription = null;
        }
        this.earlyOmniEvents = [];
    }

    private async start(): Promise<void> {
        // A removal (and re-insertion) while the configuration loads makes this start stale.
        const generation = ++this.generation;
        let configuration: AgentConfiguration;
        try {
            configuration = await getAgentConfiguration();
        } catch (error) {
            if (generation !== this.generation) {
                return;
            }
            this.loading = false;
            this.raise({
                key: 'configuration',
                severity: 'error',
                title: 'Presence Sync could not start',
                message: `Your sync configuration could not be loaded: ${reduceErrors(error).join(' ')}`
            });
            return;
        }
        if (generation !== this.generation) {
            return;
        }
        this.configuration = configuration;
        this.loading = false;
        if (!this.mayRun(configuration)) {
            this.refreshUtility();
            return;
        }
        this.subscribeToRuleChanges();
        await this.startSync(configuration);
    }

    /** Whether sync can run for this user; explains why not (in the panel and a toast). */
    private mayRun(configuration: AgentConfiguration): boolean {
        const missing = configuration.access.checks.filter(
            (c) => !c.granted && REQUIRED_FOR_SYNC.includes(c.name)
        );
        if (missing.length > 0) {
            this.raise({
                key: 'permission',
                severity: 'error',
                title: `Presence Sync needs a permission you do not have: ${missing.map((c) => c.label).join(', ')}`,
                message: missing.map((c) => c.reason ?? `${c.label} is not granted.`).join(' ')
            });
            return false;
        }
        if (!configuration.syncEnabled) {
            this.raise({
                key: 'switched-off',
                severity: 'info',
                title: 'Presence Sync is switched off',
                message:
                    'Your admin has switched sync off (Presence Sync Settings). Amazon Connect and Omni-Channel ' +
                    'will not be kept in step until it is switched on again.'
            });
            return false;
        }
        if (!configuration.settings.ccpUrl) {
            this.raise({
                key: 'ccp-url',
                severity: 'error',
                title: 'No Amazon Connect address is set',
                message:
                    'Ask your admin to enter the CCP URL of your Amazon Connect instance in Presence Sync Settings.'
            });
            return false;
        }
        return true;
    }

    private async startSync(configuration: AgentConfiguration): Promise<void> {
        const settings = configuration.settings;
        this.shipper = createLogShipper({
            level: settings.logLevel,
            tabId: this.tabId,
            send: (entriesJson) => writeLogEntries({ entriesJson })
        });
        const session = createSyncSession({
            connect: { setState: (name, options) => this.requireConnect().setState(name, options) },
            omni: { setStatus: (name) => this.requireOmni().setStatus(name) },
            clock: { now: () => Date.now() },
            trace: this.shipper,
            idPrefix: this.tabId,
            settings: toSessionSettings(settings)
        });
        this.session = session;
        // No tab writes until the tabs have agreed which one does.
        session.setWriter(false);
        this.unsubscribeSession = session.subscribe((snapshot) => this.onSnapshot(snapshot));
        session.setRules(configuration.rules);
        this.snapshot = session.snapshot();

        this.heartbeat = createHeartbeat({
            send: (stateJson) => reportAgentState({ stateJson }),
            read: () => {
                const s = session.snapshot();
                return {
                    connectState: s.connectState,
                    omniStatus: s.omniStatus,
                    status: this.syncOff ? 'disabled' : s.status,
                    lastSyncAt: s.lastDecision?.at ?? null,
                    lastError: s.lastError?.message ?? null,
                    paused: s.status === 'paused'
                };
            }
        });

        this.omniPort = createOmniPort({
            directory: configuration,
            idPrefix: this.tabId,
            send: (request) => this.sendOmniRequest(request),
            onInput: (input) => {
                session.receive(input);
                // Omni-Channel answered events after all: read its status again.
                if (this.omniUnreachable) {
                    this.readOmniStatus();
                }
            },
            onWarning: (message) =>
                this.raise({
                    key: 'omni-warning',
                    severity: 'warning',
                    title: 'Omni-Channel reported something unexpected',
                    message
                })
        });
        for (const [name, payload] of this.earlyOmniEvents.splice(0)) {
            this.omniPort.handleEvent(name, payload);
        }

        this.leader = createTabLeader({
            tabId: this.tabId,
            onChange: (isWriter) => {
                this.isWriterTab = isWriter;
                this.applyWriter();
            }
        });
        this.leader.start();
        this.heartbeat.start();

        const container = this.template?.querySelector<HTMLElement>('.ccp-container');
        if (container) {
            this.connectPort = createConnectPort({
                host: this,
                container,
                ccpUrl: settings.ccpUrl as string,
                onContact: settings.onContact,
                ackTimeoutMs: Number(this.ccpTimeoutSeconds) * 1000 || undefined,
                onReady: (state) => session.sideReady('connect', state),
                onInput: (input) => session.receive(input),
                onNextState: (name) => {
                    this.connectNextState = name;
                },
                onProblem: (problem) => this.onConnectProblem(problem)
            });
            this.connectPort.start();
        }
        await this.readOmniStatus();
    }

    private async readOmniStatus(): Promise<void> {
        const port = this.omniPort;
        if (!port) {
            return;
        }
        this.omniUnreachable = false;
        try {
            const status = await port.readStatus();
            this.session?.sideReady('omni', status);
            this.clear('omni');
        } catch (error) {
            if (port !== this.omniPort) {
                // Stopped while reading: nothing is unreachable.
                return;
            }
            this.omniUnreachable = true;
            this.raise({
                key: 'omni',
                severity: 'error',
                title: 'Omni-Channel is not reachable',
                message: reduceErrors(error).join(' ')
            });
        }
    }

    private stopSync(): void {
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
        this.shipper?.flush();
        this.shipper?.dispose();
        this.shipper = null;
        this.session?.dispose();
        this.session = null;
    }

    private requireConnect(): ConnectAdapter {
        if (!this.connectPort) {
            throw new Error('The Amazon Connect softphone is not running.');
        }
        return this.connectPort;
    }

    private requireOmni(): OmniBridgeClient {
        if (!this.omniPort) {
            throw new Error('Omni-Channel is not connected.');
        }
        return this.omniPort;
    }

    private sendOmniRequest(request: OmniRequest): void {
        this.dispatchEvent(
            new CustomEvent('omnirequest', { detail: request, bubbles: true, composed: true })
        );
    }

    private applyWriter(): void {
        this.session?.setWriter(this.isWriterTab && !!this.configuration?.syncEnabled);
    }

    // ----- live rule changes -----

    private subscribeToRuleChanges(): void {
        empSubscribe(RULES_CHANGED_CHANNEL, -1, () => this.reloadConfiguration())
            .then((subscription) => {
                if (this.disconnected) {
                    empUnsubscribe(subscription).catch(() => undefined);
                } else {
                    this.empSubscription = subscription;
                }
            })
            .catch(() => {
                this.raise({
                    key: 'rules-reload',
                    severity: 'warning',
                    title: 'Rule changes need a page reload',
                    message:
                        'Presence Sync could not listen for rule changes; reload the page after your admin changes rules.'
                });
            });
    }

    /** Re-reads the configuration after an admin saved rules; overlapping notices share one reload. */
    private reloadConfiguration(): Promise<void> {
        if (this.reloading) {
            this.reloadAgain = true;
            return this.reloading;
        }
        this.reloading = (async () => {
            do {
                this.reloadAgain = false;
                try {
                    // eslint-disable-next-line no-await-in-loop -- a notice during a reload needs one more, after it
                    const configuration = await getAgentConfiguration();
                    if (this.disconnected) {
                        return;
                    }
                    this.applyConfiguration(configuration);
                    this.clear('rules-reload');
                } catch (error) {
                    this.raise({
                        key: 'rules-reload',
                        severity: 'warning',
                        title: 'New rules could not be loaded',
                        message: `Sync goes on with the previous rules. ${reduceErrors(error).join(' ')}`
                    });
                }
            } while (this.reloadAgain);
        })().finally(() => {
            this.reloading = null;
        });
        return this.reloading;
    }

    private applyConfiguration(configuration: AgentConfiguration): void {
        const wasEnabled = this.configuration?.syncEnabled;
        this.configuration = configuration;
        this.session?.setRules(configuration.rules);
        this.omniPort?.setDirectory(configuration);
        this.shipper?.setLevel(configuration.settings.logLevel);
        if (wasEnabled && !configuration.syncEnabled) {
            this.raise({
                key: 'switched-off',
                severity: 'info',
                title: 'Presence Sync is switched off',
                message: 'Your admin switched sync off. Both sides are shown but no longer kept in step.'
            });
        } else if (configuration.syncEnabled) {
            this.clear('switched-off');
        }
        this.applyWriter();
        if (wasEnabled !== configuration.syncEnabled) {
            // The health check shows "disabled" rather than the session's own status.
            this.heartbeat?.changed();
        }
    }

    // ----- what the agent sees -----

    private onSnapshot(snapshot: SessionSnapshot): void {
        const before = this.snapshot;
        this.snapshot = snapshot;
        this.markReady(snapshot.ready);
        if (before?.status !== snapshot.status) {
            this.announcement = `Presence Sync: ${STATUS_WORDS[snapshot.status]}.`;
        }
        const error = snapshot.lastError;
        if (error && error.at !== this.lastToastedErrorAt && snapshot.writer) {
            this.lastToastedErrorAt = error.at;
            this.toast(
                'error',
                error.side === 'omni'
                    ? 'Omni-Channel did not take the change'
                    : 'Amazon Connect did not take the change',
                error.message
            );
        }
        this.heartbeat?.changed();
        this.refreshUtility();
    }

    /** Tools (the workbench, browser tests) read readiness off the host element. */
    private markReady(ready: boolean): void {
        if (ready) {
            this.setAttribute('data-sync-ready', 'true');
        } else {
            this.removeAttribute('data-sync-ready');
        }
    }

    private onConnectProblem(problem: ConnectProblem | null): void {
        if (!problem) {
            this.clear('connect');
            return;
        }
        this.raise({
            key: 'connect',
            severity: 'error',
            title:
                problem.code === 'ccp-not-acknowledged'
                    ? 'The Amazon Connect softphone does not load'
                    : 'Amazon Connect is not available',
            message: problem.message
        });
    }

    private raise(problem: Problem): void {
        const existing = this.problems.find((p) => p.key === problem.key);
        if (existing && existing.message === problem.message) {
            return;
        }
        this.problems = [...this.problems.filter((p) => p.key !== problem.key), problem];
        this.announcement = `${problem.title}. ${problem.message}`;
        this.toast(problem.severity, problem.title, problem.message);
        this.refreshUtility();
    }

    private clear(key: ProblemKey): void {
        if (this.problems.some((p) => p.key === key)) {
            this.problems = this.problems.filter((p) => p.key !== key);
            this.refreshUtility();
        }
    }

    private toast(variant: 'error' | 'warning' | 'info', label: string, message: string): void {
        Toast.show(
            { label, message, variant, mode: variant === 'error' ? 'sticky' : 'dismissible' },
            this as never
        );
    }

    private refreshUtility(): void {
        if (!this.utilityId) {
            return;
        }
        const attributes = this.utilityAttributes();
        const key = JSON.stringify(attributes);
        if (key === this.lastUtility) {
            return;
        }
        this.lastUtility = key;
        updateUtility(this.utilityId, attributes).catch(() => {
            // The bar keeps its last label; the panel itself still shows the state.
        });
    }

    private utilityAttributes(): UtilityAttributes {
        const blocking = this.problems.find((p) => p.severity === 'error');
        if (blocking) {
            return {
                label: 'Presence Sync: problem',
                icon: 'error',
                iconVariant: 'error',
                highlighted: true
            };
        }
        if (this.problems.some((p) => p.key === 'switched-off')) {
            return { label: 'Presence Sync: off', icon: 'ban', iconVariant: '', highlighted: false };
        }
        const status = this.snapshot?.status ?? 'not-ready';
        const { icon, variant } = STATUS_ICONS[status];
        return {
            label: `Presence Sync: ${STATUS_WORDS[status].toLowerCase()}`,
            icon,
            iconVariant: variant,
            highlighted: status === 'out-of-sync' || status === 'paused'
        };
    }

    // ----- template getters -----

    get running(): boolean {
        return this.session !== null;
    }

    get errorProblems(): Problem[] {
        return this.problems.filter((p) => p.severity !== 'info');
    }

    get infoProblems(): Problem[] {
        return this.problems.filter((p) => p.severity === 'info');
    }

    get hasErrors(): boolean {
        return this.errorProblems.length > 0;
    }

    get hasInfo(): boolean {
        return this.infoProblems.length > 0;
    }

    get connectStateLabel(): string {
        return this.snapshot?.connectState ?? 'Not connected yet';
    }

    get omniStatusLabel(): string {
        const name = this.snapshot?.omniStatus;
        if (!name) {
            return 'Not connected yet';
        }
        if (name === OMNI_OFFLINE) {
            return 'Offline';
        }
        return this.configuration?.statuses.find((s) => s.developerName === name)?.label ?? name;
    }

    get nextStateLabel(): string | null {
        return this.connectNextState ?? this.snapshot?.connectNextState ?? null;
    }

    /** An admin switched sync off while the component ran: both sides are shown, nothing is applied. */
    get syncOff(): boolean {
        return this.configuration !== null && !this.configuration.syncEnabled;
    }

    get statusWords(): string {
        return this.syncOff ? 'Sync off' : STATUS_WORDS[this.snapshot?.status ?? 'not-ready'];
    }

    get statusIcon(): string {
        return `utility:${STATUS_ICONS[this.snapshot?.status ?? 'not-ready'].icon}`;
    }

    /** White on the green and red boxes (their text is white), the default grey elsewhere. */
    get statusVariant(): string | undefined {
        const status = this.snapshot?.status;
        return status === 'in-sync' || status === 'out-of-sync' ? 'inverse' : undefined;
    }

    get statusClass(): string {
        const status = this.snapshot?.status ?? 'not-ready';
        const tone =
            status === 'in-sync'
                ? 'slds-theme_success'
                : status === 'out-of-sync'
                  ? 'slds-theme_error'
                  : status === 'paused'
                    ? 'slds-theme_warning'
                    : 'slds-theme_shade';
        return `slds-box slds-box_x-small slds-m-vertical_small ${tone}`;
    }

    get isPaused(): boolean {
        return this.snapshot?.status === 'paused';
    }

    get pausedReason(): string {
        return this.snapshot?.pausedReason ?? 'Too many automatic changes in a short time.';
    }

    get isWatching(): boolean {
        return !this.syncOff && this.snapshot?.status === 'read-only';
    }

    get lastRule(): string {
        const decision = this.snapshot?.lastDecision;
        return decision ? `${decision.ruleName} (${formatTime(decision.at)})` : 'None yet';
    }

    get lastError(): string | null {
        const error = this.snapshot?.lastError;
        return error ? `${error.message} (${formatTime(error.at)})` : null;
    }

    get syncNowDisabled(): boolean {
        return !this.snapshot?.ready || !this.snapshot.writer || this.snapshot.status === 'paused';
    }

    get ruleSetName(): string {
        const ruleSet = this.configuration?.ruleSet;
        return ruleSet
            ? `${ruleSet.name} (${this.snapshot?.ruleCount ?? 0} rules)`
            : 'No rule set applies to you';
    }

    handleSyncNow(): void {
        this.session?.syncNow();
    }

    handleResume(): void {
        this.session?.resume();
    }
}
