// Cypher builders of the analytics: whole-graph counts, the typed relations streamed once, entity
// views in one batch, Neo4j GDS when installed, and the co-implementation matrix. Pure: each
// returns { cypher, params }; labels and relationship types come from the closed unions.
import { CO_MENTIONED, ENTITY_TYPES, RELATION_TYPES, isEntityType, type EntityType } from '../model.ts';
import type { Statement } from '../db/store/index.ts';

const DOCUMENT = 'SourceDocument';

function label(type: EntityType): string {
  if (!isEntityType(type)) throw new TypeError(`not an entity type: ${String(type)}`);
  return type;
}

/** Entities per type, each from the label's count store. */
export function entityCounts(): Statement {
  return {
    cypher: ENTITY_TYPES.map((type) => /* Cypher */ `MATCH (e:${label(type)}) RETURN '${type}' AS type, count(e) AS count`).join(
      '\nUNION ALL\n',
    ),
    params: {},
  };
}

/** Entities, documents and co-mentions: count-store lookups. */
export function graphCounts(): Statement {
  return {
    cypher: /* Cypher */ `
      RETURN COUNT { (:Entity) } AS entities, COUNT { (:${DOCUMENT}) } AS documents,
        COUNT { ()-[:${CO_MENTIONED}]->() } AS coMentions`,
    params: {},
  };
}

/** Documents per month of their date; a null month counts the undated. */
export function documentMonths(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (d:${DOCUMENT})
      RETURN substring(d.date, 0, 7) AS month, count(*) AS count`,
    params: {},
  };
}

/**
 * Every typed relation once: its ends as Neo4j's internal node ids (see {@link entityNodes}), weight
 * (its sentences) and type. Streamed. The types are spelled out so Neo4j scans just those
 * relationships, not the mentions beside them; the ends are small integers rather than our ids, a
 * property read and a string each, millions of them in a large graph.
 */
export function typedRelations(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (a)-[r:${RELATION_TYPES.join('|')}]->(b)
      RETURN id(a) AS source, id(b) AS target, r.weight AS weight, type(r) AS type`,
    params: {},
  };
}

/** Every entity's internal node id and id, for the ends {@link typedRelations} streams. */
export function entityNodes(): Statement {
  return {
    cypher: /* Cypher */ `MATCH (e:Entity) RETURN id(e) AS node, e.id AS id`,
    params: {},
  };
}

/**
 * The typed-relation degree of the entity bound to `variable`: the relationship types spelled out,
 * so Neo4j reads it from the node's degree counts instead of expanding every relationship.
 */
export function typedDegree(variable: string): string {
  if (!/^[a-z]\w*$/.test(variable)) throw new TypeError(`not a variable: ${variable}`);
  return `COUNT { (${variable})-[:${RELATION_TYPES.join('|')}]-() }`;
}

/** An entity's view fields as a map projection (`degree` only when asked: it costs a lookup). */
function entityMap(variable: string, withDegree: boolean): string {
  const degree = withDegree ? `, degree: ${typedDegree(variable)}` : '';
  return `${variable} { .id, .type, .name, aliases: coalesce(${variable}.aliases, []), .code, .officialName, .level${degree} }`;
}

/** Entity views by id, in one batch: rows {entity}. */
export function entityViews(ids: string[], withDegree: boolean): Statement {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN ${entityMap('e', withDegree)} AS entity`,
    params: { ids },
  };
}

/** Succeeds only where the Graph Data Science library is installed. */
export function gdsVersion(): Statement {
  return { cypher: /* Cypher */ `CALL gds.version() YIELD gdsVersion RETURN gdsVersion`, params: {} };
}

/** GDS: the typed relations projected into an in-memory graph named `name`, undirected and weighted. */
export function gdsProject(name: string): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT r:${CO_MENTIONED}
      WITH gds.graph.project($name, a, b, {relationshipProperties: {weight: toFloat(coalesce(r.weight, 1))}},
        {undirectedRelationshipTypes: ['*']}) AS graph
      RETURN graph.nodeCount AS nodes`,
    params: { name },
  };
}

/** GDS: typed relations per type and their sentences (what the stream gives without GDS). */
export function relationCounts(): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (:Entity)-[r]->(:Entity) WHERE NOT r:${CO_MENTIONED}
      RETURN type(r) AS type, count(*) AS count, sum(coalesce(r.weight, 1)) AS evidence`,
    params: {},
  };
}

const GDS_STREAMS = {
  degree: `CALL gds.degree.stream($name) YIELD nodeId, score`,
  pagerank: `CALL gds.pageRank.stream($name, {relationshipWeightProperty: 'weight'}) YIELD nodeId, score`,
  community: `CALL gds.louvain.stream($name, {relationshipWeightProperty: 'weight', concurrency: 1}) YIELD nodeId, communityId AS score`,
} as const;

/** GDS: one figure of every projected node, rows {id, value}. Streamed. */
export function gdsStream(name: string, figure: keyof typeof GDS_STREAMS): Statement {
  return { cypher: /* Cypher */ `${GDS_STREAMS[figure]} RETURN gds.util.asNode(nodeId).id AS id, score AS value`, params: { name } };
}

export function gdsDrop(name: string): Statement {
  return { cypher: /* Cypher */ `CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName`, params: { name } };
}

/** Types, for the co-implementation's check of the ids it is given: rows {id, type} of those that exist. */
export function entityTypes(ids: string[]): Statement {
  return {
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.type AS type`,
    params: { ids },
  };
}

/**
 * The co-implementation matrix in one statement, a row per program: the programs given and those
 * the given actors implement, each with the IMPLEMENTS relations from actors of `implementerTypes`
 * and the earliest date among each relation's evidence documents.
 */
export function coImplementation(programIds: string[], placeIds: string[], implementerTypes: EntityType[]): Statement {
  const actor = implementerTypes.map((type) => `a:${label(type)}`).join(' OR ');
  return {
    cypher: /* Cypher */ `
      CALL () {
        UNWIND $programIds AS id MATCH (p:Entity {id: id}) RETURN p
        UNION
        UNWIND $placeIds AS id MATCH (:Entity {id: id})-[:IMPLEMENTS]->(p:Entity) WHERE p:Program OR p:Pilot RETURN p
      }
      OPTIONAL MATCH (a:Entity)-[r:IMPLEMENTS]->(p) WHERE ${actor}
      CALL (r) {
        UNWIND coalesce(r.evidenceDocs, []) AS doc
        MATCH (d:${DOCUMENT} {id: doc}) WHERE d.date IS NOT NULL
        RETURN min(d.date) AS firstReported
      }
      WITH p, collect(CASE WHEN r IS NULL THEN null ELSE
        {actor: ${entityMap('a', true)}, id: r.id, weight: coalesce(r.weight, 1), firstReported: firstReported} END) AS cells
      RETURN ${entityMap('p', true)} AS program, cells
      ORDER BY program.id`,
    params: { programIds, placeIds },
  };
}
