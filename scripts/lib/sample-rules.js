// Turns the sample rules, kept in the engine's rule JSON (what the rule builder imports and
// exports), into `sf data import tree` files for the rule objects. The JSON stays the single
// source; the tree files are generated at set-up time so they can never drift from it.
// CommonJS so that both the .mjs org scripts and a Jest test can load it.
const RULE_SET_OBJECT = 'Presence_Sync_Rule_Set__c';
const RULE_OBJECT = 'Presence_Sync_Rule__c';

/** Engine rule property → field API name on Presence_Sync_Rule__c. */
const RULE_FIELDS = {
    name: 'Name',
    active: 'Active__c',
    order: 'Order__c',
    source: 'Source__c',
    operandA: 'Operand_A__c',
    operandAValue: 'Operand_A_Value__c',
    comparator: 'Comparator__c',
    operandB: 'Operand_B__c',
    operandBValue: 'Operand_B_Value__c',
    destination: 'Destination__c',
    destinationValue: 'Destination_Value__c'
};

/** Rule set property → field API name on Presence_Sync_Rule_Set__c. */
const RULE_SET_FIELDS = {
    name: 'Name',
    description: 'Description__c',
    isDefault: 'Is_Default__c'
};

// The CLI recognises references of the form @<Object>Ref<n> (as `sf data export tree` writes them).
const RULE_SET_REF = `${RULE_SET_OBJECT}Ref1`;

function pick(source, fields) {
    const record = {};
    for (const [property, field] of Object.entries(fields)) {
        if (source[property] !== undefined && source[property] !== null && source[property] !== '') {
            record[field] = source[property];
        }
    }
    return record;
}

/**
 * `sample` is the content of sample-config/data/seed-rules.json. Returns the plan and the data
 * files (file name → JSON value) for `sf data import tree --plan`.
 */
function toImportTree(sample) {
    if (!sample || !sample.ruleSet || !Array.isArray(sample.rules) || sample.rules.length === 0) {
        throw new Error('The sample rules file needs a "ruleSet" object and a non-empty "rules" list.');
    }
    const ruleSetFile = `${RULE_SET_OBJECT}.json`;
    const ruleFile = `${RULE_OBJECT}.json`;
    const ruleSets = {
        records: [
            {
                attributes: { type: RULE_SET_OBJECT, referenceId: RULE_SET_REF },
                ...pick(sample.ruleSet, RULE_SET_FIELDS)
            }
        ]
    };
    const rules = {
        records: sample.rules.map((rule, index) => ({
            attributes: { type: RULE_OBJECT, referenceId: `${RULE_OBJECT}Ref${index + 1}` },
            Rule_Set__c: `@${RULE_SET_REF}`,
            ...pick(rule, RULE_FIELDS)
        }))
    };
    // Order matters: the rules' @reference is resolved from the rule set created before them.
    const planSteps = [
        { sobject: RULE_SET_OBJECT, files: [ruleSetFile] },
        { sobject: RULE_OBJECT, files: [ruleFile] }
    ];
    return { plan: planSteps, files: { [ruleSetFile]: ruleSets, [ruleFile]: rules } };
}

module.exports = { RULE_FIELDS, RULE_SET_FIELDS, RULE_OBJECT, RULE_SET_OBJECT, toImportTree };
