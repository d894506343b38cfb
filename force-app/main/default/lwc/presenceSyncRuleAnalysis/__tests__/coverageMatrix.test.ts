import { coverageMatrix } from 'c/presenceSyncRuleAnalysis';
import type { CoverageMatrix } from 'c/presenceSyncRuleAnalysis';
import type { PresenceSyncRule } from 'c/presenceSyncEngine';
import { buildRule, buildSeedRules, SEED_CONNECT_STATES } from '../../../../../test/jest-mocks/apex/fixtures';
import { connectToOmni, omniToConnect, workAccepted } from '../../../../../test/ruleShapes';

const OMNI = ['Available', 'Busy', 'Lunch', 'Working_Phone', 'Working_Media'];

function cell(matrix: CoverageMatrix, connectState: string, omniStatus: string) {
    const row = matrix.connectStates.indexOf(connectState);
    const column = matrix.omniStatuses.indexOf(omniStatus);
    expect(row).toBeGreaterThanOrEqual(0);
    expect(column).toBeGreaterThanOrEqual(0);
    return matrix.cells[row][column];
}

function publisher(
    id: string,
    connect: string,
    omni: string,
    extra: Partial<PresenceSyncRule> = {}
): PresenceSyncRule {
    return buildRule({
        id,
        name: `Connect ${connect} to Omni ${omni}`,
        ...connectToOmni(connect, omni),
        ...extra
    });
}

function subscriber(
    id: string,
    omni: string,
    connect: string,
    extra: Partial<PresenceSyncRule> = {}
): PresenceSyncRule {
    return buildRule({
        id,
        name: `Omni ${omni} to Connect ${connect}`,
        ...omniToConnect(omni, connect),
        ...extra
    });
}

