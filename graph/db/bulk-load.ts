// Fills an empty local store from an export with Neo4j's offline importer instead of transactions:
// for the first load of a large corpus (a province's reports), where transactional writes are
// bounded by commit cost. Afterwards the store is the ordinary one: later exports load through
// transactions, documents replace their old versions, re-ingestion skips what is unchanged.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, type GraphConfig } from '../config.ts';
import { connectGraph, type GraphConnection } from './connect.ts';
import type { ExtractionExport } from '../model.ts';
import type { CorrectionsFile } from '../curation/file-format.ts';
import { importIntoLocalNeo4j, Neo4jImportError } from './neo4j/import-local.ts';
import { bumpGraphVersion } from './store/cypher.ts';
import { startLocalNeo4j } from './neo4j/local-neo4j.ts';
import { findRunningNeo4j } from './neo4j/running-neo4j.ts';
import { createStore } from './store/index.ts';
import { ARRAY_DELIMITER, writeImportFiles } from './store/import-files.ts';

export interface BulkLoadSummary {
  documents: number;
  relations: number;
  nodes: number;
  relationships: number;
  /** Milliseconds of each step, and in all. */
  millis: { files: number; import: number; start: number; schema: number; total: number };
}

/**
 * Imports `data` into the local store, which must be empty (or not exist yet), then starts it and
 * sets up the schema. Returns the open connection; the caller closes it.
 */
export async function bulkLoad(config: GraphConfig, data: ExtractionExport): Promise<{ graph: GraphConnection; summary: BulkLoadSummary }> {
  if (config.neo4j.uri) {
    throw new ConfigError(
      "--bulk writes the local store's files directly and cannot reach a server named by NEO4J_URI; load without --bulk",
    );
  }
  // The importer writes the store's files: not under a running Neo4j, the app's or anyone's.
  const running = await findRunningNeo4j(config.neo4j.local.dataDir, { waitMs: 0, waitForStarting: false });
  if (running.state !== 'none') {
    const { owner, ownerPid, app } = running.running!;
    throw new Neo4jImportError(
      `${app ? `the app is running at ${app}` : `${owner} is running`} (pid ${ownerPid}) with the local store open: ` +
        "stop it first, as a bulk import writes the store's files; or load without --bulk",
    );
  }
  // The importer replaces the whole database: readers' corrections are carried over and applied again.
  const corrections = await ensureEmpty(config);

  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'policy-graph-import-'));
  try {
    const files = writeImportFiles(data, join(workDir, 'csv'));
    const written = performance.now();
    await importIntoLocalNeo4j(config.neo4j.local, {
      database: config.neo4j.database,
      nodes: files.nodes,
      relationships: files.relationships,
      arrayDelimiter: ARRAY_DELIMITER,
      workDir,
    });
    const imported = performance.now();
    const graph = await connectGraph(config);
    if (corrections && corrections.corrections.length > 0) await graph.store.curation.importFile(corrections);
    // The graph changed: a running server's caches key on the version.
    await graph.store.writeStatement(bumpGraphVersion());
    const ready = performance.now();
    const startMillis = graph.local?.startMillis ?? 0;
    return {
      graph,
      summary: {
        documents: data.documents.length,
        relations: files.counts.relations,
        nodes: files.counts.nodes,
        relationships: files.counts.relationships,
        millis: {
          files: Math.round(written - started),
          import: Math.round(imported - written),
          start: startMillis,
          schema: Math.round(ready - imported - startMillis),
          total: Math.round(ready - started),
        },
      },
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Refuses to overwrite a graph that holds anything (or a store another process has open); returns
 * the corrections the store holds (kept by `reset`), to write back after the import.
 */
async function ensureEmpty(config: GraphConfig): Promise<CorrectionsFile | null> {
  const databaseDir = join(resolve(config.neo4j.local.dataDir), 'data', 'databases', config.neo4j.database);
  if (!existsSync(databaseDir)) return null;
  const local = await startLocalNeo4j(config.neo4j.local);
  const store = createStore(local.uri, config.neo4j, { authenticate: false });
  try {
    const counts = await store.counts();
    if (counts.documents > 0 || counts.entities > 0) {
      throw new Neo4jImportError(
        `the graph is not empty (${counts.documents} documents, ${counts.entities} entities): ` +
          'a bulk import only fills an empty graph; run npm run reset first, or load without --bulk',
      );
    }
    await store.ensureSchema();
    return await store.curation.exportFile();
  } finally {
    await store.close();
    await local.stop();
  }
}
