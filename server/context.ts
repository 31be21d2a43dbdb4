// What every resolver gets: the read side, the writer for mutations, the batch loaders of this
// request, and whether the request may write.
import type { GraphStatus, IngestResultView, Queries, Store } from '../graph/index.ts';
import type { IngestDocumentInput } from './generated/resolvers.ts';
import type { Loaders } from './loaders.ts';

/** The write side as the mutations see it. */
export interface Writer {
  ingest(input: IngestDocumentInput): Promise<IngestResultView>;
  /** Null when no document has the id. */
  remove(id: string): Promise<{ documentId: string; entitiesRemoved: number } | null>;
}

export interface Context {
  queries: Queries;
  store: Store;
  writer: Writer;
  loaders: Loaders;
  /** True when a token is configured and the request carried it as `Authorization: Bearer …`. */
  canWrite: boolean;
  /** True when the server has an INGEST_TOKEN or editors at all. */
  writesConfigured: boolean;
  /** The editor whose token the request carried, or null: corrections need one. */
  editor: string | null;
  /** True when the server has editors (EDITOR_TOKENS) at all. */
  editorsConfigured: boolean;
  /** The database connection's state (supervision of the local Neo4j), when the process knows it. */
  graphStatus: (() => GraphStatus) | undefined;
}
