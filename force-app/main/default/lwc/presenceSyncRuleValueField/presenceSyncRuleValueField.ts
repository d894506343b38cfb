import { LightningElement, api } from 'lwc';
import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';
import { channelOptions, connectStateOptions, statusOptions, TYPE_ANOTHER } from 'c/presenceSyncRuleOptions';
import type { PickerOption } from 'c/presenceSyncRuleOptions';

/**
 * `connect-destination` offers only states a rule may set; `omni-status-offline` adds Offline
 * (logout rules compare against it).
 */
export type ValueFieldKind =
    | 'connect-state'
    | 'connect-destination'
    | 'omni-status'
    | 'omni-status-offline'
    | 'service-channel'
    | 'number'
    | 'text';

/**
 * One value of a rule with the right picker: org statuses by developer name, the admin's Connect
 * states (or any typed state), service channels, a number or free text. Fires `valuechange`
 * with `{ name, value }`.
 */
export default class PresenceSyncRuleValueField extends LightningElement {
    @api label = '';
    @api name = '';
    @api kind: ValueFieldKind = 'text';
    @api value: string | undefined;
    @api error: string | undefined;
    @api disabled = false;
    @api statuses: PresenceStatusInfo[] = [];
    @api connectStates: string[] = [];
    @api serviceChannels: ServiceChannelInfo[] = [];

    typing = false;

    get options(): PickerOption[] {
        switch (this.kind) {
            case 'connect-state':
                return connectStateOptions(this.connectStates, false);
            case 'connect-destination':
                return connectStateOptions(this.connectStates, true);
            case 'omni-status':
                return statusOptions(this.statuses);
            case 'omni-status-offline':
                return statusOptions(this.statuses, true);
            case 'service-channel':
                return channelOptions(this.serviceChannels);
            default:
                return [];
        }
    }

    get isConnect(): boolean {
        return this.kind === 'connect-state' || this.kind === 'connect-destination';
    }

    /** A picker, unless the admin typed (or the rule holds) a Connect state the list lacks. */
    get usesPicker(): boolean {
        if (this.options.length === 0) {
            return false;
        }
        if (!this.isConnect) {
            return true;
        }
        const listed = !this.value || this.options.some((o) => o.value === this.value);
        return listed && !this.typing;
    }

    get usesInput(): boolean {
        return !this.usesPicker;
    }

    get inputType(): string {
        return this.kind === 'number' ? 'number' : 'text';
    }

    get placeholder(): string {
        return this.isConnect ? 'Type the Connect state name exactly' : '';
    }

    get hasError(): boolean {
        return typeof this.error === 'string' && this.error !== '';
    }

    get formClass(): string {
        return this.hasError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    handlePick(event: CustomEvent<{ value: string }>): void {
        const value = event.detail.value;
        if (value === TYPE_ANOTHER) {
            this.typing = true;
            this.emit('');
            return;
        }
        this.emit(value);
    }

    handleInput(event: CustomEvent<{ value: string }>): void {
        this.emit(event.detail.value ?? '');
    }

    /** Back from typing to the list. */
    handleShowList(): void {
        this.typing = false;
        this.emit('');
    }

    get canShowList(): boolean {
        return this.isConnect && this.usesInput && this.connectStates.length > 0;
    }

    private emit(value: string): void {
        this.dispatchEvent(new CustomEvent('valuechange', { detail: { name: this.name, value } }));
    }
}
