/** Tests are TypeScript, run as ES modules (execa, node-plop and change-case are ESM only). */
export default {
  testEnvironment: "node",
  // No soft deletion of what a test file left on the global scope: jest 30's "soft" mode wraps such a property in a
  // setter that calls itself (jestjs/jest#16044, #16443, open), so a later file that writes to it fails with "Maximum
  // call stack size exceeded" before any test runs; which file depends on the order, so CI failed on one or another.
  testEnvironmentOptions: { globalsCleanup: "off" },
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } }],
  },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
  // Fixture repositories carry their own tests, for their own runners.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/fixtures/"],
  testTimeout: 120000,
  // Every temporary folder of a run (the tests' and the CLI runs' they start) goes in one folder removed at the end.
  globalSetup: "<rootDir>/__tests__/support/global-setup.mjs",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.mjs",
};
