// Readers' confirmed and added facts in the annotation format the evaluation reads
// (../shared/eval/GUIDELINES.md, "File format": one JSON file per document), so that corrections
// can grow the extractor's gold data.
import { RELATION_TYPES, type EntityType, type RelationType } from '../model.ts';

export interface GoldEntity {
  name: string;
  type: EntityType;
  level?: string;
  aliases: string[];
}

export interface GoldRelation {
  source: string;
  type: RelationType;
  target: string;
  /** A verbatim span of the text stating it. */
  evidence: string;
}

export interface GoldFile {
  doc: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** An entity as the read side gives it for the gold export. */
export interface CuratedEntity {
  id: string;
  name: string;
  type: EntityType;
  level: string | null;
  aliases: string[];
  /** The documents that mention it. */
  documents: string[];
}

/** A relation a person confirmed, changed or added, with its sentences. */
export interface CuratedRelation {
  type: RelationType;
  source: CuratedEntity;
  target: CuratedEntity;
  evidence: Array<{ doc: string; text: string }>;
}

const TYPED = new Set<string>(RELATION_TYPES);

function goldEntity(entity: CuratedEntity): GoldEntity {
  return {
    name: entity.name,
    type: entity.type,
    ...(entity.level ? { level: entity.level } : {}),
    aliases: [...new Set(entity.aliases.filter((a) => a !== entity.name))],
  };
}

/**
 * One gold file per document holding a curated fact: the curated relations it states (typed
 * relations only, as the guidelines annotate), their ends, and the curated entities it mentions.
 * Files and their lists come in a stable order.
 */
export function goldFiles(relations: CuratedRelation[], entities: CuratedEntity[]): GoldFile[] {
  const files = new Map<string, { entities: Map<string, GoldEntity>; relations: Map<string, GoldRelation> }>();
  const file = (doc: string) => files.get(doc) ?? files.set(doc, { entities: new Map(), relations: new Map() }).get(doc)!;
  const addEntity = (doc: string, entity: CuratedEntity) => {
    const gold = goldEntity(entity);
    const key = `${gold.type}\u0000${gold.name}`;
    const known = file(doc).entities.get(key);
    if (known) known.aliases = [...new Set([...known.aliases, ...gold.aliases])];
    else file(doc).entities.set(key, gold);
  };
  for (const relation of relations) {
    if (!TYPED.has(relation.type)) continue;
    for (const evidence of relation.evidence) {
      addEntity(evidence.doc, relation.source);
      addEntity(evidence.doc, relation.target);
      const gold = { source: relation.source.name, type: relation.type, target: relation.target.name, evidence: evidence.text };
      file(evidence.doc).relations.set(`${gold.type}\u0000${gold.source}\u0000${gold.target}`, gold);
    }
  }
  for (const entity of entities) for (const doc of entity.documents) addEntity(doc, entity);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([doc, held]) => ({
      doc,
      entities: [...held.entities.values()].sort((a, b) => byName(a, b) || (a.type < b.type ? -1 : 1)),
      relations: [...held.relations.values()].sort(
        (a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
      ),
    }));
}

/** The file name a document's gold file gets: its base name with `.json` for its extension. */
export function goldFileName(doc: string): string {
  const base = doc.split(/[\\/]/).pop() ?? doc;
  return `${base.replace(/\.[^.]*$/, '')}.json`;
}
