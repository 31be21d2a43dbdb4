// Turns an extraction export into one load unit per document: the rows each Cypher builder takes.
// Pure, so what gets written is decided (and testable) before any transaction opens.
import type { DocumentRecord, EntityRecord, Evidence, ExtractionExport, Mention, RelationRecord, RelationType } from '../../model.ts';

export type Row = Record<string, unknown>;

export interface DocumentLoad {
  id: string;
  /** Content hash and extractor version: what decides whether a stored copy is current. */
  version: string;
  document: Row;
  /** Entities mentioned in the document or at either end of one of its relations. */
  entities: Row[];
  /** The relations the document states, each with the evidence sentences it holds for them. */
  relations: Map<RelationType, Row[]>;
  facts: Row[];
  /** Relation count, for progress reporting. */
  relationCount: number;
  /** Evidence sentences, to size transactions. */
  evidenceCount: number;
  /** The document node's lists of the relations it states, written once its old ones are detached. */
  relationLists: Row;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An entity node's properties, whichever path writes them. */
export function entityNode(entity: EntityRecord): Row {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: listOrNull(entity.aliases),
    code: entity.code ?? null,
    level: entity.level ?? null,
    officialName: entity.officialName ?? null,
    confidence: entity.confidence ?? null,
  };
}

const EVIDENCE_LISTS = ['evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', 'evidenceLinks', 'evidenceConfidences'];

/**
 * A relation's evidence as relationship properties: parallel lists, entry i being one sentence
 * (its document, offsets into the original text, text, and how it gives each end as JSON, {} for
 * none). "Every sentence behind this edge" is then the relationship itself, found through its id's
 * index.
 */
export function evidenceProperties(evidence: Evidence[]): Row {
  return {
    evidenceDocs: evidence.map((e) => e.doc),
    evidenceStarts: evidence.map((e) => e.start),
    evidenceEnds: evidence.map((e) => e.end),
    evidenceTexts: evidence.map((e) => e.text),
    evidenceLinks: evidence.map((e) => (e.ends ? JSON.stringify(e.ends) : '{}')),
    // -1 where no model weighed the sentence: a list holds no nulls.
    evidenceConfidences: evidence.map((e) => e.confidence ?? -1),
    confidence: maxConfidence(evidence),
  };
}

/**
 * The relations each document states, as the document node keeps them (ids and their types, in
 * parallel): replacing the document finds its evidence through them, one index seek apiece.
 */
export function relationsByDocument(relations: RelationRecord[]): Map<string, { relationIds: string[]; relationTypes: RelationType[] }> {
  const byDocument = new Map<string, { relationIds: string[]; relationTypes: RelationType[] }>();
  for (const relation of relations) {
    for (const doc of new Set(relation.evidence.map((e) => e.doc))) {
      const held = byDocument.get(doc) ?? byDocument.set(doc, { relationIds: [], relationTypes: [] }).get(doc)!;
      held.relationIds.push(relation.id);
      held.relationTypes.push(relation.type);
    }
  }
  return byDocument;
}

function entityRow(entity: EntityRecord, doc: string, mentions: Mention[]): Row {
  return { doc, ...entityNode(entity), starts: mentions.map((m) => m.start), ends: mentions.map((m) => m.end) };
}

/**
 * Several documents written in one transaction: small documents share statements so that each
 * statement carries enough rows. Relations stated by more than one of them become one row.
 */
export interface LoadGroup {
  loads: DocumentLoad[];
  documents: Row[];
  /** Each entity once, however many of the documents mention it. */
  entities: Row[];
  /** One row per entity and document: {doc, id, starts, ends}. */
  mentions: Row[];
  relations: Map<RelationType, Row[]>;
  /** The relations each document states: {id, relationIds, relationTypes}, set once the old ones are detached. */
  documentRelations: Row[];
  facts: Row[];
}

/** Groups consecutive document loads until a group holds about `maxRows` rows. */
export function groupLoads(loads: DocumentLoad[], maxRows: number): LoadGroup[] {
  const groups: LoadGroup[] = [];
  let current: DocumentLoad[] = [];
  let rows = 0;
  const flush = () => {
    if (current.length > 0) groups.push(mergeLoads(current));
    current = [];
    rows = 0;
  };
  for (const load of loads) {
    const size = load.entities.length + load.evidenceCount + load.relationCount + load.facts.length;
    if (rows > 0 && rows + size > maxRows) flush();
    current.push(load);
    rows += size;
  }
  flush();
  return groups;
}

