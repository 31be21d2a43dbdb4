// Pure Cypher builders for neighbourhoods and paths. Every expansion is bounded (LIMIT inside
// CALL subqueries), so a node with a hundred thousand relations costs no more than the bound.
import { RELATION_TYPES, type EntityType, type RelationType } from '../model.ts';
import { relationshipType, type Statement } from '../db/store/index.ts';
import { FIRST_REPORTED, TYPED, typeAlternation } from './entities-cypher.ts';

export interface NeighborhoodPlan {
  ids: string[];
  depth: number;
  /** Neighbour types allowed (null: all). */
  types: EntityType[] | null;
  relationTypes: readonly RelationType[];
  minWeight: number;
  /** Relations below it are not followed (co-mentions, never weighed, always are). */
  minConfidence: number;
  limit: number;
  exclude: string[];
  /** Relationships looked at per node and hop. */
  scanPerNode: number;
  /** Relationships looked at per hop, over all the nodes it expands. */
  scanPerHop: number;
  /** Relationships looked at per node for the edges among the chosen nodes. */
  scanForEdges: number;
}

/**
 * Pairs of nodes (chosen × chosen-or-excluded) up to which every relation among them is found by
 * looking at each pair (Neo4j expands from the end with fewer relationships), instead of a
 * bounded scan of each node's first relationships: a canvas that pages a hub then holds every
 * relation between what it shows, and the counts of what is left out are exact.
 */
export const EXACT_EDGE_PAIRS = 20_000;

/**
 * A relation's id when it is not the one its type and ends make (model.ts: ids derive from them),
 * else null: the ids of a neighbourhood's thousands of edges are most of its bytes, and the
 * driver decodes every one of them.
 */
const EDGE_ID = /* Cypher */ `CASE WHEN r.id = type(r) + ':' + startNode(r).id + '->' + endNode(r).id THEN null ELSE r.id END`;

/**
 * The neighbourhood as one statement. Hop by hop from the start entities: each node of the
 * frontier offers at most `scanPerNode` of its relationships (a hop at most `scanPerHop`), the
 * new neighbours are ranked by their strongest relation and as many kept as the limit leaves room
 * for, each with the relation it was reached by. Then the relations among the chosen nodes and
 * between them and the excluded ones (exactly for small pages, see EXACT_EDGE_PAIRS; otherwise
 * from every chosen node's first relationships), and each node's degree per relation type (from
 * the degree store), which tells what was left out. One row: `nodes` as [node, id, type, name,
 * degree (null when it is the sum of the counts), confidence, count per relation type…] in the
 * order they were reached; `edges` as [id or null, type, source node, target node, weight,
 * confidence] (nodes by Neo4j's internal id, a small integer, rather than by our long ids);
 * `shown` as [node, id] of the already shown (excluded) nodes edges reach; `levels` the number of
 * nodes per hop.
 */
