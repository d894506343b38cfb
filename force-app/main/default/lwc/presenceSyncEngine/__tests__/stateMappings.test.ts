import {
    evaluateRules,
    expandMapping,
    expandMappings,
    SEED_EXAMPLE_MAPPINGS,
    validateMapping,
    validateRule
} from 'c/presenceSyncEngine';
import type { StateMapping } from 'c/presenceSyncEngine';
import { connectToOmni, omniToConnect } from '../../../../../test/ruleShapes';

describe('expandMappings', () => {
    it('turns a Publisher row into a Connect-to-Omni rule', () => {
        expect(
            expandMapping(
                { id: 'm1', connectState: 'Lunch', salesforceStatus: 'Lunch_Break', type: 'Publisher' },
                0
            )
        ).toEqual([
            {
                id: 'm1:publisher',
                name: 'Connect Lunch to Omni Lunch_Break',
                active: true,
                order: 10,
                ...connectToOmni('Lunch', 'Lunch_Break'),
                mappingId: 'm1'
            }
        ]);
    });

    it('turns a Subscriber row into an Omni-to-Connect rule', () => {
        expect(
            expandMapping(
                { id: 'm2', connectState: 'Lunch', salesforceStatus: 'Lunch_Break', type: 'Subscriber' },
                1
            )
        ).toEqual([
            {
                id: 'm2:subscriber',
                name: 'Omni Lunch_Break to Connect Lunch',
                active: true,
                order: 20,
                ...omniToConnect('Lunch_Break', 'Lunch'),
                mappingId: 'm2'
            }
        ]);
    });

    it('turns a BiDirectional row into both rules, and an Offline subscriber also into a logout rule', () => {
        const rules = expandMapping(
            { connectState: 'Offline', salesforceStatus: 'Offline', type: 'BiDirectional' },
            2,
            'set-1'
        );
        expect(rules.map((r) => [r.id, r.source, r.order, r.ruleSetId])).toEqual([
            ['mapping-3:publisher', 'ConnectStateChange', 30, 'set-1'],
            ['mapping-3:subscriber', 'SalesforceStateChange', 30, 'set-1'],
            ['mapping-3:logout', 'SalesforceLogout', 30, 'set-1']
        ]);
        expect(rules[2].name).toBe('Omni logout to Connect Offline');
        expect(rules.flatMap(validateRule)).toEqual([]);
        expect(evaluateRules(rules, { type: 'SalesforceLogout' })).toEqual([
            { ruleId: 'mapping-3:logout', destination: 'ConnectAgentState', value: 'Offline' }
        ]);
    });

    it('is deterministic and keeps rule names within 80 characters', () => {
        const long = 'A'.repeat(100);
        const rows: StateMapping[] = [{ connectState: long, salesforceStatus: 'B', type: 'BiDirectional' }];
        expect(expandMappings(rows)).toEqual(expandMappings(rows));
        for (const r of expandMappings(rows)) {
            expect(r.name.length).toBe(80);
            expect(r.name.endsWith('...')).toBe(true);
        }
    });

    it('turns the seed example into four valid rules that sync as the seed table says', () => {
        const rules = expandMappings(SEED_EXAMPLE_MAPPINGS);
        expect(rules).toHaveLength(4);
        expect(rules.flatMap(validateRule)).toEqual([]);
        expect(SEED_EXAMPLE_MAPPINGS.flatMap(validateMapping)).toEqual([]);
        const decide = (event: Parameters<typeof evaluateRules>[1]) =>
            evaluateRules(rules, event).map((d) => `${d.destination}=${d.value}`);
        expect(decide({ type: 'ConnectStateChange', connectNewState: 'Available' })).toEqual([
            'SalesforceAgentState=Available'
        ]);
        expect(decide({ type: 'SalesforceStateChange', salesforceNewState: 'Available' })).toEqual([
            'ConnectAgentState=Available'
        ]);
        expect(decide({ type: 'ConnectStateChange', connectNewState: 'Working - Phone' })).toEqual([
            'SalesforceAgentState=Working_Phone'
        ]);
        expect(decide({ type: 'SalesforceStateChange', salesforceNewState: 'Working_Media' })).toEqual([
            'ConnectAgentState=Working - Media'
        ]);
        // Publisher-only and subscriber-only rows do not sync back.
        expect(decide({ type: 'SalesforceStateChange', salesforceNewState: 'Working_Phone' })).toEqual([]);
        expect(decide({ type: 'ConnectStateChange', connectNewState: 'Working - Media' })).toEqual([]);
    });

    it('cannot be changed through the seed constant', () => {
        expect(Object.isFrozen(SEED_EXAMPLE_MAPPINGS)).toBe(true);
        expect(Object.isFrozen(SEED_EXAMPLE_MAPPINGS[0])).toBe(true);
    });
});

