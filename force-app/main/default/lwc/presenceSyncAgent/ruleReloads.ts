/**
 * Live rule changes: when an admin saves rules, the org publishes `Presence_Sync_Rules_Changed__e`
 * and the agent's configuration is read again. Notices that come during a reload share it, and
 * one more reload follows, so the last save is always the one in use.
 */
import getAgentConfiguration from '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration';
import { reduceErrors } from 'c/presenceSyncErrors';
import type { AgentConfiguration } from 'presence-sync/contracts';
import type { Problem } from './agentProblems';

export const RULES_CHANGED_CHANNEL = '/event/Presence_Sync_Rules_Changed__e';

/** The channel's events, as the runtime hands them over (an EventChannel). */
export interface RuleChangeEvents {
    start(onMessage: () => void): Promise<void>;
    stop(): void;
}

export interface RuleReloadHost {
    /** A configuration read after an admin saved rules. */
    loaded(configuration: AgentConfiguration): void;
    /** The `rules-reload` problem, or null when it is over. */
    problem(problem: Problem | null): void;
}

export class RuleReloads {
    private reloading: Promise<void> | null = null;
    private reloadAgain = false;
    private stopped = false;

    constructor(
        private readonly host: RuleReloadHost,
        private readonly events: RuleChangeEvents
    ) {}

    start(): void {
        this.events
            .start(() => this.reload())
            .catch(() => {
                this.host.problem({
                    key: 'rules-reload',
                    severity: 'warning',
                    title: 'Rule changes need a page reload',
                    message:
                        'Presence Sync could not listen for rule changes; reload the page after your admin changes rules.'
                });
            });
    }

    stop(): void {
        this.stopped = true;
        this.events.stop();
    }

    /** Re-reads the configuration; overlapping notices share one reload. */
    private reload(): Promise<void> {
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
                    if (this.stopped) {
                        return;
                    }
                    this.host.loaded(configuration);
                    this.host.problem(null);
                } catch (error) {
                    this.host.problem({
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
}
