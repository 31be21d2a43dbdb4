// Whole-graph figures computed in the server from one streamed read of the typed relations:
// degree, PageRank (graphology-metrics) and Louvain communities (graphology-communities-louvain).
// Deterministic: nodes and edges enter the graphs sorted by id and Louvain's random walk is seeded,
// so the same graph always gives the same communities.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { isEntityType, type EntityType } from '../model.ts';

// Both are CommonJS modules whose module.exports is the function; their typings declare it as the
// default export, which TypeScript's NodeNext interop puts one level down.
const louvain = cjsDefault(louvainModule);
const pagerank = cjsDefault(pagerankModule);
function cjsDefault<T>(module: { default: T } | T): T {
  return (module as { default?: T }).default ?? (module as T);
}

/** The typed relations as read, ends interned: index i of `ids` is node i. */
export class RelationEdges {
  readonly ids: string[] = [];
  readonly sources: number[] = [];
  readonly targets: number[] = [];
  readonly weights: number[] = [];
  /** 1 where the relation has no direction (PARTNERS_WITH): PageRank walks it both ways. */
  readonly undirected: number[] = [];
  private readonly index = new Map<string, number>();

  add(source: string, target: string, weight: number, undirected: boolean): void {
    this.sources.push(this.node(source));
    this.targets.push(this.node(target));
    this.weights.push(weight > 0 ? weight : 1);
    this.undirected.push(undirected ? 1 : 0);
  }

  get size(): number {
    return this.sources.length;
  }

  private node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }
}

/** Per-node figures, index i for node `ids[i]`; `community` holds raw community numbers. */
export interface NodeFigures {
  ids: string[];
  degree: ArrayLike<number>;
  pagerank: ArrayLike<number>;
  community: ArrayLike<number>;
}

/** Degree (relations touching a node), PageRank over the directed relations, Louvain over the undirected graph. */
export function computeFigures(edges: RelationEdges, seed = 20_251_201): NodeFigures {
  const n = edges.ids.length;
  const order = edges.ids.map((_, i) => i).sort((a, b) => compareIds(edges.ids[a]!, edges.ids[b]!));
  const rank = new Int32Array(n);
  order.forEach((node, r) => (rank[node] = r));
  const ids = order.map((i) => edges.ids[i]!);

  const degree = new Float64Array(n);
  // Parallel relations of different types between the same two entities become one weighted edge.
  const directed = new Map<number, number>();
  const undirected = new Map<number, number>();
  const add = (map: Map<number, number>, key: number, weight: number) => map.set(key, (map.get(key) ?? 0) + weight);
  for (let e = 0; e < edges.size; e++) {
    const s = rank[edges.sources[e]!]!, t = rank[edges.targets[e]!]!, w = edges.weights[e]!;
    if (s === t) continue;
    degree[s]!++;
    degree[t]!++;
    add(directed, s * n + t, w);
    if (edges.undirected[e]) add(directed, t * n + s, w);
    add(undirected, Math.min(s, t) * n + Math.max(s, t), w);
  }

  const scores = new Float64Array(n);
  const community = new Int32Array(n);
  // PageRank never converges on an empty graph (its error bound is 0 × tolerance).
  if (n === 0) return { ids, degree, pagerank: scores, community };
  {
    const graph = new DirectedGraph<Record<string, never>, { weight: number }>();
    fill(graph, ids, directed);
    directed.clear();
    const result = pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1_000 });
    for (let r = 0; r < n; r++) scores[r] = result[ids[r]!] ?? 0;
  }
  {
    const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
    fill(graph, ids, undirected);
    undirected.clear();
    const result = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
    for (let r = 0; r < n; r++) community[r] = result[ids[r]!] ?? -1;
  }
  return { ids, degree, pagerank: scores, community };
}

function fill(graph: DirectedGraph<Record<string, never>, { weight: number }> | UndirectedGraph<Record<string, never>, { weight: number }>, ids: string[], edges: Map<number, number>): void {
  const n = ids.length;
  for (const id of ids) graph.addNode(id);
  const keys = Float64Array.from(edges.keys()).sort();
  for (const key of keys) {
    const s = Math.floor(key / n);
    graph.addEdge(ids[s]!, ids[key - s * n]!, { weight: edges.get(key)! });
  }
}

/** mulberry32: small, fast and seeded, so Louvain's random walk is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The entity type an id names (`Type:canonical name`, see the README's graph model). */
export function typeOfId(id: string): EntityType | null {
  const type = id.slice(0, id.indexOf(':'));
  return isEntityType(type) ? type : null;
}

export interface RankedId { id: string; score: number }
export interface CommunityFigures {
  id: number;
  size: number;
  /** Members, most connected first (at most `limit`). */
  members: string[];
  types: Array<{ type: EntityType; count: number }>;
}

/** The `limit` highest scores, ties by id. */
export function topBy(ids: string[], scores: ArrayLike<number>, limit: number): RankedId[] {
  const order = ids.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || compareIds(ids[a]!, ids[b]!));
  return order.slice(0, limit).map((i) => ({ id: ids[i]!, score: scores[i]! }));
}

/**
 * Communities largest first (ties by their most connected member's id), numbered in that order;
 * members by degree then id. At most `limit` communities of at most `limit` members.
 */
export function communitiesOf(figures: NodeFigures, limit: number): CommunityFigures[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < figures.ids.length; i++) {
    const c = figures.community[i]!;
    if (c < 0) continue;
    const group = groups.get(c);
    if (group) group.push(i);
    else groups.set(c, [i]);
  }
  const byDegree = (a: number, b: number) => figures.degree[b]! - figures.degree[a]! || compareIds(figures.ids[a]!, figures.ids[b]!);
  const sorted = [...groups.values()].map((members) => members.sort(byDegree));
  sorted.sort((a, b) => b.length - a.length || byDegree(a[0]!, b[0]!));
  return sorted.slice(0, limit).map((members, id) => {
    const types = new Map<EntityType, number>();
    for (const i of members) {
      const type = typeOfId(figures.ids[i]!);
      if (type) types.set(type, (types.get(type) ?? 0) + 1);
    }
    return {
      id,
      size: members.length,
      members: members.slice(0, limit).map((i) => figures.ids[i]!),
      types: [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || compareIds(a.type, b.type)),
    };
  });
}
