import { defineConfig } from 'vitest/config';

// `vitest run tests/unit` (every filter naming unit tests) needs no database: Neo4j is started
// only when integration or browser tests may run, so `npm test` still runs everything.
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && !['run', 'watch', 'dev', 'related', 'bench'].includes(arg));
const unitOnly = filters.length > 0 && filters.every((filter) => filter.replace(/^\.\//, '').startsWith('tests/unit'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run, started on a free port with a temporary data directory.
    globalSetup: unitOnly ? [] : ['tests/global-neo4j.ts'],
    // Integration tests share that database, so files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
