// Pure Cypher builders: each returns { cypher, params } and touches no database, so they can be
// snapshot-tested. Values always travel in params; labels and relationship types come from the
// closed unions in ../model.ts and are checked again here before they enter query text.
import { isEntityType, isRelationType, type EntityType, type RelationType } from '../../model.ts';

export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Label given to the input documents (the entity type "Document" already owns :Document). */
export const SOURCE_DOCUMENT = 'SourceDocument';

/** The label of an entity type, checked against the closed set before it enters query text. */
export function label(type: EntityType): string {
  if (!isEntityType(type)) throw new TypeError(`not an entity type: ${String(type)}`);
  return type;
}

/** A relationship type, checked against the closed set before it enters query text. */
export function relationshipType(type: RelationType): string {
  if (!isRelationType(type)) throw new TypeError(`not a relation type: ${String(type)}`);
  return type;
}

/** Idempotent schema: uniqueness constraints, lookup indexes and the two full-text indexes. */
export function schemaStatements(relationTypes: readonly RelationType[]): Statement[] {
  const statements = [
    /* Cypher */ `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE`,
    /* Cypher */ `CREATE CONSTRAINT source_document_id IF NOT EXISTS FOR (d:${SOURCE_DOCUMENT}) REQUIRE d.id IS UNIQUE`,
    /* Cypher */ `CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)`,
    /* Cypher */ `CREATE INDEX entity_code IF NOT EXISTS FOR (e:Entity) ON (e.code)`,
    /* Cypher */ `CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)`,
    /* Cypher */ `CREATE INDEX fact_doc IF NOT EXISTS FOR (f:Fact) ON (f.doc)`,
    /* Cypher */ `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases, e.officialName]
      OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
    /* Cypher */ `CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (d:${SOURCE_DOCUMENT}) ON EACH [d.title, d.text]
      OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
  ];
  for (const type of relationTypes) {
    const rel = relationshipType(type);
    statements.push(/* Cypher */ `CREATE CONSTRAINT rel_${rel.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${rel}]-() REQUIRE r.id IS UNIQUE`);
  }
  return statements.map((cypher) => ({ cypher, params: {} }));
}

/**
 * True for a store written before evidence moved onto relationships (it holds :Evidence nodes):
 * its relations have no sentence lists to append to or take from.
 */
export function olderEvidenceModel(): Statement {
  return {
    cypher: /* Cypher */ `CALL db.labels() YIELD label WHERE label = 'Evidence' RETURN COUNT { (:Evidence) } > 0 AS older`,
    params: {},
  };
}

/** Content hash and extractor version of those of the documents that were loaded before. */
export function documentVersions(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (d:${SOURCE_DOCUMENT} {id: id}) RETURN d.id AS id, d.hash AS hash, d.extractor AS extractor`,
    params: { ids },
  };
}

/**
 * Removes the facts and mentions of some documents. Returns the relations they stated (from the
 * document nodes' lists, written by their previous load) and the entities they mentioned, so that
 * their evidence can be taken out and what nothing supports any more pruned.
 */
export function detachDocuments(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      OPTIONAL MATCH (d:${SOURCE_DOCUMENT}) WHERE d.id IN $ids
      UNWIND CASE WHEN d.relationIds IS NULL THEN [null] ELSE range(0, size(d.relationIds) - 1) END AS i
      WITH collect(CASE WHEN i IS NULL THEN null ELSE {id: d.relationIds[i], type: d.relationTypes[i]} END) AS relations
      OPTIONAL MATCH (f:Fact) WHERE f.doc IN $ids
      WITH relations, collect(f) AS facts
      FOREACH (f IN facts | DETACH DELETE f)
      WITH relations
      OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(d:${SOURCE_DOCUMENT}) WHERE d.id IN $ids
      WITH relations, collect(DISTINCT e.id) AS entities, collect(m) AS mentions
      FOREACH (m IN mentions | DELETE m)
      RETURN relations, entities`,
    params: { ids },
  };
}

/**
 * Creates or updates document nodes. Run first in a transaction: their write locks make
 * concurrent loads of the same document take turns. The relation lists stay as they were until
 * {@link setDocumentRelations}: detaching the old version reads them.
 */
