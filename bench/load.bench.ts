// npm run bench:load [-- --relations 10000,100000,1000000] [--corrections 10000]
// Relations/s of the batched transactional loader and of the bulk import into an empty store,
// against a one-row-per-transaction baseline and against bare UNWIND … CREATE statements writing
// the same export into the same store (bench/bare-load.ts), in the same run; the store size on disk.
// Then readers' corrections of N relations (0: skipped): importing and applying them, applying them
// again, and reloading with them in force, each against the time loading those relations took.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, createStore, loadGraphConfig, planLoads, startLocalNeo4j, type EntityType } from '../graph/index.ts';
import * as cypher from '../graph/db/store/cypher.ts';
import { freePort } from '../tests/support/free-port.ts';
import { bareLoad } from './bare-load.ts';
import { syntheticExport } from './synthetic-export.ts';
import { syntheticCorrections, withSentencesInPlace } from './synthetic-corrections.ts';

const arg = process.argv.indexOf('--relations');
const scales = (arg > 0 ? process.argv[arg + 1]! : '10000,100000,1000000').split(',').map(Number);
const correctionsArg = process.argv.indexOf('--corrections');
const correctedRelations = correctionsArg > 0 ? Number(process.argv[correctionsArg + 1]) : 10_000;
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

/** Corrections of `count` relations, against loading those relations (the goal: applying them under 10 %). */
async function correctionsSection(count: number): Promise<void> {
  // Warm the query caches on a small graph, as the loads above warmed theirs.
  const warm = withSentencesInPlace(syntheticExport({ relations: 2000, seed: 3 }));
  await store.reset({ corrections: true });
  await store.load(warm);
  await store.curation.importFile({ version: 1, corrections: syntheticCorrections(warm, 1000) });
  await store.curation.applyAll();
  await store.load(warm, { force: true });

  const data = withSentencesInPlace(syntheticExport({ relations: count, seed: 11 }));
  const corrections = syntheticCorrections(data, count);
  const relationCorrections = corrections.filter((c) => c.kind.endsWith('-relation')).length;
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
  await store.reset({ corrections: true });
  const loaded = await store.load(data);
  const reload = await store.load(data, { force: true });
  const imported = await store.curation.importFile({ version: 1, corrections });
  const again = await store.curation.applyAll();
  const reloadCorrected = await store.load(data, { force: true });
  console.log(
    `corrections of ${relationCorrections.toLocaleString('en')} relations and ${corrections.length - relationCorrections} entities, ` +
      `over ${count.toLocaleString('en')} relations loaded in ${loaded.millis} ms:\n` +
      `  import: ${imported.millis} ms, of which applying them ${imported.applyMillis} ms = ${percent(imported.applyMillis, loaded.millis)} of loading the relations` +
      `${imported.missed.length ? ` (${imported.missed.length} missed)` : ''}\n` +
      `  applied again, already in force: ${again.millis} ms = ${percent(again.millis, loaded.millis)}\n` +
      `  reload of every report with them in force: ${reloadCorrected.millis} ms, against ${reload.millis} ms without (${percent(reloadCorrected.millis - reload.millis, reload.millis)} more)`,
  );
  // Each kind alone, over the same relations loaded afresh: what each costs.
  for (const kind of ['confirm-relation', 'reject-relation', 'retype-relation', 'reverse-relation'] as const) {
    const only = corrections.filter((c) => c.kind === kind);
    await store.reset({ corrections: true });
    const base = await store.load(data);
    const applied = await store.curation.importFile({ version: 1, corrections: only });
    console.log(
      `  ${kind} alone, ${only.length.toLocaleString('en')} of them: applied in ${applied.applyMillis} ms = ${percent(applied.applyMillis, base.millis)} of loading (${base.millis} ms)`,
    );
  }
  await store.reset({ corrections: true });
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
  if (correctedRelations > 0) await correctionsSection(correctedRelations);
} finally {
  await store.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}
