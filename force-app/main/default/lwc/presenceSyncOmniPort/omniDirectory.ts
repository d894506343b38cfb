import type { PresenceStatusInfo, ServiceChannelInfo } from 'presence-sync/contracts';

export interface OmniDirectory {
    statuses: PresenceStatusInfo[];
    serviceChannels: ServiceChannelInfo[];
}

/** Salesforce ids compare on their first 15 characters; the toolkit hands out either length. */
export function id15(id: string | null | undefined): string {
    return (id ?? '').slice(0, 15);
}

/**
 * Presence statuses and service channels by what Omni-Channel reports (ids, key prefixes), from
 * the agent's configuration, never hard-coded. What it cannot find, it says through `warn`.
 */
export class OmniNames {
    constructor(
        private directory: OmniDirectory,
        private readonly warn: (message: string) => void
    ) {}

    /** New statuses or channels after a configuration reload. */
    setDirectory(directory: OmniDirectory): void {
        this.directory = directory;
    }

    status(developerName: string): PresenceStatusInfo | undefined {
        return this.directory.statuses.find((s) => s.developerName === developerName);
    }

    /** A status's developer name: the API name when Omni-Channel gives it, else found by id. */
    statusName(statusId: string | undefined, apiName: string | undefined): string | null {
        if (apiName) {
            return apiName;
        }
        const key = statusId ? id15(statusId) : null;
        const status = key
            ? this.directory.statuses.find((s) => id15(s.id) === key || s.id15 === key)
            : undefined;
        if (!status?.developerName) {
            this.warn(
                `Omni-Channel reported a presence status (${status?.label ?? statusId ?? 'no id'}) that Presence Sync does not know by name. ` +
                    'Ask your admin to check that the status exists and that you may see status developer names.'
            );
            return null;
        }
        return status.developerName;
    }

    /** The service channel of a work item, by its id's key prefix. */
    channelOf(workItemId: string): string | null {
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
}
