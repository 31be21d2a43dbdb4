// The graph module's public API: configuration, the vocabulary, and its three subsystems:
// extraction (files → export), the database side (Neo4j, store, ingest) and the read side.
export {
  loadGraphConfig,
  ConfigError,
  DEFAULT_MAX_DOCUMENT_BYTES,
  type GraphConfig,
  type Neo4jConfig,
  type LocalNeo4jConfig,
} from './config.ts';
export * from './model.ts';
export * from './curation/index.ts';
export {
  createExtractor,
  findInputFiles,
  readSource,
  readSources,
  readBytes,
  type Extractor,
  type ExtractorOptions,
  type SourceDocument,
  type ReadFailure,
  type DocumentRefusal,
  type ReadOptions,
  type ReadOutcome,
  type Refusal,
} from './extraction/index.ts';
export * from './db/index.ts';
export { createQueries, QueryError, type Queries, type QueryOptions, type QueryErrorCode } from './queries/index.ts';
export type * from './queries/views.ts';
