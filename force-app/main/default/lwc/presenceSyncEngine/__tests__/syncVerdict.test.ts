import { syncVerdict } from '../syncVerdict';
import type { VerdictInput, VerdictSide } from '../syncVerdict';

const side = (partial: Partial<VerdictSide> = {}): VerdictSide => ({
    known: 'Available',
    busy: false,
    target: null,
    failed: false,
    afterContact: false,
    ...partial
});

const input = (partial: Partial<VerdictInput> = {}): VerdictInput => ({
    ready: true,
    paused: false,
    writer: true,
    connect: side(),
    omni: side(),
    uncovered: null,
    ...partial
});

describe('sync verdict', () => {
    it('says In sync only when every wish holds and nothing waits, failed or went uncovered', () => {
        expect(syncVerdict(input({ omni: side({ target: 'Available' }) }))).toEqual({
            status: 'in-sync',
            text: 'In sync'
        });
    });

    it('names each other case, most urgent first', () => {
        const cases: Array<[Partial<VerdictInput>, string, string]> = [
            [{ ready: false }, 'not-ready', 'Starting'],
            [{ paused: true, omni: side({ target: 'Lunch' }) }, 'paused', 'Paused: sides differ'],
            [{ paused: true }, 'paused', 'Paused'],
            [{ writer: false }, 'read-only', 'Watching (another tab syncs)'],
            [{ omni: side({ busy: true }) }, 'syncing', 'Syncing'],
            [
                { omni: side({ failed: true, target: 'Lunch' }) },
                'out-of-sync',
                'Out of sync: Omni refused Lunch'
            ],
            [
                { connect: side({ known: 'Busy', target: 'Lunch', afterContact: true }) },
                'pending',
                'Waiting for the contact to end: Connect will be Lunch'
            ],
            [{ connect: side({ target: 'Lunch' }) }, 'out-of-sync', 'Out of sync: rules want Connect Lunch'],
            [{ uncovered: { side: 'connect', state: 'Training' } }, 'no-rule', 'No rule for Training']
        ];
        for (const [partial, status, text] of cases) {
            expect(syncVerdict(input(partial))).toEqual({ status, text });
        }
    });
});
