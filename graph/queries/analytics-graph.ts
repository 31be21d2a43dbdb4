// Whole-graph figures computed in the server from one streamed read of the typed relations:
// degree, PageRank (power iteration over compressed adjacency arrays) and Louvain communities
// (graphology-communities-louvain). The arithmetic runs on typed arrays so that it can be handed
// to a worker thread (analytics-worker.ts) without copying and without blocking the event loop.
// Deterministic: nodes and edges are numbered in id order and Louvain's random walk is seeded, so
// the same graph always gives the same communities.
import { Worker } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { isEntityType, type EntityType } from '../model.ts';

// A CommonJS module whose module.exports is the function; its typings declare it as the default
// export, which TypeScript's NodeNext interop puts one level down.
const louvain = cjsDefault(louvainModule);
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

/**
 * The relations as typed arrays, nodes numbered in id order (`ids[i]` is node i): what crosses
 * to the worker thread.
 */
export interface GraphArrays {
  nodes: number;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** 1 where the relation has no direction. */
  undirected: Uint8Array;
}

/** Per-node figures as typed arrays, node i for `ids[i]`: what comes back from the worker. */
export interface FigureArrays {
  degree: Float64Array;
  pagerank: Float64Array;
  community: Int32Array;
}

/** Per-node figures, index i for node `ids[i]`; `community` holds raw community numbers. */
export interface NodeFigures {
  ids: string[];
  degree: ArrayLike<number>;
  pagerank: ArrayLike<number>;
  community: ArrayLike<number>;
}

/** Louvain's seed: the same graph, the same communities. */
export const LOUVAIN_SEED = 20_251_201;

/** The relations renumbered in id order, as typed arrays, and the ids in that order. */
export function graphArrays(edges: RelationEdges): { ids: string[]; arrays: GraphArrays } {
  const n = edges.ids.length;
  const order = edges.ids.map((_, i) => i).sort((a, b) => compareIds(edges.ids[a]!, edges.ids[b]!));
  const rank = new Int32Array(n);
  order.forEach((node, r) => (rank[node] = r));
  const m = edges.size;
  const arrays: GraphArrays = {
    nodes: n,
    sources: new Int32Array(m),
    targets: new Int32Array(m),
    weights: Float64Array.from(edges.weights),
    undirected: Uint8Array.from(edges.undirected),
  };
  for (let e = 0; e < m; e++) {
    arrays.sources[e] = rank[edges.sources[e]!]!;
    arrays.targets[e] = rank[edges.targets[e]!]!;
  }
  return { ids: order.map((i) => edges.ids[i]!), arrays };
}

/** Degree (relations touching a node), PageRank over the directed relations, Louvain over the undirected graph; on this thread. */
export function computeFigures(edges: RelationEdges, seed = LOUVAIN_SEED): NodeFigures {
  const { ids, arrays } = graphArrays(edges);
  return { ids, ...figuresOf(arrays, seed) };
}

/** Where the graph work ran: a worker thread, or this one when no worker could be started. */
export type FiguresThread = 'worker' | 'main';

/**
 * The same figures computed in a worker thread, so the event loop stays free. Falls back to this
 * thread when a worker cannot be started (`workerUrl` is for tests).
 */
export async function computeFiguresOffThread(
  edges: RelationEdges,
  options: { seed?: number; workerUrl?: URL } = {},
): Promise<NodeFigures & { thread: FiguresThread }> {
  const seed = options.seed ?? LOUVAIN_SEED;
  const { ids, arrays } = graphArrays(edges);
  const figures = await inWorker(arrays, seed, options.workerUrl ?? new URL('./analytics-worker.mjs', import.meta.url));
  if (figures) return { ids, ...figures, thread: 'worker' };
  // The arrays went to the worker that never started: build them again.
  return { ...computeFigures(edges, seed), thread: 'main' };
}

/** Resolves undefined when the worker could not start or died before answering. */
function inWorker(arrays: GraphArrays, seed: number, url: URL): Promise<FigureArrays | undefined> {
  let worker: Worker;
  try {
    // No flags inherited: the entry registers the TypeScript loader itself, and a parent's (tsx's,
    // vitest's) would load it twice or not at all.
    worker = new Worker(url, { execArgv: [], workerData: { arrays, seed }, transferList: transferables(arrays) });
  } catch {
    return Promise.resolve(undefined);
  }
  // Kept referenced while it computes, so a caller awaiting the figures keeps the process alive;
  // terminated as soon as it answers, so it never outlives its computation.
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: { figures: FigureArrays } | { error: string }) => {
      settled = true;
      void worker.terminate();
      if ('figures' in message) resolve(message.figures);
      else reject(new Error(`stats: ${message.error}`));
    });
    worker.once('error', () => {
      if (settled) return;
      settled = true;
      resolve(undefined);
    });
    worker.once('exit', () => {
      if (settled) return;
      settled = true;
      resolve(undefined);
    });
  });
}

