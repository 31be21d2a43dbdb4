// The graph's vocabulary, shared by every stage: entity and relation types, and the extraction
// export that the extractor writes and the store loads (also what ../shared/eval/score.mjs reads).

export const ENTITY_TYPES = ['District', 'Village', 'Company', 'Program', 'Pilot', 'Organization', 'Person', 'Document', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'LOCATED_IN',
  'IMPLEMENTS',
  'SELECTED_AS',
  'PARTNERS_WITH',
  'HOLDS_POSITION',
  'ISSUED',
  'FUNDS',
  'PART_OF',
] as const;
export type TypedRelationType = (typeof RELATION_TYPES)[number];
/** Same-sentence co-occurrence, kept apart from the typed relations. */
export const CO_MENTIONED = 'CO_MENTIONED';
export type RelationType = TypedRelationType | typeof CO_MENTIONED;

export const DISTRICT_LEVELS = ['province', 'city', 'county', 'township', 'zone'] as const;
export type DistrictLevel = (typeof DISTRICT_LEVELS)[number];

export function isEntityType(value: unknown): value is EntityType {
  return (ENTITY_TYPES as readonly unknown[]).includes(value);
}

export function isRelationType(value: unknown): value is RelationType {
  return value === CO_MENTIONED || (RELATION_TYPES as readonly unknown[]).includes(value);
}

/** PARTNERS_WITH and CO_MENTIONED have no direction; they are stored once, endpoints sorted. */
export function isUndirected(type: RelationType): boolean {
  return type === 'PARTNERS_WITH' || type === CO_MENTIONED;
}

/** A problem found in a document that did not stop its processing. */
export interface Diagnostic {
  code: string;
  /** Character offset into the original text, where there is one. */
  offset: number;
  message: string;
}

export interface DocumentRecord {
  /** The input file's base name: what mentions and evidence point at. */
  id: string;
  /** The path it was read from. */
  file: string;
  /** sha256 of the raw bytes: an unchanged file is skipped on re-ingestion. */
  hash: string;
  /** Version of the extraction rules that produced the facts: new rules re-extract every file. */
  extractor: string;
  title: string;
  /** ISO date (YYYY-MM-DD) when the text states one. */
  date: string | null;
  source: string | null;
  authors: string[];
  script: 'simplified' | 'traditional';
  encoding: string;
  /** The decoded original text: offsets point into it. */
  text: string;
  diagnostics: Diagnostic[];
}

export interface Mention {
  doc: string;
  start: number;
  end: number;
}

export interface EntityRecord {
  /** Stable across re-ingestion: derived from type and canonical name. */
  id: string;
  type: EntityType;
  /** Canonical name, simplified Chinese, the full official form where known. */
  name: string;
  aliases: string[];
  /** GB/T 2260 division code, for districts and villages linked to the official registry. */
  code?: string;
  level?: DistrictLevel;
  /** The registry's own full name ("多福巷社区居委会"), when linked. */
  officialName?: string;
  /** How likely it is a name of its type, in [0, 1]: calibrated on the annotated sets (absent where nothing weighed it). */
  confidence?: number;
  mentions: Mention[];
}

export interface Evidence {
  doc: string;
  /** Offsets of the sentence in the original text. */
  start: number;
  end: number;
  /** The sentence as it stands in the original text. */
  text: string;
  /** How the text gives each end of a typed relation (co-mentions name both in the sentence and carry none). */
  ends?: EvidenceEnds;
  /** How likely this sentence states the relation, in [0, 1] (absent where no model weighed it). */
  confidence?: number;
}

/**
 * How a text gives one end of a relation in an evidence sentence:
 * - `named`: the sentence names it (span: the name);
 * - `anaphor`: a word of the sentence stands for it (span: 该县, 我市; `antecedent`: where it was named);
 * - `omitted`: the sentence leaves its subject out (span: empty, the point where the subject is
 *   missing; `antecedent`: the span that says whom the passage is about);
 * - `structural`: the page's structure gives it (span: the cue, a byline or header line;
 *   `antecedent`: where the entity is named there).
 */
export const END_LINKS = ['named', 'anaphor', 'omitted', 'structural'] as const;
export type EndLink = (typeof END_LINKS)[number];

/** Where an antecedent stands in the document. */
export const ANTECEDENT_PLACES = ['title', 'lead', 'before', 'after', 'byline'] as const;
export type AntecedentPlace = (typeof ANTECEDENT_PLACES)[number];

export interface EndTrace {
  link: EndLink;
  /** Offsets in the original text (see EndLink for what the span is). */
  start: number;
  end: number;
  antecedent?: { start: number; end: number; place: AntecedentPlace };
}

export interface EvidenceEnds {
  source: EndTrace;
  target: EndTrace;
}

export interface RelationRecord {
  /** Stable across re-ingestion: derived from type and endpoint ids. */
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** Number of sentences that state it. */
  weight: number;
  /** How likely it is right, in [0, 1]: its best sentence's confidence (absent where nothing weighed it). */
  confidence?: number;
  evidence: Evidence[];
}

/** A figure researchers quote (收入, 投资, 人次, percentages), attached to an entity. */
export interface FactRecord {
  entity: string;
  /** What is measured, as the text words it (城乡居民收入). */
  label: string;
  value: number;
  unit: string;
  evidence: Evidence;
}

export interface ExtractionExport {
  documents: DocumentRecord[];
  entities: EntityRecord[];
  relations: RelationRecord[];
  facts: FactRecord[];
}
