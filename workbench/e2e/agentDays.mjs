/**
 * Scripted agent days for `npm run bench:org`: what a contact-center agent does over a shift,
 * played in the workbench through `window.workbench` exactly as the e2e scenarios play it. Each
 * profile is a mix of calls (ringing, talking, after-call work), digital work routed by
 * Omni-Channel (chats and cases raising and lowering the workload), breaks and manual changes on
 * either side, drawn from a seeded generator so every run plays the same day. About 50 to 60
 * state changes an hour, as the contact center has, and one refusal a day (the lunch
 * break, while Lunch is missing from the agent's presence configuration).
 */
import { row } from './steps.mjs';

/**
 * A contact center's rules: Available and Lunch kept in step both ways, a call makes Omni-Channel
 * Working – Phone, Working – Media both ways, an Omni-Channel logout logs Connect out, and a
 * workload of 80 % or more moves Connect to Working – Media.
 */
export const CONTACT_CENTER_RULES = [
    ...row('available', 'Available', 'Available', 'BiDirectional', 10),
    ...row('lunch', 'Lunch', 'Lunch', 'BiDirectional', 20),
    ...row('call', 'Busy', 'Working_Phone', 'Publisher', 30),
    ...row('media', 'Working - Media', 'Working_Media', 'BiDirectional', 40),
    ...row('offline', 'Offline', 'Offline', 'Subscriber', 50),
    {
        id: 'busy-workload',
        name: 'Omni-Channel workload 80 % or more sets Connect Working - Media',
        active: true,
        order: 60,
        source: 'SalesforceWorkloadChanged',
        operandA: 'SalesforceNewWorkloadPct',
        comparator: 'GreaterThanOrEqual',
        operandB: 'StaticValue',
        operandBValue: '80',
        destination: 'ConnectAgentState',
        destinationValue: 'Working - Media'
    }
];

const MINUTE = 60_000;
const CAPACITY = 10;
/** Workload units of a work item per channel (omniCatalogue). */
const UNITS = { sfdc_chat: 2, sfdc_case: 1 };

/** mulberry32: a small seeded generator, so that a profile plays the same day every run. */
function generator(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * Builds one profile's day: `{ at, act, args }` steps, `at` in ms from the start of the shift.
 * `act` names a workbench method: `connect.setState`, `connect.endCall`, `omni.setStatus`,
 * `omni.acceptWork`, `omni.setWorkload`, `omni.logout`.
 */
function dayOf(profile, hours, seed) {
    const random = generator(seed);
    const between = (lo, hi) => lo + Math.round(random() * (hi - lo));
    const end = hours * 60 * MINUTE;
    const steps = [];
    let t = 0;
    const at = (act, ...args) => steps.push({ at: t, act, args });
    const wait = (ms) => (t += ms);

    at('omni.setStatus', 'Available');
    wait(between(20, 40) * 1000);
    const breaks = [2, 4, 6].map((h) => h * 60 * MINUTE);
    let workload = 0;
    const open = [];

    const call = () => {
        at('connect.setState', 'PendingBusy');
        wait(between(5, 15) * 1000);
        at('connect.setState', 'Busy');
        wait(between(90, 240) * 1000);
        at('connect.setState', 'AfterCallWork');
        wait(between(20, 60) * 1000);
        at('connect.endCall');
        wait(between(15, 60) * 1000);
    };
    const digital = () => {
        // Omni-Channel routes a chat or a case while the agent has room, and work in hand closes.
        if (open.length > 0 && (workload + 2 > CAPACITY * 0.8 || random() < 0.45)) {
            const channel = open.shift();
            workload -= UNITS[channel];
            at('omni.setWorkload', workload, CAPACITY);
        } else {
            const channel = random() < 0.6 ? 'sfdc_chat' : 'sfdc_case';
            workload += UNITS[channel];
            open.push(channel);
            at('omni.acceptWork', channel);
        }
        wait(between(40, 110) * 1000);
    };
    const closeAll = () => {
        while (open.length > 0) {
            workload -= UNITS[open.shift()];
            at('omni.setWorkload', workload, CAPACITY);
            wait(between(20, 40) * 1000);
        }
    };
    const takeBreak = (minutes, refused) => {
        // Digital work is closed first; then the agent goes to Lunch in the CCP and back. On the
        // refused break the agent's presence configuration lacks Lunch (an admin's slip, put right
        // during the break): Omni-Channel refuses it, and the sync that went wrong is stored whole.
        closeAll();
        if (refused) {
            at('omni.grant', 'Lunch', false);
        }
        at('connect.setState', 'Lunch');
        wait(minutes * MINUTE);
        if (refused) {
            at('omni.grant', 'Lunch', true);
        }
        at(random() < 0.5 ? 'connect.setState' : 'omni.setStatus', 'Available');
        wait(between(20, 60) * 1000);
    };
    const manual = () => {
        // Now and then the agent marks themselves Working - Media in the CCP, or picks a status in Omni-Channel.
        if (random() < 0.5) {
            at('connect.setState', 'Working - Media');
            wait(between(60, 180) * 1000);
            at('connect.setState', 'Available');
        } else {
            at('omni.setStatus', 'Working_Media');
            wait(between(60, 180) * 1000);
            at('omni.setStatus', 'Available');
        }
        wait(between(20, 60) * 1000);
    };

    while (t < end - 10 * MINUTE) {
        if (breaks.length > 0 && t >= breaks[0]) {
            const lunch = breaks.shift() === 4 * 60 * MINUTE;
            takeBreak(lunch ? 30 : 15, lunch);
            continue;
        }
        const r = random();
        if (profile === 'voice') {
            r < 0.9 ? call() : manual();
        } else if (profile === 'digital') {
            r < 0.9 ? digital() : manual();
        } else if (r < 0.3) {
            // Blended: the digital work in hand is closed before a call (Omni-Channel goes Working – Phone).
            closeAll();
            call();
        } else {
            r < 0.92 ? digital() : manual();
        }
    }
    while (open.length > 0) {
        workload -= UNITS[open.shift()];
        at('omni.setWorkload', workload, CAPACITY);
        wait(20 * 1000);
    }
    at('omni.logout');
    wait(2 * MINUTE);
    return { profile, hours, steps, endsAt: Math.max(t, end) };
}

/** The three days bench:org plays: a voice agent, a digital agent and a blended one. */
export function agentDays(hours = 8) {
    return [dayOf('voice', hours, 14), dayOf('digital', hours, 15), dayOf('blended', hours, 16)];
}
