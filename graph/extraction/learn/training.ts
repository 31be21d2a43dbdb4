// Training and evaluating the two models on the annotated sets. The recognizers and rules propose
// candidates with their cues; the gold labels them; a logistic regression decides per entity (is
// this a name of its type, in this document) and per relation type (does this sentence state this
// relation). Cross-validation is grouped by document: no document is in training and test at once.
import type { ExtractionExport, RelationRecord } from '../../model.ts';
import { RELATION_TYPES } from '../../model.ts';
import { createExtractor } from '../pipeline.ts';
import { findInputFiles, readSource } from '../read/read-sources.ts';
import type { RelationCandidate, RelationModel } from '../relate/index.ts';
import { relationProbability } from '../relate/index.ts';
import type { BoundaryCandidate, BoundaryModel } from '../mentions/index.ts';
import { entityProbability, type EntityCandidate, type EntityModel } from '../resolve/entity-model.ts';
import { GoldMatcher, type GoldSet } from './gold.ts';
import { calibrated, fitCalibration, train, type Calibration, type Example, type TrainOptions } from './logistic.ts';

/** Cues and outcome of one decision, with the document it belongs to (`set/doc`: what folds are made of). */
export interface Labeled<C> {
  key: string;
  candidate: C;
  label: boolean;
}

export interface Models {
  boundary: BoundaryModel | null;
  entity: EntityModel | null;
  relation: RelationModel | null;
}

const NONE: Models = { boundary: null, entity: null, relation: null };

export interface ExtractedSet {
  set: GoldSet;
  data: ExtractionExport;
  boundaries: Map<string, BoundaryCandidate[]>;
  entities: Map<string, EntityCandidate[]>;
  relations: Map<string, RelationCandidate[]>;
}

export const BOUNDARY_TRAINING: TrainOptions = { l2: 2, steps: 400, learningRate: 0.1, minCount: 2 };
export const ENTITY_TRAINING: TrainOptions = { l2: 2, steps: 400, learningRate: 0.1, minCount: 2 };
export const RELATION_TRAINING: TrainOptions = { l2: 2, steps: 400, learningRate: 0.1, minCount: 2 };
export const BOUNDARY_THRESHOLD = 0.5;
export const ENTITY_THRESHOLD = 0.4;
export const RELATION_THRESHOLD = 0.3;
/** A relation type with fewer positive candidates than this is left to its rules: too few to weigh cues on. */
export const RELATION_MIN_POSITIVES = 40;

/** Extracts a set's annotated documents with the given models (null: none), keeping every document's candidates. */
export function extractSet(set: GoldSet, cacheDir: string, models: Models, doubtfulQuotes?: boolean): ExtractedSet {
  const boundaries = new Map<string, BoundaryCandidate[]>();
  const entities = new Map<string, EntityCandidate[]>();
  const relations = new Map<string, RelationCandidate[]>();
  const files = findInputFiles([set.docs]).files.filter((file) => set.gold.has(file.split('/').pop()!));
  const extractor = createExtractor({
    cacheDir,
    boundaryModel: models.boundary,
    onBoundaryCandidates: (doc, found) => boundaries.set(doc, [...found]),
    entityModel: models.entity,
    relationModel: models.relation,
    onEntityCandidates: (doc, found) => entities.set(doc, [...found]),
    onRelationCandidates: (doc, found) => relations.set(doc, [...found]),
    ...(doubtfulQuotes === undefined ? {} : { doubtfulQuotes }),
  });
  return { set, data: extractor.extract(files.map(readSource)), boundaries, entities, relations };
}

/** Labels each alternative start of a name: does the name cut there match the gold, where the name as found does not? */
export function labelBoundaries({ set, boundaries }: ExtractedSet): Labeled<BoundaryCandidate>[] {
  const out: Labeled<BoundaryCandidate>[] = [];
  for (const [doc, found] of boundaries) {
    const gold = set.gold.get(doc);
    if (!gold) continue;
    const matcher = new GoldMatcher(gold);
    const matches = (name: string) => matcher.names({ name, aliases: [] }).length > 0;
    for (const candidate of found) {
      out.push({ key: `${set.name}/${doc}`, candidate, label: !matches(candidate.name) && matches(candidate.rest) });
    }
  }
  return out;
}

