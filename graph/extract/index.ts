export { Gazetteer, villageName, type Division } from './gazetteer.ts';
export { MentionFinder, selectMentions, type Candidate } from './mentions.ts';
export { namesToPropagate, propagateNames, listedCompanies } from './corpus-names.ts';
export { findRelations, sentenceContexts, type RelationFinding, type SentenceContext } from './relations.ts';
export { findFigures, type FigureFinding } from './facts.ts';
export { cut } from './segmenter.ts';
