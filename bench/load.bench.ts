// npm run bench:load [-- --relations 10000,100000,1000000]
// Relations/s of the batched loader against a one-row-per-transaction baseline, in the same run
// on a fresh local Neo4j, and the store size on disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, loadGraphConfig, planLoads, startLocalNeo4j } from '../graph/index.ts';
import * as cypher from '../graph/store/cypher.ts';
import { freePort } from '../tests/support/free-port.ts';
import { syntheticExport } from './synthetic-export.ts';

const arg = process.argv.indexOf('--relations');
const scales = (arg > 0 ? process.argv[arg + 1]! : '10000,100000,1000000').split(',').map(Number);
const BASELINE_RELATIONS = 300;

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-'));
const config = loadGraphConfig(process.env);
const neo4j = await startLocalNeo4j({ ...config.neo4j.local, port: await freePort(), dataDir: join(dir, 'neo4j'), logFile: join(dir, 'neo4j.log') });
const store = createStore(neo4j.uri, config.neo4j, { authenticate: false, batchSize: config.loadBatchSize, concurrency: config.loadConcurrency });
await store.ensureSchema();
const sizeOnDisk = () => execFileSync('du', ['-sm', join(dir, 'neo4j')]).toString().split('\t')[0] + ' MB';

/** The baseline: every row of a document in its own transaction. */
async function loadRowByRow(relations: number): Promise<number> {
  const data = syntheticExport({ relations, perDocument: relations, seed: 99 });
  const [load] = planLoads(data);
  const started = performance.now();
  await store.writeStatement(cypher.upsertDocuments([load!.document]));
  for (const row of load!.entities) {
    await store.writeStatement(cypher.upsertEntities([row]));
    await store.writeStatement(cypher.createMentions([row]));
  }
  for (const [type, rows] of load!.relations) for (const row of rows) await store.writeStatement(cypher.upsertRelations(type, [row]));
  for (const row of load!.evidence) await store.writeStatement(cypher.createEvidence([row]));
  return relations / ((performance.now() - started) / 1000);
}

try {
  // Warm the JVM and the query caches so that neither side pays for them.
  await store.load(syntheticExport({ relations: 2000, seed: 1 }));
  await store.reset();
  const baseline = await loadRowByRow(BASELINE_RELATIONS);
  console.log(`baseline (one row per transaction, ${BASELINE_RELATIONS} relations): ${Math.round(baseline)} relations/s`);
  for (const relations of scales) {
    await store.reset();
    const data = syntheticExport({ relations });
    const summary = await store.load(data);
    const rate = relations / (summary.millis / 1000);
    console.log(`${relations.toLocaleString('en')} relations (${data.documents.length} documents, ${data.entities.length} entities): ` +
      `${(summary.millis / 1000).toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} relations/s, ` +
      `${(rate / baseline).toFixed(0)}× baseline; store on disk ${sizeOnDisk()}`);
    const again = await store.load(data);
    console.log(`  reload, unchanged: ${again.unchanged.length} documents skipped in ${again.millis} ms`);
  }
} finally {
  await store.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}