export function neighborhood(plan: NeighborhoodPlan): Statement {
  const rel = typeAlternation(plan.relationTypes);
  // Conditions only when they can exclude something: each costs a property read per relationship.
  const weightFilter =
    [
      plan.minWeight > 1 ? 'r.weight >= $minWeight' : null,
      plan.minConfidence > 0 ? '(r.curation IS NOT NULL OR coalesce(r.confidence, 1.0) >= $minConfidence)' : null,
    ]
      .filter((c) => c !== null)
      .join(' AND ') || null;
  const hopFilter = [weightFilter, plan.exclude.length > 0 ? 'NOT n.id IN $exclude' : null, plan.types ? 'n.type IN $types' : null].filter(
    (c) => c !== null,
  );
  const hops: string[] = [];
  for (let hop = 1; hop <= plan.depth; hop++) {
    hops.push(/* Cypher */ `
      CALL (frontier, seen) {
        UNWIND frontier AS f
        CALL (f, seen) {
          MATCH (f)-[r:${rel}]-(n)
          ${hopFilter.length > 0 ? `WHERE ${hopFilter.join(' AND ')}` : ''}
          WITH r, n LIMIT $scanPerNode
          WHERE NOT n IN seen
          RETURN n, r
        }
        WITH n, r LIMIT $scanPerHop
        WITH n, r ORDER BY r.weight DESC
        WITH n, head(collect(r)) AS r
        ORDER BY r.weight DESC
        WITH collect([n, r]) AS found
        WITH found[..($limit - size(seen))] AS kept, size(found) > $limit - size(seen) AS cut
        RETURN [x IN kept | x[0]] AS next, [x IN kept | x[1]] AS via, cut
      }
      WITH seen + next AS seen, next AS frontier, tree + via AS tree, levels + [size(next)] AS levels, truncated OR cut AS truncated`);
  }
  // Lists rather than maps, and counts in the order of plan.relationTypes: less for the driver to decode.
  const counts = plan.relationTypes.map((type) => `COUNT { (x)-[:${relationshipType(type)}]-() }`);
  // The degree (typed relations) is the sum of the counts when every typed relation type is counted:
  // null then, and summed by the caller, rather than read again.
  const degree = RELATION_TYPES.every((type) => plan.relationTypes.includes(type)) ? 'null' : `COUNT { (x)-[:${TYPED}]-() }`;
  const edge = `[${EDGE_ID}, type(r), id(startNode(r)), id(endNode(r)), r.weight, r.confidence]`;
  const exact = plan.limit * (plan.limit + plan.exclude.length) <= EXACT_EDGE_PAIRS;
  // Exact: each pair of chosen nodes, and each chosen node with each excluded (already shown) one,
  // once. Bounded: every chosen node's first relationships that reach another chosen node, plus
  // the relations the hops came by.
  const edges = exact
    ? /* Cypher */ `
      CALL (seen) {
        OPTIONAL MATCH (p:Entity) WHERE p.id IN $exclude AND NOT p IN seen
        RETURN collect(p) AS shown
      }
      CALL (seen, shown) {
        UNWIND range(0, size(seen) - 1) AS i
        WITH seen[i] AS x, seen[i + 1..] + shown AS others
        UNWIND others AS y
        MATCH (x)-[r:${rel}]-(y)
        ${weightFilter ? `WHERE ${weightFilter}` : ''}
        WITH DISTINCT r
        RETURN collect(${edge}) AS edges
      }`
    : /* Cypher */ `
      WITH *, [] AS shown
      CALL (seen, tree) {
        UNWIND seen AS x
        CALL (x, seen) {
          MATCH (x)-[r:${rel}]-(y)
          ${weightFilter ? `WHERE ${weightFilter}` : ''}
          WITH r, y LIMIT $scanForEdges
          WHERE y IN seen
          RETURN r
        }
        WITH tree, collect(r) AS scanned
        UNWIND scanned + tree AS r
        WITH DISTINCT r
        RETURN collect(${edge}) AS edges
      }`;
  return {
    cypher: /* Cypher */ `
      MATCH (s:Entity) WHERE s.id IN $ids
      WITH collect(DISTINCT s) AS starts
      WITH starts AS seen, starts AS frontier, [] AS tree, [size(starts)] AS levels, false AS truncated
      ${hops.join('\n')}
      ${edges}
      RETURN levels, truncated, edges, [p IN shown | [id(p), p.id]] AS shown,
             [x IN seen | [id(x), x.id, x.type, x.name, ${degree}, x.confidence, ${counts.join(', ')}]] AS nodes`,
    params: {
      ids: plan.ids,
      types: plan.types,
      minWeight: plan.minWeight,
      minConfidence: plan.minConfidence,
      limit: plan.limit,
      exclude: plan.exclude,
      scanPerNode: plan.scanPerNode,
      scanPerHop: plan.scanPerHop,
      scanForEdges: plan.scanForEdges,
    },
  };
}

const PATH_VIEWS = /* Cypher */ `
      RETURN [x IN nodes(p) | { id: x.id, type: x.type, name: x.name, confidence: x.confidence, degree: COUNT { (x)-[:${TYPED}]-() } }] AS nodes,
             [r IN relationships(p) | { id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, weight: r.weight,
                                        confidence: r.confidence, firstReported: ${FIRST_REPORTED} }] AS relations`;

const hopBound = (maxHops: number) => Math.max(1, Math.min(6, Math.trunc(maxHops)));

/**
 * Up to `candidates` of the shortest paths (all of the fewest hops, Neo4j's bidirectional
 * search), relation directions ignored; when they are fewer than `k`, also the shortest paths
 * that use none of their relationships (longer alternatives, found by a second bidirectional
 * search rather than SHORTEST k, whose search around hubs can grow without bound). Each path
 * with its nodes and relations as views; the caller ranks them.
 */
export function shortestPaths(
  from: string,
  to: string,
  relationTypes: readonly RelationType[],
  maxHops: number,
  k: number,
  candidates: number,
  minConfidence = 0,
): Statement {
  const pattern = `(a)-[:${typeAlternation(relationTypes)}*1..${hopBound(maxHops)}]-(b)`;
  // Checked as the search goes (Neo4j prunes by a predicate on every relationship of the path).
  const confident =
    minConfidence > 0 ? 'all(r IN relationships(p) WHERE r.curation IS NOT NULL OR coalesce(r.confidence, 1.0) >= $minConfidence)' : null;
  return {
    cypher: /* Cypher */ `
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      CALL (a, b) {
        MATCH p = allShortestPaths(${pattern})
        ${confident ? `WHERE ${confident}` : ''}
        WITH p LIMIT $candidates
        RETURN collect(p) AS shortest
      }
      CALL (a, b, shortest) {
        WITH [p IN shortest | [r IN relationships(p) | r.id]] AS used
        WITH reduce(all = [], ids IN used | all + ids) AS used
        WHERE 0 < size(shortest) < $k
        MATCH p = allShortestPaths(${pattern})
        WHERE none(r IN relationships(p) WHERE r.id IN used)${confident ? ` AND ${confident}` : ''}
        WITH p LIMIT $candidates
        RETURN collect(p) AS longer
      }
      UNWIND shortest + longer AS p
      ${PATH_VIEWS}`,
    params: { from, to, k: Math.max(1, Math.trunc(k)), candidates: Math.max(1, Math.trunc(candidates)), minConfidence },
  };
}
