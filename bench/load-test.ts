// npm run bench:load-test [-- --clients 50 --seconds 30 --graph seeds,100000]
// The app under load: the real server process (server/main.ts) on loopback, over a local Neo4j
// holding the seeds (ingested as `npm run ingest` would) or a synthetic graph (bulk-loaded), hit by
// autocannon with `--clients` connections for `--seconds` on search and then on 2-hop
// neighbourhoods. Reports latency, throughput, errors and non-2xx replies, and the resident memory
// of the server and of Neo4j before and after.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bulkLoad, connectGraph, ingestPaths, loadGraphConfig, type ExtractionExport, type GraphConnection } from '../graph/index.ts';
import { extractSeeds } from '../tests/support/seeds.ts';
import { freePort } from '../tests/support/free-port.ts';
import { table } from './latency.ts';
import { loadBodies, runLoad, type LoadFigures } from './load-run.ts';
import { syntheticExport } from './synthetic-export.ts';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}
const CLIENTS = Number(option('clients', '50'));
const SECONDS = Number(option('seconds', '30'));
const GRAPHS = option('graph', 'seeds').split(',').filter(Boolean);
const BOLT_PORT = Number(option('bolt-port', '0'));
const HTTP_PORT = Number(option('http-port', '0'));

/** Resident and peak resident memory of a process, in MB, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** Starts server/main.ts against `neo4jUri`; resolves with its address once it listens. */
async function startServer(neo4jUri: string, webDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      HOST: '127.0.0.1',
      PORT: String(HTTP_PORT || (await freePort())),
      WEB_DIR: webDir,
      INGEST_TOKEN: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /running at (http:\/\/[^/\s]+)\//.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, base };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function openGraph(name: string, dir: string): Promise<{ graph: GraphConnection; data: ExtractionExport; description: string }> {
  const env = {
    ...process.env,
    NEO4J_URI: '',
    NEO4J_DATA_DIR: join(dir, `neo4j-${name}`),
    NEO4J_BOLT_PORT: String(BOLT_PORT || (await freePort())),
  };
  const config = loadGraphConfig(env);
  if (name === 'seeds') {
    const graph = await connectGraph(config);
    const summary = await ingestPaths(graph.store, ['seeds'], { cacheDir: config.cacheDir });
    return { graph, data: extractSeeds(), description: `the seeds (${summary.loaded.length} documents, ${summary.relations} relations)` };
  }
  const relations = Number(name);
  if (!Number.isInteger(relations) || relations < 1000) throw new Error(`--graph takes seeds or a number of relations, got ${name}`);
  const data = syntheticExport({ relations });
  const { graph } = await bulkLoad(config, data);
  return {
    graph,
    data,
    description: `the synthetic graph of ${relations.toLocaleString('en')} relations (${data.entities.length.toLocaleString('en')} entities)`,
  };
}

interface Row {
  graph: string;
  request: string;
  figures: LoadFigures;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
const webDir = join(dir, 'web');
const rows: Row[] = [];
const memoryRows: string[][] = [];
let current: ChildProcess | undefined;
process.on('exit', () => current?.kill('SIGKILL'));
try {
  mkdirSync(webDir);
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  for (const name of GRAPHS) {
    const { graph, data, description } = await openGraph(name, dir);
    try {
      const { child, base } = await startServer(graph.local!.uri, webDir);
      current = child;
      try {
        console.log(
          `\n${description}: server pid ${child.pid} at ${base}, Neo4j pid ${graph.local!.pid}; ${CLIENTS} clients × ${SECONDS} s per request kind`,
        );
        const bodies = loadBodies(data);
        // Warm: the search index, the query plans, the JIT — a few seconds at low concurrency.
        await runLoad({ base, clients: 2, seconds: 3, bodies: bodies.search });
        await runLoad({ base, clients: 2, seconds: 3, bodies: bodies.neighborhood });
        const before = { server: memory(child.pid!), neo4j: memory(graph.local!.pid) };
        for (const [request, list] of [
          ['search', bodies.search],
          ['neighborhood 2-hop', bodies.neighborhood],
        ] as const) {
          const figures = await runLoad({ base, clients: CLIENTS, seconds: SECONDS, bodies: list });
          rows.push({ graph: name, request, figures });
          console.log(
            `  ${request}: ${figures.requests.toLocaleString('en')} requests, ${figures.perSecond.toFixed(0)}/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ` +
              `errors ${figures.errors}, non-2xx ${figures.non2xx}, GraphQL errors ${figures.graphqlErrors}`,
          );
        }
        const after = { server: memory(child.pid!), neo4j: memory(graph.local!.pid) };
        memoryRows.push(
          [name, 'server (Node)', `${before.server.rss}`, `${after.server.rss}`, `${after.server.peak}`],
          [name, 'Neo4j (JVM)', `${before.neo4j.rss}`, `${after.neo4j.rss}`, `${after.neo4j.peak}`],
        );
      } finally {
        await stopServer(child);
        current = undefined;
      }
    } finally {
      await graph.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n${CLIENTS} concurrent clients, ${SECONDS} s per row, over loopback`);
console.log(
  table(
    ['graph', 'request', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'GraphQL errors'],
    rows.map(({ graph, request, figures: f }) => [
      graph,
      request,
      f.requests.toLocaleString('en'),
      f.perSecond.toFixed(0),
      String(f.p50),
      String(f.p99),
      String(f.max),
      String(f.errors),
      String(f.non2xx),
      String(f.graphqlErrors),
    ]),
  ),
);
console.log('\nresident memory (MB)');
console.log(table(['graph', 'process', 'RSS before', 'RSS after', 'peak'], memoryRows));
const failures = rows.reduce((sum, { figures: f }) => sum + f.errors + f.non2xx + f.graphqlErrors, 0);
if (failures > 0) {
  console.error(`\n${failures} failed requests`);
  process.exitCode = 1;
}