export function trainBoundaryModel(examples: readonly Labeled<BoundaryCandidate>[]): BoundaryModel {
  const mine: Example[] = examples.map((e) => ({ features: e.candidate.features, label: e.label }));
  return { threshold: BOUNDARY_THRESHOLD, model: mine.some((e) => e.label) ? train(mine, BOUNDARY_TRAINING) : null };
}

/** Labels each entity candidate: does the gold name it, with this type, in this document? */
export function labelEntities({ set, data, entities }: ExtractedSet): Labeled<EntityCandidate>[] {
  const records = new Map(data.entities.map((e) => [e.id, e]));
  const out: Labeled<EntityCandidate>[] = [];
  for (const [doc, found] of entities) {
    const gold = set.gold.get(doc);
    if (!gold) continue;
    const matcher = new GoldMatcher(gold);
    const types = new Map(gold.entities.map((e) => [e.name, e.type]));
    for (const candidate of found) {
      // A name the model dropped everywhere has no record: its forms are its id's.
      const record = records.get(candidate.entity) ?? { name: candidate.entity.replace(/^[^:]*:/, '').replace(/#.*$/, ''), aliases: [] };
      const type = candidate.entity.split(':')[0];
      const label = matcher.names(record).some((name) => types.get(name) === type);
      out.push({ key: `${set.name}/${doc}`, candidate, label });
    }
  }
  return out;
}

/** Labels each relation candidate: does the gold state it in this document? */
export function labelRelations({ set, data, relations }: ExtractedSet): Labeled<RelationCandidate>[] {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const out: Labeled<RelationCandidate>[] = [];
  for (const [doc, found] of relations) {
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

export function trainEntityModel(examples: readonly Labeled<EntityCandidate>[], calibration?: Calibration): EntityModel {
  const mine: Example[] = examples.map((e) => ({ features: e.candidate.features, label: e.label }));
  return { threshold: ENTITY_THRESHOLD, model: train(mine, ENTITY_TRAINING), ...(calibration ? { calibration } : {}) };
}

/**
 * One logistic regression per relation type with enough examples; a type with fewer is decided by
 * its rules, and a pair they find gets the precision they had on the training documents.
 */
export function trainRelationModel(examples: readonly Labeled<RelationCandidate>[], calibration?: Calibration): RelationModel {
  const types: RelationModel['types'] = {};
  const ruled: NonNullable<RelationModel['ruled']> = {};
  for (const type of RELATION_TYPES) {
    const mine: Example[] = examples
      .filter((e) => e.candidate.type === type)
      .map((e) => ({ features: e.candidate.features, label: e.label }));
    if (mine.filter((e) => e.label).length >= RELATION_MIN_POSITIVES) {
      types[type] = train(mine, RELATION_TRAINING);
      continue;
    }
    const found = mine.filter((e) => e.features.includes('rule'));
    ruled[type] = found.length === 0 ? 0 : Math.round((found.filter((e) => e.label).length / found.length) * 1e4) / 1e4;
  }
  return { threshold: RELATION_THRESHOLD, types, ruled, ...(calibration ? { calibration } : {}) };
}

/** The fold of a document: a hash of its key, so folds never depend on the order documents are read in. */
export function foldOf(key: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % folds;
}

/**
 * The models trained on the documents `inTraining` admits, each on the candidates the models
 * before it leave (where names start, then which names are names, then which pairs are relations).
 */
function trainStages(
  sets: readonly GoldSet[],
  cacheDir: string,
  inTraining: (key: string) => boolean,
  calibration: { entity?: Calibration; relation?: Calibration } = {},
): Models {
  const mine = <C>(labeled: Labeled<C>[]) => labeled.filter((e) => inTraining(e.key));
  const boundary = trainBoundaryModel(sets.flatMap((set) => mine(labelBoundaries(extractSet(set, cacheDir, NONE)))));
  const entity = trainEntityModel(
    // Without an entity model yet, the doubtful quotes it is to weigh are kept all the same.
    sets.flatMap((set) => mine(labelEntities(extractSet(set, cacheDir, { ...NONE, boundary }, true)))),
    calibration.entity,
  );
  const relation = trainRelationModel(
    sets.flatMap((set) => mine(labelRelations(extractSet(set, cacheDir, { boundary, entity, relation: null })))),
    calibration.relation,
  );
  return { boundary, entity, relation };
}

/** The models trained on every annotated document: what `npm run train` writes. */
export function trainModels(
  sets: readonly GoldSet[],
  cacheDir: string,
  calibration: { entity?: Calibration; relation?: Calibration } = {},
): Models {
  return trainStages(sets, cacheDir, () => true, calibration);
}

export interface CrossValidation {
  /** Each set's out-of-fold export: every document extracted by models that never saw it. */
  exports: Map<string, ExtractionExport>;
  /** Out-of-fold raw probabilities, whether the gold has the fact, and its fold: of every entity, and of the relations kept. */
  entities: Sample[];
  relations: Sample[];
}

export interface Sample {
  p: number;
  right: boolean;
  fold: number;
  /** At or above the model's threshold: a fact the extraction keeps (the others only help fit the calibration). */
  kept: boolean;
}

/**
 * Cross-validation grouped by document: for each fold, the models are trained on the other folds'
 * documents (each on what the ones before it leave), and the fold's documents extracted with them.
 */
export function crossValidate(sets: readonly GoldSet[], cacheDir: string, folds = 5): CrossValidation {
  const inFold = (key: string, fold: number) => foldOf(key, folds) === fold;
  const parts = new Map<string, ExtractionExport[]>(sets.map((s) => [s.name, []]));
  const result: CrossValidation = { exports: new Map(), entities: [], relations: [] };
  for (let fold = 0; fold < folds; fold++) {
    const models = trainStages(sets, cacheDir, (key) => !inFold(key, fold));
    const entity = models.entity!;
    const relation = models.relation!;
    for (const set of sets) {
      const docs = new Set([...set.gold.keys()].filter((doc) => inFold(`${set.name}/${doc}`, fold)));
      if (docs.size === 0) continue;
      const extracted = extractSet(set, cacheDir, models);
      parts.get(set.name)!.push(restrictToDocuments(extracted.data, docs));
      // An entity is weighed by its best document (the unit the model decides on).
      const labeled = labelEntities(extracted);
      const bestOf = new Map<string, number>();
      for (const e of labeled)
        bestOf.set(e.candidate.entity, Math.max(bestOf.get(e.candidate.entity) ?? 0, entityProbability(entity, e.candidate)));
      for (const e of labeled) {
        if (!docs.has(e.key.slice(set.name.length + 1))) continue;
        const p = bestOf.get(e.candidate.entity)!;
        // Every candidate, kept or not: the entity's map is fitted over the whole range of p.
        result.entities.push({ p, right: e.label, fold, kept: p >= entity.threshold });
      }
      // A relation's raw probability in a document: its best candidate's there.
      const best = new Map<string, Sample>();
      for (const r of labelRelations(extracted)) {
        if (!docs.has(r.key.slice(set.name.length + 1))) continue;
        const p = relationProbability(relation, r.candidate);
        // Only the kept: the many pairs below the threshold, that no sentence relates, would pull
        // the relation's map down where it is read.
        if (p < relation.threshold) continue;
        const key = `${r.key} ${r.candidate.type} ${r.candidate.source} ${r.candidate.target}`;
        const known = best.get(key);
        if (!known || p > known.p) best.set(key, { p, right: r.label, fold, kept: true });
      }
      result.relations.push(...best.values());
    }
  }
  for (const [name, exported] of parts) result.exports.set(name, mergeExports(exported));
  return result;
}

/** An export cut down to some documents: what the scorer reads of them. */
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
      relations.set(r.id, known ? { ...known, evidence: [...known.evidence, ...r.evidence], weight: known.weight + r.weight } : r);
    }
  }
  return {
    documents: parts.flatMap((p) => p.documents),
    entities: [...entities.values()],
    relations: [...relations.values()],
    facts: parts.flatMap((p) => p.facts),
  };
}

/**
 * Precision of the facts kept in each tenth of confidence: the table the docs show. Cross-fitted:
 * each fold's samples are calibrated by a mapping fitted on the other folds' samples only.
 */
export function calibrationTable(samples: readonly Sample[]): Array<{ from: number; to: number; count: number; precision: number }> {
  const rows = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0, right: 0 }));
  const maps = new Map<number, Calibration>();
  for (const { p, right, fold, kept } of samples) {
    if (!kept) continue;
    const map = maps.get(fold) ?? maps.set(fold, fitCalibration(samples.filter((s) => s.fold !== fold))).get(fold)!;
    const row = rows[Math.min(9, Math.floor(calibrated(map, p) * 10))]!;
    row.count++;
    if (right) row.right++;
  }
  return rows.filter((r) => r.count > 0).map((r) => ({ from: r.from, to: r.to, count: r.count, precision: r.right / r.count }));
}
