import { DirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import { adjacency, pagerankOf, seededRandom } from '../../graph/queries/analytics-graph.ts';

// CommonJS whose module.exports is the function; its typings call it the default export.
type Pagerank = typeof pagerankModule extends { default: infer T } ? T : typeof pagerankModule;
const graphologyPagerank = ((pagerankModule as { default?: Pagerank }).default ?? pagerankModule) as Pagerank;

/** A random weighted directed graph with parallel edges and nodes without out-edges. */
function randomEdges(nodes: number, edges: number, seed: number) {
  const random = seededRandom(seed);
  const sources = new Int32Array(edges),
    targets = new Int32Array(edges),
    weights = new Float64Array(edges);
  for (let e = 0; e < edges; e++) {
    // The last fifth of the nodes only receive: they are dangling.
    sources[e] = Math.floor(random() * nodes * 0.8);
    do targets[e] = Math.floor(random() * nodes);
    while (targets[e] === sources[e]);
    weights[e] = 1 + Math.floor(random() * 5);
  }
  return { sources, targets, weights };
}

describe('adjacency', () => {
  it('groups edges by source in target order and merges parallel edges', () => {
    const rows = adjacency(4, Int32Array.of(2, 0, 2, 0, 2), Int32Array.of(1, 3, 0, 3, 1), Float64Array.of(1, 2, 3, 4, 5));
    expect([...rows.starts]).toEqual([0, 1, 1, 3, 3]);
    expect([...rows.targets]).toEqual([3, 0, 1]);
    expect([...rows.weights]).toEqual([6, 3, 6]);
  });
});

describe('pagerankOf', () => {
  it("matches graphology-metrics' weighted PageRank within 1e-6", () => {
    for (const seed of [1, 2, 3]) {
      const nodes = 60;
      const { sources, targets, weights } = randomEdges(nodes, 240, seed);
      const rows = adjacency(nodes, sources, targets, weights);
      const graph = new DirectedGraph<Record<string, never>, { weight: number }>();
      for (let i = 0; i < nodes; i++) graph.addNode(String(i));
      for (let s = 0; s < nodes; s++) {
        for (let j = rows.starts[s]!; j < rows.starts[s + 1]!; j++)
          graph.addEdge(String(s), String(rows.targets[j]), { weight: rows.weights[j]! });
      }
      const expected = graphologyPagerank(graph, { getEdgeWeight: 'weight', maxIterations: 1_000 });
      const actual = pagerankOf(rows);
      for (let i = 0; i < nodes; i++) expect(Math.abs(actual[i]! - expected[String(i)]!)).toBeLessThan(1e-6);
      expect(actual.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  it('gives a lone edge its direction: the target ranks above the source', () => {
    const rank = pagerankOf(adjacency(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1)));
    expect(rank[1]).toBeGreaterThan(rank[0]!);
  });
});