export function mergeLoads(loads: DocumentLoad[]): LoadGroup {
  const relations = new Map<RelationType, Map<string, Row>>();
  for (const load of loads) {
    for (const [type, rows] of load.relations) {
      const byId = relations.get(type) ?? new Map<string, Row>();
      for (const row of rows) {
        const existing = byId.get(row['id'] as string);
        if (!existing) {
          byId.set(row['id'] as string, { ...row });
          continue;
        }
        existing['weight'] = (existing['weight'] as number) + (row['weight'] as number);
        for (const list of EVIDENCE_LISTS) existing[list] = [...(existing[list] as unknown[]), ...(row[list] as unknown[])];
        const [a, b] = [existing['confidence'] as number | null, row['confidence'] as number | null];
        existing['confidence'] = a === null ? b : b === null ? a : Math.max(a, b);
      }
      relations.set(type, byId);
    }
  }
  return {
    loads,
    documents: loads.map((l) => l.document),
    entities: [...new Map(loads.flatMap((l) => l.entities).map((e) => [e['id'] as string, entityProperties(e)])).values()],
    mentions: loads
      .flatMap((l) => l.entities)
      .filter((e) => (e['starts'] as number[]).length > 0)
      .map((e) => ({ doc: e['doc'], id: e['id'], starts: e['starts'], ends: e['ends'] })),
    relations: new Map([...relations].map(([type, byId]) => [type, [...byId.values()]])),
    documentRelations: loads.map((l) => ({ id: l.id, ...l.relationLists })),
    facts: loads.flatMap((l) => l.facts),
  };
}

export function documentVersion(hash: string, extractor: string | undefined): string {
  return `${hash}/${extractor ?? ''}`;
}

function entityProperties(row: Row): Row {
  const { doc: _doc, starts: _starts, ends: _ends, ...properties } = row;
  return properties;
}

/**
 * Empty lists are not stored, as with any other missing value: neo4j-admin import (the bulk path)
 * cannot write an empty list, and both paths must store the same graph.
 */
function listOrNull<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

/** A document node's relation lists; none when it states no relation. */
export function relationLists(held: { relationIds: string[]; relationTypes: RelationType[] } | undefined): Row {
  return { relationIds: listOrNull(held?.relationIds ?? []), relationTypes: listOrNull(held?.relationTypes ?? []) };
}

/** A document node's properties but its relation lists. */
export function documentRow(document: DocumentRecord): Row {
  return {
    id: document.id,
    file: document.file,
    hash: document.hash,
    extractor: document.extractor,
    title: document.title,
    date: document.date,
    source: document.source,
    authors: listOrNull(document.authors),
    script: document.script,
    encoding: document.encoding,
    text: document.text,
    diagnostics: JSON.stringify(document.diagnostics),
    diagnosticCount: document.diagnostics.length,
  };
}

/** Relation row fields a document's kept extraction leaves out: they follow from the document. */
interface KeptRelationRow extends Row {
  type: RelationType;
}

/**
 * What a document's load writes, as JSON kept on its node (`extraction`): the extractor's own
 * facts, apart from any correction, so that the document can be written again as extraction left
 * it (undoing a correction replays the documents it changed). What follows from the document is
 * left out: its id in every row, the evidence texts that are the text at their offsets, weights.
 */
export function keptExtraction(load: Pick<DocumentLoad, 'entities' | 'relations' | 'facts'>, text: string): string {
  const entities = load.entities.map(({ doc: _doc, ...row }) => row);
  const relations: KeptRelationRow[] = [];
  for (const [type, rows] of load.relations) {
    for (const { weight: _weight, evidenceDocs: _docs, evidenceTexts, ...row } of rows) {
      const starts = row['evidenceStarts'] as number[];
      const ends = row['evidenceEnds'] as number[];
      const texts = evidenceTexts as string[];
      const same = texts.every((t, i) => text.slice(starts[i], ends[i]) === t);
      relations.push({ type, ...row, ...(same ? {} : { evidenceTexts: texts }) });
    }
  }
  const facts = load.facts.map(({ doc: _doc, ...row }) => row);
  return JSON.stringify({ entities, relations, facts });
}

/** A document's load made again from its kept extraction (see {@link keptExtraction}). */
export function loadFromKept(id: string, version: string, kept: string, text: string): DocumentLoad {
  const parsed = JSON.parse(kept) as { entities: Row[]; relations: KeptRelationRow[]; facts: Row[] };
  const relations = new Map<RelationType, Row[]>();
  const held = { relationIds: [] as string[], relationTypes: [] as RelationType[] };
  let evidenceCount = 0;
  for (const { type, ...row } of parsed.relations) {
    const starts = row['evidenceStarts'] as number[];
    const ends = row['evidenceEnds'] as number[];
    push(relations, type, {
      ...row,
      weight: starts.length,
      evidenceDocs: starts.map(() => id),
      evidenceTexts: (row['evidenceTexts'] as string[] | undefined) ?? starts.map((start, i) => text.slice(start, ends[i])),
    });
    held.relationIds.push(row['id'] as string);
    held.relationTypes.push(type);
    evidenceCount += starts.length;
  }
  return {
    id,
    version,
    document: { id },
    entities: parsed.entities.map((row) => ({ doc: id, ...row })),
    relations,
    facts: parsed.facts.map((row) => ({ ...row, doc: id })),
    relationCount: parsed.relations.length,
    evidenceCount,
    relationLists: relationLists(held),
  };
}

