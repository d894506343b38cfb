/**
 * The emulated org for its own tests: a fresh seed whose store keeps a copy of what it saves (as
 * the workbench server's file does) and whose platform events are recorded.
 */
import { EmulatedOrg } from './emulators/org';
import type { OrgData } from './emulators/org';

export type Published = Array<[string, Record<string, unknown>]>;

export interface RecordingOrg {
    org: EmulatedOrg;
    /** Channel and payload of every platform event, in order. */
    published: Published;
    /** What the store holds now. */
    saved(): OrgData | null;
}

export function recordingOrg(): RecordingOrg {
    const published: Published = [];
    let stored: OrgData | null = null;
    const org = new EmulatedOrg({
        store: { load: () => stored, save: (d) => (stored = JSON.parse(JSON.stringify(d))) },
        publish: (channel, payload) => published.push([channel, payload]),
        ccpUrl: 'http://localhost:3333/ccp-v2/'
    });
    return { org, published, saved: () => stored };
}
