// The relation stage as a whole, per document after resolution: the typed relations the rules
// find, LOCATED_IN from the official hierarchy, co-mentions, and the figures each actor is given.
import { CO_MENTIONED, type Evidence, type FactRecord, type RelationRecord } from '../../model.ts';
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { coMentionedPairs } from './co-mentions.ts';
import { RelationCollector } from './collector.ts';
import { sentenceContexts } from './contexts.ts';
import { sentenceEvidence } from './evidence.ts';
import { documentFacts } from './figures.ts';
import { findRelations } from './find-relations.ts';
import { hierarchyRelations } from './rules/located-in.ts';

export interface RelateInput {
  doc: NormalizedText;
  /** The document's resolved mentions, in text order. */
  mentions: ResolvedMention[];
}

/** Relations (typed and co-mentions, evidence merged across documents) and figures of a corpus. */
export function relateDocuments(
  documents: RelateInput[],
  entities: Map<string, ResolvedEntity>,
): { relations: RelationRecord[]; facts: FactRecord[] } {
  const relations = new RelationCollector();
  const facts: FactRecord[] = [];
  for (const { doc, mentions } of documents) {
    // Each sentence with its mentions and actor, computed once for every step below.
    const contexts = sentenceContexts(doc, mentions, entities);
    // One evidence record per sentence, however many relations it supports.
    const evidenceOf = new Map<Sentence, Evidence>();
    const evidence = (sentence: Sentence) =>
      evidenceOf.get(sentence) ?? evidenceOf.set(sentence, sentenceEvidence(doc, sentence)).get(sentence)!;
    for (const finding of findRelations(doc, contexts, entities, mentions))
      relations.add(finding.type, finding.source, finding.target, evidence(finding.sentence));
    for (const finding of hierarchyRelations(doc.source.id, contexts, entities, (id, docId) => relations.isLocatedIn(id, docId)))
      relations.add('LOCATED_IN', finding.source, finding.target, evidence(finding.sentence));
    for (const context of contexts) coMentionedPairs(context, (a, b) => relations.add(CO_MENTIONED, a, b, evidence(context.sentence)));
    facts.push(...documentFacts(doc, contexts));
  }
  return { relations: relations.records(), facts };
}
