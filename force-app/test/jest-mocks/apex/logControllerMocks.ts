/**
 * The PresenceSyncLogController methods the log reader calls, as jest.fns. Import it before
 * anything that imports them: jest.mock registers the mocks when this module runs.
 * (`virtual: true`: the modules exist only in the org; Jest must not look for a file.)
 */
jest.mock('@salesforce/apex/PresenceSyncLogController.readLogs', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncLogController.searchAgents', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncLogController.purgeLogs', () => ({ default: jest.fn() }), {
    virtual: true
});

export {};
