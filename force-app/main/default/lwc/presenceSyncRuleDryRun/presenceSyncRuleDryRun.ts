import { LightningElement, api } from 'lwc';
import { OMNI_OFFLINE } from 'c/presenceSyncEngine';
import type { PresenceSyncRule, WorkloadField } from 'c/presenceSyncEngine';
import type { PresenceStatusInfo, PresenceSyncSettings, ServiceChannelInfo } from 'presence-sync/contracts';
import { reduceErrors } from 'c/presenceSyncErrors';
import { describeEvent, runDryRun } from './dryRun';
import { describeSettings, toSessionSettings } from 'c/presenceSyncOrgSettings';
import type { DryRunEvent, DryRunStep } from './dryRun';

type EventKind = DryRunEvent['kind'];

const KIND_OPTIONS: { label: string; value: EventKind }[] = [
    { label: 'Connect: agent state changes', value: 'connect-state' },
    { label: 'Omni-Channel: agent picks a status', value: 'omni-status' },
    { label: 'Omni-Channel: agent logs out', value: 'omni-logout' },
    { label: 'Omni-Channel: agent accepts work', value: 'omni-work-accepted' },
    { label: 'Omni-Channel: workload changes', value: 'omni-workload' }
];

/** A workload or capacity as typed: a number of 0 or more, else undefined (blank is not 0). */
function toCount(text: string): number | undefined {
    if (text.trim() === '') {
        return undefined;
    }
    const n = Number(text);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
}

let eventCounter = 0;

/**
 * Dry run: the admin enters (or takes the example) sequence of events and sees, step by step,
 * which rule fires and what both sides become, computed by the engine's own sync session with
 * in-memory platforms. Nothing is written anywhere.
 */
export default class PresenceSyncRuleDryRun extends LightningElement {
    @api rules: PresenceSyncRule[] = [];
    @api statuses: PresenceStatusInfo[] = [];
    @api connectStates: string[] = [];
    @api serviceChannels: ServiceChannelInfo[] = [];
    /** The org's settings; null runs with the engine's defaults (and says so). */
    @api settings: PresenceSyncSettings | null = null;

    startConnect = 'Available';
    startOmni = 'Available';
    kind: EventKind = 'connect-state';
    value = '';
    previousWorkload = '0';
    newWorkload = '1';
    configuredCapacity = '100';
    /** Empty: Omni-Channel sends no interruptible numbers (an org that routes no interruptible work). */
    previousInterruptibleWorkload = '';
    newInterruptibleWorkload = '';
    configuredInterruptibleCapacity = '';
    events: { key: string; event: DryRunEvent }[] = [];
    steps: DryRunStep[] = [];
    running = false;
    error = '';
    inputError = '';
    status = '';

    get kindOptions() {
        return KIND_OPTIONS;
    }

    get needsConnectState(): boolean {
        return this.kind === 'connect-state';
    }
    get needsOmniStatus(): boolean {
        return this.kind === 'omni-status';
    }
    get needsChannel(): boolean {
        return this.kind === 'omni-work-accepted';
    }
    get needsWorkload(): boolean {
        return this.kind === 'omni-workload';
    }

    get settingsText(): string {
        return this.settings
            ? describeSettings(this.settings)
            : "Your org's settings could not be read, so the dry run uses Presence Sync's defaults.";
    }

    get eventItems() {
        return this.events.map((item, i) => ({
            key: item.key,
            text: `${i + 1}. ${describeEvent(item.event)}`,
            removeLabel: `Remove event ${i + 1}`
        }));
    }

    get hasEvents(): boolean {
        return this.events.length > 0;
    }

    get runDisabled(): boolean {
        return this.running || this.events.length === 0;
    }

    get hasSteps(): boolean {
        return this.steps.length > 0;
    }

    get stepRows() {
        return this.steps.map((step) => ({
            key: String(step.position),
            position: step.position,
            event: describeEvent(step.event),
            fired: step.firedRules.length > 0 ? step.firedRules.join(', ') : 'No rule changed anything',
            matched:
                step.matchedRules.length > 0 ? `Matched: ${step.matchedRules.join(', ')}` : 'No rule matched',
            actions: step.actions.map((text, i) => ({ key: `${step.position}-${i}`, text })),
            connect: step.connectNextState
                ? `${step.connectState} (next: ${step.connectNextState})`
                : step.connectState,
            omni: step.omniStatus
        }));
    }

