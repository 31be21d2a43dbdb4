// Cypher builders of the diffusion: the programs asked for and, for each, every IMPLEMENTS and
// SELECTED_AS relation pointing at it with its source, its first report's date and its reports.
// Pure: { cypher, params }, values in params.
import type { Statement } from '../db/store/index.ts';
import { entityView, FIRST_REPORTED, typeAlternation } from './entities-cypher.ts';

/** The relations that say an entity takes part in a program or pilot. */
export const ADOPTION_TYPES = ['IMPLEMENTS', 'SELECTED_AS'] as const;

/** The entities asked for, as EntityView rows {entity}; the caller checks which exist and their types. */
export function programsById(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (p:Entity {id: id})
      RETURN ${entityView('p')} AS entity`,
    params: { ids },
  };
}

/**
 * Every adoption of the programs: rows {programId, entity, relation, documents}. `relation` is a
 * RelationView row (firstReported: the earliest dated report, null when none is dated).
 */
export function adoptions(programIds: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $programIds AS programId
      MATCH (p:Entity {id: programId})<-[r:${typeAlternation(ADOPTION_TYPES)}]-(a:Entity)
      RETURN programId, ${entityView('a')} AS entity,
        { id: r.id, type: type(r), source: a.id, target: p.id, weight: r.weight, firstReported: ${FIRST_REPORTED} } AS relation,
        coalesce(r.evidenceDocs, []) AS documents
      ORDER BY programId, r.id`,
    params: { programIds },
  };
}
