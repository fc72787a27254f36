const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config')

// sfdx-lwc-jest sets rootDir to the working directory and no roots/testMatch of its own: without
// `roots` it would also collect the monorepo's other test files. Fixtures stay as JSON, so nothing
// under __tests__/data is mistaken for a test suite.
module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  testPathIgnorePatterns: [...(jestConfig.testPathIgnorePatterns ?? []), '/__tests__/data/'],
  modulePathIgnorePatterns: ['<rootDir>/.sf/', '<rootDir>/.sfdx/'],
  moduleNameMapper: {
    ...(jestConfig.moduleNameMapper ?? {}),
    '^test-utils$': '<rootDir>/jest/test-utils.js',
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest/setup-labels.js'],
  testTimeout: 10000,
}