describe('coverageMatrix', () => {
    it("shows the seed's four rules as one bi-directional pair and two one-way pairs", () => {
        const rules = buildSeedRules();
        const matrix = coverageMatrix(rules, { connectStates: SEED_CONNECT_STATES, omniStatuses: OMNI });

        expect(cell(matrix, 'Available', 'Available')).toMatchObject({
            direction: 'bidirectional',
            ruleIds: [rules[0].id, rules[1].id],
            conditional: false
        });
        expect(cell(matrix, 'Working - Phone', 'Working_Phone').direction).toBe('publisher');
        expect(cell(matrix, 'Working - Media', 'Working_Media').direction).toBe('subscriber');
        expect(cell(matrix, 'Lunch', 'Lunch').direction).toBeNull();
        expect(matrix.pairs.map((p) => [p.connectState, p.omniStatus, p.direction])).toEqual([
            ['Available', 'Available', 'bidirectional'],
            ['Working - Phone', 'Working_Phone', 'publisher'],
            ['Working - Media', 'Working_Media', 'subscriber']
        ]);
    });

    it('lists what is not mapped on either side', () => {
        const matrix = coverageMatrix(buildSeedRules(), {
            connectStates: SEED_CONNECT_STATES,
            omniStatuses: OMNI
        });
        expect(matrix.unmappedConnectStates).toEqual(['Offline', 'Lunch', 'Working - Media']);
        expect(matrix.unmappedOmniStatuses).toEqual(['Busy', 'Lunch', 'Working_Phone']);
    });

    it('adds states and statuses that only rules name, after the given lists', () => {
        const matrix = coverageMatrix([publisher('r1', 'Training', 'Training_Room')], {
            connectStates: ['Available'],
            omniStatuses: ['Available']
        });
        expect(matrix.connectStates).toEqual(['Available', 'Training']);
        expect(matrix.omniStatuses).toEqual(['Available', 'Training_Room']);
        expect(matrix.cells).toHaveLength(2);
        expect(matrix.cells[1]).toHaveLength(2);
    });

    it('works without a domain, from the rules alone', () => {
        const matrix = coverageMatrix(buildSeedRules());
        expect(matrix.connectStates).toEqual(['Available', 'Working - Phone', 'Working - Media']);
        expect(matrix.omniStatuses).toEqual(['Available', 'Working_Media', 'Working_Phone']);
    });

    it('counts only the rule that wins by order when two rules react to the same state', () => {
        const matrix = coverageMatrix([
            publisher('late', 'Lunch', 'Busy', { order: 2 }),
            publisher('early', 'Lunch', 'Lunch', { order: 1 })
        ]);
        expect(cell(matrix, 'Lunch', 'Lunch')).toMatchObject({ direction: 'publisher', ruleIds: ['early'] });
        expect(cell(matrix, 'Lunch', 'Busy').direction).toBeNull();
    });

    it('ignores inactive rules', () => {
        const matrix = coverageMatrix([publisher('off', 'Lunch', 'Lunch', { active: false })]);
        expect(matrix.pairs).toEqual([]);
        expect(matrix.unmappedConnectStates).toEqual(['Lunch']);
    });

    it('maps every other state through a Not-equal rule and says so for unlisted states', () => {
        const matrix = coverageMatrix(
            [
                publisher('avail', 'Available', 'Available', { order: 1 }),
                publisher('rest', 'Available', 'Busy', { order: 2, comparator: 'NotEqual' })
            ],
            { connectStates: ['Available', 'Lunch', 'Offline'], omniStatuses: ['Available', 'Busy'] }
        );
        expect(cell(matrix, 'Lunch', 'Busy').direction).toBe('publisher');
        expect(cell(matrix, 'Offline', 'Busy').direction).toBe('publisher');
        expect(cell(matrix, 'Available', 'Busy').direction).toBeNull();
        expect(matrix.unlistedConnectStateTarget).toBe('Busy');
        expect(matrix.unlistedOmniStatusTarget).toBeNull();
    });

    it('marks a pair that depends on the state the agent came from as conditional', () => {
        const matrix = coverageMatrix([
            publisher('back', 'Lunch', 'Available', { operandA: 'ConnectOldState', name: 'Back from lunch' })
        ]);
        // Lunch is only a previous state here: any new state coming from Lunch sets Available.
        expect(cell(matrix, 'Lunch', 'Available')).toMatchObject({
            direction: 'publisher',
            conditional: true
        });
    });

    it('treats an Omni-Channel logout as the Offline status', () => {
        const logout = subscriber('logout', 'Offline', 'Offline', { source: 'SalesforceLogout' });
        const matrix = coverageMatrix([logout]);
        expect(matrix.omniStatuses).toEqual(['Offline']);
        expect(cell(matrix, 'Offline', 'Offline')).toMatchObject({
            direction: 'subscriber',
            ruleIds: ['logout']
        });
    });

    it('never counts a Connect system state as set by a rule, but lets it trigger', () => {
        const matrix = coverageMatrix([
            publisher('busy-in', 'Busy', 'Busy'),
            subscriber('busy-out', 'Busy', 'Busy')
        ]);
        expect(cell(matrix, 'Busy', 'Busy').direction).toBe('publisher');
        expect(matrix.unmappedOmniStatuses).toEqual(['Busy']);
    });

    it('leaves work and workload rules out of the state pairs', () => {
        const matrix = coverageMatrix([
            buildRule({
                id: 'chat',
                ...workAccepted('sfdc_chat', 'Working - Media')
            })
        ]);
        expect(matrix.pairs).toEqual([]);
        expect(matrix.unmappedConnectStates).toEqual(['Working - Media']);
    });

    it('gives an all-empty matrix for no rules', () => {
        const matrix = coverageMatrix([], { connectStates: ['Available'], omniStatuses: ['Available'] });
        expect(matrix.cells).toEqual([
            [
                {
                    connectState: 'Available',
                    omniStatus: 'Available',
                    direction: null,
                    ruleIds: [],
                    conditional: false
                }
            ]
        ]);
        expect(matrix.unmappedConnectStates).toEqual(['Available']);
        expect(matrix.unmappedOmniStatuses).toEqual(['Available']);
    });
});
