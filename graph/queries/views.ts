// What the query side hands to the API: plain data shaped like the GraphQL contract
// (server/schema/), one view type per contract type. Field resolvers that need more (an entity's
// hierarchy, facts, documents…) ask for it in batches through the functions in ./index.ts.
import type { Correction, CorrectionKind } from '../curation/index.ts';
import type { AntecedentPlace, EndLink, EntityType, RelationType } from '../model.ts';

export interface EntityView {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  code: string | null;
  officialName: string | null;
  level: string | null;
  /** How likely it is a name of its type, in [0, 1]; null where no model weighed it. */
  confidence: number | null;
  /** Typed relations touching it (co-mentions not counted). */
  degree: number;
}

export interface TypeCountView {
  type: EntityType;
  count: number;
}
export interface RelationCountView {
  type: RelationType;
  count: number;
}
export interface SpanView {
  start: number;
  end: number;
}
export interface HighlightView {
  entityId: string;
  start: number;
  end: number;
}

/** A page of a cursor connection: cursors are opaque strings made by ./cursor.ts. */
export interface Page<T> {
  items: Array<{ cursor: string; node: T }>;
  totalCount: number;
  hasNextPage: boolean;
}

/** Paging arguments as the API receives them, already range-checked. */
export interface PageArgs {
  first: number;
  after?: string | null;
}

export type MatchKind = 'EXACT' | 'PREFIX' | 'PINYIN' | 'INITIALS' | 'FULLTEXT';

export interface SearchHit {
  entity: EntityView;
  matchedBy: MatchKind;
  matched: string;
}

export interface SearchResult {
  page: Page<SearchHit>;
  facets: TypeCountView[];
}

export interface RelationView {
  id: string;
  type: RelationType;
  directed: boolean;
  source: string;
  target: string;
  weight: number;
  /** How likely it is right, in [0, 1]; null where no model weighed it (co-mentions). */
  confidence: number | null;
  /** Date of the earliest dated document stating it. */
  firstReported: string | null;
}

export interface EvidenceView {
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** Mentions of the relation's (or fact's) entities inside the sentence. */
  highlights: HighlightView[];
  /** How the sentence gives each end of a typed relation; null for co-mentions and figures. */
  ends: EvidenceEndsView | null;
  /** How likely this sentence states the relation, in [0, 1]; null where no model weighed it. */
  confidence: number | null;
}

export interface EvidenceEndsView {
  source: EndTraceView;
  target: EndTraceView;
}

export interface EndTraceView {
  link: EndLink;
  start: number;
  end: number;
  antecedent: { start: number; end: number; place: AntecedentPlace } | null;
}

export interface FactView {
  label: string;
  value: number;
  unit: string;
  evidence: EvidenceView;
}

export interface EntityDocumentView {
  document: DocumentView;
  count: number;
  /** First mentions (at most 10). */
  spans: SpanView[];
}

export interface DiagnosticView {
  code: string;
  offset: number;
  message: string;
}

/** A report without its text (lists); `documentTexts` gives the text. */
export interface DocumentView {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  authors: string[];
  script: string;
  encoding: string;
  extractor: string | null;
  length: number;
  diagnostics: DiagnosticView[];
}

export interface DocumentFilterView {
  text?: string | null;
  from?: string | null;
  to?: string | null;
  source?: string | null;
  entity?: string | null;
}

export interface GraphNodeView {
  id: string;
  type: EntityType;
  name: string;
  degree: number;
  /** How likely it is a name of its type; null where no model weighed it. */
  confidence: number | null;
  depth: number;
  hidden: RelationCountView[];
  hiddenTotal: number;
  /** Relations touching it in the whole graph per followed type, zeros included; empty when not counted. */
  relationCounts: RelationCountView[];
}

export interface GraphEdgeView {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  weight: number;
  /** How likely it is right; null where no model weighed it (co-mentions). */
  confidence: number | null;
  directed: boolean;
}

export interface SubgraphView {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  truncated: boolean;
}