export function upsertDocuments(rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $rows AS row MERGE (d:${SOURCE_DOCUMENT} {id: row.id}) SET d += row`,
    params: { rows },
  };
}

/** The relations each document states, once their old evidence is detached: rows {id, relationIds, relationTypes}. */
export function setDocumentRelations(rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (d:${SOURCE_DOCUMENT} {id: row.id})
      SET d.relationIds = row.relationIds, d.relationTypes = row.relationTypes`,
    params: { rows },
  };
}

export function deleteDocument(id: string): Statement {
  return {
    cypher: /* Cypher */ `MATCH (d:${SOURCE_DOCUMENT} {id: $id}) DETACH DELETE d`,
    params: { id },
  };
}

/**
 * Entities of one type: created, or their properties brought up to date. One statement per type,
 * as labels cannot be parameters; an id names its type, so an entity never changes label.
 */
export function upsertEntities(type: EntityType, rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MERGE (e:Entity {id: row.id})
      SET e:${label(type)}, e.type = row.type, e.name = row.name, e.aliases = row.aliases,
          e.code = row.code, e.level = row.level, e.officialName = row.officialName,
          // The best any load gave it: the same whichever of two loads writes last.
          e.confidence = CASE WHEN row.confidence IS NULL OR e.confidence >= row.confidence THEN coalesce(e.confidence, row.confidence)
                              ELSE row.confidence END`,
    params: { rows },
  };
}

/** Where entities are mentioned: one relationship per entity and document, with all offsets. */
export function createMentions(rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.id}), (d:${SOURCE_DOCUMENT} {id: row.doc})
      CREATE (e)-[:MENTIONED_IN {starts: row.starts, ends: row.ends, count: size(row.starts)}]->(d)`,
    params: { rows },
  };
}

/** The best of a list of sentence confidences, null when none was weighed (all -1). */
const BEST_CONFIDENCE = (list: string) =>
  `reduce(best = null, c IN ${list} | CASE WHEN c >= 0 AND (best IS NULL OR c > best) THEN c ELSE best END)`;

/** A relation's curation mark ranked: what a person added outranks what they edited, which outranks what they confirmed. */
const MARK_RANK = /* Cypher */ `{confirmed: 1, edited: 2, added: 3}`;

/**
 * Relations of one type with the documents' evidence sentences, appended to an existing
 * relation's; `row.weight` is how many there are. A row may carry a curation mark (corrections
 * applied to the rows before loading, ./curation-preapply.ts): the stronger one stays. An existing relation is found through its id's
 * uniqueness index rather than by MERGE, which would walk the relationships of both ends (slow
 * on the hubs every report mentions). Each SET reads the property it writes, so Cypher locks the
 * relationship before reading: concurrent loads append without losing each other's sentences.
 */
export function upsertRelations(type: RelationType, rows: Record<string, unknown>[]): Statement {
  const rel = relationshipType(type);
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      OPTIONAL MATCH ()-[existing:${rel} {id: row.id}]->()
      SET existing.weight = existing.weight + row.weight,
          existing.evidenceDocs = existing.evidenceDocs + row.evidenceDocs,
          existing.evidenceStarts = existing.evidenceStarts + row.evidenceStarts,
          existing.evidenceEnds = existing.evidenceEnds + row.evidenceEnds,
          existing.evidenceTexts = existing.evidenceTexts + row.evidenceTexts,
          existing.evidenceLinks = coalesce(existing.evidenceLinks, [i IN existing.evidenceDocs | '{}']) + row.evidenceLinks,
          existing.evidenceConfidences = coalesce(existing.evidenceConfidences, [i IN existing.evidenceDocs | -1.0]) + row.evidenceConfidences,
          existing.confidence = ${BEST_CONFIDENCE('coalesce(existing.evidenceConfidences, []) + row.evidenceConfidences')},
          existing.curation = CASE WHEN coalesce(${MARK_RANK}[row.curation], 0) > coalesce(${MARK_RANK}[existing.curation], 0)
                                   THEN row.curation ELSE existing.curation END
      WITH row, existing
      WHERE existing IS NULL
      MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
      CREATE (a)-[:${rel} {id: row.id, weight: row.weight, evidenceDocs: row.evidenceDocs, evidenceStarts: row.evidenceStarts,
                           evidenceEnds: row.evidenceEnds, evidenceTexts: row.evidenceTexts, evidenceLinks: row.evidenceLinks,
                           evidenceConfidences: row.evidenceConfidences, confidence: row.confidence, curation: row.curation}]->(b)`,
    params: { rows },
  };
}

/**
 * Takes the sentences of some documents out of relations of one type; rows are {id, docs}. The
 * first SET reads what it writes, so the relationship is locked before its lists are read.
 */
export function detachEvidence(type: RelationType, rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH ()-[r:${relationshipType(type)} {id: row.id}]->()
      SET r.weight = r.weight
      WITH r, [i IN range(0, size(r.evidenceDocs) - 1) WHERE NOT r.evidenceDocs[i] IN row.docs] AS kept
      SET r.evidenceDocs = [i IN kept | r.evidenceDocs[i]],
          r.evidenceStarts = [i IN kept | r.evidenceStarts[i]],
          r.evidenceEnds = [i IN kept | r.evidenceEnds[i]],
          r.evidenceTexts = [i IN kept | r.evidenceTexts[i]],
          r.evidenceLinks = [i IN kept | coalesce(r.evidenceLinks[i], '{}')],
          r.evidenceConfidences = [i IN kept | coalesce(r.evidenceConfidences[i], -1.0)],
          r.confidence = ${BEST_CONFIDENCE('[i IN kept | coalesce(r.evidenceConfidences[i], -1.0)]')},
          r.weight = size(kept)`,
    params: { rows },
  };
}

