// Training and evaluating the relation model on the annotated sets: the rules propose candidates
// with their cues, the gold labels them, a logistic regression per relation type weighs them.
// Cross-validation is grouped by document: no document is in training and test at once.
import type { ExtractionExport, RelationRecord, TypedRelationType } from '../../model.ts';
import { RELATION_TYPES } from '../../model.ts';
import { createExtractor } from '../pipeline.ts';
import { findInputFiles, readSource } from '../read/read-sources.ts';
import type { RelationCandidate, RelationModel } from '../relate/index.ts';
import { GoldMatcher, type GoldSet } from './gold.ts';
import { train, type Example, type TrainOptions } from './logistic.ts';

/** A candidate with its place in the sets and whether the gold states it. */
export interface LabeledCandidate {
  /** `set/doc`: the unit folds are made of. */
  key: string;
  candidate: RelationCandidate;
  label: boolean;
}

export interface ExtractedSet {
  set: GoldSet;
  data: ExtractionExport;
  candidates: Map<string, RelationCandidate[]>;
}

/** Extracts a set's annotated documents with `model` (null: the rules alone), keeping each document's candidates. */
export function extractSet(set: GoldSet, cacheDir: string, model: RelationModel | null): ExtractedSet {
  const candidates = new Map<string, RelationCandidate[]>();
  const files = findInputFiles([set.docs]).files.filter((file) => set.gold.has(file.split('/').pop()!));
  const extractor = createExtractor({
    cacheDir,
    relationModel: model,
    onRelationCandidates: (doc, found) => candidates.set(doc, [...found]),
  });
  return { set, data: extractor.extract(files.map(readSource)), candidates };
}

/** Labels every candidate of an extracted set against its gold. */
export function labelCandidates({ set, data, candidates }: ExtractedSet): LabeledCandidate[] {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const out: LabeledCandidate[] = [];
  for (const [doc, found] of candidates) {
    const gold = set.gold.get(doc);
    if (!gold) continue;
    const matcher = new GoldMatcher(gold);
    const names = new Map<string, string[]>();
    const namesOf = (id: string) => names.get(id) ?? names.set(id, matcher.names(entities.get(id)!)).get(id)!;
    for (const candidate of found) {
      out.push({
        key: `${set.name}/${doc}`,
        candidate,
        label: matcher.holds(candidate.type, namesOf(candidate.source), namesOf(candidate.target)),
      });
    }
  }
  return out;
}

export const TRAINING: TrainOptions = { l2: 2, steps: 400, learningRate: 0.1, minCount: 2 };

/** One logistic regression per relation type, over the labeled candidates. */
export function trainRelationModel(
  examples: readonly LabeledCandidate[],
  threshold = 0.5,
  options: TrainOptions = TRAINING,
): RelationModel {
  const types: RelationModel['types'] = {};
  for (const type of RELATION_TYPES) {
    const mine: Example[] = examples
      .filter((e) => e.candidate.type === type)
      .map((e) => ({ features: e.candidate.features, label: e.label }));
    if (mine.some((e) => e.label)) types[type] = train(mine, options);
  }
  return { threshold, types };
}

/** The fold of a document: a hash of its key, so folds never depend on the order documents are read in. */
export function foldOf(key: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % folds;
}

/** An export cut down to some documents: what the scorer would read of them. */
export function restrictToDocuments(data: ExtractionExport, docs: ReadonlySet<string>): ExtractionExport {
  return {
    documents: data.documents.filter((d) => docs.has(d.id)),
    entities: data.entities
      .map((e) => ({ ...e, mentions: e.mentions.filter((m) => docs.has(m.doc)) }))
      .filter((e) => e.mentions.length > 0),
    relations: data.relations
      .map((r) => ({ ...r, evidence: r.evidence.filter((ev) => docs.has(ev.doc)) }))
      .filter((r) => r.evidence.length > 0),
    facts: data.facts.filter((f) => docs.has(f.evidence.doc)),
  };
}

/** Exports of disjoint documents as one (entities and relations merged by id). */
export function mergeExports(parts: readonly ExtractionExport[]): ExtractionExport {
  const entities = new Map<string, ExtractionExport['entities'][number]>();
  const relations = new Map<string, RelationRecord>();
  for (const part of parts) {
    for (const e of part.entities) {
      const known = entities.get(e.id);
      entities.set(e.id, known ? { ...known, mentions: [...known.mentions, ...e.mentions] } : e);
    }
    for (const r of part.relations) {
      const known = relations.get(r.id);
      if (!known) relations.set(r.id, r);
      else {
        const confidence = Math.max(known.confidence ?? 0, r.confidence ?? 0);
        relations.set(r.id, { ...known, evidence: [...known.evidence, ...r.evidence], weight: known.weight + r.weight, confidence });
      }
    }
  }
  return {
    documents: parts.flatMap((p) => p.documents),
    entities: [...entities.values()],
    relations: [...relations.values()],
    facts: parts.flatMap((p) => p.facts),
  };
}

/** Per relation type in a predicted export: the relation's confidence and whether the gold states its pair in the document. */
export function scoredRelations(
  set: GoldSet,
  data: ExtractionExport,
): Array<{ type: TypedRelationType; confidence: number; right: boolean }> {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const out: Array<{ type: TypedRelationType; confidence: number; right: boolean }> = [];
  for (const relation of data.relations) {
    if (relation.type === 'CO_MENTIONED') continue;
    for (const doc of new Set(relation.evidence.map((e) => e.doc))) {
      const gold = set.gold.get(doc);
      if (!gold) continue;
      const matcher = new GoldMatcher(gold);
      const right =
        matcher.holds(relation.type, matcher.names(entities.get(relation.source)!), matcher.names(entities.get(relation.target)!)) ||
        matcher.holds(relation.type, matcher.names(entities.get(relation.target)!), matcher.names(entities.get(relation.source)!));
      out.push({ type: relation.type, confidence: relation.confidence ?? 1, right });
    }
  }
  return out;
}
