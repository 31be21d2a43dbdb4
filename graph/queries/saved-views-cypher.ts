// Pure Cypher builders for reading saved views (written by graph/db/store/saved-views-cypher.ts).
import { SAVED_VIEW, type Statement } from '../db/store/index.ts';

const FIELDS = /* Cypher */ `v.id AS id, v.name AS name, v.note AS note, v.state AS state, v.notes AS notes,
  v.entityIds AS entityIds, v.createdAt AS createdAt, v.updatedAt AS updatedAt,
  [id IN v.entityIds WHERE NOT EXISTS { (:Entity {id: id}) }] AS missing`;

/** The newest `first` views, each with the entities it shows that the graph no longer has. */
export function savedViewList(first: number): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (v:${SAVED_VIEW})
      WITH v ORDER BY v.updatedAt DESC, v.id LIMIT $first
      RETURN ${FIELDS}`,
    params: { first },
  };
}

export function savedViewById(id: string): Statement {
  return { cypher: /* Cypher */ `MATCH (v:${SAVED_VIEW} {id: $id}) RETURN ${FIELDS}`, params: { id } };
}
