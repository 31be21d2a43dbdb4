// Connects a command-line tool to the graph and makes sure the database is released on exit.
import { connectGraph, loadGraphConfig, ConfigError, type GraphConfig, type GraphConnection } from '../index.ts';

export async function withGraph(
  work: (graph: GraphConnection, config: GraphConfig) => Promise<number>,
  open: (config: GraphConfig) => Promise<GraphConnection> = connectGraph,
): Promise<never> {
  let graph: GraphConnection | undefined;
  let code = 1;
  try {
    const config = loadGraphConfig(process.env);
    graph = await open(config);
    code = await work(graph, config);
  } catch (error) {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `error: ${(error as Error).message}`);
  } finally {
    await graph?.close();
  }
  process.exit(code);
}