    handleStartConnect(event: CustomEvent<{ value: string }>): void {
        this.startConnect = event.detail.value;
    }
    handleStartOmni(event: CustomEvent<{ value: string }>): void {
        this.startOmni = event.detail.value;
    }
    handleKind(event: CustomEvent<{ value: string }>): void {
        this.kind = event.detail.value as EventKind;
        this.value = '';
        this.inputError = '';
    }
    handleValue(event: CustomEvent<{ value: string }>): void {
        this.value = event.detail.value;
    }
    handleNumber(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as WorkloadField;
        this[field] = event.detail.value ?? '';
    }

    /** The event being entered, or a reason it is incomplete. */
    private buildEvent(): DryRunEvent | string {
        switch (this.kind) {
            case 'connect-state':
                return this.value
                    ? { kind: 'connect-state', state: this.value }
                    : 'Choose or type the Connect state.';
            case 'omni-status':
                return this.value
                    ? { kind: 'omni-status', status: this.value }
                    : 'Choose the Omni-Channel status.';
            case 'omni-logout':
                return { kind: 'omni-logout' };
            case 'omni-work-accepted':
                return this.value
                    ? { kind: 'omni-work-accepted', serviceChannel: this.value }
                    : 'Choose the service channel of the work.';
            default:
                return this.buildWorkloadEvent();
        }
    }

    private buildWorkloadEvent(): DryRunEvent | string {
        const numbers = [this.previousWorkload, this.newWorkload, this.configuredCapacity].map(toCount);
        if (numbers.some((n) => n === undefined)) {
            return 'Enter the workloads and the capacity as numbers of 0 or more.';
        }
        const [previousWorkload, newWorkload, configuredCapacity] = numbers as number[];
        const event: DryRunEvent = {
            kind: 'omni-workload',
            previousWorkload,
            newWorkload,
            configuredCapacity
        };
        const interruptibleTexts = [
            this.previousInterruptibleWorkload,
            this.newInterruptibleWorkload,
            this.configuredInterruptibleCapacity
        ];
        if (interruptibleTexts.every((text) => text.trim() === '')) {
            return event;
        }
        const interruptible = interruptibleTexts.map(toCount);
        if (interruptible.some((n) => n === undefined)) {
            return 'Enter all three interruptible numbers as numbers of 0 or more, or leave all three empty.';
        }
        const [previousInterruptibleWorkload, newInterruptibleWorkload, configuredInterruptibleCapacity] =
            interruptible as number[];
        return {
            ...event,
            previousInterruptibleWorkload,
            newInterruptibleWorkload,
            configuredInterruptibleCapacity
        };
    }

    private push(event: DryRunEvent): void {
        eventCounter += 1;
        this.events = [...this.events, { key: `event-${eventCounter}`, event }];
    }

    handleAdd(): void {
        const built = this.buildEvent();
        if (typeof built === 'string') {
            this.inputError = built;
            return;
        }
        this.inputError = '';
        this.push(built);
        this.steps = [];
    }

    handleRemove(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        this.events = this.events.filter((item) => item.key !== key);
        this.steps = [];
    }

    /** The example: a phone call from Available through after-call work, then a chat. */
    handleExample(): void {
        const chat =
            this.serviceChannels.find((c) => c.relatedEntity === 'LiveChatTranscript') ??
            this.serviceChannels[0];
        this.startConnect = 'Available';
        this.startOmni = 'Available';
        this.events = [];
        const example: DryRunEvent[] = [
            { kind: 'connect-state', state: 'Busy' },
            { kind: 'connect-state', state: 'AfterCallWork' },
            { kind: 'connect-state', state: 'Available' },
            { kind: 'omni-work-accepted', serviceChannel: chat ? chat.developerName : 'sfdc_chat' }
        ];
        example.forEach((e) => this.push(e));
        this.steps = [];
    }

    handleClear(): void {
        this.events = [];
        this.steps = [];
        this.status = '';
    }

    async handleRun(): Promise<void> {
        this.running = true;
        this.error = '';
        try {
            this.steps = await runDryRun(
                this.rules,
                { connectState: this.startConnect, omniStatus: this.startOmni || OMNI_OFFLINE },
                this.events.map((item) => item.event),
                this.settings ? toSessionSettings(this.settings) : undefined
            );
            const last = this.steps[this.steps.length - 1];
            this.status = `Dry run finished: Connect ends ${last.connectState}, Omni-Channel ends ${last.omniStatus}.`;
        } catch (error) {
            this.error = `The dry run stopped: ${reduceErrors(error).join(' ')}`;
        } finally {
            this.running = false;
        }
    }
}
