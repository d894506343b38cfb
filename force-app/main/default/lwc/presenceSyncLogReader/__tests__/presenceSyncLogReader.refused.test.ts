import '../../../../../test/jest-mocks/apex/logControllerMocks';
import { createElement } from 'lwc';
import PresenceSyncLogReader from 'c/presenceSyncLogReader';
import readLogs from '@salesforce/apex/PresenceSyncLogController.readLogs';
import searchAgents from '@salesforce/apex/PresenceSyncLogController.searchAgents';
import { AGENT_USER_ID } from '../../../../../test/jest-mocks/apex/fixtures';

// The running user lacks the custom permission (its own file: the import is read once per module load).
jest.mock(
    '@salesforce/customPermission/Presence_Sync_View_Logs',
    () => ({ __esModule: true, default: false }),
    {
        virtual: true
    }
);

describe('without the view-logs permission', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('says which permission is missing, offers no controls and reads nothing', async () => {
        const element = createElement('c-presence-sync-log-reader', { is: PresenceSyncLogReader });
        Object.assign(element, { agentId: AGENT_USER_ID, agentName: 'Avery Agent' });
        document.body.appendChild(element);
        await Promise.resolve();

        const refusal = element.shadowRoot!.querySelector('.refusal');
        expect(refusal?.getAttribute('role')).toBe('alert');
        expect(refusal?.textContent).toContain('You cannot read Presence Sync logs');
        expect(refusal?.textContent).toContain('Presence Sync Supervisor permission set');
        expect(element.shadowRoot!.querySelector('lightning-input')).toBeNull();
        expect(element.shadowRoot!.querySelector('lightning-button')).toBeNull();
        expect(readLogs).not.toHaveBeenCalled();
        expect(searchAgents).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });
});
