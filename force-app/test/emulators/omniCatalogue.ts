/**
 * The emulated Omni-Channel's setup: presence statuses, service channels, which channels each
 * status routes, what a work item weighs, and which statuses the agent's presence configuration
 * grants. Lookups refuse what Omni-Channel refuses (an unknown status, one not granted).
 */
import type { NamedPresenceStatus, ServiceChannelInfo } from 'presence-sync/contracts';
import { buildServiceChannels, buildStatuses } from '../jest-mocks/apex/fixtures';

/** Which channels each seed status routes; a status without channels is a busy status. */
const STATUS_CHANNELS: Record<string, string[]> = {
    Available: ['sfdc_phone', 'sfdc_chat', 'sfdc_case'],
    Busy: [],
    Lunch: [],
    Working_Phone: ['sfdc_phone'],
    Working_Media: ['sfdc_chat', 'sfdc_case']
};

/** Capacity units one work item takes per channel (the routing configurations' weights). */
const CHANNEL_UNITS: Record<string, number> = { sfdc_phone: 5, sfdc_chat: 2, sfdc_case: 1 };

export class OmniCatalogue {
    readonly statuses: NamedPresenceStatus[];
    readonly channels: ServiceChannelInfo[];
    private readonly allGranted: string[];
    granted: Set<string>;

    constructor(options: {
        statuses?: NamedPresenceStatus[];
        serviceChannels?: ServiceChannelInfo[];
        granted?: string[];
    }) {
        this.statuses = options.statuses ?? buildStatuses();
        this.channels = options.serviceChannels ?? buildServiceChannels();
        this.allGranted = options.granted ?? this.statuses.map((s) => s.developerName);
        this.granted = new Set(this.allGranted);
    }

    grantAll(): void {
        this.granted = new Set(this.allGranted);
    }

    statusNamed(developerName: string): NamedPresenceStatus | undefined {
        return this.statuses.find((s) => s.developerName === developerName);
    }

    /** A status the agent may use, by developer name; refused otherwise. */
    grantedStatus(developerName: string): NamedPresenceStatus {
        const status = this.statusNamed(developerName);
        if (!status) {
            throw new Error(`There is no presence status "${developerName}".`);
        }
        return this.checkGranted(status);
    }

    /** A status the agent may use, by a 15- or 18-character id; refused otherwise. */
    grantedStatusById(statusId: string): NamedPresenceStatus {
        const id15 = typeof statusId === 'string' ? statusId.slice(0, 15) : '';
        const status = this.statuses.find((s) => s.id15 === id15);
        if (!status) {
            throw new Error(`There is no presence status with id "${String(statusId)}".`);
        }
        return this.checkGranted(status);
    }

    channelsOf(status: NamedPresenceStatus): Array<{ channelId: string; developerName: string }> {
        const names = STATUS_CHANNELS[status.developerName] ?? [];
        return this.channels
            .filter((c) => names.includes(c.developerName))
            .map((c) => ({ channelId: c.id, developerName: c.developerName }));
    }

    routes(status: NamedPresenceStatus, channelDeveloperName: string): boolean {
        return (STATUS_CHANNELS[status.developerName] ?? []).includes(channelDeveloperName);
    }

    unitsOf(channelDeveloperName: string): number {
        return CHANNEL_UNITS[channelDeveloperName] ?? 1;
    }

    /** What `setServicePresenceStatus` and `getServicePresenceStatusId` resolve with. */
    statusResult(status: NamedPresenceStatus, withChannels: boolean): Record<string, unknown> {
        const result: Record<string, unknown> = {
            statusId: status.id,
            statusName: status.label,
            statusApiName: status.developerName
        };
        if (withChannels) {
            result.channels = this.channelsOf(status);
        }
        return result;
    }

    private checkGranted(status: NamedPresenceStatus): NamedPresenceStatus {
        if (!this.granted.has(status.developerName)) {
            throw new Error(
                `The presence status "${status.label}" is not available to you: it is not assigned to your profile or permission sets.`
            );
        }
        return status;
    }
}
