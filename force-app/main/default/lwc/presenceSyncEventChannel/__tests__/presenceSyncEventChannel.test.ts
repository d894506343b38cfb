import { EventChannel } from 'c/presenceSyncEventChannel';
import type { EmpMessage } from 'lightning/empApi';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';

const CHANNEL = '/event/Presence_Sync_Debug__e';

afterEach(() => emp.reset());

describe('a platform-event channel', () => {
    it('hands each new event to its owner until it stops, then holds no streaming client', async () => {
        const received: EmpMessage[] = [];
        const channel = new EventChannel(CHANNEL);
        await channel.start((message) => received.push(message));
        emp.publish(CHANNEL, { User_Id__c: '005A' });
        channel.stop();
        emp.publish(CHANNEL, { User_Id__c: '005B' });
        await Promise.resolve();
        expect(received.map((m) => m.data.payload.User_Id__c)).toEqual(['005A']);
        expect(emp.subscriberCount(CHANNEL)).toBe(0);
    });

    it('lets go of a subscription empApi completes after its owner stopped', async () => {
        const channel = new EventChannel(CHANNEL);
        const starting = channel.start(() => undefined);
        channel.stop();
        await starting;
        await Promise.resolve();
        expect(emp.subscriberCount(CHANNEL)).toBe(0);
    });

    it('says so when empApi refuses the subscription', async () => {
        emp.refuseSubscriptions(new Error('no streaming clients left'));
        await expect(new EventChannel(CHANNEL).start(() => undefined)).rejects.toThrow(
            'no streaming clients left'
        );
    });
});
