import { createElement } from 'lwc';
import PresenceSyncHealthCheck from 'c/presenceSyncHealthCheck';
import getHealthReport from '@salesforce/apex/PresenceSyncHealthController.getHealthReport';
import schedulePurge from '@salesforce/apex/PresenceSyncHealthController.schedulePurge';
import { toasts } from '../../../../../test/jest-mocks/lightning/toast';
import { emp } from '../../../../../test/jest-mocks/lightning/empApi';
import {
    buildApexError,
    buildRule,
    buildRuleSets,
    fakeId
} from '../../../../../test/jest-mocks/apex/fixtures';
import {
    HEALTH_CHECK_IDS,
    HEALTH_CHECK_WORDING,
    buildHealthReport,
    buildRulesByRuleSet
} from '../../../../../test/jest-mocks/apex/healthFixtures';
import type { HealthColour } from 'presence-sync/contracts';

jest.mock('@salesforce/apex/PresenceSyncHealthController.getHealthReport', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncHealthController.schedulePurge', () => ({ default: jest.fn() }), {
    virtual: true
});

// Generates tab addresses that show what was asked for, so the test can check the page reference.
jest.mock('lightning/navigation', () => {
    const GenerateUrl = Symbol('GenerateUrl');
    const Navigate = Symbol('Navigate');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [GenerateUrl](ref: { attributes: { apiName: string }; state: Record<string, string> }) {
                return Promise.resolve(
                    `/lightning/n/${ref.attributes.apiName}?${new URLSearchParams(ref.state).toString()}`
                );
            }
            [Navigate]() {}
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { GenerateUrl, Navigate }) };
});

let element: HTMLElement;

async function flush(): Promise<void> {
    // One macrotask: the Apex promise settles, then the component re-renders.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    await new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(): Promise<void> {
    element = createElement('c-presence-sync-health-check', { is: PresenceSyncHealthCheck });
    document.body.appendChild(element);
    await flush();
}

function $(selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function $$(selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    toasts.reset();
});

const ICONS: Record<HealthColour, [icon: string, word: string]> = {
    green: ['utility:success', 'OK'],
    amber: ['utility:warning', 'Warning'],
    red: ['utility:error', 'Problem']
};

