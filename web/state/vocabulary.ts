// The words the canvas, the view state and the panels share. Plain types and constants only: the
// entity and relation types mirror the GraphQL enums (server/schema/base.graphql), written out
// here so that the view state can be tested and decoded without generated code.

/** The nine entity types of the contract. */
export const ENTITY_TYPES = ['District', 'Village', 'Company', 'Program', 'Pilot', 'Organization', 'Person', 'Document', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The eight typed relations, then same-sentence co-occurrence. */
export const RELATION_TYPES = [
  'LOCATED_IN',
  'IMPLEMENTS',
  'SELECTED_AS',
  'PARTNERS_WITH',
  'HOLDS_POSITION',
  'ISSUED',
  'FUNDS',
  'PART_OF',
  'CO_MENTIONED',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export type Language = 'zh' | 'en';
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
export type RendererName = 'canvas' | 'webgl';

/** Model coordinates of nodes, by entity id. */
export type Positions = Record<string, { x: number; y: number }>;

/** An entity as the canvas needs it: the fields of the contract's GraphNode it uses. */
export interface NodeInput {
  id: string;
  type: EntityType;
  name: string;
  degree: number;
  /** Neighbours left out, per relation type ("N more"). */
  hidden?: ReadonlyArray<{ type: RelationType; count: number }>;
  hiddenTotal?: number;
  /** Marked when a person changed or added it. */
  curation?: CurationMark | null;
}

/** What corrections left on an entity or a relation (the contract's CurationMark). */
export type CurationMark = 'CONFIRMED' | 'EDITED' | 'ADDED';

/** A relation as the canvas needs it: the contract's GraphEdge, plus what filters may use. */
export interface EdgeInput {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  /** Number of sentences stating it (its evidence count). */
  weight: number;
  directed: boolean;
  /** Documents stating it, when known (for the document filter). */
  documents?: readonly string[];
  /** Date of the earliest document stating it, ISO yyyy-mm-dd, when known (for the date filter). */
  firstReported?: string | null;
  /** Marked when a person confirmed, changed or added it. */
  curation?: CurationMark | null;
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
  /** Inclusive ISO dates; null ends are open. */
  dateRange: { from: string | null; to: string | null };
  showCoMentions: boolean;
}

export function defaultFilters(): Filters {
  return { entityTypes: [], relationTypes: [], documents: [], minWeight: 1, dateRange: { from: null, to: null }, showCoMentions: false };
}
