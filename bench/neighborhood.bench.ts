// NEO4J_DATA_DIR=… NEO4J_BOLT_PORT=… tsx bench/neighborhood.bench.ts [rounds]
// Latency of neighborhood() (limit 500, depth 1 and 2) over a store already loaded (e.g. by a bulk
// import of syntheticExport({ relations: 1_000_000 })), beside a plain variable-length match of
// the same depth and limit in the same run: hubs (the first entities of the synthetic export,
// tens of thousands of relations) and ordinary entities, interleaved so load hits both alike.
import { connectGraph, loadGraphConfig } from '../graph/index.ts';
import { TYPED } from '../graph/queries/entities-cypher.ts';
import { createExploration } from '../graph/queries/exploration.ts';

const rounds = Number(process.argv[2] ?? 1);
const graph = await connectGraph(loadGraphConfig(process.env), { reuseRunning: true, owner: 'bench:neighborhood' });
const reader = graph.store.reader;
// Neighbourhoods do not read the graph version.
const explore = createExploration({ reader, graphVersion: async () => 0 });
try {
  const starts = (
    await reader.rows({
      cypher: /* Cypher */ `MATCH (e:Entity) WITH e, toInteger(split(e.id, '#')[1]) AS i WHERE i < 20 OR i % 2500 = 7 RETURN e.id AS id`,
      params: {},
    })
  ).map((row) => row['id'] as string);
  const variants: Record<string, (id: string, depth: number) => Promise<unknown>> = {
    'plain match': (id, depth) =>
      reader.rows({
        cypher: /* Cypher */ `MATCH (s:Entity {id: $id})-[:${TYPED}*1..${depth}]-(n) WITH DISTINCT n LIMIT 500 RETURN n.id AS id, n.type AS type, n.name AS name`,
        params: { id },
      }),
    neighborhood: (id, depth) => explore.neighborhood({ ids: [id], depth, limit: 500, minWeight: 1, includeCoMentions: false }),
  };
  const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(`${starts.length} start entities, ${rounds} round(s)`);
  for (const depth of [1, 2]) {
    const times = new Map(Object.keys(variants).map((name) => [name, [] as number[]]));
    for (const id of starts) for (const run of Object.values(variants)) await run(id, depth);
    for (let round = 0; round < rounds; round++) {
      for (const id of starts) {
        for (const [name, run] of Object.entries(variants)) {
          const started = performance.now();
          await run(id, depth);
          times.get(name)!.push(performance.now() - started);
        }
      }
    }
    console.log(
      `depth ${depth}, limit 500: ` +
        [...times]
          .map(([name, xs]) => `${name} p50 ${percentile(xs, 0.5).toFixed(1)} ms, p95 ${percentile(xs, 0.95).toFixed(1)} ms`)
          .join('; '),
    );
  }
} finally {
  await graph.close();
}
