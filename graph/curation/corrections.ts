// Corrections: what readers change in the graph, kept as data of their own beside what extraction
// writes, and applied again after every load. Each describes its target as it was when made (ids,
// names, sentences), so that it can find the target again after a reload, make it again where the
// extractor no longer states it, or be shown as orphaned when its reports are gone.
import { isUndirected, type EntityType, type Evidence, type RelationType, type TypedRelationType } from '../model.ts';

export const CORRECTION_KINDS = [
  'confirm-relation',
  'reject-relation',
  'retype-relation',
  'reverse-relation',
  'rename-entity',
  'retype-entity',
  'merge-entities',
  'split-entity',
  'reject-entity',
  'add-relation',
  'add-entity',
  'undo',
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export function isCorrectionKind(value: unknown): value is CorrectionKind {
  return (CORRECTION_KINDS as readonly unknown[]).includes(value);
}

/** A relation as it stood when it was corrected. */
export interface RelationSnapshot {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  /** Its sentences then (at most {@link SNAPSHOT_EVIDENCE}): what makes it again if the extractor drops it. */
  evidence: Evidence[];
}

/** An entity as it stood when it was corrected. */
export interface EntitySnapshot {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

/** An entity as a correction names it: a snapshot, or an added relation's end (id and name). */
export interface EntityReference {
  id: string;
  type?: EntityType;
  name: string;
  aliases?: string[];
}

/** A reader's selection in a report: the evidence of what is added from it. */
export interface Selection {
  doc: string;
  start: number;
  end: number;
  /** The selected text: found again by its words if the report's text moves. */
  text: string;
}

/** Where an end of an added relation is named inside the selection (offsets in the report). */
export interface EndSpan {
  start: number;
  end: number;
}

interface Common {
  /** Unique, made when the correction is made; kept through export and import. */
  id: string;
  /** Who made it: the editor named with the token. */
  editor: string;
  /** When, ISO 8601. */
  at: string;
  reason?: string;
  /** The reports it rests on; none left in the graph makes it orphaned. */
  documents?: string[];
}

export type CorrectionBody =
  | { kind: 'confirm-relation'; relation: RelationSnapshot }
  | { kind: 'reject-relation'; relation: RelationSnapshot }
  | { kind: 'retype-relation'; relation: RelationSnapshot; type: TypedRelationType }
  | { kind: 'reverse-relation'; relation: RelationSnapshot }
  | { kind: 'rename-entity'; entity: EntitySnapshot; name: string }
  | { kind: 'retype-entity'; entity: EntitySnapshot; type: EntityType }
  /** `entity` is merged into `into`, which is kept. */
  | { kind: 'merge-entities'; entity: EntitySnapshot; into: EntitySnapshot }
  /** What `entity` says in `documents` becomes the entity `newId` (named `name`, of type `type`). */
  | { kind: 'split-entity'; entity: EntitySnapshot; documents: string[]; name: string; type: EntityType; newId: string }
  | { kind: 'reject-entity'; entity: EntitySnapshot }
  | {
      kind: 'add-relation';
      type: TypedRelationType;
      source: { id: string; name: string };
      target: { id: string; name: string };
      selection: Selection;
      sourceSpan?: EndSpan;
      targetSpan?: EndSpan;
    }
  | { kind: 'add-entity'; entityId: string; type: EntityType; name: string; selection: Selection }
  | { kind: 'undo'; undoes: string };

export type Correction = Common & CorrectionBody;

/** A correction as stored: its place in the order of corrections, and whether it is undone. */
export type StoredCorrection = Correction & {
  seq: number;
  /** Set when an undo took it back (and that undo is itself in force). */
  undoneBy: string | null;
  /** True once it had to make its relation again from its own sentences (the extractor no longer stated it). */
  recreated?: boolean;
};

/** Sentences kept in a relation's snapshot. */
export const SNAPSHOT_EVIDENCE = 20;

/** A relation's id as the extractor makes it: type and ends, the ends sorted for undirected types. */
export function relationId(type: RelationType, source: string, target: string): string {
  if (isUndirected(type) && source > target) [source, target] = [target, source];
  return `${type}:${source}->${target}`;
}

/** The ends a relation of `type` is stored with (undirected ones sorted). */
export function relationEnds(type: RelationType, source: string, target: string): [string, string] {
  return isUndirected(type) && source > target ? [target, source] : [source, target];
}

/** An entity's id as the extractor makes it for a name not linked to a division. */
export function entityId(type: EntityType, name: string): string {
  return `${type}:${name}`;
}

/** What a correction works on, for finding the corrections a load touches and for ordering writes. */
export interface CorrectionKeys {
  entities: string[];
  relations: string[];
  documents: string[];
}

/** The relation a relation correction leaves in the graph (the target itself, or its retyped or reversed form). */
export function resultRelation(correction: Correction): { id: string; type: RelationType; source: string; target: string } | null {
  switch (correction.kind) {
    case 'confirm-relation':
      return correction.relation;
    case 'retype-relation': {
      const { source, target } = correction.relation;
      const [s, t] = relationEnds(correction.type, source, target);
      return { id: relationId(correction.type, s, t), type: correction.type, source: s, target: t };
    }
    case 'reverse-relation': {
      const { type, source, target } = correction.relation;
      return { id: relationId(type, target, source), type, source: target, target: source };
    }
    case 'add-relation': {
      const [s, t] = relationEnds(correction.type, correction.source.id, correction.target.id);
      return { id: relationId(correction.type, s, t), type: correction.type, source: s, target: t };
    }
    default:
      return null;
  }
}

/** The documents a correction rests on as made (the reports of its target, or of its selection). */
export function documentsOf(correction: Correction): string[] {
  const given = correction.documents ?? [];
  const own = (() => {
    switch (correction.kind) {
      case 'confirm-relation':
      case 'reject-relation':
      case 'retype-relation':
      case 'reverse-relation':
        return correction.relation.evidence.map((e) => e.doc);
      case 'split-entity':
        return correction.documents;
      case 'add-relation':
      case 'add-entity':
        return [correction.selection.doc];
      default:
        return [];
    }
  })();
  return [...new Set([...given, ...own])];
}

/** The entities, relations and documents a correction reads or writes. */
export function keysOf(correction: Correction): CorrectionKeys {
  const documents = documentsOf(correction);
  switch (correction.kind) {
    case 'confirm-relation':
    case 'reject-relation':
      return { entities: [], relations: [correction.relation.id], documents };
    case 'retype-relation':
    case 'reverse-relation':
    case 'add-relation':
      return { entities: [], relations: [...new Set([...relationTarget(correction), resultRelation(correction)!.id])], documents };
    case 'rename-entity':
    case 'retype-entity':
    case 'reject-entity':
      return { entities: [correction.entity.id], relations: [], documents };
    case 'merge-entities':
      return { entities: [correction.entity.id, correction.into.id], relations: [], documents };
    case 'split-entity':
      return { entities: [correction.entity.id, correction.newId], relations: [], documents };
    case 'add-entity':
      return { entities: [correction.entityId], relations: [], documents };
    case 'undo':
      return { entities: [], relations: [], documents: [] };
  }
}

function relationTarget(correction: Correction): string[] {
  return 'relation' in correction ? [correction.relation.id] : [];
}

/** The ids whose history shows a correction: its target and what it made. */
export function subjectsOf(correction: Correction): string[] {
  const result = resultRelation(correction);
  const ids = new Set<string>();
  if ('relation' in correction) ids.add(correction.relation.id);
  if (result) ids.add(result.id);
  if ('entity' in correction) ids.add(correction.entity.id);
  if (correction.kind === 'merge-entities') ids.add(correction.into.id);
  if (correction.kind === 'split-entity') ids.add(correction.newId);
  if (correction.kind === 'add-entity') ids.add(correction.entityId);
  if (correction.kind === 'add-relation') ids.add(correction.source.id).add(correction.target.id);
  return [...ids];
}

/**
 * What must be in the graph for a correction to be in force: the relation or entity it leaves
 * (none for rejections and undos, which are in force by what is absent).
 */
export function anchorOf(correction: Correction): { kind: 'entity' | 'relation'; id: string } | null {
  const result = resultRelation(correction);
  if (result) return { kind: 'relation', id: result.id };
  switch (correction.kind) {
    case 'rename-entity':
    case 'retype-entity':
      return { kind: 'entity', id: correction.entity.id };
    case 'merge-entities':
      return { kind: 'entity', id: correction.into.id };
    case 'split-entity':
      return { kind: 'entity', id: correction.newId };
    case 'add-entity':
      return { kind: 'entity', id: correction.entityId };
    default:
      return null;
  }
}

/** Kinds that change how entities and relations are connected: applied one at a time, in order. */
export function isStructural(kind: CorrectionKind): boolean {
  return kind === 'merge-entities' || kind === 'split-entity' || kind === 'reject-entity';
}

/** Kinds whose relation stays in the graph as a person stated it: shown with confidence 1. */
export function assertsRelation(kind: CorrectionKind): boolean {
  return kind === 'confirm-relation' || kind === 'retype-relation' || kind === 'reverse-relation' || kind === 'add-relation';
}
