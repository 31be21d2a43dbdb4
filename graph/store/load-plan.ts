// Turns an extraction export into one load unit per document: the rows each Cypher builder takes.
// Pure, so what gets written is decided (and testable) before any transaction opens.
import type { DocumentRecord, EntityRecord, ExtractionExport, Mention, RelationType } from '../model.ts';

export type Row = Record<string, unknown>;

export interface DocumentLoad {
  id: string;
  /** Content hash and extractor version: what decides whether a stored copy is current. */
  version: string;
  document: Row;
  /** Entities mentioned in the document or at either end of one of its relations. */
  entities: Row[];
  relations: Map<RelationType, Row[]>;
  evidence: Row[];
  facts: Row[];
  /** Relation count, for progress reporting. */
  relationCount: number;
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
  };
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
  evidence: Row[];
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
    const size = load.entities.length + load.evidence.length + load.relationCount + load.facts.length;
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
        if (existing) existing['weight'] = (existing['weight'] as number) + (row['weight'] as number);
        else byId.set(row['id'] as string, { ...row });
      }
      relations.set(type, byId);
    }
  }
  return {
    loads,
    documents: loads.map((l) => l.document),
    entities: [...new Map(loads.flatMap((l) => l.entities).map((e) => [e['id'] as string, entityProperties(e)])).values()],
    mentions: loads.flatMap((l) => l.entities)
      .filter((e) => (e['starts'] as number[]).length > 0)
      .map((e) => ({ doc: e['doc'], id: e['id'], starts: e['starts'], ends: e['ends'] })),
    relations: new Map([...relations].map(([type, byId]) => [type, [...byId.values()]])),
    evidence: loads.flatMap((l) => l.evidence),
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

/** A document node's properties. */
export function documentRow(document: DocumentRecord): Row {
  return {
    id: document.id, file: document.file, hash: document.hash, extractor: document.extractor, title: document.title, date: document.date,
    source: document.source, authors: listOrNull(document.authors), script: document.script, encoding: document.encoding,
    text: document.text, diagnostics: JSON.stringify(document.diagnostics), diagnosticCount: document.diagnostics.length,
  };
}

/** Splits an export into per-document loads, in the export's document order. */
export function planLoads(data: ExtractionExport): DocumentLoad[] {
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const loads = new Map<string, DocumentLoad>();
  const entityIds = new Map<string, Set<string>>();

  for (const document of data.documents) {
    loads.set(document.id, {
      id: document.id,
      version: documentVersion(document.hash, document.extractor),
      document: documentRow(document),
      entities: [], relations: new Map(), evidence: [], facts: [], relationCount: 0,
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
    for (const doc of new Set(relation.evidence.map((e) => e.doc))) {
      const load = loads.get(doc);
      if (!load) continue;
      addEntity(doc, relation.source);
      addEntity(doc, relation.target);
      const weight = relation.evidence.filter((e) => e.doc === doc).length;
      push(load.relations, relation.type, { id: relation.id, source: relation.source, target: relation.target, weight });
      load.relationCount++;
    }
    for (const evidence of relation.evidence) {
      loads.get(evidence.doc)?.evidence.push({
        relationId: relation.id, relationType: relation.type,
        doc: evidence.doc, start: evidence.start, end: evidence.end, text: evidence.text,
      });
    }
  }
  for (const fact of data.facts ?? []) {
    const { doc, start, end, text } = fact.evidence;
    addEntity(doc, fact.entity);
    loads.get(doc)?.facts.push({
      entity: fact.entity, label: fact.label, value: fact.value, unit: fact.unit, doc, start, end, text,
    });
  }
  return [...loads.values()];
}