describe('org checks', () => {
    const cases = HEALTH_CHECK_IDS.flatMap((id) =>
        (['green', 'amber', 'red'] as const)
            .filter((colour) => HEALTH_CHECK_WORDING[id][colour] !== undefined)
            .map((colour) => [id, colour] as const)
    );

    it.each(cases)('shows %s as %s with its reason, and a fix unless green', async (id, colour) => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport({ colours: { [id]: colour } }));
        await mount();
        const row = $(`li[data-id="${id}"]`)!;
        expect(row.dataset.status).toBe(colour);
        const icon = row.querySelector('lightning-icon') as HTMLElement & {
            iconName: string;
            alternativeText: string;
        };
        expect([icon.iconName, icon.alternativeText]).toEqual(ICONS[colour]);
        expect(row.querySelector('.check-word')!.textContent).toBe(ICONS[colour][1]);
        const wording = HEALTH_CHECK_WORDING[id][colour]!;
        expect(row.querySelector('.check-reason')!.textContent).toBe(wording.reason);
        const fix = wording.fix;
        expect(row.querySelector('.check-fix')?.textContent ?? null).toBe(
            fix === null ? null : `Fix: ${fix}`
        );
        expect(fix === null).toBe(colour === 'green');
        // The other checks stay green.
        const all = HEALTH_CHECK_IDS.length;
        expect($$('li.check-green')).toHaveLength(colour === 'green' ? all : all - 1);
    });

    it('sums up at a glance, coloured by the worst check', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        expect($('.summary')!.textContent).toBe('All 13 checks passed: sync is healthy.');
        expect($('.overall')!.className).toContain('slds-theme_success');
        expect($('.announcement')!.textContent).toBe(
            'Health check updated. All 13 checks passed: sync is healthy.'
        );

        jest.mocked(getHealthReport).mockResolvedValue(
            buildHealthReport({
                colours: { 'csp-trusted-site': 'red', 'agent-permissions': 'red', 'log-volume': 'amber' }
            })
        );
        ($('lightning-button.refresh') as HTMLElement).click();
        await flush();
        expect($('.summary')!.textContent).toBe('2 problems and 1 warning need attention.');
        expect($('.overall')!.className).toContain('slds-theme_error');
    });

    it('validates active rules with the engine too', async () => {
        const rules = buildRulesByRuleSet();
        const [, team] = buildRuleSets();
        rules[team.id] = [
            buildRule({
                id: fakeId('a0C', 30),
                name: 'Half-finished rule',
                ruleSetId: team.id,
                destinationValue: ''
            })
        ];
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport({ rulesByRuleSet: rules }));
        await mount();
        const row = $('li[data-id="rules-valid"]')!;
        expect(row.dataset.status).toBe('red');
        expect(row.querySelector('.check-reason')!.textContent).toContain(
            '"Half-finished rule" (Phone team)'
        );
    });

    it('offers to schedule the purge when it is not, then checks again', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(
            buildHealthReport({
                colours: { 'purge-job': 'amber' },
                logStats: {
                    entries24h: 1234,
                    errors24h: 5,
                    retentionDays: 14,
                    summaryRetentionDays: 1,
                    purgeScheduled: false
                }
            })
        );
        jest.mocked(schedulePurge).mockResolvedValue(undefined);
        await mount();
        expect($$('lightning-button.schedule-purge')).toHaveLength(1);
        expect($('li[data-id="purge-job"] lightning-button.schedule-purge')).not.toBeNull();

        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        ($('lightning-button.schedule-purge') as HTMLElement).click();
        await flush();
        expect(schedulePurge).toHaveBeenCalledTimes(1);
        expect(toasts.shown()).toEqual([
            expect.objectContaining({ label: 'Purge scheduled', variant: 'success' })
        ]);
        expect(getHealthReport).toHaveBeenCalledTimes(2);
        expect($('lightning-button.schedule-purge')).toBeNull();
        expect($('li[data-id="purge-job"]')!.dataset.status).toBe('green');
    });

    it('explains a refused purge schedule in plain words', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(
            buildHealthReport({
                logStats: {
                    entries24h: 0,
                    errors24h: 0,
                    retentionDays: 14,
                    summaryRetentionDays: 1,
                    purgeScheduled: false
                }
            })
        );
        jest.mocked(schedulePurge).mockRejectedValue(
            buildApexError('Scheduling the purge needs the Presence_Sync_Administer_Rules custom permission.')
        );
        await mount();
        ($('lightning-button.schedule-purge') as HTMLElement).click();
        await flush();
        expect($('.error-text')!.textContent).toBe(
            'The purge job could not be scheduled: Scheduling the purge needs the Presence_Sync_Administer_Rules custom permission.'
        );
    });

    it('shows why the report could not be read', async () => {
        jest.mocked(getHealthReport).mockRejectedValue(
            buildApexError(
                'The health check needs the Presence_Sync_View_Logs or Presence_Sync_Administer_Rules custom permission. Ask your admin for the Presence Sync Supervisor permission set.'
            )
        );
        await mount();
        expect($('.error-text')!.getAttribute('role')).toBe('alert');
        expect($('.error-text')!.textContent).toContain('Presence Sync Supervisor permission set');
        expect($('ul.checks')).toBeNull();
    });
});

describe('actively synced statuses', () => {
    it('lists each synced pair with its direction, per rule set and whom it applies to, in three columns', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        const groups = $$('.synced-group').map((group) => ({
            heading: group.querySelector('h4')!.textContent!.trim(),
            appliesTo: group.querySelector('.applies-to')!.textContent!.trim(),
            rows: Array.from(group.querySelectorAll('tbody tr')).map((tr) =>
                Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent!.trim())
            )
        }));
        expect(groups).toEqual([
            {
                heading: 'Default presence sync rules',
                appliesTo: 'Applies to: Everyone without a more specific rule set',
                rows: [
                    ['Available', 'Available', 'Bi-directional'],
                    ['Working - Phone', 'Working_Phone', 'Publisher (Connect to Salesforce)'],
                    ['Working - Media', 'Working_Media', 'Subscriber (Salesforce to Connect)']
                ]
            },
            {
                heading: 'Phone team',
                appliesTo: 'Applies to: Phone Team (team), Blake Backup (User)',
                rows: [['Lunch', 'Lunch', 'Publisher (Connect to Salesforce)']]
            }
        ]);
        expect($$('table.synced').every((t) => t.classList.contains('slds-table_fixed-layout'))).toBe(true);
    });

    it('says when nothing is synced', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport({ rulesByRuleSet: {} }));
        await mount();
        expect($('table.synced')).toBeNull();
        expect($('.no-synced')!.textContent).toBe('No active rule syncs any status yet.');
    });
});

