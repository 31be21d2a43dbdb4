// The words the canvas, the view state and the panels share. The entity and relation types are
// the contract's (generated from the SDL into web/generated/graphql.ts); the lists of their values
// are written as records keyed by those types, so that the compiler refuses a list that misses a
// type the SDL has, or names one it does not.
import type { CanvasEdgeFragment, CanvasNodeFragment, EntityType, RelationType } from '../generated/graphql.ts';

export type { EntityType, RelationType };

const ENTITY_ORDER: Readonly<Record<EntityType, number>> = {
  District: 0,
  Village: 1,
  Company: 2,
  Program: 3,
  Pilot: 4,
  Organization: 5,
  Person: 6,
  Document: 7,
  Place: 8,
};
const RELATION_ORDER: Readonly<Record<RelationType, number>> = {
  LOCATED_IN: 0,
  IMPLEMENTS: 1,
  SELECTED_AS: 2,
  PARTNERS_WITH: 3,
  HOLDS_POSITION: 4,
  ISSUED: 5,
  FUNDS: 6,
  PART_OF: 7,
  CO_MENTIONED: 8,
};
const ordered = <T extends string>(order: Readonly<Record<T, number>>): readonly T[] =>
  (Object.keys(order) as T[]).sort((a, b) => order[a] - order[b]);

/** The nine entity types of the contract, in the legend's order. */
export const ENTITY_TYPES: readonly EntityType[] = ordered(ENTITY_ORDER);
/** The eight typed relations, then same-sentence co-occurrence. */
export const RELATION_TYPES: readonly RelationType[] = ordered(RELATION_ORDER);
/** The typed relations (co-mentions left out). */
export const TYPED_RELATIONS: readonly RelationType[] = RELATION_TYPES.filter((type) => type !== 'CO_MENTIONED');

export type Language = 'zh' | 'en';
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
export type RendererName = 'canvas' | 'webgl';

/** Model coordinates of nodes, by entity id. */
export type Positions = Record<string, { x: number; y: number }>;

/** Per relation type, a number of relations. */
export type RelationCounts = ReadonlyArray<{ type: RelationType; count: number }>;

/** An entity as the canvas needs it: the fields of the contract's GraphNode it uses. */
export interface NodeInput extends Pick<CanvasNodeFragment, 'id' | 'type' | 'name' | 'degree'> {
  /** Neighbours left out, per relation type ("N more"). */
  hidden?: RelationCounts;
  hiddenTotal?: number;
  /** Relations touching it in the whole graph per relation type, when counted (GraphNode.relationCounts). */
  relationCounts?: RelationCounts;
  /** PageRank over the typed relations, when known (for sizing). */
  pagerank?: number | null;
  /** Its community's rank (0: largest), when known (for colouring). */
  community?: number | null;
  /** Marked when a person changed or added it. */
  curation?: CurationMark | null;
}

/** What corrections left on an entity or a relation (the contract's CurationMark). */
export type CurationMark = 'CONFIRMED' | 'EDITED' | 'ADDED';

/** A relation as the canvas needs it: the contract's GraphEdge, plus what filters may use. */
export interface EdgeInput extends Pick<CanvasEdgeFragment, 'id' | 'type' | 'source' | 'target' | 'directed'> {
  /** Number of sentences stating it (its evidence count). */
  weight: number;
  /** Documents stating it, when known (for the document filter). */
  documents?: readonly string[];
  /** Date of the earliest document stating it, ISO yyyy-mm-dd, when known (for the date filter). */
  firstReported?: string | null;
  /** Marked when a person confirmed, changed or added it. */
  curation?: CurationMark | null;
  /** How likely it is right, 0 to 1 (1 when a person confirmed it); null for co-mentions, which no model weighs. */
  confidence?: number | null;
}

/** Nodes and edges, as the API's `Subgraph` gives them. */
export interface SubgraphInput {
  nodes: readonly NodeInput[];
  edges: readonly EdgeInput[];
}

/** What the user chose to see. An empty list means "no restriction" for the three lists. */
export interface Filters {
  entityTypes: EntityType[];
  relationTypes: RelationType[];
  documents: string[];
  minWeight: number;
  /** Relations less likely than this (0 to 1) are left out; co-mentions, never weighed, are not. */
  minConfidence: number;
  /** Inclusive ISO dates; null ends are open. */
  dateRange: { from: string | null; to: string | null };
  /** With a date range set: whether relations no dated report states stay shown. */
  includeUndated: boolean;
  showCoMentions: boolean;
}

export function defaultFilters(): Filters {
  return {
    entityTypes: [],
    relationTypes: [],
    documents: [],
    minWeight: 1,
    minConfidence: 0,
    dateRange: { from: null, to: null },
    includeUndated: false,
    showCoMentions: false,
  };
}

/** What node size and colour say (chosen from the legend). */
export interface Styling {
  size: 'degree' | 'pagerank';
  color: 'type' | 'community';
}

export function defaultStyling(): Styling {
  return { size: 'degree', color: 'type' };
}

/** Grouping: which compound groups exist, and which of them are open. */
export interface Grouping {
  /** Villages and communities folded under the township or district they lie in. */
  places: boolean;
  /** Programs folded under the larger program they are part of. */
  programs: boolean;
  /** A hub's neighbours of one type folded into one node. */
  folds: Array<{ hub: string; type: EntityType }>;
  /** Groups (by id) drawn open, their members shown. */
  open: string[];
}

export function defaultGrouping(): Grouping {
  return { places: false, programs: false, folds: [], open: [] };
}
