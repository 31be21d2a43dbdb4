// Pure Cypher builders for reading corrections: recent changes, the rejected list, an entity's or
// a relation's history, the marks corrections leave on the graph, and what they rest on.
import { CORRECTION, CURATION_KEY, type Statement } from '../db/store/index.ts';
import { SOURCE_DOCUMENT, seekRelations } from './entities-cypher.ts';

/**
 * A correction's properties, with whether some document it rests on is still in the graph (a
 * correction resting on none is orphaned) and who undid it.
 */
const CORRECTION_ROW = /* Cypher */ `c { .*,
    restsOnSomething: size(coalesce(c.documents, [])) = 0 OR any(d IN c.documents WHERE EXISTS { MATCH (:${SOURCE_DOCUMENT} {id: d}) }),
    undo: head(COLLECT { MATCH (u:${CORRECTION} {id: c.undoneBy}) RETURN u { .id, .editor, .at, .reason } }) } AS correction`;

export interface CorrectionFilter {
  editor: string | null;
  kinds: string[] | null;
  /** Only those in force (not undone, not undos). */
  inForce: boolean;
}

function where(filter: CorrectionFilter): string {
  return [
    'c.seq IS NOT NULL',
    filter.editor !== null ? 'c.editor = $editor' : null,
    filter.kinds !== null ? 'c.kind IN $kinds' : null,
    filter.inForce ? `c.undoneBy IS NULL AND c.kind <> 'undo'` : null,
  ]
    .filter((c) => c !== null)
    .join(' AND ');
}

/** One page of corrections, latest first (through the sequence index), with the total. */
export function correctionPage(filter: CorrectionFilter, offset: number, limit: number): Statement {
  return {
    cypher: /* Cypher */ `
      CALL () {
        MATCH (c:${CORRECTION}) WHERE ${where(filter)}
        RETURN count(c) AS total
      }
      CALL () {
        MATCH (c:${CORRECTION}) WHERE ${where(filter)}
        WITH c ORDER BY c.seq DESC SKIP $offset LIMIT $limit
        RETURN collect(${CORRECTION_ROW.replace(/ AS correction$/, '')}) AS rows
      }
      RETURN total, rows`,
    params: { editor: filter.editor, kinds: filter.kinds, offset, limit },
  };
}

export function correctionsById(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (c:${CORRECTION} {id: id}) RETURN ${CORRECTION_ROW}`,
    params: { ids },
  };
}

/**
 * For each entity or relation id, the corrections made on it or leaving it (latest first), and
 * the undos of those: found through the keys corrections are linked to.
 */
export function historyOf(ids: string[], limit: number): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      CALL (id) {
        UNWIND ['e:' + id, 'r:' + id] AS key
        MATCH (:${CURATION_KEY} {key: key})<-[:TOUCHES]-(c:${CORRECTION})
        WHERE id IN c.subjects
        WITH DISTINCT c
        CALL (c) {
          RETURN c AS item
          UNION
          MATCH (item:${CORRECTION} {undoes: c.id}) RETURN item
          UNION
          MATCH (u:${CORRECTION} {undoes: c.id}) MATCH (item:${CORRECTION} {undoes: u.id}) RETURN item
        }
        WITH DISTINCT item AS c ORDER BY c.seq DESC LIMIT $limit
        RETURN collect(${CORRECTION_ROW.replace(/ AS correction$/, '')}) AS items
      }
      RETURN id, items`,
    params: { ids, limit },
  };
}

/** The marks corrections leave on entities, and their stored confidence. */
export function entityMarks(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN id, e.curation AS curation, e.confidence AS confidence`,
    params: { ids },
  };
}

/** The marks corrections leave on relations, and their stored confidence (null when no id names a known type). */
export function relationMarks(ids: string[]): Statement | null {
  const seek = seekRelations(ids);
  return seek && { cypher: `${seek.cypher} RETURN r.id AS id, r.curation AS curation, r.confidence AS confidence`, params: seek.params };
}

/** Which of some entities are in the graph. */
export function entitiesPresent(ids: string[]): Statement {
  return { cypher: /* Cypher */ `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id`, params: { ids } };
}

/** Which of some relations are in the graph. */
export function relationsPresent(ids: string[]): Statement | null {
  const seek = seekRelations(ids);
  return seek && { cypher: `${seek.cypher} RETURN r.id AS id`, params: seek.params };
}

/** Merges in force: where entities merged away live now. */
export function mergeTargets(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION} {kind: 'merge-entities'}) WHERE c.undoneBy IS NULL
      RETURN c.body AS body ORDER BY c.seq`,
    params: {},
  };
}

/** The corrections in force that leave a fact (anchor) in the graph, for the gold export. */
export function anchoredCorrections(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION}) WHERE c.undoneBy IS NULL AND c.anchor IS NOT NULL
      RETURN c.anchor AS anchor, c.anchorKind AS kind ORDER BY c.seq`,
    params: {},
  };
}

/** Relations by id with their ends and sentences (document and text), for the gold export. */
export function relationFacts(ids: string[]): Statement | null {
  const seek = seekRelations(ids);
  return (
    seek && {
      cypher: `${seek.cypher} RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.evidenceDocs AS docs, r.evidenceTexts AS texts`,
      params: seek.params,
    }
  );
}

/** Entities by id with what the gold format holds of them and the documents that mention them. */
export function entityFacts(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN e.id AS id, e.name AS name, e.type AS type, e.level AS level, coalesce(e.aliases, []) AS aliases,
             COLLECT { MATCH (e)-[:MENTIONED_IN]->(d:${SOURCE_DOCUMENT}) RETURN d.id } AS documents`,
    params: { ids },
  };
}