export function createFacts(rows: Record<string, unknown>[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (e:Entity {id: row.entity})
      CREATE (e)-[:HAS_FACT]->(f:Fact)
      SET f = row`,
    params: { rows },
  };
}

/** Deletes the given relations where no sentence supports them any more. */
export function pruneRelations(type: RelationType, ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH ()-[r:${relationshipType(type)} {id: id}]->()
      WHERE r.weight <= 0
      DELETE r`,
    params: { ids },
  };
}

/** Deletes the given entities when nothing (no mention, no relation) holds them in the graph. */
export function pruneEntities(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      WHERE NOT (e)--()
      DELETE e
      RETURN count(*) AS removed`,
    params: { ids },
  };
}

export function countGraph(): Statement {
  return {
    cypher: /* Cypher */ `
      CALL {
        MATCH ()-[r]->() WHERE r.id IS NOT NULL
        RETURN count(r) AS relations, sum(size(r.evidenceDocs)) AS evidence
      }
      RETURN COUNT { (:Entity) } AS entities,
             COUNT { (:${SOURCE_DOCUMENT}) } AS documents,
             relations, evidence,
             COUNT { (:Fact) } AS facts,
             COUNT { ()-[:MENTIONED_IN]->() } AS mentions`,
    params: {},
  };
}

/**
 * Deletes one batch of the graph; run repeatedly until it reports 0. Saved views and corrections
 * are the users' work, not the graph's: saved views are kept unless `savedViews` says otherwise,
 * so that a reset and a new load find them again (their entities that are gone listed as
 * missing); corrections always (curation-cypher.ts deletes them when asked).
 */
export function deleteBatch(batchSize: number, options: { savedViews?: boolean } = {}): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (n) WHERE NOT n:GraphMeta AND NOT n:Correction AND NOT n:CurationKey AND NOT n:CurationMeta
        ${options.savedViews ? '' : 'AND NOT n:SavedView'} WITH n LIMIT $limit
      DETACH DELETE n
      RETURN count(*) AS deleted`,
    params: { limit: batchSize },
  };
}

export function serverComponents(): Statement {
  return {
    cypher: /* Cypher */ `CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition`,
    params: {},
  };
}

/**
 * The graph's version: one counter on one node, bumped in every write transaction that changes
 * what the graph holds, so a server can tell its caches are stale (also after another process wrote).
 */
export function bumpGraphVersion(): Statement {
  return {
    cypher: /* Cypher */ `MERGE (m:GraphMeta {id: 'graph'}) SET m.version = coalesce(m.version, 0) + 1`,
    params: {},
  };
}

/** The current graph version (0 before the first load). */
export function graphVersion(): Statement {
  return {
    cypher: /* Cypher */ `OPTIONAL MATCH (m:GraphMeta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version`,
    params: {},
  };
}
