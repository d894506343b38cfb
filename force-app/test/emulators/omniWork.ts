import type { NamedPresenceStatus } from 'presence-sync/contracts';
import type { OmniCatalogue } from './omniCatalogue';
import type { OmniEvents } from './omniEvents';

const WORK_KEY_PREFIX = '0Bz';

/** An 18-character-looking record id with the key prefix of the object it stands for. */
function recordId(prefix: string, n: number): string {
    return `${prefix}Wb0000${String(n).padStart(6, '0')}AAA`;
}

/** The numbers `getAgentWorkload` answers with. */
export interface WorkloadNumbers {
    configuredCapacity: number;
    currentWorkload: number;
    configuredInterruptibleCapacity: number;
    currentInterruptibleWorkload: number;
}

/**
 * The agent's work in the emulated Omni-Channel: work is routed only on the channels of the
 * current status and within capacity, and every change of primary or interruptible work raises
 * `workloadChanged` with both kinds, before and after.
 */
export class OmniWork {
    capacity: number;
    workload = 0;
    interruptibleCapacity: number;
    interruptibleWorkload = 0;
    private workCount = 0;

    constructor(
        private readonly catalogue: OmniCatalogue,
        private readonly events: OmniEvents,
        readonly initialCapacity: number,
        readonly initialInterruptibleCapacity: number
    ) {
        this.capacity = initialCapacity;
        this.interruptibleCapacity = initialInterruptibleCapacity;
    }

    /** Omni routes a work item on the channel to an agent in `current` (null: logged out). */
    accept(
        channelDeveloperName: string,
        current: NamedPresenceStatus | null
    ): { workItemId: string; workId: string } {
        const channel = this.catalogue.channels.find((c) => c.developerName === channelDeveloperName);
        if (!channel) {
            throw new Error(`There is no service channel "${channelDeveloperName}".`);
        }
        if (current === null) {
            throw new Error('Omni-Channel routes no work while the agent is logged out.');
        }
        if (!this.catalogue.routes(current, channelDeveloperName)) {
            throw new Error(
                `Omni-Channel routes no ${channel.label} work while the agent is ${current.label}: that status has no ${channelDeveloperName} channel.`
            );
        }
        const units = this.catalogue.unitsOf(channelDeveloperName);
        if (this.workload + units > this.capacity) {
            throw new Error(
                `Omni-Channel routes no more work: ${this.workload + units} exceeds capacity ${this.capacity}.`
            );
        }
        this.workCount += 1;
        const workItemId = recordId(channel.keyPrefix ?? '000', this.workCount);
        const workId = recordId(WORK_KEY_PREFIX, this.workCount);
        this.events.add('workAccepted', { workItemId, workId });
        this.set(this.workload + units, this.capacity);
        return { workItemId, workId };
    }

    /** The primary workload or capacity changes. */
    set(newWorkload: number, configuredCapacity: number): void {
        const previousWorkload = this.workload;
        this.workload = newWorkload;
        this.capacity = configuredCapacity;
        this.announce(previousWorkload, this.interruptibleWorkload);
    }

    /** The interruptible workload or interruptible capacity changes. */
    setInterruptible(newInterruptibleWorkload: number, configuredInterruptibleCapacity: number): void {
        const previousInterruptibleWorkload = this.interruptibleWorkload;
        this.interruptibleWorkload = newInterruptibleWorkload;
        this.interruptibleCapacity = configuredInterruptibleCapacity;
        this.announce(this.workload, previousInterruptibleWorkload);
    }

    now(): WorkloadNumbers {
        return {
            configuredCapacity: this.capacity,
            currentWorkload: this.workload,
            configuredInterruptibleCapacity: this.interruptibleCapacity,
            currentInterruptibleWorkload: this.interruptibleWorkload
        };
    }

    /** No work, the configured capacities again. */
    reset(): void {
        this.workload = 0;
        this.capacity = this.initialCapacity;
        this.interruptibleWorkload = 0;
        this.interruptibleCapacity = this.initialInterruptibleCapacity;
    }

    /** The event carries both kinds of work, before and after (Console Developer Guide, lightning:omniChannelWorkloadChanged). */
    private announce(previousWorkload: number, previousInterruptibleWorkload: number): void {
        this.events.add('workloadChanged', {
            configuredCapacity: this.capacity,
            previousWorkload,
            newWorkload: this.workload,
            configuredInterruptibleCapacity: this.interruptibleCapacity,
            previousInterruptibleWorkload,
            newInterruptibleWorkload: this.interruptibleWorkload
        });
    }
}
