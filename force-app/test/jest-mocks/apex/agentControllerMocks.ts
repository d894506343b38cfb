/**
 * The PresenceSyncAgentController methods as jest.fns, for the agent component's tests. Import it
 * before anything that imports the controller's methods: jest.mock registers the mocks when this
 * module runs. (`virtual: true`: the modules exist only in the org; Jest must not look for a file.)
 */
jest.mock(
    '@salesforce/apex/PresenceSyncAgentController.getAgentConfiguration',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PresenceSyncAgentController.writeLogEntries', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncAgentController.reportAgentState', () => ({ default: jest.fn() }), {
    virtual: true
});

export {};
