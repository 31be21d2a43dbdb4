// Readers' corrections as data: their kinds and what each describes, the corrections file and its
// checks, the order they apply in, and the gold export of confirmed and added facts.
export * from './corrections.ts';
export { CurationError, type CurationErrorCode } from './errors.ts';
export {
  validateCorrection,
  validateCorrectionsFile,
  CorrectionFormatError,
  CORRECTIONS_FILE_VERSION,
  LIMITS as CORRECTION_LIMITS,
  type CorrectionsFile,
} from './file-format.ts';
export {
  goldFiles,
  goldFileName,
  type GoldFile,
  type GoldEntity,
  type GoldRelation,
  type CuratedEntity,
  type CuratedRelation,
} from './gold.ts';
export { planSteps, type Step } from './plan.ts';