export function transferables(value: GraphArrays | FigureArrays): ArrayBuffer[] {
  return Object.values(value).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
}

/** Degree, PageRank and communities from the relations as typed arrays: the work of the worker. */
export function figuresOf(graph: GraphArrays, seed = LOUVAIN_SEED): FigureArrays {
  const n = graph.nodes,
    m = graph.sources.length;
  const degree = new Float64Array(n);
  // Directed pairs (an undirected relation both ways) and undirected pairs, parallel relations
  // merged into one weighted edge, self-loops left out.
  let directedCount = 0,
    undirectedCount = 0;
  for (let e = 0; e < m; e++) {
    if (graph.sources[e] === graph.targets[e]) continue;
    directedCount += graph.undirected[e] ? 2 : 1;
    undirectedCount++;
  }
  const ds = new Int32Array(directedCount),
    dt = new Int32Array(directedCount),
    dw = new Float64Array(directedCount);
  const us = new Int32Array(undirectedCount),
    ut = new Int32Array(undirectedCount),
    uw = new Float64Array(undirectedCount);
  for (let e = 0, d = 0, u = 0; e < m; e++) {
    const s = graph.sources[e]!,
      t = graph.targets[e]!,
      w = graph.weights[e]!;
    if (s === t) continue;
    degree[s]!++;
    degree[t]!++;
    ds[d] = s;
    dt[d] = t;
    dw[d++] = w;
    if (graph.undirected[e]) {
      ds[d] = t;
      dt[d] = s;
      dw[d++] = w;
    }
    us[u] = Math.min(s, t);
    ut[u] = Math.max(s, t);
    uw[u++] = w;
  }
  const community = new Int32Array(n);
  // PageRank never converges on an empty graph (its error bound is 0 × tolerance).
  if (n === 0) return { degree, pagerank: new Float64Array(0), community };
  const pagerank = pagerankOf(adjacency(n, ds, dt, dw));
  const undirected = adjacency(n, us, ut, uw);
  const louvainGraph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  // Each node's key made once: graphology looks every edge's ends up by key.
  const keys = Array.from({ length: n }, (_, r) => String(r));
  for (const key of keys) louvainGraph.addNode(key);
  for (let s = 0; s < n; s++) {
    for (let j = undirected.starts[s]!, end = undirected.starts[s + 1]!; j < end; j++) {
      louvainGraph.addEdge(keys[s]!, keys[undirected.targets[j]!]!, { weight: undirected.weights[j]! });
    }
  }
  const result = louvain(louvainGraph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  for (let r = 0; r < n; r++) community[r] = result[keys[r]!] ?? -1;
  return { degree, pagerank, community };
}

/** Edges by source as compressed rows: node s's edges go to `targets[starts[s] .. starts[s+1]]`. */
export interface Adjacency {
  starts: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * Compressed rows from edge lists, each row in target order, parallel edges merged (weights
 * summed): two stable counting sorts, by target then by source.
 */
export function adjacency(n: number, sources: Int32Array, targets: Int32Array, weights: Float64Array): Adjacency {
  const m = sources.length;
  const byTarget = countingOrder(n, targets, null);
  const order = countingOrder(n, sources, byTarget);
  const starts = new Int32Array(n + 1);
  const mergedTargets = new Int32Array(m),
    mergedWeights = new Float64Array(m);
  let k = 0;
  for (let i = 0, previousSource = -1, previousTarget = -1; i < m; i++) {
    const e = order[i]!,
      s = sources[e]!,
      t = targets[e]!;
    if (s === previousSource && t === previousTarget) {
      mergedWeights[k - 1]! += weights[e]!;
      continue;
    }
    for (let row = previousSource + 1; row <= s; row++) starts[row] = k;
    mergedTargets[k] = t;
    mergedWeights[k++] = weights[e]!;
    previousSource = s;
    previousTarget = t;
  }
  for (let row = m === 0 ? 0 : sources[order[m - 1]!]! + 1; row <= n; row++) starts[row] = k;
  return { starts, targets: mergedTargets.slice(0, k), weights: mergedWeights.slice(0, k) };
}

/** Edge indexes ordered by `keys` (0..n-1), stably, taking edges in `within` order (or their own). */
function countingOrder(n: number, keys: Int32Array, within: Int32Array | null): Int32Array {
  const m = keys.length;
  const next = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) next[keys[e]! + 1]!++;
  for (let k = 0; k < n; k++) next[k + 1]! += next[k]!;
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const e = within ? within[i]! : i;
    order[next[keys[e]!]!++] = e;
  }
  return order;
}

