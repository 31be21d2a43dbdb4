// Process entry: reads the configuration, brings up Neo4j, loads the seeds into an empty graph,
// and serves the app and /graphql on one port until Ctrl-C.
import { connectGraph, ingestPaths, ConfigError, type GraphConnection } from '../graph/index.ts';
import { createServer } from './app.ts';
import { createHttpServer } from './http.ts';
import { loadServerConfig, type ServerConfig } from './config.ts';

async function main(): Promise<void> {
  const config = loadServerConfig(process.env);
  console.log(config.graph.neo4j.uri ? `using Neo4j at ${config.graph.neo4j.uri}` : 'starting the local Neo4j…');
  // The app owns its local Neo4j: it shares it with the commands (npm run ingest…), restarts it if
  // it dies, and refuses to start beside another app on the same data directory.
  const graph = await connectGraph(config.graph, {
    owner: 'npm start',
    share: true,
    app: `http://${config.host}:${config.port}/`,
    supervision: { log: (line) => console.log(line) },
  });
  if (graph.local)
    console.log(`Neo4j ready at ${graph.local.uri} in ${graph.local.startMillis} ms (log: ${config.graph.neo4j.local.logFile})`);
  try {
    await serve(config, graph);
  } catch (error) {
    // Neo4j would stop with this process anyway; stopping it here also removes the running file.
    await graph.close();
    throw error;
  }
}

async function serve(config: ServerConfig, graph: GraphConnection): Promise<void> {
  const counts = await graph.store.counts();
  if (counts.documents === 0) {
    console.log(`the graph is empty: ingesting ${config.seedsDir}/ …`);
    const summary = await ingestPaths(graph.store, [config.seedsDir], { cacheDir: config.graph.cacheDir });
    console.log(
      `loaded ${summary.loaded.length} documents, ${summary.relations} relations in ${summary.extractMillis + summary.millis} ms`,
    );
    for (const failure of summary.failed) console.error(`could not load ${failure.document}: ${failure.error}`);
  } else {
    console.log(`the graph holds ${counts.documents} documents, ${counts.entities} entities, ${counts.relations} relations`);
  }

  const app = createServer({
    graph: graph.store,
    graphStatus: () => graph.status(),
    config: { ...config, cacheDir: config.graph.cacheDir, maxDocumentBytes: config.graph.maxDocumentBytes },
  });
  if (!config.ingestToken) console.log('INGEST_TOKEN is not set: the API refuses writes (ingestDocument, deleteDocument)');
  console.log(
    config.editors.length > 0
      ? `${config.editors.length} editor(s) may correct the graph: ${config.editors.map((e) => e.editor).join(', ')}`
      : 'EDITOR_TOKENS is not set: the graph is read-only to its readers (corrections are refused)',
  );
  let handle = app.handle;
  if (process.argv.includes('--dev')) {
    // Development: Vite serves web/ with hot reload; /graphql still goes to the app.
    const { createServer: createViteServer } = await import('vite');
    const vite = await createViteServer({ configFile: 'vite.config.ts', server: { middlewareMode: true } });
    handle = (request, response) =>
      request.url?.startsWith('/graphql') ? app.handle(request, response) : vite.middlewares(request, response);
  }
  const server = createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} on ${config.host} is already in use: set PORT to another port`)
          : error,
      );
    });
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Zhejiang Policy Graph is running at http://${config.host}:${port}/ (GraphQL: http://${config.host}:${port}/graphql)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.close();
    await graph.close();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

// A request must never stop the server: a stray rejection is logged, not fatal.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason));

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `could not start: ${(error as Error).message}`);
  process.exit(1);
});
