// Stage 4, after resolution: typed relations between resolved entities, each with its sentence;
// co-mentions; figures.
export { relateDocuments, type RelateInput, type RelateOptions } from './relate-documents.ts';
export { RELATION_MODEL, relationProbability, type RelationModel } from './relation-model.ts';
export type { RelationCandidate } from './candidates.ts';
export { sentenceContexts, type SentenceContext } from './contexts.ts';
export { findRelations } from './find-relations.ts';
export { findFigures, type FigureFinding } from './figures.ts';
export { RELATION_RULES } from './rules.ts';
export type { RelationRule, RuleContext, RelationFinding } from './rule.ts';