export interface NeighborhoodArgs {
  ids: string[];
  depth: number;
  types?: EntityType[] | null;
  relationTypes?: RelationType[] | null;
  minWeight: number;
  /** Only relations at least this likely (0: all; co-mentions, never weighed, always pass). */
  minConfidence?: number | null;
  includeCoMentions: boolean;
  limit: number;
  exclude?: string[] | null;
}

export interface PathArgs {
  from: string;
  to: string;
  maxHops: number;
  k: number;
  relationTypes?: RelationType[] | null;
  /** Only through relations at least this likely. */
  minConfidence?: number | null;
  includeCoMentions: boolean;
}

export interface PathView {
  length: number;
  nodes: GraphNodeView[];
  relations: RelationView[];
}

export interface RankedEntityView {
  entity: EntityView;
  score: number;
}

export interface CommunityView {
  id: number;
  size: number;
  label: string;
  types: TypeCountView[];
  /** Members, most connected first (all of them; the API slices). */
  members: EntityView[];
}

export interface StatsView {
  graphVersion: number;
  entities: number;
  relations: number;
  coMentions: number;
  documents: number;
  evidence: number;
  entitiesByType: TypeCountView[];
  relationsByType: RelationCountView[];
  /** Longest lists kept (100); the API slices to its `limit`. */
  topByDegree: RankedEntityView[];
  topByPageRank: RankedEntityView[];
  communities: CommunityView[];
  documentDates: Array<{ month: string; count: number }>;
  undatedDocuments: number;
  /** An entity's PageRank and community number (as `communities` numbers them; null outside the largest 100); null for an entity without typed relations. */
  figureOf(id: string): { pagerank: number; community: number | null } | null;
}

export interface CoImplementationArgs {
  programIds?: string[] | null;
  placeIds?: string[] | null;
  implementerTypes?: EntityType[] | null;
}

export interface CoImplementationView {
  programs: EntityView[];
  implementers: Array<{ entity: EntityView; programCount: number }>;
  cells: Array<{ implementerId: string; programId: string; relation: RelationView; firstReported: string | null }>;
}

export interface CypherArgs {
  query: string;
  params: Record<string, unknown>;
  maxRows: number;
  timeoutMs: number;
}

export interface CypherResultView {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  millis: number;
}

/** A search result with its cursor, as a connection edge. */
export interface SearchHitEdge {
  cursor: string;
  node: SearchHit;
}

/** A document mentioning an entity, as a connection edge. */
export interface EntityDocumentEdgeView {
  cursor: string;
  node: EntityDocumentView;
}

/** What became of an ingested report. */
export interface IngestResultView {
  status: 'LOADED' | 'UNCHANGED' | 'REFUSED';
  documentId: string;
  reason: string | null;
  relationCount: number;
  diagnostics: DiagnosticView[];
  entityIds: string[];
}

/** Pages as the connections of the contract receive them. */
export type RelationPage = Page<RelationView>;
export type DocumentPage = Page<DocumentView>;
export type EntityDocumentPage = Page<EntityDocumentView>;

/** The divisions a program's reach and lags are counted in. */
export type DiffusionLevel = 'CITY' | 'COUNTY' | 'TOWNSHIP';
/** How an adopter's place was found: its own division code, the nearest coded district it lies in, or not at all. */
export type PlaceSource = 'OWN_CODE' | 'LOCATED_IN' | 'NONE';
/** How fine the code that places an adopter is. */
export type PlacePrecision = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY' | 'CITY' | 'PROVINCE' | 'NONE';
/** For a pilot: when an adopter was designated, against when it was first reported running it. */
export type DesignationOrder = 'BEFORE' | 'SAME_DAY' | 'AFTER' | 'UNDATED' | 'DESIGNATED_ONLY' | 'STARTED_ONLY';

export interface DivisionView {
  code: string;
  name: string;
}

/** One IMPLEMENTS or SELECTED_AS relation of an adopter to the program, with its first report's sentence. */
export interface AdoptionView {
  relation: RelationView;
  firstReported: string | null;
  documentIds: string[];
  /** The sentence of its oldest dated report (an undated one when none is dated); null only if the store holds none. */
  evidence: EvidenceView | null;
}

