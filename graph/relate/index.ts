// Stage 4, after resolution: typed relations between resolved entities, each with its sentence.
export { sentenceContexts, type SentenceContext } from './contexts.ts';
export { findRelations, type RelationFinding } from './find-relations.ts';
export { hierarchyRelations } from './rules/located-in.ts';
export { RELATION_RULES } from './rules.ts';
export type { RelationRule, RuleContext } from './rule.ts';
