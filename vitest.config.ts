import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two projects, one command: unit tests need no database, so Neo4j starts only when a test
    // file of the second project is selected (vitest runs a project's global setup only then).
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // First, when the run holds a browser test, Chromium and a Chinese font are there (else it stops
          // with one line saying what to install); then one real Neo4j for the whole run, started on a
          // free port with a temporary data directory.
          globalSetup: ['tests/global-browser.ts', 'tests/global-neo4j.ts'],
          // Integration tests share that database, so files run one after another, after the unit tests.
          fileParallelism: false,
          // Starting a Neo4j (some tests start their own) takes minutes when the 2 cores are busy.
          testTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