export interface AdopterPlaceView {
  code: string | null;
  source: PlaceSource;
  via: EntityView | null;
  precision: PlacePrecision;
  inZhejiang: boolean;
  city: DivisionView | null;
  county: DivisionView | null;
  township: DivisionView | null;
}

export interface AdopterView {
  entity: EntityView;
  /** The earliest first report among its relations to the program; null when every report is undated. */
  firstReported: string | null;
  /** The relation that gives that date (or, undated, the first one). */
  first: AdoptionView;
  implements: AdoptionView | null;
  selectedAs: AdoptionView | null;
  place: AdopterPlaceView;
  /** Pilots only. */
  designation: DesignationOrder | null;
}

export interface AdoptionMonthView {
  month: string;
  adopters: AdopterView[];
  cumulative: number;
  divisionsReached: number;
}

export interface FirstAdopterView {
  city: DivisionView;
  firstReported: string | null;
  adopters: AdopterView[];
}

export interface ReachView {
  reached: number;
  total: number;
  share: number;
  undatedOnly: number;
  notCounted: number;
}

export interface DivisionLagView {
  division: DivisionView;
  firstReported: string;
  lagDays: number;
  adopters: AdopterView[];
}

export interface DesignationSummaryView {
  before: number;
  sameDay: number;
  after: number;
  undated: number;
  designatedOnly: number;
  startedOnly: number;
}

export interface ProgramDiffusionView {
  program: EntityView;
  firstReported: string | null;
  lastReported: string | null;
  /** Dated first (oldest first), then undated. */
  adopters: AdopterView[];
  curve: AdoptionMonthView[];
  undated: AdopterView[];
  firstAdopters: FirstAdopterView[];
  reach: ReachView;
  lags: DivisionLagView[];
  medianLagDays: number | null;
  designations: DesignationSummaryView | null;
}

export interface DiffusionView {
  level: DiffusionLevel;
  divisionCount: number;
  programs: ProgramDiffusionView[];
}

/** A saved view as the API gives it (state and notes parsed back from their JSON). */
export interface SavedViewView {
  id: string;
  name: string;
  note: string;
  /** The explorer's view state, as it saved it. */
  state: unknown;
  notes: Array<{ target: string; text: string }>;
  entityIds: string[];
  /** Entities of `entityIds` the graph no longer has. */
  missing: string[];
  createdAt: string;
  updatedAt: string;
}

/** A correction as the API shows it: who, when, why, and whether it is in force. */
export interface CorrectionView {
  id: string;
  kind: CorrectionKind;
  editor: string;
  at: string;
  reason: string | null;
  /** UNDONE once undone; ORPHANED when what it rests on is gone; else IN_FORCE. */
  status: 'IN_FORCE' | 'ORPHANED' | 'UNDONE';
  /** DOCUMENTS_REMOVED: none of its reports is left; TARGET_GONE: extraction no longer yields its target. */
  orphanReason: 'DOCUMENTS_REMOVED' | 'TARGET_GONE' | null;
  undoneBy: { id: string; editor: string; at: string; reason: string | null } | null;
  undoes: string | null;
  documents: string[];
  /** The entity or relation it leaves in the graph. */
  anchor: { kind: 'entity' | 'relation'; id: string } | null;
  /** True once it made its relation again from its own sentences (extraction stopped stating it). */
  recreated: boolean;
  /** Everything it records, as in the corrections file. */
  correction: Correction;
}

/** What corrections left on an entity or a relation, and the confidence shown for it. */
export interface CurationMarkView {
  curation: 'confirmed' | 'edited' | 'added' | null;
  /** 1 when a person confirmed, changed or added it; else the stored confidence, when there is one. */
  confidence: number | null;
}

/** A page of corrections, as the connection of the contract receives it. */
export type CorrectionPage = Page<CorrectionView>;

/** What a correction mutation answers: the correction, and what of the graph it concerns now. */
export interface CorrectionResultView {
  correction: CorrectionView;
  entityIds: string[];
  relationIds: string[];
  removedIds: string[];
}
