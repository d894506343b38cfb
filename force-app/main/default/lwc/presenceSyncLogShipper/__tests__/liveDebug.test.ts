import { DEBUG_CHANNEL, LiveDebug } from 'c/presenceSyncLogShipper';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';

const ME = '005Hs00000AbCdEFGH';

async function listening(live = true): Promise<{ debug: LiveDebug; applied: Array<number | null> }> {
    const applied: Array<number | null> = [];
    const debug = new LiveDebug({ userId: ME, apply: (until) => applied.push(until) });
    debug.start({ debugUntil: null, debugSetAt: null }, live);
    await Promise.resolve();
    return { debug, applied };
}

afterEach(() => emp.reset());

it('applies a supervisor switching it on for this agent, by 15- or 18-character id, and ignores other agents', async () => {
    const { applied } = await listening();
    emp.publish(DEBUG_CHANNEL, { User_Id__c: '005Hs00000ZzZzZAAA', Until_Ms__c: 5000, Set_At_Ms__c: 1 });
    emp.publish(DEBUG_CHANNEL, { User_Id__c: ME.slice(0, 15), Until_Ms__c: 9000, Set_At_Ms__c: 2 });
    expect(applied).toEqual([9000]);
});

it('lets a stop end it, and ignores an answer computed before the latest start or stop', async () => {
    const { debug, applied } = await listening();
    emp.publish(DEBUG_CHANNEL, { User_Id__c: ME, Until_Ms__c: 9000, Set_At_Ms__c: 100 });
    // A log call answered with the state of an earlier session.
    debug.answer({ accepted: 1, dropped: 0, debugUntil: 50, debugSetAt: 10 });
    debug.answer({ accepted: 1, dropped: 0, debugUntil: null, debugSetAt: null });
    emp.publish(DEBUG_CHANNEL, { User_Id__c: ME, Until_Ms__c: 150, Set_At_Ms__c: 150 });
    expect(applied).toEqual([9000, 150]);
});

it('without a live subscription, learns of it from the answers to log calls and heartbeats', async () => {
    const { debug, applied } = await listening(false);
    expect(emp.subscriberCount(DEBUG_CHANNEL)).toBe(0);
    debug.answer({ debugUntil: 9000, debugSetAt: 100 });
    expect(applied).toEqual([9000]);
});

it('takes the window a page loads with, and keeps syncing when streaming refuses the subscription', async () => {
    emp.refuseSubscriptions({ error: 'Organization concurrent user limit exceeded' });
    const applied: Array<number | null> = [];
    const debug = new LiveDebug({ userId: ME, apply: (until) => applied.push(until) });
    debug.start({ debugUntil: 9000, debugSetAt: 100 }, true);
    await Promise.resolve();
    expect(applied).toEqual([9000]);
    debug.stop();
    debug.answer({ debugUntil: 12000, debugSetAt: 200 });
    expect(applied).toEqual([9000]);
});
