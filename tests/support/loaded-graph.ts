// The setup of the read side's integration tests: the run's Neo4j loaded with one export before
// the file's tests, the read side over it, both closed after them.
import { afterAll, beforeAll } from 'vitest';
import { createQueries, type ExtractionExport, type Queries, type Store } from '../../graph/index.ts';
import { openTestStore } from './test-store.ts';

/**
 * Registers the hooks that load `data()` into an emptied store and open the read side on it
 * (`open`, by default without a background version poll). The store and read side are there from
 * the first test on.
 */
export function loadedGraph(
  data: () => ExtractionExport,
  open: (store: Store) => Queries = (store) => createQueries(store, { versionPollMs: 0 }),
): { readonly store: Store; readonly queries: Queries } {
  let store: Store | undefined;
  let queries: Queries | undefined;
  beforeAll(async () => {
    store = await openTestStore();
    await store.load(data());
    queries = open(store);
  });
  afterAll(async () => {
    queries?.close();
    await store?.close();
  });
  return {
    get store() {
      if (!store) throw new Error('the graph is loaded before the first test');
      return store;
    },
    get queries() {
      if (!queries) throw new Error('the graph is loaded before the first test');
      return queries;
    },
  };
}
