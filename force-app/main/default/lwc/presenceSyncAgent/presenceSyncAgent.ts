/**
 * The agent's utility-bar component: what the agent sees of Presence Sync. The start-up and the
 * wiring of the session, the ports and the tabs live in `AgentRuntime`; this class shows both
 * sides, the sync status in words, the problems (with a Sign in button when Amazon Connect needs
 * the agent to sign in) and the utility bar's label.
 */
import { LightningElement, api, wire } from 'lwc';
import Toast from 'lightning/toast';
import { EnclosingUtilityId, updateUtility } from 'lightning/platformUtilityBarApi';
import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { SessionSnapshot } from 'c/presenceSyncEngine';
import { newTabId } from 'c/presenceSyncTabLeader';
import type { AgentConfiguration } from 'presence-sync/contracts';
import type { OmniRequest } from 'presence-sync/omni-bridge';
import { AgentRuntime } from './agentRuntime';
import type { Problem, ProblemKey } from './agentProblems';
import {
    formatTime,
    lastRuleLabel,
    nextStateLabel,
    statusClass,
    statusIcon,
    statusVariant,
    utilityAttributes
} from './agentView';

export { RULES_CHANGED_CHANNEL } from './ruleReloads';

export default class PresenceSyncAgent extends LightningElement {
    /** How long the CCP may take to load before the agent is told what to check. */
    @api ccpTimeoutSeconds = 20;
    /** How long a state change may wait for Amazon Connect's answer before the agent is asked to sign in. */
    @api requestTimeoutSeconds = 10;

    configuration: AgentConfiguration | null = null;
    snapshot: SessionSnapshot | null = null;
    problems: Problem[] = [];
    loading = true;
    /** What the live region last announced. */
    announcement = '';

    private readonly tabId = newTabId();
    private runtime: AgentRuntime | null = null;
    private utilityId: string | null = null;
    private lastUtility = '';
    private lastToastedErrorAt = 0;
    private started = false;
    private readonly onVisibilityChange = (): void => {
        if (document.visibilityState === 'hidden') {
            this.runtime?.pageHidden();
        }
    };
    private readonly onPageHide = (): void => this.runtime?.pageLeaving();
    private readonly onPageShow = (event: Event): void => {
        if ((event as PageTransitionEvent).persisted) {
            this.runtime?.pageBack();
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
        this.runtime?.omniEvent(name, payload);
    }

    @api
    handleOmniResponse(requestId: string, ok: boolean, result: unknown, errorMessage: string | null): void {
        this.runtime?.omniResponse(requestId, ok, result, errorMessage);
    }

    // ----- lifecycle -----

    override connectedCallback(): void {
        document.addEventListener('visibilitychange', this.onVisibilityChange);
        window.addEventListener('pagehide', this.onPageHide);
        window.addEventListener('pageshow', this.onPageShow);
        // Omni events may come before the first render: the runtime keeps them until it starts.
        this.runtime = new AgentRuntime({
            component: this,
            tabId: this.tabId,
            ccpTimeoutSeconds: () => Number(this.ccpTimeoutSeconds),
            requestTimeoutSeconds: () => Number(this.requestTimeoutSeconds),
            ccpContainer: () => this.template?.querySelector<HTMLElement>('.ccp-container') ?? null,
            sendOmniRequest: (request: OmniRequest) => this.sendOmniRequest(request),
            configurationLoaded: (configuration) => {
                this.configuration = configuration;
                this.loading = false;
                this.refreshUtility();
            },
            snapshotChanged: (snapshot) => this.onSnapshot(snapshot),
            problem: (key, problem, code) => this.setProblem(key, problem, code)
        });
    }

    override renderedCallback(): void {
        // The CCP needs its container in the DOM, so the start waits for the first render.
        if (!this.started && this.runtime) {
            this.started = true;
            const runtime = this.runtime;
            runtime.start().finally(() => {
                if (this.runtime === runtime) {
                    this.loading = false;
                }
            });
        }
    }

    override disconnectedCallback(): void {
        document.removeEventListener('visibilitychange', this.onVisibilityChange);
        window.removeEventListener('pagehide', this.onPageHide);
        window.removeEventListener('pageshow', this.onPageShow);
        this.runtime?.stop();
        this.runtime = null;
        this.started = false;
        this.markReady(false);
    }

    // ----- what the agent sees -----

    private onSnapshot(snapshot: SessionSnapshot): void {
        const before = this.snapshot;
        this.snapshot = snapshot;
        this.markReady(snapshot.ready);
        if (before?.statusText !== snapshot.statusText) {
            this.announcement = `Presence Sync: ${snapshot.statusText}.`;
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

    private setProblem(key: ProblemKey, problem: Problem | null, code?: string): void {
        const existing = this.problems.find((p) => p.key === key);
        if (!problem) {
            if (existing && (code === undefined || existing.code === code)) {
                this.problems = this.problems.filter((p) => p.key !== key);
                this.refreshUtility();
            }
            return;
        }
        if (existing && existing.message === problem.message) {
            return;
        }
        this.problems = [...this.problems.filter((p) => p.key !== key), problem];
        this.announcement = `${problem.title}. ${problem.message}`;
        this.toast(problem.severity, problem.title, problem.message);
        this.refreshUtility();
    }

    private sendOmniRequest(request: OmniRequest): void {
        this.dispatchEvent(
            new CustomEvent('omnirequest', { detail: request, bubbles: true, composed: true })
        );
    }

    private toast(variant: 'error' | 'warning' | 'info', label: string, message: string): void {
        // Never sticky: a toast cannot be taken back once the problem is over; what still holds
        // stays in the utility (its status, Last problem and the problem alerts) until it is over.
        Toast.show({ label, message, variant, mode: 'dismissible' }, this as never);
    }

    private refreshUtility(): void {
        if (!this.utilityId) {
            return;
        }
        const attributes = utilityAttributes(this.problems, this.snapshot, this.syncOff);
        const key = JSON.stringify(attributes);
        if (key === this.lastUtility) {
            return;
        }
        this.lastUtility = key;
        updateUtility(this.utilityId, attributes).catch(() => {
            // The bar keeps its last label; the panel itself still shows the state.
        });
    }

    // ----- template getters -----

    get running(): boolean {
        return this.snapshot !== null;
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
        return nextStateLabel(this.snapshot);
    }

    /** An admin switched sync off while the component ran: both sides are shown, nothing is applied. */
    get syncOff(): boolean {
        return this.configuration !== null && !this.configuration.syncEnabled;
    }

    get statusWords(): string {
        return this.syncOff ? 'Sync off' : (this.snapshot?.statusText ?? 'Starting');
    }

    get statusIcon(): string {
        return statusIcon(this.snapshot);
    }

    get statusVariant(): string | undefined {
        return statusVariant(this.snapshot);
    }

    get statusClass(): string {
        return statusClass(this.snapshot);
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
        return lastRuleLabel(this.snapshot);
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
        this.runtime?.syncNow();
    }

    handleResume(): void {
        this.runtime?.resume();
    }

    /** A click, so the browser lets the sign-in window open. */
    handleSignIn(): void {
        this.runtime?.signIn();
    }
}
