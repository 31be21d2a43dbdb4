// npm run bench:load [-- --relations 10000,100000,1000000]
// Relations/s of the batched transactional loader and of the bulk import into an empty store,
// against a one-row-per-transaction baseline and against bare UNWIND … CREATE statements writing
// the same export into the same store (bench/bare-load.ts), in the same run; the store size on disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, createStore, loadGraphConfig, planLoads, startLocalNeo4j, type EntityType } from '../graph/index.ts';
import * as cypher from '../graph/db/store/cypher.ts';
import { freePort } from '../tests/support/free-port.ts';
import { bareLoad } from './bare-load.ts';
import { syntheticExport } from './synthetic-export.ts';

const arg = process.argv.indexOf('--relations');
const scales = (arg > 0 ? process.argv[arg + 1]! : '10000,100000,1000000').split(',').map(Number);
const BASELINE_RELATIONS = 300;

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-'));
const config = loadGraphConfig(process.env);
const neo4j = await startLocalNeo4j({
  ...config.neo4j.local,
  port: await freePort(),
  dataDir: join(dir, 'neo4j'),
  logFile: join(dir, 'neo4j.log'),
});
const store = createStore(neo4j.uri, config.neo4j, {
  authenticate: false,
  batchSize: config.loadBatchSize,
  concurrency: config.loadConcurrency,
});
await store.ensureSchema();
const sizeOnDisk = (path: string) => execFileSync('du', ['-sm', path]).toString().split('\t')[0] + ' MB';

/** The baseline: every row of a document in its own transaction. */
async function loadRowByRow(relations: number): Promise<number> {
  const data = syntheticExport({ relations, perDocument: relations, seed: 99 });
  const [load] = planLoads(data);
  const started = performance.now();
  await store.writeStatement(cypher.upsertDocuments([load!.document]));
  for (const row of load!.entities) {
    await store.writeStatement(cypher.upsertEntities(row['type'] as EntityType, [row]));
    await store.writeStatement(cypher.createMentions([row]));
  }
  for (const [type, rows] of load!.relations) for (const row of rows) await store.writeStatement(cypher.upsertRelations(type, [row]));
  await store.writeStatement(cypher.setDocumentRelations([{ id: load!.id, ...load!.relationLists }]));
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
    console.log(
      `${relations.toLocaleString('en')} relations (${data.documents.length} documents, ${data.entities.length} entities): ` +
        `${(summary.millis / 1000).toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} relations/s, ` +
        `${(rate / baseline).toFixed(0)}× baseline; store on disk ${sizeOnDisk(join(dir, 'neo4j'))}`,
    );
    const again = await store.load(data);
    console.log(`  reload, unchanged: ${again.unchanged.length} documents skipped in ${again.millis} ms`);

    // The same export, the same store emptied, written by bare statements.
    await store.reset();
    const bare = await bareLoad(store, data, config.loadBatchSize);
    const bareRate = relations / (bare.millis / 1000);
    const relationsOnly = relations / (bare.relationMillis / 1000);
    console.log(
      `  bare UNWIND … CREATE of the same export: ${(bare.millis / 1000).toFixed(1)} s, ${Math.round(bareRate).toLocaleString('en')} relations/s; ` +
        `the loader at ${Math.round((100 * rate) / bareRate)} % of it (goal ≥ 50 % at 100,000, quiet machine); ` +
        `its relationship statements alone ${Math.round(relationsOnly).toLocaleString('en')}/s`,
    );

    // The same export imported into a new, empty store: files, importer, start, indexes online.
    const bulkDir = join(dir, `bulk-${relations}`);
    const bulkConfig = loadGraphConfig({
      ...process.env,
      NEO4J_URI: '',
      NEO4J_DATA_DIR: bulkDir,
      NEO4J_BOLT_PORT: String(await freePort()),
    });
    const { graph, summary: bulk } = await bulkLoad(bulkConfig, data);
    await graph.close();
    const bulkRate = relations / (bulk.millis.total / 1000);
    console.log(
      `  bulk import into an empty store: ${(bulk.millis.total / 1000).toFixed(1)} s, ${Math.round(bulkRate).toLocaleString('en')} relations/s, ` +
        `${(bulkRate / baseline).toFixed(0)}× baseline (files ${(bulk.millis.files / 1000).toFixed(1)} s, import ${(bulk.millis.import / 1000).toFixed(1)} s, ` +
        `start ${(bulk.millis.start / 1000).toFixed(1)} s, indexes ${(bulk.millis.schema / 1000).toFixed(1)} s); store on disk ${sizeOnDisk(bulkDir)}`,
    );
    rmSync(bulkDir, { recursive: true, force: true });
  }
} finally {
  await store.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}
