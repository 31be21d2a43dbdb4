// A store on the test run's Neo4j, emptied before use (corrections included); integration tests run
// one file at a time.
import { inject } from 'vitest';
import { createStore, loadGraphConfig, type Store } from '../../graph/index.ts';

export async function openTestStore(options: { batchSize?: number } = {}): Promise<Store> {
  const config = loadGraphConfig({ NEO4J_USER: process.env['TEST_NEO4J_USER'], NEO4J_PASSWORD: process.env['TEST_NEO4J_PASSWORD'] });
  const store = createStore(inject('neo4jUri'), config.neo4j, { ...options, authenticate: inject('neo4jExternal') });
  await store.ensureSchema();
  // Saved views and corrections too: a test file must not find another's.
  await store.reset({ savedViews: true, corrections: true });
  return store;
}
