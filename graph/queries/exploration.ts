// Neighbourhoods for a canvas, and paths between two entities: one statement each, results
// shaped here.
import { CO_MENTIONED, isEntityType, type EntityType, isRelationType, isUndirected, RELATION_TYPES, type RelationType } from '../model.ts';
import type { QueryContext } from './context.ts';
import { entitiesById } from './entities-cypher.ts';
import { toRelationView } from './entities.ts';
import { badInput } from './errors.ts';
import { neighborhood, shortestPaths } from './exploration-cypher.ts';
import type {
  EntityView,
  GraphEdgeView,
  GraphNodeView,
  NeighborhoodArgs,
  PathArgs,
  PathView,
  RelationCountView,
  SubgraphView,
} from './views.ts';

type Row = Record<string, unknown>;

/** Paths asked of Neo4j per path returned: equally short ones are then ranked by weight. */
/** A path search around hubs can grow without bound: Neo4j stops it (TIMEOUT) rather than let it hold a core. */
const PATHS_TIMEOUT_MS = 10_000;
const PATH_CANDIDATES_PER_PATH = 4;

function between(name: string, value: number, low: number, high: number): number {
  if (!Number.isInteger(value) || value < low || value > high) throw badInput(`${name}: must be a whole number from ${low} to ${high}`);
  return value;
}

/** The relation types to follow: the given ones or every typed one, co-mentions only when asked for. */
export function followedTypes(relationTypes: RelationType[] | null | undefined, includeCoMentions: boolean): RelationType[] {
  const bad = relationTypes?.find((type) => !isRelationType(type));
  if (bad !== undefined) throw badInput(`relationTypes: "${String(bad)}" is not a relation type`);
  const chosen = new Set<RelationType>(relationTypes && relationTypes.length > 0 ? relationTypes : RELATION_TYPES);
  if (includeCoMentions) chosen.add(CO_MENTIONED);
  return [...chosen];
}

export function createExploration(context: QueryContext) {
  return {
    async neighborhood(args: NeighborhoodArgs): Promise<SubgraphView> {
      between('ids (how many)', args.ids.length, 1, 50);
      const depth = between('depth', args.depth, 1, 3);
      const limit = between('limit', args.limit, 1, 2000);
      const minWeight = between('minWeight', args.minWeight, 1, 1_000_000);
      const minConfidence = probabilityArg('minConfidence', args.minConfidence);
      const badType = args.types?.find((type) => !isEntityType(type));
      if (badType !== undefined) throw badInput(`types: "${String(badType)}" is not an entity type`);
      const relationTypes = followedTypes(args.relationTypes, args.includeCoMentions);
      const rows = await context.reader.rows(
        neighborhood({
          ids: [...new Set(args.ids)],
          depth,
          types: args.types && args.types.length > 0 ? args.types : null,
          relationTypes,
          minWeight,
          minConfidence,
          limit,
          exclude: args.exclude ?? [],
          scanPerNode: Math.max(1000, 2 * limit),
          scanPerHop: Math.max(1000, 4 * limit),
          scanForEdges: 20,
        }),
      );
      return shapeSubgraph(rows[0], relationTypes);
    },

    async paths(args: PathArgs): Promise<PathView[]> {
      const maxHops = between('maxHops', args.maxHops, 1, 6);
      const k = between('k', args.k, 1, 5);
      const relationTypes = followedTypes(args.relationTypes, args.includeCoMentions);
      const minConfidence = probabilityArg('minConfidence', args.minConfidence);
      if (args.from === args.to) {
        const [row] = await context.reader.rows(entitiesById([args.from]));
        const entity = row?.['entity'] as EntityView | undefined;
        return entity
          ? [
              {
                length: 0,
                nodes: [
                  {
                    id: entity.id,
                    type: entity.type,
                    name: entity.name,
                    degree: entity.degree,
                    confidence: entity.confidence,
                    depth: 0,
                    hidden: [],
                    hiddenTotal: 0,
                    relationCounts: [],
                  },
                ],
                relations: [],
              },
            ]
          : [];
      }
      const rows = await context.reader.rows(
        shortestPaths(args.from, args.to, relationTypes, maxHops, k, k * PATH_CANDIDATES_PER_PATH, minConfidence),
        {
          timeoutMs: PATHS_TIMEOUT_MS,
        },
      );
      const unique = new Map(rows.map((row) => [(row['relations'] as Row[]).map((r) => r['id']).join('\n'), row]));
      const paths = [...unique.values()].map((row) => {
        const relations = (row['relations'] as Row[]).map(toRelationView);
        const nodes = (row['nodes'] as Row[]).map((n, depth): GraphNodeView => ({
          id: n['id'] as string,
          type: n['type'] as GraphNodeView['type'],
          name: n['name'] as string,
          degree: n['degree'] as number,
          confidence: (n['confidence'] as number | null) ?? null,
          depth,
          hidden: [],
          hiddenTotal: 0,
          relationCounts: [],
        }));
        return { length: relations.length, nodes, relations, weight: relations.reduce((sum, r) => sum + r.weight, 0) };
      });
      paths.sort(
        (a, b) =>
          a.length - b.length ||
          b.weight - a.weight ||
          a.relations
            .map((r) => r.id)
            .join('\n')
            .localeCompare(b.relations.map((r) => r.id).join('\n')),
      );
      return paths.slice(0, k).map(({ length, nodes, relations }) => ({ length, nodes, relations }));
    },
  };
}

