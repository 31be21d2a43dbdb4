// What every resolver gets: the read side, the write side for mutations, the batch loaders of
// this request, and whether the request carried the write token.
import type { Queries, Store } from '../graph/index.ts';
import type { Loaders } from './loaders.ts';

export interface Context {
  queries: Queries;
  store: Store;
  loaders: Loaders;
  /** True when the request carried `Authorization: Bearer <INGEST_TOKEN>` and a token is configured. */
  canWrite: boolean;
}
