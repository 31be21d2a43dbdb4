// Pure Cypher builders for what applying a correction writes to the graph. Reads that feed a write
// take the element's write lock first (a SET of a property to itself), so a load committing in
// between cannot have its sentences overwritten. Labels and relationship types come from the
// closed unions, checked by label() and relationshipType(). Relations are found by their id's
// index, named in a hint: with a FOREACH or a SET after it the planner would otherwise scan it
// whole for each row.
import { ENTITY_TYPES, type EntityType, type RelationType } from '../../model.ts';
import { label, relationshipType, SOURCE_DOCUMENT, type Statement } from './cypher.ts';

/** Rows (or ids) grouped by relation type: one statement serves every type. */
export type ByType<T> = ReadonlyMap<RelationType, readonly T[]>;

/**
 * One statement per relation type that has rows, each with its rows as `$<name>` and the type
 * (checked by relationshipType()) in its text. A statement per type rather than one UNION of them
 * all: Neo4j plans a statement per size class of each list it is given, and a union of nine lists
 * met too many combinations to stay planned.
 */
function perType<T>(
  byType: ByType<T>,
  name: string,
  statement: (rel: string, rows: string) => string,
  params: Record<string, unknown> = {},
): Statement[] {
  return [...byType]
    .filter(([, rows]) => rows.length > 0)
    .map(([type, rows]) => ({ cypher: statement(relationshipType(type), `$${name}`), params: { ...params, [name]: rows } }));
}

/** `r`, a relation of type `rel` found by its id's index (the hint: with a write after it the planner may scan instead). */
const seek = (rel: string, id: string, ends = ['', '']) =>
  /* Cypher */ `MATCH (${ends[0]})-[r:${rel} {id: ${id}}]->(${ends[1]}) USING INDEX SEEK r:${rel}(id)`;

/** Relations by id, locked: their type, ends and every property. */
export function readRelations(ids: ByType<string>): Statement[] {
  return perType(
    ids,
    'ids',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS id
        ${seek(rel, 'id', ['a', 'b'])}
        SET r.weight = r.weight
        RETURN '${rel}' AS type, r.id AS id, a.id AS source, b.id AS target, properties(r) AS props`,
  );
}

/** Every relation (not mentions or figures) at the given entities, locked. */
export function readEntityRelations(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS eid
      MATCH (x:Entity {id: eid})-[r]-(:Entity) USING INDEX SEEK x:Entity(id)
      WHERE r.id IS NOT NULL
      WITH DISTINCT r
      SET r.weight = r.weight
      RETURN type(r) AS type, r.id AS id, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS props`,
    params: { ids },
  };
}

/**
 * Relations set to the given state (every property replaced), made where missing; rows are {id,
 * source, target, props}. A row whose ends are not both there writes nothing.
 */
export function writeRelations(rows: ByType<{ id: string; source: string; target: string; props: object }>): Statement[] {
  return perType(
    rows,
    'rows',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS row
        OPTIONAL ${seek(rel, 'row.id')}
        FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | SET r = row.props)
        WITH row, r
        WHERE r IS NULL
        MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
        CREATE (a)-[n:${rel}]->(b)
        SET n = row.props
        RETURN count(*) AS made`,
  );
}

/**
 * Relations of type `from` made relations of type `to` (retyped or reversed) inside Neo4j, where no
 * relation of the new id is there yet: every property kept, the id the new one's, marked edited,
 * the ends swapped where `flip`; rows {id, newId, flip}. Returns the ids moved and their documents.
 */
export function moveRelations(from: RelationType, to: RelationType, rows: Array<{ id: string; newId: string; flip: boolean }>): Statement {
  const old = relationshipType(from);
  const rel = relationshipType(to);
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      ${seek(old, 'row.id', ['a', 'b'])}
      WHERE NOT EXISTS { MATCH ()-[x:${rel} {id: row.newId}]->() USING INDEX SEEK x:${rel}(id) }
      WITH row, r, a, b, r { .*, id: row.newId, curation: CASE WHEN r.curation = 'added' THEN 'added' ELSE 'edited' END } AS props
      FOREACH (_ IN CASE WHEN row.flip THEN [] ELSE [1] END | CREATE (a)-[n:${rel}]->(b) SET n = props)
      FOREACH (_ IN CASE WHEN row.flip THEN [1] ELSE [] END | CREATE (b)-[n:${rel}]->(a) SET n = props)
      DELETE r
      RETURN row.id AS id, props.evidenceDocs AS docs`,
    params: { rows },
  };
}