/** The neighbourhood statement's row as nodes with depth and hidden counts, and edges. */
function shapeSubgraph(row: Row | undefined, relationTypes: readonly RelationType[]): SubgraphView {
  if (!row) return { nodes: [], edges: [], truncated: false };
  const levels = row['levels'] as number[];
  const rows = row['nodes'] as Array<[number, string, EntityType, string, number | null, number | null, ...number[]]>;
  // Edge ends come as Neo4j's internal node ids: the chosen nodes', or the already shown ones'.
  const idOf = new Map<number, string>(rows.map((node) => [node[0], node[1]]));
  for (const [internal, id] of (row['shown'] as Array<[number, string]> | undefined) ?? []) idOf.set(internal, id);
  const positionOf = new Map(rows.map((node, i) => [node[0], i]));
  const edges = (row['edges'] as Array<[string | null, RelationType, number, number, number, number | null]>).map(
    ([id, type, start, end, weight, confidence]): GraphEdgeView => {
      const source = idOf.get(start)!,
        target = idOf.get(end)!;
      return {
        id: id ?? `${type}:${source}->${target}`,
        type,
        source,
        target,
        weight,
        confidence: confidence ?? null,
        directed: !isUndirected(type),
      };
    },
  );
  // The edges shown at each chosen node, per relation type: node i's count of type t at i × types + t.
  const typeIndex = new Map(relationTypes.map((type, t) => [type, t]));
  const shown = new Int32Array(rows.length * relationTypes.length);
  for (const [, type, start, end] of row['edges'] as Array<[unknown, RelationType, number, number]>) {
    const t = typeIndex.get(type);
    if (t === undefined) continue;
    const a = positionOf.get(start),
      b = positionOf.get(end);
    if (a !== undefined) shown[a * relationTypes.length + t]!++;
    if (b !== undefined && b !== a) shown[b * relationTypes.length + t]!++;
  }
  let depth = 0;
  let levelEnd = levels[0] ?? 0;
  const nodes = rows.map(([, id, type, name, degree, confidence, ...counts], i): GraphNodeView => {
    while (i >= levelEnd && depth < levels.length - 1) levelEnd += levels[++depth]!;
    const hidden: RelationCountView[] = [];
    const relationCounts: RelationCountView[] = [];
    let hiddenTotal = 0;
    for (let t = 0; t < counts.length; t++) {
      relationCounts.push({ type: relationTypes[t]!, count: counts[t]! });
      const left = counts[t]! - shown[i * relationTypes.length + t]!;
      if (left > 0) {
        hidden.push({ type: relationTypes[t]!, count: left });
        hiddenTotal += left;
      }
    }
    let typed = degree ?? 0;
    if (degree === null) for (let t = 0; t < counts.length; t++) if (relationTypes[t] !== CO_MENTIONED) typed += counts[t]!;
    return { id, type, name, degree: typed, confidence: confidence ?? null, depth, hidden, hiddenTotal, relationCounts };
  });
  return { nodes, edges, truncated: row['truncated'] as boolean };
}

/** A probability argument: absent is 0 (everything passes), else a number in [0, 1]. */
function probabilityArg(name: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw badInput(`${name} must be a number from 0 to 1 (got ${value})`);
  return value;
}
