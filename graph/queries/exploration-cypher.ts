// Pure Cypher builders for neighbourhoods and paths. Every expansion is bounded (LIMIT inside
// CALL subqueries), so a node with a hundred thousand relations costs no more than the bound.
import type { EntityType, RelationType } from '../model.ts';
import { relationshipType, type Statement } from '../store/cypher.ts';
import { FIRST_REPORTED, TYPED, typeAlternation } from './entities-cypher.ts';

export interface NeighborhoodPlan {
  ids: string[];
  depth: number;
  /** Neighbour types allowed (null: all). */
  types: EntityType[] | null;
  relationTypes: readonly RelationType[];
  minWeight: number;
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
 * The neighbourhood as one statement. Hop by hop from the start entities: each node of the
 * frontier offers at most `scanPerNode` of its relationships (a hop at most `scanPerHop`), the
 * new neighbours are ranked by their strongest relation and as many kept as the limit leaves room
 * for. Then every chosen node's relationships (bounded again) give the edges among them, and its
 * degree per relation type (from the degree store) what was left out. One row: `nodes` as
 * [id, type, name, degree, count per relation type…] in the order they were reached, `edges` as
 * [id, type, source, target, weight], `levels` the number of nodes per hop.
 */
export function neighborhood(plan: NeighborhoodPlan): Statement {
  const rel = typeAlternation(plan.relationTypes);
  // Conditions only when they can exclude something: each costs a property read per relationship.
  const weightFilter = plan.minWeight > 1 ? 'r.weight >= $minWeight' : null;
  const hopFilter = [weightFilter, plan.exclude.length > 0 ? 'NOT n.id IN $exclude' : null, plan.types ? 'n.type IN $types' : null]
    .filter((c) => c !== null);
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
          RETURN n, r.weight AS w
        }
        WITH n, w LIMIT $scanPerHop
        WITH n, max(w) AS w ORDER BY w DESC
        WITH collect(n) AS found
        RETURN found[..($limit - size(seen))] AS next, size(found) > $limit - size(seen) AS cut
      }
      WITH seen + next AS seen, next AS frontier, levels + [size(next)] AS levels, truncated OR cut AS truncated`);
  }
  // Lists rather than maps, and counts in the order of plan.relationTypes: less for the driver to decode.
  const counts = plan.relationTypes.map((type) => `COUNT { (x)-[:${relationshipType(type)}]-() }`);
  return {
    cypher: /* Cypher */ `
      MATCH (s:Entity) WHERE s.id IN $ids
      WITH collect(DISTINCT s) AS starts
      WITH starts AS seen, starts AS frontier, [size(starts)] AS levels, false AS truncated
      ${hops.join('\n')}
      CALL (seen) {
        UNWIND seen AS x
        CALL (x, seen) {
          MATCH (x)-[r:${rel}]-(y)
          ${weightFilter ? `WHERE ${weightFilter}` : ''}
          WITH r, y LIMIT $scanForEdges
          WHERE y IN seen
          RETURN r
        }
        WITH DISTINCT r
        RETURN collect([r.id, type(r), startNode(r).id, endNode(r).id, r.weight]) AS edges
      }
      RETURN levels, truncated, edges,
             [x IN seen | [x.id, x.type, x.name, COUNT { (x)-[:${TYPED}]-() }, ${counts.join(', ')}]] AS nodes`,
    params: {
      ids: plan.ids, types: plan.types, minWeight: plan.minWeight, limit: plan.limit, exclude: plan.exclude,
      scanPerNode: plan.scanPerNode, scanPerHop: plan.scanPerHop, scanForEdges: plan.scanForEdges,
    },
  };
}

/**
 * Up to `candidates` shortest paths (Neo4j 5's SHORTEST k), relation directions ignored, each
 * with its nodes and relations as views; the caller ranks them (fewest hops, then weight).
 */
export function shortestPaths(from: string, to: string, relationTypes: readonly RelationType[], maxHops: number, candidates: number): Statement {
  const hops = Math.max(1, Math.min(6, Math.trunc(maxHops)));
  return {
    cypher: /* Cypher */ `
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      MATCH p = SHORTEST ${Math.max(1, Math.trunc(candidates))} (a)-[:${typeAlternation(relationTypes)}]-{1,${hops}}(b)
      RETURN [x IN nodes(p) | { id: x.id, type: x.type, name: x.name, degree: COUNT { (x)-[:${TYPED}]-() } }] AS nodes,
             [r IN relationships(p) | { id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, weight: r.weight,
                                        firstReported: ${FIRST_REPORTED} }] AS relations`,
    params: { from, to },
  };
}