/** Deletes relations, returning the documents their sentences came from (whose lists then drop them). */
export function deleteRelations(ids: ByType<string>): Statement[] {
  return perType(
    ids,
    'ids',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS id
        ${seek(rel, 'id')}
        WITH id, r, r.evidenceDocs AS docs
        DELETE r
        RETURN id, docs`,
  );
}

/** Marks relations, unless they carry a stronger mark (added over edited over confirmed); returns the ids found. */
export function markRelations(ids: ByType<string>, mark: string): Statement[] {
  return perType(
    ids,
    'ids',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS id
        ${seek(rel, 'id')}
        FOREACH (_ IN CASE WHEN coalesce({confirmed: 1, edited: 2, added: 3}[r.curation], 0) < {confirmed: 1, edited: 2, added: 3}[$mark]
                       THEN [1] ELSE [] END | SET r.curation = $mark)
        RETURN id`,
    { mark },
  );
}

/** Sets relations' marks; rows {id, mark}. */
export function setMarks(rows: ByType<{ id: string; mark: string }>): Statement[] {
  return perType(
    rows,
    'rows',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS row
        ${seek(rel, 'row.id')}
        SET r.curation = row.mark
        RETURN count(*) AS marked`,
  );
}

/** Takes the curation mark off relations (undo: the corrections still in force mark them again). */
export function unmarkRelations(ids: ByType<string>): Statement[] {
  return perType(
    ids,
    'ids',
    (rel, list) => /* Cypher */ `
        UNWIND ${list} AS id
        ${seek(rel, 'id')}
        REMOVE r.curation
        RETURN count(*) AS unmarked`,
  );
}

/** Entities by id: what a correction's description and the engine need of them. */
export function readEntities(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
      RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.curation AS curation`,
    params: { ids },
  };
}

/** An entity of a type with a name, whatever its id (a linked district's id carries its code). */
export function entitiesNamed(type: EntityType, name: string): Statement {
  return {
    cypher: /* Cypher */ `MATCH (e:Entity {name: $name}) WHERE e.type = $type RETURN e.id AS id ORDER BY e.id LIMIT 1`,
    params: { type, name },
  };
}

/**
 * Bumps the entities' curation version: the write lock that orders two editors' corrections of the
 * same entity, and a load writing it, one after the other.
 */
export function lockEntities(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
      SET e.curationVersion = coalesce(e.curationVersion, 0) + 1
      RETURN e.id AS id`,
    params: { ids },
  };
}

/** `list` without `drop` and without repeats, or null for none (empty lists are not stored). */
const distinctWithout = (list: string, drop: string) => /* Cypher */ `CASE WHEN size([x IN ${list} WHERE x <> ${drop}]) = 0 THEN null
    ELSE reduce(kept = [], x IN [x IN ${list} WHERE x <> ${drop}] | CASE WHEN x IN kept THEN kept ELSE kept + x END) END`;

/** Renames entities; rows {id, name}. The name they had becomes an alias. */
export function renameEntities(rows: Array<{ id: string; name: string }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.id}) USING INDEX SEEK e:Entity(id)
      WITH e, row, coalesce(e.aliases, []) + [e.name] AS forms
      CALL (e, row, forms) {
        WITH e, row, forms WHERE e.name <> row.name OR e.curation IS NULL
        SET e.name = row.name, e.aliases = ${distinctWithout('forms', 'row.name')}, e.curation = coalesce(e.curation, 'edited')
      }
      RETURN e.id AS id`,
    params: { rows },
  };
}

/** Adds aliases to entities (a merged entity's names); rows {id, aliases}. */
export function addAliases(rows: Array<{ id: string; aliases: string[] }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.id}) USING INDEX SEEK e:Entity(id)
      WITH e, row, coalesce(e.aliases, []) + row.aliases AS forms
      CALL (e, row, forms) {
        WITH e, row, forms WHERE e.curation IS NULL OR any(a IN row.aliases WHERE a <> e.name AND NOT a IN coalesce(e.aliases, []))
        SET e.aliases = ${distinctWithout('forms', 'e.name')}, e.curation = coalesce(e.curation, 'edited')
      }
      RETURN e.id AS id`,
    params: { rows },
  };
}

const TYPE_LABELS = ENTITY_TYPES.map(label).join(':');

/** Gives entities another type: its label replaces theirs (ids stay as they were). */
export function retypeEntities(type: EntityType, ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
      CALL (e) {
        WITH e WHERE e.type <> $type OR NOT e:${label(type)} OR e.curation IS NULL
        REMOVE e:${TYPE_LABELS}
        SET e:${label(type)}, e.type = $type, e.curation = coalesce(e.curation, 'edited')
      }
      RETURN e.id AS id`,
    params: { ids, type },
  };
}

/** Entities a person adds (or splits off): made if missing, marked; rows {id, name, aliases}. */
export function createEntities(
  type: EntityType,
  rows: Array<{ id: string; name: string; aliases: string[] | null; mark: string }>,
): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MERGE (e:Entity {id: row.id})
      ON CREATE SET e:${label(type)}, e.type = $type, e.name = row.name, e.aliases = row.aliases, e.curation = row.mark
      RETURN e.id AS id`,
    params: { rows, type },
  };
}

/** Puts entities back as a document's kept extraction describes them: labels and properties, no mark. */
export function resetEntities(type: EntityType, rows: Array<{ id: string; props: Record<string, unknown> }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.id}) USING INDEX SEEK e:Entity(id)
      REMOVE e:${TYPE_LABELS}, e.curation
      SET e:${label(type)}, e += row.props`,
    params: { rows },
  };
}

