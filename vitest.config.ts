import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run, started on a free port with a temporary data directory.
    globalSetup: ['tests/global-neo4j.ts'],
    // Integration tests share that database, so files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
