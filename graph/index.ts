// The graph module's public API: configuration, the extraction pipeline, and the Neo4j store.
export { loadGraphConfig, ConfigError, DEFAULT_MAX_DOCUMENT_BYTES, type GraphConfig, type Neo4jConfig, type LocalNeo4jConfig } from './config.ts';
export * from './model.ts';
export { createExtractor, type Extractor, type ExtractorOptions } from './pipeline.ts';
export { findInputFiles, readSource, readSources, readBytes, type SourceDocument, type ReadFailure, type DocumentRefusal, type ReadOptions, type ReadOutcome } from './read/read-sources.ts';
export type { Refusal } from './read/content-checks.ts';
export { connectGraph, type GraphConnection } from './connect.ts';
export {
  ingestPaths, ingestTexts, readDocumentFiles, readDocumentInputs, extractBatch,
  type IngestSummary, type IngestOptions, type DocumentInput, type DocumentOutcome, type ReadBatch,
} from './ingest.ts';
export { bulkLoad, type BulkLoadSummary } from './bulk-load.ts';
export { startLocalNeo4j, Neo4jStartError, type LocalNeo4j } from './neo4j/local-neo4j.ts';
export { Neo4jImportError } from './neo4j/import-local.ts';
export * from './store/index.ts';
export { createQueries, QueryError, type Queries, type QueryOptions, type QueryErrorCode } from './queries/index.ts';
export type * from './queries/views.ts';
