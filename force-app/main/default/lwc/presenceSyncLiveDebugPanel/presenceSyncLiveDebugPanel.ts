/**
 * Live debugging of one agent, in the log reader: a supervisor stores every step of the agent's
 * sync for a set time (PresenceSyncLogController.startLiveDebug), sees until when, and can stop it
 * early. Also says what the rate limit dropped of the agent's entries. Tells its parent about every
 * change (`debugchange`, detail: the agent's AgentLogState) so the reader can follow live.
 */
import { LightningElement, api } from 'lwc';
import startLiveDebug from '@salesforce/apex/PresenceSyncLogController.startLiveDebug';
import stopLiveDebug from '@salesforce/apex/PresenceSyncLogController.stopLiveDebug';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { AgentLogState } from 'presence-sync/contracts';
import { DEBUG_DURATIONS, debugPanelView } from './debugPanelView';
import type { DebugPanelView } from './debugPanelView';

export default class PresenceSyncLiveDebugPanel extends LightningElement {
    @api agentId: string | undefined;
    @api agentName: string | undefined;

    readonly durationOptions = DEBUG_DURATIONS.map((minutes) => ({
        label: `${minutes} minutes`,
        value: String(minutes)
    }));
    duration = '15';
    busy = false;
    errorText: string | null = null;
    private current: AgentLogState | null = null;
    private now = Date.now();
    private endTimer: ReturnType<typeof setTimeout> | null = null;

    /** The agent's state as the log reader last read it. */
    @api
    get state(): AgentLogState | null {
        return this.current;
    }
    set state(value: AgentLogState | null) {
        this.adopt(value);
    }

    private adopt(value: AgentLogState | null): void {
        this.current = value ?? null;
        this.now = Date.now();
        this.watchEnd();
    }

    override disconnectedCallback(): void {
        if (this.endTimer) {
            clearTimeout(this.endTimer);
            this.endTimer = null;
        }
    }

    get view(): DebugPanelView {
        return debugPanelView(this.current, this.agentName ?? 'The agent', this.now);
    }

    get startDisabled(): boolean {
        return this.busy || !this.agentId;
    }

    handleDuration(event: CustomEvent<{ value: string }>): void {
        this.duration = event.detail.value;
    }

    async handleStart(): Promise<void> {
        await this.change(() =>
            startLiveDebug({ userId: this.agentId as string, minutes: Number(this.duration) })
        );
    }

    async handleStop(): Promise<void> {
        await this.change(() => stopLiveDebug({ userId: this.agentId as string }));
    }

    private async change(call: () => Promise<AgentLogState>): Promise<void> {
        this.busy = true;
        this.errorText = null;
        try {
            this.adopt(await call());
            this.dispatchEvent(new CustomEvent('debugchange', { detail: this.current }));
        } catch (error) {
            this.errorText = reduceErrors(error).join(' ');
        } finally {
            this.busy = false;
        }
    }

    /** Says "back to the log level" when the window ends, without anyone reloading. */
    private watchEnd(): void {
        if (this.endTimer) {
            clearTimeout(this.endTimer);
            this.endTimer = null;
        }
        const until = this.view.until;
        if (until !== null) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- the window ends at a set time
            this.endTimer = setTimeout(
                () => {
                    this.endTimer = null;
                    this.now = Date.now();
                    this.dispatchEvent(new CustomEvent('debugchange', { detail: this.current }));
                },
                until - this.now + 50
            );
        }
    }
}
