import { resendUncloneableMessages } from 'c/presenceSyncStreamsConduit';
import type { StreamsWithConduit } from 'c/presenceSyncStreamsConduit';

/** A stand-in for Streams' WindowIOStream: `send` posts to `output` as 2.28.2 does. */
function streamsWith(postMessage: (message: unknown, domain: string) => void) {
    function WindowIOStream(this: { output: unknown; domain: string }) {
        this.output = { postMessage };
        this.domain = 'https://ccp.example';
    }
    WindowIOStream.prototype.send = function (this: { output: Window; domain: string }, message: unknown) {
        this.output.postMessage(message, this.domain);
    };
    const streams = { WindowIOStream } as unknown as StreamsWithConduit & {
        WindowIOStream: new () => { send(message: unknown): void };
    };
    return streams;
}

function dataCloneError(): Error {
    return Object.assign(new Error('#<Object> could not be cloned.'), { name: 'DataCloneError' });
}

describe('resendUncloneableMessages', () => {
    const realStructuredClone = globalThis.structuredClone;
    const cloned = { event: 'api_request', copy: true };

    beforeEach(() => {
        globalThis.structuredClone = jest.fn(() => cloned) as typeof structuredClone;
    });

    afterEach(() => {
        globalThis.structuredClone = realStructuredClone;
    });

    it('leaves a message the browser can clone alone', () => {
        const post = jest.fn();
        const streams = streamsWith(post);
        resendUncloneableMessages(streams);
        new streams.WindowIOStream().send({ event: 'synchronize' });
        expect(post).toHaveBeenCalledTimes(1);
        expect(post).toHaveBeenCalledWith({ event: 'synchronize' }, 'https://ccp.example');
        expect(globalThis.structuredClone).not.toHaveBeenCalled();
    });

    it('sends a message the browser could not clone again as a structured clone', () => {
        const message = { event: 'api_request' };
        const post = jest.fn().mockImplementationOnce(() => {
            throw dataCloneError();
        });
        const streams = streamsWith(post);
        resendUncloneableMessages(streams);
        new streams.WindowIOStream().send(message);
        expect(globalThis.structuredClone).toHaveBeenCalledWith(message);
        expect(post).toHaveBeenLastCalledWith(cloned, 'https://ccp.example');
        expect(post).toHaveBeenCalledTimes(2);
    });

    it('lets other failures through without sending twice', () => {
        const post = jest.fn(() => {
            throw new TypeError('output is gone');
        });
        const streams = streamsWith(post);
        resendUncloneableMessages(streams);
        expect(() => new streams.WindowIOStream().send({ event: 'x' })).toThrow('output is gone');
        expect(post).toHaveBeenCalledTimes(1);
    });

    it('reports a message that cannot be cloned at all', () => {
        const post = jest.fn(() => {
            throw dataCloneError();
        });
        globalThis.structuredClone = jest.fn(() => {
            throw dataCloneError();
        }) as typeof structuredClone;
        const streams = streamsWith(post);
        resendUncloneableMessages(streams);
        expect(() => new streams.WindowIOStream().send({ event: 'x', f: () => 1 })).toThrow(
            'could not be cloned'
        );
        expect(post).toHaveBeenCalledTimes(1);
    });

    it('wraps a Streams instance once however often the port starts', () => {
        const post = jest.fn().mockImplementationOnce(() => {
            throw dataCloneError();
        });
        const streams = streamsWith(post);
        resendUncloneableMessages(streams);
        resendUncloneableMessages(streams);
        new streams.WindowIOStream().send({ event: 'configure' });
        expect(post).toHaveBeenCalledTimes(2);
    });

    it('does nothing to a Streams without the window stream', () => {
        expect(() => resendUncloneableMessages({})).not.toThrow();
    });
});
