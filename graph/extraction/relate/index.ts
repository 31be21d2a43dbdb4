// Stage 4, after resolution: typed relations between resolved entities, each with its sentence;
// co-mentions; figures.
export { relateDocuments, type RelateInput } from './relate-documents.ts';
export { sentenceContexts, type SentenceContext } from './contexts.ts';
export { findRelations } from './find-relations.ts';
export { findFigures, type FigureFinding } from './figures.ts';
export { RELATION_RULES } from './rules.ts';
export type { RelationRule, RuleContext, RelationFinding } from './rule.ts';
