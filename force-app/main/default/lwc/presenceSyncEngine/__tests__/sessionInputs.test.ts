import { eventForState, readActivity } from '../sessionInputs';

describe('session inputs', () => {
    it('keeps only well-typed activity fields', () => {
        expect(readActivity({ onContact: 'yes' as never, availabilityState: '', nextState: null })).toEqual({
            nextState: null
        });
    });

    it('turns a current state into the event of a change to it', () => {
        expect(eventForState('omni', 'Offline')).toEqual({
            type: 'SalesforceLogout',
            salesforceNewState: 'Offline'
        });
        expect(eventForState('connect', 'Lunch')).toEqual({
            type: 'ConnectStateChange',
            connectNewState: 'Lunch',
            connectOldState: 'Lunch'
        });
    });
});
