// npm run bench:api [-- --relations 100000,1000000 --requests 200 --concurrency 16 --store-dir /tmp/bench-api]
// Latency of the GraphQL API over loopback HTTP on the synthetic graphs of bench:load, each query
// beside the same Cypher run straight on neo4j-driver in the same run: the statements a request
// made the read side run are recorded on its first (warm-up) pass and replayed raw afterwards,
// request by request, interleaved with the GraphQL requests so both see the same machine load.
// "GraphQL overhead" is GraphQL p50 − raw p50: the read side's own work, resolvers, JSON and HTTP.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bulkLoad,
  connectGraph,
  createQueries,
  loadGraphConfig,
  Neo4jStartError,
  type GraphConnection,
  type Queries,
} from '../graph/index.ts';
import { createServer } from '../server/app.ts';
import { createHttpServer } from '../server/http.ts';
import { freePort } from '../tests/support/free-port.ts';
import { ENTITY, NEIGHBORHOOD, PATHS, SEARCH, STATS } from './api-queries.ts';
import { drawSamples, type Sample } from './api-samples.ts';
import { clientsInWorker } from './graphql-clients.ts';
import { graphqlClient, ms, pool, summarize, table, timed, type GraphQLReply, type Summary } from './latency.ts';
import { rawReplayer, recordingStore, type ProfileLine, type Waves } from './recorded-statements.ts';
import { syntheticExport } from './synthetic-export.ts';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}
const scales = option('relations', '100000,1000000').split(',').map(Number);
const REQUESTS = Number(option('requests', '200'));
const CONCURRENCY = Number(option('concurrency', '16'));
/** Longest an operation's measured pass may take; it stops early with fewer requests. */
const MAX_SECONDS = Number(option('max-seconds', '120'));
/** How long each throughput run lasts at most. */
const THROUGHPUT_SECONDS = Number(option('throughput-seconds', '8'));
const COLD_STATS = Number(option('cold-stats', '3'));
/** Keeps the bulk-loaded stores here between runs (reused when present) instead of a temporary folder. */
const STORE_DIR = option('store-dir', '');
const BOLT_PORT = Number(option('bolt-port', '0'));
const HTTP_PORT = Number(option('http-port', '0'));
/** Operations to run, by name prefix, in this order (all by default). */
const ONLY = option('only', '').split(',').filter(Boolean);

/** Goals at 1M relations on a quiet machine (docs/benchmarks.md). */
const GOALS = { neighborhood2Raw: 20, latencyRatio: 1.2, throughputShare: 0.8, coldStatsRatio: 1.5, neighborhood2: 20, paths: 100 };

interface Operation {
  name: string;
  query: string;
  samples: Array<Sample<Record<string, unknown>>>;
  /** The same call on the read side in process, without GraphQL and HTTP. */
  module?: (queries: Queries, variables: Record<string, unknown>) => Promise<unknown>;
}

interface Result {
  name: string;
  status: 'measured' | 'unavailable';
  reason?: string;
  raw?: Summary;
  module?: Summary;
  graphql?: Summary;
  /** GraphQL over HTTP answered from the response cache. */
  cached?: Summary;
  statements?: number;
  errors: number;
  byKind?: Record<string, { raw: Summary; graphql: Summary }>;
  rawPerSecond?: number;
  graphqlPerSecond?: number;
  profile?: { kind: string; variables: Record<string, unknown>; cypher: string; lines: ProfileLine[] }[];
}

function problem(reply: GraphQLReply): string | null {
  if (reply.status !== 200) return `HTTP ${reply.status}`;
  try {
    if (reply.body.errors?.length) return reply.body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
  } catch {
    return 'the answer is not JSON';
  }
  return null;
}

async function openGraph(
  relations: number,
  data: ReturnType<typeof syntheticExport>,
  base: string,
): Promise<{ graph: GraphConnection; dir: string; loadMillis: number | null }> {
  const dir = join(base, `relations-${relations}`);
  const ready = `${dir}.ready`;
  const env = { ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dir, NEO4J_BOLT_PORT: String(BOLT_PORT || (await freePort())) };
  const config = loadGraphConfig(env);
  if (existsSync(ready)) return { graph: await connect(config), dir, loadMillis: null };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  try {
    const { graph, summary } = await bulkLoad(config, data);
    writeFileSync(ready, new Date().toISOString());
    return { graph, dir, loadMillis: summary.millis.total };
  } catch (error) {
    // The import is done when only the start failed (a machine too busy to start a JVM in time):
    // starting again sets up the schema as the bulk load would have.
    if (!(error instanceof Neo4jStartError)) throw error;
    console.log(`Neo4j did not start after the import (${error.message}); starting it again`);
    const graph = await connect(config);
    writeFileSync(ready, new Date().toISOString());
    return { graph, dir, loadMillis: performance.now() - started };
  }
}

