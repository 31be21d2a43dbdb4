// Pure Cypher builders for corrections as data: (:Correction) nodes, kept apart from what
// extraction writes, each linked to (:CurationKey) nodes (`e:<entity id>`, `r:<relation id>`,
// `d:<document id>`) so that a load finds the corrections it concerns by index seeks.
import type { Statement } from './cypher.ts';

export const CORRECTION = 'Correction';
export const CURATION_KEY = 'CurationKey';
export const CURATION_META = 'CurationMeta';
/** Labels that belong to curation: kept by `reset` unless asked, never written by extraction. */
export const CURATION_LABELS = [CORRECTION, CURATION_KEY, CURATION_META] as const;

/** Uniqueness of correction ids and keys; corrections listed latest first by their sequence number. */
export function curationSchema(): string[] {
  return [
    /* Cypher */ `CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:${CORRECTION}) REQUIRE c.id IS UNIQUE`,
    /* Cypher */ `CREATE CONSTRAINT curation_key IF NOT EXISTS FOR (k:${CURATION_KEY}) REQUIRE k.key IS UNIQUE`,
    /* Cypher */ `CREATE INDEX correction_seq IF NOT EXISTS FOR (c:${CORRECTION}) ON (c.seq)`,
    /* Cypher */ `CREATE INDEX correction_undoes IF NOT EXISTS FOR (c:${CORRECTION}) ON (c.undoes)`,
  ];
}

/**
 * Reserves `count` sequence numbers and returns the first. Run first in every transaction that
 * records corrections: the counter's write lock makes them take turns, so the order of sequence
 * numbers is the order of commits (the later of two concurrent corrections wins).
 */
export function reserveSeq(count: number): Statement {
  return {
    cypher: /* Cypher */ `
      MERGE (m:${CURATION_META} {id: 'curation'})
      SET m.seq = coalesce(m.seq, 0) + $count
      RETURN m.seq - $count + 1 AS first`,
    params: { count },
  };
}

/** Creates corrections; rows are {props, keys}. */
export function insertCorrections(rows: Array<{ props: Record<string, unknown>; keys: string[] }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      CREATE (c:${CORRECTION})
      SET c = row.props
      WITH c, row
      UNWIND row.keys AS key
      MERGE (k:${CURATION_KEY} {key: key})
      CREATE (c)-[:TOUCHES]->(k)`,
    params: { rows },
  };
}

/** Adds keys and documents a correction was found to touch when applied (the relations a merge moved). */
export function extendCorrections(rows: Array<{ id: string; keys: string[]; documents: string[]; recreated: boolean }>): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $rows AS row
      MATCH (c:${CORRECTION} {id: row.id})
      SET c.documents = coalesce(c.documents, []) + [d IN row.documents WHERE NOT d IN coalesce(c.documents, [])],
          c.recreated = coalesce(c.recreated, false) OR row.recreated
      WITH c, row
      UNWIND row.keys AS key
      MERGE (k:${CURATION_KEY} {key: key})
      MERGE (c)-[:TOUCHES]->(k)`,
    params: { rows },
  };
}

const FIELDS = 'c { .* } AS correction';

/** Corrections in force that touch any of the keys, in the order made. */
export function correctionsTouching(keys: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $keys AS key
      MATCH (k:${CURATION_KEY} {key: key})<-[:TOUCHES]-(c:${CORRECTION}) USING INDEX SEEK k:${CURATION_KEY}(key)
      WHERE c.undoneBy IS NULL AND c.kind <> 'undo'
      WITH DISTINCT c
      RETURN ${FIELDS}
      ORDER BY c.seq`,
    params: { keys },
  };
}

/** Every correction recorded after a sequence number (undone ones and undos included), in the order made. */
export function correctionsAfter(seq: number): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION}) WHERE c.seq > $seq
      RETURN ${FIELDS}
      ORDER BY c.seq`,
    params: { seq },
  };
}

/** Every correction in force, in the order made. */
export function activeCorrections(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION})
      WHERE c.undoneBy IS NULL AND c.kind <> 'undo'
      RETURN ${FIELDS}
      ORDER BY c.seq`,
    params: {},
  };
}

/** Merges in force: where an entity merged away now lives. */
export function activeMerges(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION} {kind: 'merge-entities'})
      WHERE c.undoneBy IS NULL
      RETURN ${FIELDS}
      ORDER BY c.seq`,
    params: {},
  };
}

/** Every correction, undone ones and undos included, in the order made (the corrections file). */
export function allCorrections(): Statement {
  return { cypher: /* Cypher */ `MATCH (c:${CORRECTION}) RETURN ${FIELDS} ORDER BY c.seq`, params: {} };
}

export function correctionsById(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (c:${CORRECTION} {id: id}) RETURN ${FIELDS}`,
    params: { ids },
  };
}

/** Marks a correction undone by another (or back in force, `by` null, when that undo is undone). */
export function setUndone(id: string, by: string | null): Statement {
  return {
    cypher: /* Cypher */ `MATCH (c:${CORRECTION} {id: $id}) SET c.undoneBy = $by RETURN c.id AS id`,
    params: { id, by },
  };
}

/** Deletes one batch of curation data (with `reset` when corrections go too); run until it reports 0. */
export function deleteCurationBatch(limit: number): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (n) WHERE n:${CORRECTION} OR n:${CURATION_KEY} OR n:${CURATION_META}
      WITH n LIMIT $limit
      DETACH DELETE n
      RETURN count(*) AS deleted`,
    params: { limit },
  };
}

/** Whether any correction was ever recorded (a graph without any skips looking for them). */
export function anyCorrection(): Statement {
  return {
    cypher: /* Cypher */ `OPTIONAL MATCH (m:${CURATION_META} {id: 'curation'}) RETURN m.seq IS NOT NULL AS any`,
    params: {},
  };
}

/** How many corrections there are, and how many in force. */
export function countCorrections(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (c:${CORRECTION})
      RETURN count(c) AS total, count(CASE WHEN c.undoneBy IS NULL AND c.kind <> 'undo' THEN 1 END) AS active`,
    params: {},
  };
}