/**
 * Each document's kept extraction (as planLoads gives it), one document at a time: for the bulk
 * path, which must not hold the rows of a whole large export at once.
 */
export function* keptExtractions(data: ExtractionExport): Generator<[string, string]> {
  const entities = new Map<string, EntityRecord[]>();
  const relations = new Map<string, RelationRecord[]>();
  const facts = new Map<string, ExtractionExport['facts']>();
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const add = <T>(map: Map<string, T[]>, doc: string, item: T) => {
    const list = map.get(doc);
    if (!list) map.set(doc, [item]);
    else if (list.at(-1) !== item) list.push(item);
  };
  for (const entity of data.entities) for (const m of entity.mentions) add(entities, m.doc, entity);
  for (const relation of data.relations) {
    for (const e of relation.evidence) {
      add(relations, e.doc, relation);
      for (const end of [relation.source, relation.target]) if (entityById.has(end)) add(entities, e.doc, entityById.get(end)!);
    }
  }
  for (const fact of data.facts ?? []) {
    add(facts, fact.evidence.doc, fact);
    if (entityById.has(fact.entity)) add(entities, fact.evidence.doc, entityById.get(fact.entity)!);
  }
  for (const document of data.documents) {
    const [load] = planLoads({
      documents: [document],
      entities: [...new Set(entities.get(document.id) ?? [])],
      relations: relations.get(document.id) ?? [],
      facts: facts.get(document.id) ?? [],
    });
    yield [document.id, load!.document['extraction'] as string];
  }
}

/** Splits an export into per-document loads, in the export's document order. */
export function planLoads(data: ExtractionExport): DocumentLoad[] {
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const held = relationsByDocument(data.relations);
  const loads = new Map<string, DocumentLoad>();
  const entityIds = new Map<string, Set<string>>();

  for (const document of data.documents) {
    loads.set(document.id, {
      id: document.id,
      version: documentVersion(document.hash, document.extractor),
      document: documentRow(document),
      entities: [],
      relations: new Map(),
      facts: [],
      relationCount: 0,
      evidenceCount: 0,
      relationLists: relationLists(held.get(document.id)),
    });
    entityIds.set(document.id, new Set());
  }
  const addEntity = (doc: string, id: string, mentions: Mention[] = []) => {
    const seen = entityIds.get(doc);
    const entity = entityById.get(id);
    if (!seen || !entity || seen.has(id)) return;
    seen.add(id);
    loads.get(doc)!.entities.push(entityRow(entity, doc, mentions));
  };

  for (const entity of data.entities) {
    const byDoc = new Map<string, Mention[]>();
    for (const mention of entity.mentions) push(byDoc, mention.doc, mention);
    for (const [doc, mentions] of byDoc) addEntity(doc, entity.id, mentions);
  }
  for (const relation of data.relations) {
    const byDoc = new Map<string, Evidence[]>();
    for (const evidence of relation.evidence) push(byDoc, evidence.doc, evidence);
    for (const [doc, evidence] of byDoc) {
      const load = loads.get(doc);
      if (!load) continue;
      addEntity(doc, relation.source);
      addEntity(doc, relation.target);
      push(load.relations, relation.type, {
        id: relation.id,
        source: relation.source,
        target: relation.target,
        weight: evidence.length,
        ...evidenceProperties(evidence),
      });
      load.relationCount++;
      load.evidenceCount += evidence.length;
    }
  }
  for (const fact of data.facts ?? []) {
    const { doc, start, end, text } = fact.evidence;
    addEntity(doc, fact.entity);
    loads.get(doc)?.facts.push({
      entity: fact.entity,
      label: fact.label,
      value: fact.value,
      unit: fact.unit,
      doc,
      start,
      end,
      text,
    });
  }
  for (const document of data.documents) {
    const load = loads.get(document.id)!;
    load.document['extraction'] = keptExtraction(load, document.text);
  }
  return [...loads.values()];
}

/** A relation's confidence: its best sentence's, or null where no model weighed any. */
function maxConfidence(evidence: Evidence[]): number | null {
  let best: number | null = null;
  for (const e of evidence) if (e.confidence !== undefined && (best === null || e.confidence > best)) best = e.confidence;
  return best;
}
