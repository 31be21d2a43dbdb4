// Pure Cypher builders for entities and relations by id: { cypher, params }, values in params,
// relationship types only from the closed unions of ../model.ts, checked before they enter text.
import { CO_MENTIONED, RELATION_TYPES, isRelationType, type RelationType } from '../model.ts';
import { relationshipType, SOURCE_DOCUMENT, type Statement } from '../db/store/index.ts';

export { SOURCE_DOCUMENT };

/** `A|B|C` of checked relationship types, for a pattern. */
export function typeAlternation(types: readonly RelationType[]): string {
  if (types.length === 0) throw new TypeError('no relation types');
  return types.map(relationshipType).join('|');
}

/** The eight typed relations (co-mentions apart). */
export const TYPED = typeAlternation(RELATION_TYPES);
export const ALL_RELATION_TYPES: readonly RelationType[] = [...RELATION_TYPES, CO_MENTIONED];

/**
 * An entity as EntityView, from the node bound to `e`. The degree counts typed relations through
 * a pattern without a label at the far end, which Neo4j answers from the node's degree store.
 */
export function entityView(e = 'e'): string {
  return /* Cypher */ `{ id: ${e}.id, type: ${e}.type, name: ${e}.name, aliases: coalesce(${e}.aliases, []), code: ${e}.code,
    officialName: ${e}.officialName, level: ${e}.level, confidence: ${e}.confidence, degree: COUNT { (${e})-[:${TYPED}]-() } }`;
}
export const ENTITY_VIEW = entityView('e');

/** The date of the earliest dated document among a relation's evidence (`r`). */
export const FIRST_REPORTED = /* Cypher */ `head(COLLECT {
    UNWIND r.evidenceDocs AS doc MATCH (d:${SOURCE_DOCUMENT} {id: doc}) WHERE d.date IS NOT NULL RETURN d.date ORDER BY d.date LIMIT 1 })`;

/** A relation as RelationView (but `directed`), from `r`. */
export const RELATION_VIEW = /* Cypher */ `{ id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id,
    weight: r.weight, confidence: r.confidence, firstReported: ${FIRST_REPORTED} }`;

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

/** Chains followed per hop, and places kept per hop, when finding what an entity lies in. */
const ANCESTOR_SCAN_PER_HOP = 5_000;
const ANCESTORS_PER_HOP = 200;

/**
 * The districts each entity lies in, through LOCATED_IN chains, with their distance in hops. The
 * chains are followed breadth first, each place once: enumerating every chain grows exponentially
 * where places are linked more than once (a hub at 1M relations held a core for minutes), and a
 * hop reads at most ANCESTOR_SCAN_PER_HOP relationships.
 */
export function districtAncestors(ids: string[], maxHops = 6): Statement {
  const hops = Math.max(1, Math.min(8, Math.trunc(maxHops)));
  const steps = Array.from(
    { length: hops },
    (_, i) => /* Cypher */ `
        CALL (seen, frontier) {
          UNWIND frontier AS f
          MATCH (f)-[:LOCATED_IN]->(n)
          WITH n LIMIT $scanPerHop
          WHERE NOT n IN seen
          WITH DISTINCT n LIMIT $keptPerHop
          RETURN collect(n) AS next
        }
        WITH seen + next AS seen, next AS frontier, found + [x IN next WHERE x:District | [x, ${i + 1}]] AS found`,
  ).join('');
  return {
    // The districts it lies in by LOCATED_IN, and those whose GB/T 2260 code is a prefix of its own
    // (a village's 12 digits hold its township's 9, county's 6, city's 4 and province's 2), so the
    // hierarchy reaches the province even where no report states the last steps.
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (start:Entity {id: id})
      CALL (start) {
        WITH [start] AS seen, [start] AS frontier, [] AS found${steps}
        UNWIND found AS pair
        RETURN pair[0] AS e, pair[1] AS hops
        UNION ALL
        UNWIND CASE WHEN start.code IS NULL THEN [] ELSE [n IN [9, 6, 4, 2] WHERE n < size(start.code) | substring(start.code, 0, n)] END AS prefix
        MATCH (e:District {code: prefix})
        RETURN e, (size(start.code) - size(prefix) + 1) / 2 AS hops
      }
      WITH id, start, e, min(hops) AS hops
      RETURN id, start.code AS code, ${ENTITY_VIEW} AS entity, hops`,
    params: { ids, scanPerHop: ANCESTOR_SCAN_PER_HOP, keptPerHop: ANCESTORS_PER_HOP },
  };
}

/** Relations per type touching each entity, co-mentions included (degree-store counts). */
export function degreesByType(ids: string[]): Statement {
  const counts = ALL_RELATION_TYPES.map(
    (type) => `{ type: '${relationshipType(type)}', count: COUNT { (e)-[:${relationshipType(type)}]-() } }`,
  );
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN id, [${counts.join(', ')}] AS counts`,
    params: { ids },
  };
}