describe('validateMapping', () => {
    it('rejects a Subscriber or BiDirectional row that would set a Connect system state', () => {
        for (const type of ['Subscriber', 'BiDirectional'] as const) {
            expect(validateMapping({ connectState: 'Busy', salesforceStatus: 'On_Call', type })).toEqual([
                {
                    field: 'connectState',
                    code: 'mappingSystemState',
                    message: `"Busy" is an Amazon Connect system state that only Amazon Connect itself sets, so a "${
                        type === 'Subscriber' ? 'Subscriber (Salesforce to Connect)' : 'Bi-directional'
                    }" row cannot set it. Make it a Publisher row, or choose a state agents can select.`
                }
            ]);
        }
        expect(
            validateMapping({ connectState: 'Busy', salesforceStatus: 'On_Call', type: 'Publisher' })
        ).toEqual([]);
        // The expanded subscriber rule is rejected by validateRule too.
        const [sub] = expandMapping(
            { connectState: 'Busy', salesforceStatus: 'On_Call', type: 'Subscriber' },
            0
        );
        expect(validateRule(sub).map((i) => i.code)).toEqual(['destinationSystemState']);
    });

    it('asks for both states and a known type, whatever it is given', () => {
        expect(validateMapping(null).map((i) => `${i.field}:${i.code}`)).toEqual([
            'connectState:mappingConnectStateMissing',
            'salesforceStatus:mappingStatusMissing',
            'type:mappingTypeUnknown'
        ]);
        expect(validateMapping({ connectState: 'A', salesforceStatus: 'B', type: 'Both' })[0].message).toBe(
            'The row type "Both" is not known. Choose one of: Publisher (Connect to Salesforce), Subscriber (Salesforce to Connect), Bi-directional.'
        );
    });

    it('expands one row on its own, and works as a map callback', () => {
        const row: StateMapping = {
            id: 'lunch',
            connectState: 'Lunch',
            salesforceStatus: 'Lunch',
            type: 'BiDirectional'
        };
        const alone = expandMapping(row);
        expect(alone.map((r) => [r.id, r.order])).toEqual([
            ['lunch:publisher', 10],
            ['lunch:subscriber', 10]
        ]);
        expect(alone.flatMap((r) => validateRule(r))).toEqual([]);

        const rows: StateMapping[] = [
            { connectState: 'Available', salesforceStatus: 'Available', type: 'Publisher' },
            row
        ];
        const mapped = rows.map(expandMapping).flat();
        expect(mapped.map((r) => [r.id, r.order, r.ruleSetId])).toEqual([
            ['mapping-1:publisher', 10, undefined],
            ['lunch:publisher', 20, undefined],
            ['lunch:subscriber', 20, undefined]
        ]);
        expect(
            evaluateRules(mapped, {
                type: 'ConnectStateChange',
                connectOldState: 'Available',
                connectNewState: 'Lunch'
            })
        ).toEqual([{ ruleId: 'lunch:publisher', destination: 'SalesforceAgentState', value: 'Lunch' }]);
    });
});