/** Deletes entities with their mentions, relations and figures. */
export function deleteEntities(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
      CALL (e) {
        OPTIONAL MATCH (e)-[:HAS_FACT]->(f:Fact)
        DETACH DELETE f
      }
      DETACH DELETE e`,
    params: { ids },
  };
}

/** Where entities are mentioned, locked: rows {entity, doc, starts, ends}; only in `docs` when given. */
export function readMentions(ids: string[], docs: string[] | null): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS eid
      MATCH (e:Entity {id: eid})-[m:MENTIONED_IN]->(d:${SOURCE_DOCUMENT}) USING INDEX SEEK e:Entity(id)
      WHERE $docs IS NULL OR d.id IN $docs
      SET m.count = m.count
      RETURN e.id AS entity, d.id AS doc, m.starts AS starts, m.ends AS ends`,
    params: { ids, docs },
  };
}

/** Mentions set to the given offsets (made where missing, deleted where none are left); rows {entity, doc, starts, ends}. */
export function writeMentions(rows: Array<{ entity: string; doc: string; starts: number[]; ends: number[] }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.entity}), (d:${SOURCE_DOCUMENT} {id: row.doc}) USING INDEX SEEK e:Entity(id) USING INDEX SEEK d:${SOURCE_DOCUMENT}(id)
      OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d)
      FOREACH (_ IN CASE WHEN m IS NOT NULL AND size(row.starts) = 0 THEN [1] ELSE [] END | DELETE m)
      FOREACH (_ IN CASE WHEN m IS NOT NULL AND size(row.starts) > 0 THEN [1] ELSE [] END |
        SET m.starts = row.starts, m.ends = row.ends, m.count = size(row.starts))
      FOREACH (_ IN CASE WHEN m IS NULL AND size(row.starts) > 0 THEN [1] ELSE [] END |
        CREATE (e)-[:MENTIONED_IN {starts: row.starts, ends: row.ends, count: size(row.starts)}]->(d))`,
    params: { rows },
  };
}

/** Moves entities' figures (those of `docs` only, when given) to other entities; rows {from, to, docs}. */
export function moveFacts(rows: Array<{ from: string; to: string; docs: string[] | null }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (a:Entity {id: row.from})-[h:HAS_FACT]->(f:Fact), (b:Entity {id: row.to})
      WHERE row.docs IS NULL OR f.doc IN row.docs
      CREATE (b)-[:HAS_FACT]->(f)
      SET f.entity = row.to
      DELETE h
      RETURN row.from AS from, collect(DISTINCT f.doc) AS docs`,
    params: { rows },
  };
}

/** Documents' lists of the relations holding their sentences, locked (to be set again). */
export function readDocumentLists(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (d:${SOURCE_DOCUMENT} {id: id})
      SET d.relationIds = d.relationIds
      RETURN d.id AS id, coalesce(d.relationIds, []) AS ids, coalesce(d.relationTypes, []) AS types`,
    params: { ids },
  };
}

/**
 * Sets documents' lists of the relations holding their sentences (rows {doc, ids, types}): a
 * reload finds a document's old sentences through them, so they follow relations that moved.
 */
export function setDocumentLists(rows: Array<{ doc: string; ids: string[] | null; types: string[] | null }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (d:${SOURCE_DOCUMENT} {id: row.doc})
      SET d.relationIds = row.ids, d.relationTypes = row.types`,
    params: { rows },
  };
}

/** Documents' texts (for finding a sentence again) and whether they exist. */
export function documentTexts(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (d:${SOURCE_DOCUMENT} {id: id}) RETURN d.id AS id, d.text AS text`,
    params: { ids },
  };
}

/** Documents with the extraction they keep, to write them again as extraction left them. */
export function keptExtractions(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (d:${SOURCE_DOCUMENT} {id: id})
      RETURN d.id AS id, d.hash AS hash, d.extractor AS extractor, d.text AS text, d.extraction AS extraction`,
    params: { ids },
  };
}

/** For each entity, a few documents whose kept extraction describes it (its mentions first, then its relations'). */
export function documentsDescribing(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id}) USING INDEX SEEK e:Entity(id)
      CALL (e) {
        MATCH (e)-[:MENTIONED_IN]->(d:${SOURCE_DOCUMENT}) WHERE d.extraction IS NOT NULL
        RETURN d.id AS doc LIMIT 3
        UNION
        MATCH (e)-[r]-(:Entity) WHERE r.evidenceDocs IS NOT NULL
        WITH r LIMIT 3
        RETURN r.evidenceDocs[0] AS doc
      }
      RETURN id, collect(doc) AS docs`,
    params: { ids },
  };
}
