/**
 * Every PresenceSyncRuleController method as a jest.fn, for the rule builder's tests. Import it
 * before anything that imports the controller's methods: jest.mock registers the mocks when this
 * module runs. (`virtual: true`: the modules exist only in the org; Jest must not look for a file.)
 */
jest.mock('@salesforce/apex/PresenceSyncRuleController.getRuleBuilderData', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.getRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.deleteRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.setRulesActive', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.reorderRules', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.saveRuleBatch', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.deleteRuleSet', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PresenceSyncRuleController.searchAssignees', () => ({ default: jest.fn() }), {
    virtual: true
});

export {};