describe('live agents', () => {
    it('shows who runs sync now, both states, in sync or not, last sync, last error, paused', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        expect($('.live-summary')!.textContent).toBe(
            '2 agents run sync now; 1 out of sync or paused. Each reports within seconds of a problem and at least every 5 minutes; one not heard from for 11 minutes is shown as not seen.'
        );
        const agents = $$('li.live-agent').map((li) => ({
            name: li.querySelector('.log-link')!.textContent,
            ...Object.fromEntries(
                Array.from(li.querySelectorAll('[data-field]')).map((f) => [
                    (f as HTMLElement).dataset.field,
                    f.textContent!.trim()
                ])
            )
        }));
        expect(agents).toEqual([
            {
                name: 'Blake Backup',
                sync: 'Paused',
                connect: 'Lunch',
                omni: 'Available',
                'last-sync': '4 min ago',
                paused: 'Paused by the flapping guard',
                heartbeat: '20 s ago',
                error: 'Omni-Channel refused Lunch: the status is not available to this user.'
            },
            {
                name: 'Avery Agent',
                sync: 'In sync',
                connect: 'Available',
                omni: 'Available',
                'last-sync': '4 min ago',
                paused: 'No',
                heartbeat: '20 s ago'
            }
        ]);
    });

    it('links each agent to their trace in the log reader', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        const links = $$('.live-agents a.log-link');
        expect(links.map((a) => a.textContent)).toEqual(['Blake Backup', 'Avery Agent']);
        const href = new URL(links[1].getAttribute('href')!, 'https://org.example');
        expect(href.pathname).toBe('/lightning/n/Presence_Sync_Log_Reader');
        expect(href.searchParams.get('c__agentId')).toBe(buildHealthReport().liveAgents[0].userId);
        expect(href.searchParams.get('c__agentName')).toBe('Avery Agent');
        expect(links[1].getAttribute('title')).toBe('Open the log reader for Avery Agent');
    });

    it('says when nobody runs sync', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport({ liveAgents: [] }));
        await mount();
        expect($('.no-live')!.textContent).toContain('No agent is running sync right now.');
    });
});

describe('checking again by itself', () => {
    afterEach(() => {
        jest.useRealTimers();
    });

    it('checks again when rules change elsewhere on the page, once per burst of changes', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        expect(getHealthReport).toHaveBeenCalledTimes(1);
        jest.mocked(getHealthReport).mockResolvedValue(
            buildHealthReport({ colours: { 'agent-rule-sets': 'red' } })
        );
        emp.publish('/event/Presence_Sync_Rules_Changed__e', { RuleSetId__c: 'a0B1' });
        emp.publish('/event/Presence_Sync_Rules_Changed__e', { RuleSetId__c: 'a0B2' });
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        await new Promise((resolve) => setTimeout(resolve, 600));
        await flush();
        expect(getHealthReport).toHaveBeenCalledTimes(2);
        expect($('li[data-id="agent-rule-sets"]')!.dataset.status).toBe('red');
    });

    it('checks again every refreshSeconds while the page is visible, and stops when it is gone', async () => {
        jest.useFakeTimers();
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        element = createElement('c-presence-sync-health-check', { is: PresenceSyncHealthCheck });
        (element as HTMLElement & { refreshSeconds: number }).refreshSeconds = 30;
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        expect(getHealthReport).toHaveBeenCalledTimes(1);
        await jest.advanceTimersByTimeAsync(30_000);
        expect(getHealthReport).toHaveBeenCalledTimes(2);
        expect($('.generated')!.textContent).toContain(
            'checks again by itself when rules change and every 30 s'
        );
        document.body.removeChild(element);
        expect(emp.subscriberCount('/event/Presence_Sync_Rules_Changed__e')).toBe(0);
        await jest.advanceTimersByTimeAsync(60_000);
        expect(getHealthReport).toHaveBeenCalledTimes(2);
    });

    it('keeps the last report when a later check fails, and clears the error when one works again', async () => {
        jest.mocked(getHealthReport).mockResolvedValue(buildHealthReport());
        await mount();
        jest.mocked(getHealthReport).mockRejectedValueOnce(buildApexError('Request timed out.'));
        ($('lightning-button.refresh') as HTMLElement).click();
        await flush();
        expect($('.error-text')!.textContent).toMatch(
            /^Could not check again, so this is the report of .*: Request timed out\.$/
        );
        expect($('ul.checks')).not.toBeNull();
        ($('lightning-button.refresh') as HTMLElement).click();
        await flush();
        expect($('.error-text')).toBeNull();
    });
});

it('is accessible', async () => {
    jest.mocked(getHealthReport).mockResolvedValue(
        buildHealthReport({ colours: { 'ccp-url': 'red', 'purge-job': 'amber' } })
    );
    await mount();
    await expect(element).toBeAccessible();
});
