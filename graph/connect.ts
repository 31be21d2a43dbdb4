// Brings up the database a process works with: the external server named by NEO4J_URI, or else
// the embedded local Neo4j, started here and stopped on close.
import type { GraphConfig } from './config.ts';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j/local-neo4j.ts';
import { createStore, type Store } from './store/index.ts';

export interface GraphConnection {
  store: Store;
  /** The local Neo4j this process started, if it started one. */
  local: LocalNeo4j | undefined;
  /** Closes the driver and stops the local Neo4j. */
  close(): Promise<void>;
}

/** Connects (starting the local Neo4j unless NEO4J_URI is set) and sets up the schema. */
export async function connectGraph(config: GraphConfig): Promise<GraphConnection> {
  const local = config.neo4j.uri ? undefined : await startLocalNeo4j(config.neo4j.local);
  const store = createStore(config.neo4j.uri ?? local!.uri, config.neo4j, {
    batchSize: config.loadBatchSize,
    concurrency: config.loadConcurrency,
    // The local Neo4j listens on loopback only and runs without authentication.
    authenticate: local === undefined,
  });
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close();
    await local?.stop();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    store,
    local,
    close: () => (closed ??= store.close().finally(() => local?.stop())),
  };
}
