// A process that owns a local Neo4j as the app does (started, supervised, shared through the
// running file), on its own port and data directory, for tests of what other processes see.
import { join } from 'node:path';
import { connectGraph, loadGraphConfig, type ConnectOptions, type GraphConfig, type GraphConnection } from '../../graph/index.ts';
import { freePort } from './free-port.ts';

export interface LocalOwner {
  graph: GraphConnection;
  config: GraphConfig;
  /** The environment a child command needs to find this owner's Neo4j (the same data directory). */
  env: Record<string, string>;
}

export async function startLocalOwner(dir: string, options: ConnectOptions = {}): Promise<LocalOwner> {
  const env = {
    NEO4J_DATA_DIR: join(dir, 'neo4j'),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_LOG: join(dir, 'neo4j.log'),
    NEO4J_HEAP: '1g',
    NEO4J_PAGECACHE: '256m',
  };
  const config = loadGraphConfig(env);
  const graph = await connectGraph(config, { owner: 'the test app', share: true, ...options });
  return { graph, config, env };
}
