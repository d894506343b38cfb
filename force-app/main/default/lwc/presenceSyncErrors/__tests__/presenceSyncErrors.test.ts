import { reduceErrors } from 'c/presenceSyncErrors';

describe('reduceErrors', () => {
    it('reads the message of an AuraHandledException body', () => {
        expect(
            reduceErrors({ body: { message: 'You need the Presence Sync Admin permission set.' } })
        ).toEqual(['You need the Presence Sync Admin permission set.']);
    });

    it('prefers page and field errors of a DML failure over the generic message', () => {
        const error = {
            body: {
                message: 'Insert failed',
                pageErrors: [{ message: 'Rule set is locked' }],
                fieldErrors: { Name: [{ message: 'Name is required' }] }
            }
        };
        expect(reduceErrors(error)).toEqual(['Rule set is locked', 'Name is required']);
    });

    it('reads the messages of a list of bodies from a wire', () => {
        expect(reduceErrors({ body: [{ message: 'First' }, { message: 'Second' }] })).toEqual([
            'First',
            'Second'
        ]);
    });

    it('reads the message out of Streams JSON error text', () => {
        const text = JSON.stringify({ type: 'InvalidStateException', message: 'Agent is on a contact' });
        expect(reduceErrors(text)).toEqual(['Agent is on a contact']);
        expect(reduceErrors(new Error(JSON.stringify({ type: 'AccessDenied' })))).toEqual(['AccessDenied']);
    });

    it('keeps plain errors and strings, without repeats', () => {
        expect(reduceErrors([new Error('Timed out'), 'Timed out', ' Status not granted '])).toEqual([
            'Timed out',
            'Status not granted'
        ]);
    });

    it('never leaves a real failure without words', () => {
        expect(reduceErrors({})).toHaveLength(1);
        expect(reduceErrors({})[0]).toMatch(/no details/);
        expect(reduceErrors(null)).toEqual([]);
    });

    it('falls back to a fetch status text', () => {
        expect(reduceErrors({ statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    });
});
