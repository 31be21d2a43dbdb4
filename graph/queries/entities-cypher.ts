// Pure Cypher builders for entities and relations by id: { cypher, params }, values in params,
// relationship types only from the closed unions of ../model.ts, checked before they enter text.
import { CO_MENTIONED, RELATION_TYPES, type RelationType } from '../model.ts';
import { relationshipType, SOURCE_DOCUMENT, type Statement } from '../store/cypher.ts';

export { SOURCE_DOCUMENT };

/** `A|B|C` of checked relationship types, for a pattern. */
export function typeAlternation(types: readonly RelationType[]): string {
  if (types.length === 0) throw new TypeError('no relation types');
  return types.map(relationshipType).join('|');
}

/** The eight typed relations (co-mentions apart). */
export const TYPED = typeAlternation(RELATION_TYPES);
export const ALL_RELATIONS = typeAlternation([...RELATION_TYPES, CO_MENTIONED]);

/**
 * An entity as EntityView, from the node bound to `e`. The degree counts typed relations through
 * a pattern without a label at the far end, which Neo4j answers from the node's degree store.
 */
export const ENTITY_VIEW = /* Cypher */ `{ id: e.id, type: e.type, name: e.name, aliases: coalesce(e.aliases, []), code: e.code,
  officialName: e.officialName, level: e.level, degree: COUNT { (e)-[:${TYPED}]-() } }`;

/** A relation as RelationView without its first date, from `r`, `a` (start node) and `b` (end node). */
export const RELATION_VIEW = /* Cypher */ `{ id: r.id, type: type(r), source: a.id, target: b.id, weight: r.weight }`;

/** Entities by id, in any order (the caller orders them). */
export function entitiesById(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN ${ENTITY_VIEW} AS entity`,
    params: { ids },
  };
}
