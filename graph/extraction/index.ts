// The extraction pipeline's public API: files in, an ExtractionExport out. Pure: it imports
// nothing of the database side (graph/db) or the read side (graph/queries).
export { createExtractor, EXTRACTOR_VERSION, type Extractor, type ExtractorOptions, type DocumentStages } from './pipeline.ts';
export { ExtractionPool, type ExtractionPoolOptions } from './pool/extract-pool.ts';
export {
  findInputFiles,
  readSource,
  readSources,
  readBytes,
  INPUT_EXTENSIONS,
  type SourceDocument,
  type ReadFailure,
  type DocumentRefusal,
  type ReadOptions,
  type ReadOutcome,
} from './read/read-sources.ts';
export type { Refusal } from './read/content-checks.ts';
export { garbledShare, simplifyName, toSimplified } from './normalize/index.ts';
