const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const { execFileSync } = require('node:child_process');

const mocks = '<rootDir>/force-app/test/jest-mocks';

// Under CI the property tests draw their scenarios from the commit (see force-app/test/propertyRuns.ts):
// running CI again on the same commit plays the same scenarios; each new commit plays new ones.
if (process.env.CI && !process.env.PROPERTY_SEED) {
    try {
        const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: __dirname, encoding: 'utf8' });
        process.env.PROPERTY_SEED = String(parseInt(head.slice(0, 8), 16) | 0);
    } catch {
        // Not a git checkout: each run draws new scenarios.
    }
}

module.exports = {
    ...jestConfig,
    // TypeScript sources are the truth; the compiled .js beside them must never shadow them.
    moduleFileExtensions: ['ts', 'js', 'html', 'json'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.ci/', '<rootDir>/workbench/e2e/'],
    modulePathIgnorePatterns: ['<rootDir>/.sf/', '<rootDir>/.sfdx/'],
    moduleNameMapper: {
        '^lightning/platformUtilityBarApi$': `${mocks}/lightning/platformUtilityBarApi`,
        '^lightning/empApi$': `${mocks}/lightning/empApi`,
        '^lightning/toast$': `${mocks}/lightning/toast`,
        '^lightning/modal$': `${mocks}/lightning/modal`
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.ts'],
    collectCoverageFrom: [
        'force-app/main/default/lwc/**/*.ts',
        '!force-app/main/default/lwc/**/*.d.ts',
        '!force-app/main/default/lwc/**/__tests__/**'
    ],
    coverageThreshold: {
        './force-app/main/default/lwc/presenceSyncEngine/': { lines: 95 }
    }
};
