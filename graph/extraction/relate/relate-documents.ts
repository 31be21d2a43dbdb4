// The relation stage as a whole, per document after resolution: the typed relations the rules
// find, LOCATED_IN from the official hierarchy, co-mentions, and the figures each actor is given.
import { CO_MENTIONED, type EndTrace, type Evidence, type FactRecord, type RelationRecord } from '../../model.ts';
import { originalSpan, type NormalizedText, type Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { coMentionedPairs } from './co-mentions.ts';
import { RelationCollector } from './collector.ts';
import { proposeRelations, type RelationCandidate } from './candidates.ts';
import { homeDistrict, sentenceContexts } from './contexts.ts';
import { sentenceEvidence } from './evidence.ts';
import { documentFacts } from './figures.ts';
import { findRelations } from './find-relations.ts';
import { calibrated } from '../learn/logistic.ts';
import { RELATION_MODEL, relationProbability, type RelationModel } from './relation-model.ts';
import { hierarchyRelations } from './rules/located-in.ts';
import type { TextTrace } from './trace.ts';

export interface RelateInput {
  doc: NormalizedText;
  /** The document's resolved mentions, in text order. */
  mentions: ResolvedMention[];
}

export interface RelateOptions {
  /** Decides which candidates are relations; null keeps what the rules find (how training data is made). */
  model?: RelationModel | null;
  /** Sees every candidate of a document, with its cues (training and evaluation). */
  onCandidates?: (documentId: string, candidates: readonly RelationCandidate[]) => void;
}

/** Relations (typed and co-mentions, evidence merged across documents) and figures of a corpus. */
export function relateDocuments(
  documents: RelateInput[],
  entities: Map<string, ResolvedEntity>,
  { model = RELATION_MODEL, onCandidates }: RelateOptions = {},
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
    const findings = findRelations(doc, contexts, entities, mentions);
    // The official hierarchy places what no sentence of the document placed already.
    const placed = new Set(findings.filter((f) => f.type === 'LOCATED_IN' && f.ends).map((f) => f.source));
    findings.push(...hierarchyRelations(doc.source.id, contexts, entities, (id) => placed.has(id)));
    if (model || onCandidates) {
      const candidates = proposeRelations(doc, contexts, entities, mentions, findings, homeDistrict(mentions, entities));
      onCandidates?.(doc.source.id, candidates);
      if (model) {
        for (const candidate of candidates) {
          const p = relationProbability(model, candidate);
          if (p < model.threshold) continue;
          const { type, source, target, sentence, ends } = candidate;
          const confidence = Math.round(calibrated(model.calibration, p) * 1000) / 1000;
          relations.add(type, source, target, { ...tracedEvidence(doc, evidence(sentence), ends), confidence }, confidence);
        }
      }
    }
    // Without a model, a typed relation is what a rule found, on a sentence that reaches both its ends.
    if (!model) {
      for (const { type, source, target, sentence, ends } of findings) {
        if (ends) relations.add(type, source, target, tracedEvidence(doc, evidence(sentence), ends));
      }
    }
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
