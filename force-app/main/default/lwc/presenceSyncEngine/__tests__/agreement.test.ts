import { adoptWishes, agreementWords, checkAgreement } from '../agreement';
import { compileRules } from '../evaluateRules';
import { expandMappings } from '../stateMappings';
import type { SideWriter } from '../writeScheduler';

const rules = compileRules(
    expandMappings([{ id: 'm', connectState: 'Lunch', salesforceStatus: 'Lunch', type: 'BiDirectional' }])
);

const idleWriter = (side: 'connect' | 'omni', known: string | null) =>
    ({ side, known, inFlight: null, waiting: null, deferred: null, target: null }) as unknown as SideWriter;

describe('agreement of the states at load', () => {
    it('says what each side’s state wants of the other, without writing', () => {
        const { wants, uncovered } = checkAgreement(rules, { connect: 'Lunch', omni: 'Available' });
        expect(wants.omni).toMatchObject({ value: 'Lunch' });
        expect(wants.connect).toBeUndefined();
        expect(uncovered).toBeNull();
    });

    it('names Connect’s state when no rule covers either side', () => {
        expect(checkAgreement(rules, { connect: 'Break', omni: 'Break' }).uncovered).toEqual({
            side: 'connect',
            state: 'Break'
        });
    });

    it('makes the wishes the idle sides’ targets and lists those not met', () => {
        const writers = { connect: idleWriter('connect', 'Lunch'), omni: idleWriter('omni', 'Available') };
        const { wants } = checkAgreement(rules, { connect: 'Lunch', omni: 'Available' });
        const unmet = adoptWishes(writers, wants, rules, { correlationId: 'c1' });
        expect(unmet).toEqual(['Omni-Channel Lunch']);
        expect(writers.omni.target).toMatchObject({ value: 'Lunch', correlationId: 'c1' });
        expect(writers.connect.target).toBeNull();
        expect(agreementWords('Start-up', unmet)).toBe(
            'Start-up: the current states are kept as they are; the rules want Omni-Channel Lunch; nothing is written until a side changes or Sync now.'
        );
        expect(agreementWords('New rules', [])).toBe(
            'New rules: the current states are kept as they are; the two sides agree with the rules.'
        );
    });
});