/** connectGraph, tried three times: on a machine this busy a JVM may take minutes to start. */
async function connect(config: ReturnType<typeof loadGraphConfig>): Promise<GraphConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectGraph(config);
    } catch (error) {
      if (!(error instanceof Neo4jStartError) || attempt === 3) throw error;
      console.log(`Neo4j did not start (${error.message}); trying again`);
    }
  }
}

async function benchScale(relations: number, base: string): Promise<Result[]> {
  const data = syntheticExport({ relations });
  const samples = drawSamples(data, REQUESTS);
  const { graph, loadMillis } = await openGraph(relations, data, base);
  console.log(
    `\n## ${relations.toLocaleString('en')} relations (${data.entities.length.toLocaleString('en')} entities, ${data.documents.length} documents)` +
      `${loadMillis === null ? ', store reused' : `, bulk-loaded in ${(loadMillis / 1000).toFixed(1)} s`}; Neo4j pid ${graph.local?.pid}`,
  );
  console.log(
    `hubs: ${samples.hubs
      .slice(0, 5)
      .map((h) => `${h.id} (${h.degree.toLocaleString('en')})`)
      .join(', ')} …`,
  );

  const recorder = recordingStore(graph.store);
  const webDir = mkdtempSync(join(tmpdir(), 'bench-api-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  // The response cache off: every request is executed, as a first reading of a view is; the same
  // requests with the cache on are timed apart ("cached").
  const makeApp = (responseCacheMB = 0) =>
    createServer({ graph: graph.store, config: { webDir, responseCacheMB }, queries: createQueries(recorder.store) });
  let app = makeApp();
  const cachedApp = makeApp(64);
  // One server for the run; the handler behind it is swapped for a fresh app to time cold caches.
  const server: Server = createHttpServer((request, response) => app.handle(request, response));
  const cachedServer: Server = createHttpServer((request, response) => cachedApp.handle(request, response));
  const listen = async (s: Server, port: number) => {
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
    const address = s.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };
  const client = graphqlClient(await listen(server, HTTP_PORT));
  const cachedClient = graphqlClient(await listen(cachedServer, 0));
  const raw = rawReplayer(graph.local!.uri, loadGraphConfig(process.env).neo4j.database);
  const results: Result[] = [];

  try {
    const neighborhoodModule = (depth: number) => (q: Queries, v: Record<string, unknown>) =>
      q.neighborhood({
        ids: v['ids'] as string[],
        depth,
        types: null,
        relationTypes: null,
        minWeight: 1,
        includeCoMentions: false,
        limit: 500,
        exclude: null,
      });
    const operations: Operation[] = [
      {
        name: 'search',
        query: SEARCH,
        samples: samples.search,
        module: (q, v) => q.search(v['query'] as string, null, { first: 20, after: null }),
      },
      { name: 'entity', query: ENTITY, samples: samples.entity },
      {
        name: 'neighborhood 1-hop',
        query: NEIGHBORHOOD,
        samples: samples.entity.map((s) => ({ kind: s.kind, variables: { ids: [s.variables.id], depth: 1 } })),
        module: neighborhoodModule(1),
      },
      {
        name: 'neighborhood 2-hop',
        query: NEIGHBORHOOD,
        samples: samples.entity.map((s) => ({ kind: s.kind, variables: { ids: [s.variables.id], depth: 2 } })),
        module: neighborhoodModule(2),
      },
      {
        name: 'paths',
        query: PATHS,
        samples: samples.paths,
        module: (q, v) =>
          q.paths({ from: v['from'] as string, to: v['to'] as string, maxHops: 4, k: 3, relationTypes: null, includeCoMentions: false }),
      },
      {
        name: 'stats (cached)',
        query: STATS,
        samples: Array.from({ length: REQUESTS }, () => ({ kind: 'stats', variables: {} })),
        module: (q) => q.stats(),
      },
    ];

    // In the order --only names them, when it does.
    const chosen = ONLY.length === 0 ? operations : ONLY.flatMap((name) => operations.filter((op) => op.name.startsWith(name)));
    for (const op of chosen) {
      if (op.name === 'search') {
        // The search name index is built once per graph version, before the first search answers.
        const indexMillis = await timed(() => client.send(SEARCH, { query: '龙' }));
        console.log(`  search name index built by the first search: ${ms(indexMillis)} ms`);
      }
      const result = await measure(op);
      results.push(result);
      report(result);
    }
    if (ONLY.length === 0 || ONLY.some((name) => 'stats (cold)'.startsWith(name))) {
      const result = await measureColdStats();
      results.push(result);
      report(result);
    }
  } finally {
    client.close();
    cachedClient.close();
    for (const s of [server, cachedServer]) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
    app.close();
    cachedApp.close();
    await raw.close();
    await graph.close();
    rmSync(webDir, { recursive: true, force: true });
  }
  console.log('\n' + resultTable(results));
  return results;

  function report(result: Result) {
    if (result.status === 'unavailable') console.log(`  ${result.name}: not measured (${result.reason})`);
    else {
      console.log(
        `  ${result.name}: n ${result.graphql!.n}, raw p50 ${ms(result.raw!.p50)} ms, GraphQL p50 ${ms(result.graphql!.p50)} / p95 ${ms(result.graphql!.p95)} ms, ` +
          `${result.statements} statements, ${result.errors} errors`,
      );
      for (const [kind, k] of Object.entries(result.byKind ?? {})) {
        console.log(
          `    ${kind.padEnd(9)} n ${String(k.graphql.n).padStart(4)}: raw p50/p95 ${ms(k.raw.p50)}/${ms(k.raw.p95)} ms, GraphQL p50/p95 ${ms(k.graphql.p50)}/${ms(k.graphql.p95)} ms`,
        );
      }
      for (const p of result.profile ?? []) printProfile(p);
    }
  }

  async function measure(op: Operation): Promise<Result> {
    // One request unrecorded first: caches filled on first use (statistics) are not part of a sample.
    const first = await client.send(op.query, op.samples[0]!.variables);
    if (problem(first)) return { name: op.name, status: 'unavailable', reason: problem(first)!, errors: 1 };
    // Pass 1 (warm-up): each request once, recording the statements it made the read side run.
    const recorded: Array<{ sample: Sample<Record<string, unknown>>; waves: ReturnType<typeof raw.prepare> }> = [];
    const statementCounts: number[] = [];
    let errors = 0;
    const deadline = performance.now() + MAX_SECONDS * 1000;
    for (const sample of op.samples) {
      const { result: reply, waves } = await recorder.record(() => client.send(op.query, sample.variables));
      const failure = problem(reply);
      if (failure) {
        if (recorded.length === 0 && errors === 0) return { name: op.name, status: 'unavailable', reason: failure, errors: 1 };
        errors++;
        continue;
      }
      recorded.push({ sample, waves: raw.prepare(waves) });
      statementCounts.push(waves.flat().length);
      if (performance.now() > deadline) break;
    }
    // Pass 2 (measured): raw, in process, GraphQL, one request after the other.
    const rawTimes: number[] = [],
      moduleTimes: number[] = [],
      graphqlTimes: number[] = [];
    const kinds = new Map<string, { raw: number[]; graphql: number[] }>();
    const measuredDeadline = performance.now() + MAX_SECONDS * 1000;
    for (const { sample, waves } of recorded) {
      const rawMillis = await timed(() => raw.replay(waves));
      if (op.module) moduleTimes.push(await timed(() => op.module!(app.queries, sample.variables)));
      let reply: GraphQLReply | undefined;
      const graphqlMillis = await timed(async () => {
        reply = await client.send(op.query, sample.variables);
      });
      if (problem(reply!)) errors++;
      rawTimes.push(rawMillis);
      graphqlTimes.push(graphqlMillis);
      const k = kinds.get(sample.kind) ?? kinds.set(sample.kind, { raw: [], graphql: [] }).get(sample.kind)!;
      k.raw.push(rawMillis);
      k.graphql.push(graphqlMillis);
      if (performance.now() > measuredDeadline) break;
    }
    // Throughput: CONCURRENCY clients at once, raw and then GraphQL, over the same requests.
    const total = Math.max(REQUESTS, recorded.length) * 2;
    const rawRun = await pool(CONCURRENCY, total, THROUGHPUT_SECONDS, (i) => raw.replay(recorded[i % recorded.length]!.waves));
    // The clients in a worker thread of their own: reading 16 answers' JSON is not the server's work,
    // and on the server's event loop it would be counted as such.
    const graphqlRun = await clientsInWorker({
      base: client.base,
      query: op.query,
      variables: recorded.map((r) => r.sample.variables),
      clients: CONCURRENCY,
      total,
      seconds: THROUGHPUT_SECONDS,
    });
    errors += graphqlRun.failed;
    if (graphqlRun.firstError)
      console.log(`  ${op.name}: ${graphqlRun.failed} failed at ${CONCURRENCY} clients, the first with: ${graphqlRun.firstError}`);
    // The same requests answered from the response cache: a pass to fill it, a pass timed.
    const cachedTimes: number[] = [];
    for (const pass of [0, 1]) {
      for (const { sample } of recorded) {
        const millis = await timed(() => cachedClient.send(op.query, sample.variables));
        if (pass === 1) cachedTimes.push(millis);
      }
    }

    const result: Result = {
      name: op.name,
      status: 'measured',
      errors,
      raw: summarize(rawTimes),
      graphql: summarize(graphqlTimes),
      module: moduleTimes.length ? summarize(moduleTimes) : undefined,
      cached: summarize(cachedTimes),
      statements: Math.round(statementCounts.reduce((a, b) => a + b, 0) / Math.max(1, statementCounts.length)),
      byKind:
        kinds.size > 1
          ? Object.fromEntries([...kinds].map(([kind, k]) => [kind, { raw: summarize(k.raw), graphql: summarize(k.graphql) }]))
          : undefined,
      rawPerSecond: rawRun.perSecond,
      graphqlPerSecond: graphqlRun.perSecond,
    };
    const goal = op.name === 'neighborhood 2-hop' ? GOALS.neighborhood2 : op.name === 'paths' ? GOALS.paths : undefined;
    if (goal !== undefined && result.graphql!.p95 > goal) {
      // The slowest request of each kind (hub, ordinary), or the slowest of all, profiled statement by statement.
      result.profile = [];
      for (const kind of kinds.size <= 2 ? [...kinds.keys()] : [null]) {
        let slowest = -1,
          worst = -Infinity;
        recorded.forEach((r, i) => {
          if ((kind === null || r.sample.kind === kind) && rawTimes[i] !== undefined && rawTimes[i]! > worst) {
            worst = rawTimes[i]!;
            slowest = i;
          }
        });
        if (slowest < 0) continue;
        for (const statement of recorded[slowest]!.waves.flat()) {
          result.profile.push({
            kind: kind ?? recorded[slowest]!.sample.kind,
            variables: recorded[slowest]!.sample.variables,
            cypher: statement.cypher,
            lines: await raw.profile(statement),
          });
        }
      }
    }
    return result;
  }

  async function measureColdStats(): Promise<Result> {
    const rawTimes: number[] = [],
      graphqlTimes: number[] = [],
      moduleTimes: number[] = [];
    const statementCounts: number[] = [];
    let errors = 0;
    for (let i = 0; i < COLD_STATS; i++) {
      // A fresh app: its caches are empty, as after a restart or a change to the graph.
      app.close();
      app = makeApp();
      let reply: GraphQLReply | undefined;
      let waves: Waves = [];
      const graphqlMillis = await timed(async () => ({ result: reply, waves } = await recorder.record(() => client.send(STATS, {}))));
      const failure = problem(reply!);
      if (failure) {
        if (i === 0) return { name: 'stats (cold)', status: 'unavailable', reason: failure, errors: 1 };
        errors++;
        continue;
      }
      graphqlTimes.push(graphqlMillis);
      statementCounts.push(waves.flat().length);
      rawTimes.push(await timed(() => raw.replay(raw.prepare(waves))));
      const fresh = createQueries(graph.store, { versionPollMs: 0 });
      moduleTimes.push(await timed(() => fresh.stats()));
      fresh.close();
    }
    return {
      name: 'stats (cold)',
      status: 'measured',
      errors,
      raw: summarize(rawTimes),
      graphql: summarize(graphqlTimes),
      module: summarize(moduleTimes),
      statements: Math.round(statementCounts.reduce((a, b) => a + b, 0) / Math.max(1, statementCounts.length)),
    };
  }
}

function printProfile(p: NonNullable<Result['profile']>[number]) {
  console.log(`    PROFILE of the slowest ${p.kind} request (${JSON.stringify(p.variables)}):`);
  console.log(
    p.cypher
      .trim()
      .split('\n')
      .map((line) => `      | ${line.trim()}`)
      .join('\n'),
  );
  const total = p.lines.reduce((sum, l) => sum + l.dbHits, 0);
  for (const line of p.lines) {
    console.log(
      `      ${'  '.repeat(line.depth)}${line.operator}: rows ${line.rows.toLocaleString('en')}, db hits ${line.dbHits.toLocaleString('en')}` +
        `${total > 0 ? ` (${Math.round((100 * line.dbHits) / total)} %)` : ''}${line.time ? `, ${(line.time / 1e6).toFixed(1)} ms` : ''}${line.details ? ` — ${line.details.slice(0, 160)}` : ''}`,
    );
  }
}

function resultTable(results: Result[]): string {
  const rows = results.map((r) => {
    if (r.status === 'unavailable') return [r.name, 'not measured', '', '', '', '', '', '', '', '', ''];
    const overhead = r.graphql!.p50 - r.raw!.p50;
    return [
      r.name,
      String(r.graphql!.n),
      String(r.statements ?? ''),
      `${ms(r.raw!.p50)} / ${ms(r.raw!.p95)} / ${ms(r.raw!.p99)}`,
      r.module ? ms(r.module.p50) : '–',
      `${ms(r.graphql!.p50)} / ${ms(r.graphql!.p95)} / ${ms(r.graphql!.p99)}`,
      ms(overhead),
      r.cached ? ms(r.cached.p50) : '–',
      r.rawPerSecond ? Math.round(r.rawPerSecond).toLocaleString('en') : '–',
      r.graphqlPerSecond ? Math.round(r.graphqlPerSecond).toLocaleString('en') : '–',
      String(r.errors),
    ];
  });
  return table(
    [
      'operation',
      'n',
      'stmts',
      'raw p50/p95/p99 ms',
      'module p50',
      'GraphQL p50/p95/p99 ms',
      'overhead p50',
      'cached p50',
      `raw req/s @${CONCURRENCY}`,
      `GraphQL req/s @${CONCURRENCY}`,
      'errors',
    ],
    rows,
  );
}

function goals(relations: number, results: Result[]): string[] {
  const find = (name: string) => results.find((r) => r.name === name && r.status === 'measured');
  const lines: string[] = [];
  const check = (label: string, value: number | undefined, limit: number, unit: string) =>
    lines.push(
      `  ${label}: ${value === undefined || Number.isNaN(value) ? 'not measured' : `${value.toFixed(2)}${unit} — ${value <= limit ? 'met' : 'missed'}`} (goal ≤ ${limit}${unit})`,
    );
  check('2-hop neighbourhood raw p50', find('neighborhood 2-hop')?.raw?.p50, GOALS.neighborhood2Raw, ' ms');
  for (const name of ['search', 'entity', 'neighborhood 1-hop', 'neighborhood 2-hop', 'paths']) {
    const r = find(name);
    check(`${name}: GraphQL p50 / raw p50`, r && r.graphql!.p50 / r.raw!.p50, GOALS.latencyRatio, '×');
    // Written as raw / GraphQL so that "≤" reads the same way: GraphQL ≥ 80 % of raw is raw / GraphQL ≤ 1.25.
    check(`${name}: raw req/s / GraphQL req/s`, r && r.rawPerSecond! / r.graphqlPerSecond!, 1 / GOALS.throughputShare, '×');
  }
  const cold = find('stats (cold)');
  check('stats cold: GraphQL / raw statements', cold && cold.graphql!.p50 / cold.raw!.p50, GOALS.coldStatsRatio, '×');
  return [`goals at ${relations.toLocaleString('en')} relations (figures for them from a quiet machine only):`, ...lines];
}

const base = STORE_DIR || mkdtempSync(join(tmpdir(), 'bench-api-'));
mkdirSync(base, { recursive: true });
const all: Record<string, Result[]> = {};
try {
  for (const relations of scales) {
    all[relations] = await benchScale(relations, base);
    console.log(goals(relations, all[relations]!).join('\n'));
  }
} finally {
  if (!STORE_DIR) rmSync(base, { recursive: true, force: true });
}
mkdirSync('bench/out', { recursive: true });
const out = join('bench/out', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ requests: REQUESTS, concurrency: CONCURRENCY, results: all }, null, 2));
console.log(`\nfigures written to ${out}`);
