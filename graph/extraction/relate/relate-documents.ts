// The relation stage as a whole, per document after resolution: the typed relations the rules
// find, LOCATED_IN from the official hierarchy, co-mentions, and the figures each actor is given.
import { CO_MENTIONED, type EndTrace, type Evidence, type FactRecord, type RelationRecord } from '../../model.ts';
import { originalSpan, type NormalizedText, type Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { coMentionedPairs } from './co-mentions.ts';
import { RelationCollector } from './collector.ts';
import { sentenceContexts } from './contexts.ts';
import { sentenceEvidence } from './evidence.ts';
import { documentFacts } from './figures.ts';
import { findRelations } from './find-relations.ts';
import type { RelationFinding } from './rule.ts';
import { hierarchyRelations } from './rules/located-in.ts';
import type { TextTrace } from './trace.ts';

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
    // A typed relation rests only on sentences that reach both its ends.
    const typed = (finding: RelationFinding) => {
      if (finding.ends)
        relations.add(finding.type, finding.source, finding.target, tracedEvidence(doc, evidence(finding.sentence), finding.ends));
    };
    for (const finding of findRelations(doc, contexts, entities, mentions)) typed(finding);
    for (const finding of hierarchyRelations(doc.source.id, contexts, entities, (id, docId) => relations.isLocatedIn(id, docId)))
      typed(finding);
    for (const context of contexts) coMentionedPairs(context, (a, b) => relations.add(CO_MENTIONED, a, b, evidence(context.sentence)));
    facts.push(...documentFacts(doc, contexts));
  }
  return { relations: relations.records(), facts };
}

/** A sentence's evidence for one relation: the sentence, and how it gives each end (original offsets). */
function tracedEvidence(doc: NormalizedText, sentence: Evidence, ends: { source: TextTrace; target: TextTrace }): Evidence {
  return { ...sentence, ends: { source: originalTrace(doc, ends.source), target: originalTrace(doc, ends.target) } };
}

function originalTrace(doc: NormalizedText, trace: TextTrace): EndTrace {
  const [start, end] = originalSpan(doc.analysis, trace.start, trace.end);
  if (!trace.antecedent) return { link: trace.link, start, end };
  const [aStart, aEnd] = originalSpan(doc.analysis, trace.antecedent.start, trace.antecedent.end);
  return { link: trace.link, start, end, antecedent: { start: aStart, end: aEnd, place: trace.antecedent.place } };
}
