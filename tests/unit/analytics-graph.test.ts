import { describe, expect, it } from 'vitest';
import {
  communitiesOf,
  computeFigures,
  firstBy,
  RelationEdges,
  seededRandom,
  topBy,
  typeOfId,
} from '../../graph/queries/analytics-graph.ts';

/** Two groups of four, each fully linked, joined by one relation; undirected; relation order as given. */
function twoGroups(order: (list: Array<[string, string]>) => Array<[string, string]> = (l) => l) {
  const list: Array<[string, string]> = [];
  for (const group of ['甲', '乙']) {
    const ids = ['District', 'Village', 'Company', 'Program'].map((type, i) => `${type}:${group}${i}`);
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) list.push([ids[a]!, ids[b]!]);
  }
  list.push(['District:甲0', 'District:乙0']);
  const edges = new RelationEdges();
  for (const [s, t] of order(list)) edges.add(s, t, 1, true);
  return edges;
}

describe('computeFigures', () => {
  it('counts degree, ranks the bridge ends highest and finds the two groups', () => {
    const figures = computeFigures(twoGroups());
    const degree = Object.fromEntries(figures.ids.map((id, i) => [id, figures.degree[i]]));
    expect(degree['District:甲0']).toBe(4);
    expect(degree['Village:甲1']).toBe(3);
    expect(topBy(figures.ids, figures.degree, 2).map((r) => r.id)).toEqual(['District:乙0', 'District:甲0']);
    expect(
      topBy(figures.ids, figures.pagerank, 2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['District:乙0', 'District:甲0']);
    const communities = communitiesOf(figures, 100);
    expect(communities.map((c) => c.size)).toEqual([4, 4]);
    expect(communities.map((c) => c.members[0])).toEqual(['District:乙0', 'District:甲0']);
    expect(communities[0]!.types).toEqual([
      { type: 'Company', count: 1 },
      { type: 'District', count: 1 },
      { type: 'Program', count: 1 },
      { type: 'Village', count: 1 },
    ]);
  });

  it('gives the same communities whatever order the relations arrive in', () => {
    const reversed = communitiesOf(computeFigures(twoGroups((l) => [...l].reverse())), 100);
    const shuffled = communitiesOf(computeFigures(twoGroups((l) => [...l].sort(() => seededRandom(3)() - 0.5))), 100);
    const plain = communitiesOf(computeFigures(twoGroups()), 100);
    expect(reversed).toEqual(plain);
    expect(shuffled).toEqual(plain);
  });

  it('splits a ring, where many splits are as good, the same way every time', () => {
    // A seeded random walk and sorted input: an unseeded walk or the arrival order changes this.
    const ring = (shift: number) => {
      const edges = new RelationEdges();
      for (let k = 0; k < 40; k++) {
        const i = (k + shift) % 40;
        edges.add(`Village:${i}`, `Village:${(i + 1) % 40}`, 1, true);
      }
      return edges;
    };
    const splits = [0, 7, 13, 21, 33].map((shift) => communitiesOf(computeFigures(ring(shift)), 100).map((c) => c.members));
    for (const split of splits) expect(split).toEqual(splits[0]);
    expect(splits[0]!.length).toBeGreaterThan(1);
  });

  it('walks undirected relations both ways for PageRank', () => {
    const directed = new RelationEdges();
    directed.add('District:a', 'Program:b', 1, false);
    const both = new RelationEdges();
    both.add('District:a', 'Program:b', 1, true);
    const pr = (edges: RelationEdges) => {
      const f = computeFigures(edges);
      return f.pagerank[f.ids.indexOf('Program:b')]! - f.pagerank[f.ids.indexOf('District:a')]!;
    };
    expect(pr(directed)).toBeGreaterThan(0);
    expect(pr(both)).toBeCloseTo(0);
  });

  it('keeps lists to the limit, and reads the type from an id', () => {
    const figures = computeFigures(twoGroups());
    expect(communitiesOf(figures, 1)).toHaveLength(1);
    expect(communitiesOf(figures, 1)[0]!.members).toHaveLength(1);
    expect(typeOfId('Village:余村#330523')).toBe('Village');
    expect(typeOfId('Nope:x')).toBeNull();
  });

  it('has nothing to say about an empty graph', () => {
    const figures = computeFigures(new RelationEdges());
    expect(figures.ids).toEqual([]);
    expect(communitiesOf(figures, 100)).toEqual([]);
  });

  it('keeps the first few as a full sort would, ties by id, without sorting them all', () => {
    const random = seededRandom(5);
    const ids = Array.from({ length: 2000 }, (_, i) => `Village:${(i * 7919) % 2000}`);
    // Few distinct scores: most of the order is decided by the id.
    const scores = ids.map(() => Math.floor(random() * 5));
    const sorted = ids.map((id, i) => ({ id, score: scores[i]! })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    for (const limit of [0, 1, 7, 100, 2000, 5000]) expect(topBy(ids, scores, limit)).toEqual(sorted.slice(0, limit));
    expect(firstBy([5, 3, 9, 1], 2, (a, b) => a - b)).toEqual([1, 3]);
  });
});
