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
 * One profile's day as `{ at, act, args }` steps, `at` in ms from the start of the shift. `act`
 * names a workbench method: `connect.setState`, `connect.endCall`, `omni.setStatus`,
 * `omni.acceptWork`, `omni.setWorkload`, `omni.grant`, `omni.logout`.
 */
class AgentDay {
    constructor(profile, hours, seed) {
        this.profile = profile;
        this.hours = hours;
        this.random = generator(seed);
        this.steps = [];
        this.t = 0;
        this.workload = 0;
        /** The channels of the work in hand, oldest first. */
        this.open = [];
    }

    between(lo, hi) {
        return lo + Math.round(this.random() * (hi - lo));
    }

    at(act, ...args) {
        this.steps.push({ at: this.t, act, args });
    }

    wait(ms) {
        this.t += ms;
    }

    call() {
        this.at('connect.setState', 'PendingBusy');
        this.wait(this.between(5, 15) * 1000);
        this.at('connect.setState', 'Busy');
        this.wait(this.between(90, 240) * 1000);
        this.at('connect.setState', 'AfterCallWork');
        this.wait(this.between(20, 60) * 1000);
        this.at('connect.endCall');
        this.wait(this.between(15, 60) * 1000);
    }

    /** Omni-Channel routes a chat or a case while the agent has room, and work in hand closes. */
    digital() {
        if (this.open.length > 0 && (this.workload + 2 > CAPACITY * 0.8 || this.random() < 0.45)) {
            this.closeOne();
        } else {
            const channel = this.random() < 0.6 ? 'sfdc_chat' : 'sfdc_case';
            this.workload += UNITS[channel];
            this.open.push(channel);
            this.at('omni.acceptWork', channel);
        }
        this.wait(this.between(40, 110) * 1000);
    }

    closeOne() {
        this.workload -= UNITS[this.open.shift()];
        this.at('omni.setWorkload', this.workload, CAPACITY);
    }

    closeAll() {
        while (this.open.length > 0) {
            this.closeOne();
            this.wait(this.between(20, 40) * 1000);
        }
    }

    /**
     * Digital work is closed first; then the agent goes to Lunch in the CCP and back. On the
     * refused break the agent's presence configuration lacks Lunch (an admin's slip, put right
     * during the break): Omni-Channel refuses it, and the sync that went wrong is stored whole.
     */
    takeBreak(minutes, refused) {
        this.closeAll();
        if (refused) {
            this.at('omni.grant', 'Lunch', false);
        }
        this.at('connect.setState', 'Lunch');
        this.wait(minutes * MINUTE);
        if (refused) {
            this.at('omni.grant', 'Lunch', true);
        }
        this.at(this.random() < 0.5 ? 'connect.setState' : 'omni.setStatus', 'Available');
        this.wait(this.between(20, 60) * 1000);
    }

    /** Now and then the agent marks themselves Working - Media in the CCP, or picks a status in Omni-Channel. */
    manual() {
        const [act, working] =
            this.random() < 0.5
                ? ['connect.setState', 'Working - Media']
                : ['omni.setStatus', 'Working_Media'];
        this.at(act, working);
        this.wait(this.between(60, 180) * 1000);
        this.at(act, 'Available');
        this.wait(this.between(20, 60) * 1000);
    }

    /** What the agent does next, by profile. Blended closes the digital work in hand before a call. */
    next() {
        const r = this.random();
        if (this.profile === 'voice') {
            r < 0.9 ? this.call() : this.manual();
        } else if (this.profile === 'digital') {
            r < 0.9 ? this.digital() : this.manual();
        } else if (r < 0.3) {
            this.closeAll();
            this.call();
        } else {
            r < 0.92 ? this.digital() : this.manual();
        }
    }

    play() {
        const end = this.hours * 60 * MINUTE;
        const breaks = [2, 4, 6].map((h) => h * 60 * MINUTE);
        this.at('omni.setStatus', 'Available');
        this.wait(this.between(20, 40) * 1000);
        while (this.t < end - 10 * MINUTE) {
            if (breaks.length > 0 && this.t >= breaks[0]) {
                const lunch = breaks.shift() === 4 * 60 * MINUTE;
                this.takeBreak(lunch ? 30 : 15, lunch);
            } else {
                this.next();
            }
        }
        while (this.open.length > 0) {
            this.closeOne();
            this.wait(20 * 1000);
        }
        this.at('omni.logout');
        this.wait(2 * MINUTE);
        return { profile: this.profile, hours: this.hours, steps: this.steps, endsAt: Math.max(this.t, end) };
    }
}

/** The three days bench:org plays: a voice agent, a digital agent and a blended one. */
export function agentDays(hours = 8) {
    return [
        new AgentDay('voice', hours, 14).play(),
        new AgentDay('digital', hours, 15).play(),
        new AgentDay('blended', hours, 16).play()
    ];
}