/** Figures about each entity, with the entity's mentions in the figure's document. */
export function entityFacts(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})-[:HAS_FACT]->(f:Fact)
      OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(:${SOURCE_DOCUMENT} {id: f.doc})
      RETURN id, f { .label, .value, .unit, .doc, .start, .end, .text } AS fact, m.starts AS starts, m.ends AS ends
      ORDER BY f.doc, f.start`,
    params: { ids },
  };
}

/** How many documents mention each entity. */
export function documentCounts(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN id, COUNT { (e)-[:MENTIONED_IN]->() } AS count`,
    params: { ids },
  };
}

/** One page of the documents mentioning an entity, most mentions first, with the total. */
export function entityDocuments(id: string, offset: number, limit: number, documentView: string): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (e:Entity {id: $id})
      CALL (e) {
        MATCH (e)-[m:MENTIONED_IN]->(d:${SOURCE_DOCUMENT})
        WITH m, d ORDER BY m.count DESC, d.date IS NULL, d.date DESC, d.id
        SKIP $offset LIMIT $limit
        RETURN collect({ document: ${documentView}, count: m.count, starts: m.starts, ends: m.ends }) AS rows
      }
      RETURN COUNT { (e)-[:MENTIONED_IN]->() } AS total, rows`,
    params: { id, offset, limit },
  };
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** One page of an entity's relations of some types, strongest first, with the total. */
export function entityRelations(
  id: string,
  types: readonly RelationType[],
  direction: Direction,
  offset: number,
  limit: number,
): Statement {
  const rel = `[r:${typeAlternation(types)}]`;
  const pattern = direction === 'OUT' ? `(e)-${rel}->()` : direction === 'IN' ? `(e)<-${rel}-()` : `(e)-${rel}-()`;
  return {
    cypher: /* Cypher */ `
      MATCH (e:Entity {id: $id})
      CALL (e) {
        MATCH ${pattern}
        WITH DISTINCT r ORDER BY r.weight DESC, r.id
        SKIP $offset LIMIT $limit
        RETURN collect(${RELATION_VIEW}) AS rows
      }
      RETURN COUNT { ${pattern} } AS total, rows`,
    params: { id, offset, limit },
  };
}

/** Relation ids grouped by the type their id begins with (`TYPE:`); ids of no known type are left out. */
export function idsByType(ids: string[]): Map<RelationType, string[]> {
  const byType = new Map<RelationType, string[]>();
  for (const id of ids) {
    const type = id.slice(0, id.indexOf(':'));
    if (!isRelationType(type)) continue;
    (byType.get(type) ?? byType.set(type, []).get(type)!).push(id);
  }
  return byType;
}

/**
 * Relations by id, one seek on each type's relationship-id index: a UNION of one branch per type
 * present, binding `r`, `a` (start) and `b` (end). Null when no id names a known type.
 */
export function seekRelations(ids: string[]): { cypher: string; params: Record<string, unknown> } | null {
  const byType = idsByType(ids);
  if (byType.size === 0) return null;
  const params: Record<string, unknown> = {};
  const branches = [...byType].map(([type, list], i) => {
    params[`ids${i}`] = list;
    return /* Cypher */ `UNWIND $ids${i} AS id MATCH (a)-[r:${relationshipType(type)} {id: id}]->(b) RETURN r, a, b`;
  });
  return { cypher: `CALL { ${branches.join(' UNION ALL ')} }`, params };
}

/** Relations by id as RelationView (but `directed`). */
export function relationsById(ids: string[]): Statement | null {
  const seek = seekRelations(ids);
  if (!seek) return null;
  return {
    cypher: /* Cypher */ `${seek.cypher}
      RETURN ${RELATION_VIEW} AS relation`,
    params: seek.params,
  };
}

/**
 * The first `first` sentences of each relation, oldest dated document first (undated last), with
 * both ends' mention offsets in that document for highlighting.
 */
export function relationEvidence(ids: string[], first: number): Statement | null {
  const seek = seekRelations(ids);
  if (!seek) return null;
  return {
    cypher: /* Cypher */ `${seek.cypher}
      UNWIND range(0, size(r.evidenceDocs) - 1) AS i
      OPTIONAL MATCH (d:${SOURCE_DOCUMENT} {id: r.evidenceDocs[i]})
      WITH r, a, b, i, d.date AS date ORDER BY date IS NULL, date, r.evidenceDocs[i], r.evidenceStarts[i]
      WITH r, a, b, collect({ i: i, date: date })[..$first] AS picked
      UNWIND picked AS p
      WITH r, a, b, p, r.evidenceDocs[p.i] AS doc
      OPTIONAL MATCH (a)-[ma:MENTIONED_IN]->(:${SOURCE_DOCUMENT} {id: doc})
      OPTIONAL MATCH (b)-[mb:MENTIONED_IN]->(:${SOURCE_DOCUMENT} {id: doc})
      RETURN r.id AS id, doc, p.date AS date, r.evidenceStarts[p.i] AS start, r.evidenceEnds[p.i] AS end, r.evidenceTexts[p.i] AS text,
             r.evidenceLinks[p.i] AS links, r.evidenceConfidences[p.i] AS confidence,
             [{ entityId: a.id, starts: ma.starts, ends: ma.ends }, { entityId: b.id, starts: mb.starts, ends: mb.ends }] AS mentions`,
    params: { ...seek.params, first },
  };
}
