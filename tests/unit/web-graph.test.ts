// What the explorer keeps of the graph (the cache behind "N more") and the groups it draws.
import { describe, expect, it } from 'vitest';
import { GraphCache } from '../../web/state/graph-cache.ts';
import { foldId, groupView } from '../../web/state/groups.ts';
import { defaultGrouping, type EdgeInput, type NodeInput } from '../../web/state/vocabulary.ts';

const node = (id: string, type: NodeInput['type'], relationCounts?: NodeInput['relationCounts']): NodeInput => ({
  id,
  type,
  name: id.replace(/^\w+:/, ''),
  degree: 1,
  relationCounts,
});
const edge = (type: EdgeInput['type'], source: string, target: string): EdgeInput => ({
  id: `${type}:${source}->${target}`,
  type,
  source,
  target,
  weight: 1,
  directed: true,
});

const HUB = 'District:龙湾区';
const programs = Array.from({ length: 30 }, (_, i) => `Program:项目${i}`);

describe('"N more", counted against what the canvas holds', () => {
  it('says how many relations of each type are not drawn, whatever each response left out', () => {
    const cache = new GraphCache();
    const counts = [
      { type: 'IMPLEMENTS' as const, count: 30 },
      { type: 'SELECTED_AS' as const, count: 5 },
    ];
    // The first page: 10 programs.
    cache.merge({
      nodes: [node(HUB, 'District', counts), ...programs.slice(0, 10).map((p) => node(p, 'Program'))],
      edges: programs.slice(0, 10).map((p) => edge('IMPLEMENTS', HUB, p)),
    });
    const first = new Set([HUB, ...programs.slice(0, 10)]);
    expect(cache.hidden(HUB, first, ['IMPLEMENTS', 'SELECTED_AS'])).toEqual([
      { type: 'IMPLEMENTS', count: 20 },
      { type: 'SELECTED_AS', count: 5 },
    ]);
    // The next page of programs only: the pilots' count stays, the programs' goes down by what arrived.
    cache.merge({
      nodes: [node(HUB, 'District', [{ type: 'IMPLEMENTS', count: 30 }]), ...programs.slice(10, 30).map((p) => node(p, 'Program'))],
      edges: programs.slice(10).map((p) => edge('IMPLEMENTS', HUB, p)),
    });
    const all = new Set([HUB, ...programs]);
    expect(cache.hidden(HUB, all, ['IMPLEMENTS', 'SELECTED_AS'])).toEqual([{ type: 'SELECTED_AS', count: 5 }]);
    // Taking entities off the canvas (undo) gives their relations back to "N more".
    expect(cache.hidden(HUB, first, ['IMPLEMENTS'])).toEqual([{ type: 'IMPLEMENTS', count: 20 }]);
    expect(cache.subgraph([HUB, ...programs.slice(0, 3)], ['IMPLEMENTS']).nodes[0]).toMatchObject({ hiddenTotal: 27 });
  });

  it('draws every known relation between the entities shown, once', () => {
    const cache = new GraphCache();
    cache.merge({
      nodes: [node(HUB, 'District'), node(programs[0]!, 'Program'), node(programs[1]!, 'Program')],
      edges: [edge('IMPLEMENTS', HUB, programs[0]!), edge('PART_OF', programs[0]!, programs[1]!)],
    });
    expect(cache.edgesAmong(new Set([HUB, programs[0]!])).map((e) => e.type)).toEqual(['IMPLEMENTS']);
    expect(cache.edgesAmong(new Set([HUB, ...programs.slice(0, 2)]))).toHaveLength(2);
  });

  it('keeps a relation’s first date once learnt, and tells unknown (undefined) from undated (null)', () => {
    const cache = new GraphCache();
    const e = edge('IMPLEMENTS', HUB, programs[0]!);
    cache.merge({ nodes: [], edges: [e] });
    expect(cache.edge(e.id)!.firstReported).toBeUndefined();
    cache.describeEdge(e.id, { firstReported: null });
    cache.merge({ nodes: [], edges: [e] });
    expect(cache.edge(e.id)!.firstReported).toBeNull();
  });
});

describe('groups', () => {
  const township = 'District:永中街道';
  const county = HUB;
  const villages = ['Village:永中村', 'Village:下垟村', 'Village:李浦村'];
  const nodes = [
    node(county, 'District'),
    node(township, 'District'),
    ...villages.map((v) => node(v, 'Village')),
    node(programs[0]!, 'Program'),
  ];
  const edges = [
    edge('LOCATED_IN', township, county),
    ...villages.map((v) => edge('LOCATED_IN', v, township)),
    edge('LOCATED_IN', villages[0]!, county),
    edge('IMPLEMENTS', villages[0]!, programs[0]!),
    edge('IMPLEMENTS', villages[1]!, programs[0]!),
  ];

  it('folds villages under the innermost district shown, and merges their relations per end and type, counted', () => {
    const view = groupView(nodes, edges, { ...defaultGrouping(), places: true });
    expect(view.groups).toEqual([expect.objectContaining({ id: township, kind: 'place', members: villages, open: false })]);
    expect([...view.folded].sort()).toEqual([...villages].sort());
    expect(view.merged).toEqual([
      expect.objectContaining({ source: township, target: county, type: 'LOCATED_IN', relations: [edges[4]!.id] }),
      expect.objectContaining({ source: township, target: programs[0], type: 'IMPLEMENTS', relations: [edges[5]!.id, edges[6]!.id] }),
    ]);
    // Opened: the villages are drawn inside it, their own relations drawn again.
    const open = groupView(nodes, edges, { ...defaultGrouping(), places: true, open: [township] });
    expect(open.folded.size).toBe(0);
    expect(open.parent.get(villages[0]!)).toBe(township);
    expect(open.merged).toEqual([]);
  });

  it('folds a hub’s neighbours of one type into one node, and never groups fewer than two', () => {
    const hubEdges = programs.slice(0, 4).map((p) => edge('IMPLEMENTS', HUB, p));
    const hubNodes = [node(HUB, 'District'), ...programs.slice(0, 4).map((p) => node(p, 'Program'))];
    const view = groupView(hubNodes, hubEdges, { ...defaultGrouping(), folds: [{ hub: HUB, type: 'Program' }] });
    expect(view.groups[0]).toMatchObject({ id: foldId(HUB, 'Program'), kind: 'fold', members: programs.slice(0, 4) });
    expect(view.merged).toEqual([
      expect.objectContaining({ source: HUB, target: foldId(HUB, 'Program'), relations: hubEdges.map((e) => e.id) }),
    ]);
    const one = groupView(hubNodes.slice(0, 2), hubEdges.slice(0, 1), { ...defaultGrouping(), folds: [{ hub: HUB, type: 'Program' }] });
    expect(one.groups).toEqual([]);
  });

  it('puts programs under the program they are part of, and survives a cycle of PART_OF', () => {
    const [a, b, c] = programs;
    const parts = [node(a!, 'Program'), node(b!, 'Program'), node(c!, 'Pilot')];
    const view = groupView(parts, [edge('PART_OF', b!, a!), edge('PART_OF', c!, a!), edge('PART_OF', a!, b!)], {
      ...defaultGrouping(),
      programs: true,
    });
    expect(view.groups.map((g) => g.id)).toEqual([a]);
    expect(view.groups[0]!.members).toEqual([b, c]);
  });
});
