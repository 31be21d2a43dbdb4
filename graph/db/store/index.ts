export {
  createStore,
  type Store,
  type GraphCounts,
  type LoadSummary,
  type LoadProgress,
  type LoadOptions,
  type ServerInfo,
} from './neo4j-store.ts';
export { StoreError, type StoreErrorKind } from './errors.ts';
export { validateExport, ExportFormatError } from './validate-export.ts';
export { planLoads } from './load-plan.ts';
export {
  createReader,
  toPlain,
  type Reader,
  type ReadTransaction,
  type ReadOptions,
  type Row,
  type PlainNode,
  type PlainRelationship,
  type PlainPath,
  type PlanOperator,
  type ExplainedStatement,
} from './reader.ts';
export { relationshipType, SOURCE_DOCUMENT, type Statement } from './cypher.ts';
export { SAVED_VIEW, type SavedViewRecord } from './saved-views-cypher.ts';
export { CORRECTION, CURATION_KEY } from './curation-cypher.ts';
export { fromProps as correctionFromProps, type CurationStore, type ImportSummary, type ApplySummary } from './curation-store.ts';
export type { CorrectionRequest } from './curation-record.ts';
