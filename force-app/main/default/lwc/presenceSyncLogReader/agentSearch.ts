/**
 * The agent search field's pace: one search per pause in typing (not one per key), none for fewer
 * than two characters, and an answer kept only while its term is still the one typed.
 */
import type { AssigneeOption } from 'presence-sync/contracts';

const SEARCH_DEBOUNCE_MS = 300;
const MIN_TERM_LENGTH = 2;

export interface AgentSearchOptions {
    search(term: string): Promise<AssigneeOption[]>;
    /** The suggestions to show (empty: none). */
    found(options: AssigneeOption[]): void;
    searching(on: boolean): void;
    failed(error: unknown): void;
}

export function isSearchable(term: string): boolean {
    return term.trim().length >= MIN_TERM_LENGTH;
}

export class AgentSearch {
    private timer: ReturnType<typeof setTimeout> | null = null;
    private typed = '';

    constructor(private readonly options: AgentSearchOptions) {}

    /** The field's text changed. */
    type(text: string): void {
        this.typed = text.trim();
        this.cancel();
        if (!isSearchable(text)) {
            this.options.found([]);
            return;
        }
        const term = this.typed;
        // Debounce: one search per pause in typing, not one per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => this.run(term), SEARCH_DEBOUNCE_MS);
    }

    /** A pick or the component going away: nothing more to search. */
    cancel(): void {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }

    private async run(term: string): Promise<void> {
        this.options.searching(true);
        try {
            const found = await this.options.search(term);
            if (term === this.typed) {
                this.options.found(found);
            }
        } catch (error) {
            this.options.failed(error);
        } finally {
            this.options.searching(false);
        }
    }
}