/** graphology-metrics' PageRank settings, whose results these match. */
export const PAGERANK = { alpha: 0.85, tolerance: 1e-6, maxIterations: 1_000 } as const;

/**
 * Weighted PageRank by power iteration, as graphology-metrics computes it: a node passes its rank
 * along its out-edges in proportion to their weight; the rank of nodes without out-edges is spread
 * over all nodes; stops when the rank moved less than `tolerance` per node in total.
 */
export function pagerankOf(graph: Adjacency, options: { alpha?: number; tolerance?: number; maxIterations?: number } = {}): Float64Array {
  const { alpha, tolerance, maxIterations } = { ...PAGERANK, ...options };
  const n = graph.starts.length - 1;
  const p = 1 / n;
  const share = new Float64Array(graph.weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let out = 0;
    for (let j = graph.starts[i]!; j < graph.starts[i + 1]!; j++) out += graph.weights[j]!;
    if (out === 0) dangling.push(i);
    for (let j = graph.starts[i]!; j < graph.starts[i + 1]!; j++) share[j] = graph.weights[j]! / out;
  }
  let x = new Float64Array(n).fill(p),
    last = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    [x, last] = [last, x];
    let danglingSum = 0;
    for (const i of dangling) danglingSum += last[i]!;
    const base = alpha * danglingSum * p + (1 - alpha) * p;
    x.fill(base);
    for (let i = 0; i < n; i++) {
      const rank = alpha * last[i]!;
      for (let j = graph.starts[i]!, end = graph.starts[i + 1]!; j < end; j++) x[graph.targets[j]!]! += rank * share[j]!;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(x[i]! - last[i]!);
    if (error < n * tolerance) return x;
  }
  throw new Error('PageRank failed to converge');
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

export interface RankedId {
  id: string;
  score: number;
}
export interface CommunityFigures {
  id: number;
  size: number;
  /** Members, most connected first (at most `limit`). */
  members: string[];
  types: Array<{ type: EntityType; count: number }>;
}

/**
 * The `limit` first of `items` in the order `compare` gives, sorted: one pass keeping the best so far
 * (binary insertion), so that a top ten of a million nodes is not a sort of the million.
 */
export function firstBy<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (limit <= 0) return best;
  for (const item of items) {
    if (best.length === limit && compare(item, best[limit - 1]!) >= 0) continue;
    let low = 0,
      high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** The `limit` highest scores, ties by id. */
export function topBy(ids: string[], scores: ArrayLike<number>, limit: number): RankedId[] {
  const order = firstBy(ids.keys(), limit, (a, b) => scores[b]! - scores[a]! || compareIds(ids[a]!, ids[b]!));
  return order.map((i) => ({ id: ids[i]!, score: scores[i]! }));
}

/** Members by degree, most connected first (ties by id). */
const degreeOrder = (figures: NodeFigures) => (a: number, b: number) =>
  figures.degree[b]! - figures.degree[a]! || compareIds(figures.ids[a]!, figures.ids[b]!);

/**
 * The `limit` largest communities (ties by their most connected member), each a list of node
 * indexes: each community's most connected member found in one pass, only the kept ones ranked.
 */
function rankedGroups(figures: NodeFigures, limit: number): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < figures.ids.length; i++) {
    const c = figures.community[i]!;
    if (c < 0) continue;
    const group = groups.get(c);
    if (group) group.push(i);
    else groups.set(c, [i]);
  }
  const byDegree = degreeOrder(figures);
  const heads = [...groups.values()].map((members) => ({ members, head: firstBy(members, 1, byDegree)[0]! }));
  return firstBy(heads, limit, (a, b) => b.members.length - a.members.length || byDegree(a.head, b.head)).map((h) => h.members);
}

/**
 * Communities largest first (ties by their most connected member's id), numbered in that order;
 * members by degree then id. At most `limit` communities of at most `limit` members.
 */
export function communitiesOf(figures: NodeFigures, limit: number): CommunityFigures[] {
  const byDegree = degreeOrder(figures);
  return rankedGroups(figures, limit).map((members, id) => {
    const types = new Map<EntityType, number>();
    for (const i of members) {
      const type = typeOfId(figures.ids[i]!);
      if (type) types.set(type, (types.get(type) ?? 0) + 1);
    }
    return {
      id,
      size: members.length,
      members: firstBy(members, limit, byDegree).map((i) => figures.ids[i]!),
      types: [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || compareIds(a.type, b.type)),
    };
  });
}

/** Each node's community number as communitiesOf numbers them (-1 outside the `limit` largest). */
export function communityRanks(figures: NodeFigures, limit: number): Int32Array {
  const ranks = new Int32Array(figures.ids.length).fill(-1);
  rankedGroups(figures, limit).forEach((members, rank) => {
    for (const i of members) ranks[i] = rank;
  });
  return ranks;
}
