// Turns an extraction export into one load unit per document: the rows each Cypher builder takes.
// Pure, so what gets written is decided (and testable) before any transaction opens.
import type { EntityRecord, EntityType, ExtractionExport, RelationType } from '../model.ts';

export type Row = Record<string, unknown>;

export interface DocumentLoad {
  id: string;
  hash: string;
  document: Row;
  /** Entities mentioned in the document or at either end of one of its relations, by type. */
  entities: Map<EntityType, Row[]>;
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

function entityRow(entity: EntityRecord, doc: string): Row {
  const mentions = entity.mentions.filter((m) => m.doc === doc);
  return {
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases,
    code: entity.code ?? null,
    level: entity.level ?? null,
    officialName: entity.officialName ?? null,
    starts: mentions.map((m) => m.start),
    ends: mentions.map((m) => m.end),
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
      hash: document.hash,
      document: {
        id: document.id, file: document.file, hash: document.hash, title: document.title, date: document.date,
        source: document.source, authors: document.authors, script: document.script, encoding: document.encoding,
        text: document.text, diagnostics: JSON.stringify(document.diagnostics), diagnosticCount: document.diagnostics.length,
      },
      entities: new Map(), relations: new Map(), evidence: [], facts: [], relationCount: 0,
    });
    entityIds.set(document.id, new Set());
  }
  const addEntity = (doc: string, id: string) => {
    const seen = entityIds.get(doc);
    const entity = entityById.get(id);
    if (!seen || !entity || seen.has(id)) return;
    seen.add(id);
    push(loads.get(doc)!.entities, entity.type, entityRow(entity, doc));
  };

  for (const entity of data.entities) {
    for (const doc of new Set(entity.mentions.map((m) => m.doc))) addEntity(doc, entity.id);
  }
  for (const relation of data.relations) {
    for (const doc of new Set(relation.evidence.map((e) => e.doc))) {
      const load = loads.get(doc);
      if (!load) continue;
      addEntity(doc, relation.source);
      addEntity(doc, relation.target);
      push(load.relations, relation.type, { id: relation.id, source: relation.source, target: relation.target });
      load.relationCount++;
    }
    for (const evidence of relation.evidence) {
      loads.get(evidence.doc)?.evidence.push({
        id: `${relation.id}@${evidence.doc}:${evidence.start}-${evidence.end}`,
        relationId: relation.id, relationType: relation.type,
        doc: evidence.doc, start: evidence.start, end: evidence.end, text: evidence.text,
      });
    }
  }
  for (const fact of data.facts ?? []) {
    const { doc, start, end, text } = fact.evidence;
    addEntity(doc, fact.entity);
    loads.get(doc)?.facts.push({
      id: `${fact.entity}@${doc}:${start}-${end}:${fact.label}`,
      entity: fact.entity, label: fact.label, value: fact.value, unit: fact.unit, doc, start, end, text,
    });
  }
  return [...loads.values()];
}
