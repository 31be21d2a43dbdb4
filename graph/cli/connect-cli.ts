// Connects a command-line tool to the graph and makes sure the database is released on exit.
import { basename } from 'node:path';
import { connectGraph, loadGraphConfig, ConfigError, type GraphConfig, type GraphConnection } from '../index.ts';

/** `npm run ingest` and the like: the running app's Neo4j when there is one, else one of its own. */
export function connectCommand(config: GraphConfig): Promise<GraphConnection> {
  const command = basename(process.argv[1] ?? 'command', '.ts');
  return connectGraph(config, { owner: `npm run ${command}`, reuseRunning: true, share: false });
}

export async function withGraph(
  work: (graph: GraphConnection, config: GraphConfig) => Promise<number>,
  open: (config: GraphConfig) => Promise<GraphConnection> = connectCommand,
): Promise<never> {
  let graph: GraphConnection | undefined;
  let code = 1;
  try {
    const config = loadGraphConfig(process.env);
    graph = await open(config);
    if (graph.shared) {
      console.error(`using the running local Neo4j of ${graph.shared.owner} (pid ${graph.shared.ownerPid}) at ${graph.shared.uri}`);
    }
    code = await work(graph, config);
  } catch (error) {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `error: ${(error as Error).message}`);
  } finally {
    await graph?.close();
  }
  process.exit(code);
}
