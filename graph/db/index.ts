// The database side's public API: the local Neo4j process, the store (the only code that writes
// Cypher), ingestion (read → extract → load) and the bulk import into an empty local store.
export { connectGraph, type GraphConnection, type GraphStatus, type ConnectOptions } from './connect.ts';
export {
  ingestPaths,
  ingestTexts,
  readDocumentFiles,
  readDocumentInputs,
  extractBatch,
  type IngestSummary,
  type IngestOptions,
  type DocumentInput,
  type DocumentOutcome,
  type ReadBatch,
} from './ingest.ts';
export { bulkLoad, type BulkLoadSummary } from './bulk-load.ts';
export { startLocalNeo4j, Neo4jStartError, type LocalNeo4j, type Neo4jExit } from './neo4j/local-neo4j.ts';
export { startSupervisedNeo4j, type SupervisedNeo4j, type SupervisionOptions, type Neo4jStatus } from './neo4j/supervised-neo4j.ts';
export { acquireLocalNeo4j, Neo4jInUseError, type AcquiredNeo4j, type AcquireOptions } from './neo4j/acquire-local.ts';
export {
  findRunningNeo4j,
  probeRunningNeo4j,
  readRunningFile,
  runningFilePath,
  type RunningNeo4j,
  type RunningProbe,
} from './neo4j/running-neo4j.ts';
export { Neo4jImportError } from './neo4j/import-local.ts';
export * from './store/index.ts';
