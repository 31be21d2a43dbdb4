// The read side against a real Neo4j: a hand-made export for precise cases, then the seeds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView, Page, Queries } from '../../graph/index.ts';
import { exploreExport, FOREIGN_RELATION_ID, HUB_NEIGHBOURS } from '../fixtures/explore-export.ts';
import { extractSeeds } from '../support/seeds.ts';
import { loadedGraph } from '../support/loaded-graph.ts';

const graph = loadedGraph(exploreExport);

const page = (first: number, after?: string | null) => ({ first, after });
const names = (result: { page: { items: Array<{ node: { entity: { name: string } } }> } }) =>
  result.page.items.map((i) => i.node.entity.name);

describe('search', () => {
  it('ranks the exact name first and says how it matched', async () => {
    const result = await graph.queries.search('龙湾区', null, page(10));
    expect(result.page.items[0]!.node).toMatchObject({
      entity: { id: 'District:龙湾区#330303', degree: 3 },
      matchedBy: 'EXACT',
      matched: '龙湾区',
    });
  });

  it('finds simplified names from traditional input', async () => {
    const result = await graph.queries.search('龍灣', null, page(10));
    expect(result.page.items[0]!.node).toMatchObject({ entity: { name: '龙湾区' }, matchedBy: 'EXACT' });
  });

  it('finds names by full pinyin and initials', async () => {
    for (const query of ['longwan', 'long wan', 'Lóng Wān']) {
      expect((await graph.queries.search(query, null, page(5))).page.items[0]!.node).toMatchObject({
        entity: { name: '龙湾区' },
        matchedBy: 'PINYIN',
      });
    }
    expect((await graph.queries.search('lwq', null, page(5))).page.items[0]!.node).toMatchObject({
      entity: { name: '龙湾区' },
      matchedBy: 'INITIALS',
    });
  });

  it('reads 乐清 as yuè qīng', async () => {
    expect(names(await graph.queries.search('yueqing', null, page(5)))).toEqual(['乐清市']);
    expect(names(await graph.queries.search('leqing', null, page(5)))).toEqual([]);
  });

  it('searches Lucene operators and syntax as text, never failing', async () => {
    for (const query of ['AND', 'OR', 'NOT', '龙湾 AND', '"', '\\', '*', '(龙湾', 'a:b', '~', '&& ||', '龙湾 -区']) {
      await expect(graph.queries.search(query, null, page(5)), query).resolves.toBeDefined();
    }
    // As an operator OR would find both; as text, every word must be there.
    expect(names(await graph.queries.search('龙湾 OR 乐清', null, page(5)))).toEqual([]);
  });

  it('adds full-text hits after the name matches', async () => {
    const result = await graph.queries.search('工坊', null, page(5));
    expect(result.page.items.map((i) => [i.node.entity.name, i.node.matchedBy])).toEqual([['共富工坊', 'FULLTEXT']]);
  });

  it('counts every type for facets, filters, and pages with cursors', async () => {
    const all = await graph.queries.search('企业', null, page(100));
    expect(all.page.totalCount).toBe(HUB_NEIGHBOURS);
    expect(all.facets).toEqual([{ type: 'Company', count: HUB_NEIGHBOURS }]);
    const first = await graph.queries.search('企业', ['Company'], page(20));
    expect(first.page.hasNextPage).toBe(true);
    const second = await graph.queries.search('企业', ['Company'], page(20, first.page.items.at(-1)!.cursor));
    expect(second.page.items[0]!.node.entity.id).toBe(all.page.items[20]!.node.entity.id);
    const none = await graph.queries.search('企业', ['Person'], page(20));
    expect(none.page).toMatchObject({ totalCount: 0, items: [] });
    expect(none.facets).toEqual(all.facets);
  });

  it('refuses an empty query or a cursor it did not make', async () => {
    await expect(graph.queries.search('  ', null, page(5))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(graph.queries.search('龙湾', null, page(5, 'nonsense'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

const LONGWAN = 'District:龙湾区#330303';
const WORKSHOP = 'Program:共富工坊';
const YUEQING = 'District:乐清市#330382';
const PROVINCE = 'District:浙江省#330000';
const IMPLEMENTS_WORKSHOP = `IMPLEMENTS:${LONGWAN}->${WORKSHOP}`;

describe('entities and relations by id', () => {
  it('returns entities in the order asked, null where unknown', async () => {
    const [longwan, unknown] = await graph.queries.entities([LONGWAN, 'Person:nobody']);
    expect(longwan).toEqual({
      id: LONGWAN,
      type: 'District',
      name: '龙湾区',
      aliases: ['龙湾', '龍灣區'],
      code: '330303',
      officialName: null,
      level: 'county',
      confidence: 0.95,
      degree: 3,
    });
    expect(unknown).toBeNull();
  });

  it('gives the districts an entity lies in, innermost first, up to the province', async () => {
    const [village, yueqing, province] = await graph.queries.hierarchy([
      'Village:永中村',
      'District:乐清市#330382',
      'District:浙江省#330000',
    ]);
    expect(village!.map((e) => e.name)).toEqual(['永中街道', '龙湾区', '温州市', '浙江省']);
    expect(yueqing!.map((e) => e.name)).toEqual(['温州市', '浙江省']);
    expect(province).toEqual([]);
  });

  it('counts relations per type, co-mentions included', async () => {
    const [counts] = await graph.queries.degreeByType([LONGWAN]);
    expect(counts).toEqual([
      { type: 'LOCATED_IN', count: 2 },
      { type: 'IMPLEMENTS', count: 1 },
      { type: 'CO_MENTIONED', count: 1 },
    ]);
  });

  it('gives facts with their sentence and the entity highlighted in it', async () => {
    const [facts, none] = await graph.queries.facts([LONGWAN, WORKSHOP]);
    expect(facts).toEqual([
      {
        label: '城乡居民收入',
        value: 8,
        unit: '%',
        evidence: {
          documentId: 'b.txt',
          start: 0,
          end: 23,
          text: '龙湾区推进共富工坊建设，城乡居民收入增长8%。',
          highlights: [{ entityId: LONGWAN, start: 0, end: 3 }],
          ends: null,
          confidence: null,
        },
      },
    ]);
    expect(none).toEqual([]);
  });

  it('lists the documents mentioning an entity, most mentions first, with their first spans', async () => {
    expect(await graph.queries.documentCounts([LONGWAN, 'Person:nobody'])).toEqual([3, 0]);
    const first = await graph.queries.entityDocuments(LONGWAN, page(1));
    expect(first.totalCount).toBe(3);
    expect(first.hasNextPage).toBe(true);
    expect(first.items[0]!.node).toMatchObject({ document: { id: 'a.txt', date: '2024-01-10', authors: ['王记者'] }, count: 3 });
    expect(first.items[0]!.node.spans).toEqual([
      { start: 0, end: 3 },
      { start: 26, end: 29 },
      { start: 34, end: 37 },
    ]);
    const rest = await graph.queries.entityDocuments(LONGWAN, page(5, first.items[0]!.cursor));
    expect(rest.items.map((i) => i.node.document.id)).toEqual(['b.txt', 'c.txt']);
    expect(rest.items[1]!.node.document.diagnostics).toEqual([{ code: 'garbled-text', offset: 3, message: 'garbled span left out' }]);
  });

  it('lists relations strongest first, by direction and type', async () => {
    const both = await graph.queries.entityRelations(LONGWAN, { direction: 'BOTH', page: page(10) });
    expect(both.totalCount).toBe(3);
    expect(both.items[0]!.node).toEqual({
      id: IMPLEMENTS_WORKSHOP,
      type: 'IMPLEMENTS',
      directed: true,
      source: LONGWAN,
      target: WORKSHOP,
      weight: 3,
      confidence: 0.9,
      firstReported: '2023-05-01',
    });
    expect((await graph.queries.entityRelations(LONGWAN, { direction: 'OUT', page: page(10) })).totalCount).toBe(2);
    expect((await graph.queries.entityRelations(LONGWAN, { direction: 'IN', page: page(10) })).items.map((i) => i.node.source)).toEqual([
      'District:永中街道#330303001',
    ]);
    const co = await graph.queries.entityRelations(LONGWAN, { types: ['CO_MENTIONED'], direction: 'BOTH', page: page(10) });
    expect(co.items.map((i) => i.node)).toMatchObject([{ type: 'CO_MENTIONED', directed: false, weight: 1 }]);
  });

  it('finds relations by id through their type, null where unknown', async () => {
    const [found, badType, unknown] = await graph.queries.relations([IMPLEMENTS_WORKSHOP, 'BOGUS:a->b', 'LOCATED_IN:a->b']);
    expect(found).toMatchObject({ type: 'IMPLEMENTS', weight: 3, firstReported: '2023-05-01' });
    expect(badType).toBeNull();
    expect(unknown).toBeNull();
  });

  it('gives evidence oldest dated document first, with both ends highlighted', async () => {
    const [two, none] = await graph.queries.evidence([IMPLEMENTS_WORKSHOP, 'LOCATED_IN:a->b'], 2);
    expect(two!.map((e) => e.documentId)).toEqual(['b.txt', 'a.txt']);
    expect(two![1]).toEqual({
      documentId: 'a.txt',
      start: 0,
      end: 10,
      text: '龙湾区实施共富工坊。',
      highlights: [
        { entityId: LONGWAN, start: 0, end: 3 },
        { entityId: WORKSHOP, start: 5, end: 9 },
      ],
      ends: {
        source: { link: 'named', start: 0, end: 3, antecedent: null },
        target: { link: 'named', start: 5, end: 9, antecedent: null },
      },
      confidence: 0.9,
    });
    expect(none).toEqual([]);
    const [all] = await graph.queries.evidence([IMPLEMENTS_WORKSHOP], 10);
    expect(all!.map((e) => e.documentId)).toEqual(['b.txt', 'a.txt', 'c.txt']);
    expect(all![2]!.highlights).toEqual([
      { entityId: LONGWAN, start: 0, end: 3 },
      { entityId: WORKSHOP, start: 5, end: 9 },
    ]);
  });
});

const HUB = 'Program:数字化改革';
const ZHANG = 'Person:张三';
const LI = 'Person:李四';
const around = (ids: string[], more: Partial<Parameters<Queries['neighborhood']>[0]> = {}) =>
  graph.queries.neighborhood({ ids, depth: 1, minWeight: 1, includeCoMentions: false, limit: 200, ...more });

describe('neighbourhoods', () => {
  it('pages a hub: the strongest relations first, the rest counted as hidden', async () => {
    const first = await around([HUB], { limit: 50 });
    expect(first.truncated).toBe(true);
    expect(first.nodes).toHaveLength(50);
    expect(first.nodes[0]).toMatchObject({
      id: HUB,
      depth: 0,
      degree: HUB_NEIGHBOURS,
      hidden: [{ type: 'IMPLEMENTS', count: HUB_NEIGHBOURS - 49 }],
      hiddenTotal: HUB_NEIGHBOURS - 49,
    });
    expect(first.nodes.slice(1).every((n) => n.depth === 1 && n.hiddenTotal === 0)).toBe(true);
    expect(first.edges).toHaveLength(49);
    expect(first.edges.every((e) => e.weight === 3 && e.target === HUB && e.directed)).toBe(true);

    const shown = first.nodes.slice(1).map((n) => n.id);
    const next = await around([HUB], { limit: 50, exclude: shown });
    const more = next.nodes.slice(1).map((n) => n.id);
    expect(more).toHaveLength(49);
    expect(more.filter((id) => shown.includes(id))).toEqual([]);
    // What the canvas already shows counts as shown: its relations to the hub come back, and the
    // hub's "N more" is what neither page holds (it said 251 twice before).
    expect(next.edges).toHaveLength(98);
    expect(next.nodes[0]!.hiddenTotal).toBe(HUB_NEIGHBOURS - 98);
    expect(next.nodes[0]!.relationCounts).toEqual(expect.arrayContaining([{ type: 'IMPLEMENTS', count: HUB_NEIGHBOURS }]));
  });

  it('goes several hops, with every relation among the nodes and depth from the nearest start', async () => {
    const result = await around([ZHANG], { depth: 2 });
    expect(result.truncated).toBe(false);
    const depth = Object.fromEntries(result.nodes.map((n) => [n.name, n.depth]));
    expect(depth).toEqual({ 张三: 0, 甲协会: 1, 乙协会: 1, 丙公司: 1, 李四: 2, 丁公司: 2 });
    expect(result.edges).toHaveLength(7);
    // Each edge keeps its stored id, also one not made of its type and ends.
    expect(result.edges.map((e) => e.id)).toContain('PARTNERS_WITH:Company:丙公司->Person:张三');
    expect(result.edges.find((e) => e.type === 'FUNDS' && e.target === LI)?.id).toBe(FOREIGN_RELATION_ID);
    expect(result.nodes.every((n) => n.hiddenTotal === 0)).toBe(true);
    const both = await around([ZHANG, LI]);
    expect(
      both.nodes
        .filter((n) => n.depth === 0)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['张三', '李四']);
    expect(both.nodes).toHaveLength(6);
  });

  it('filters by entity type, relation type and weight, co-mentions only when asked for', async () => {
    const orgs = await around([ZHANG], { types: ['Organization'] });
    expect(orgs.nodes.map((n) => n.name).sort()).toEqual(['乙协会', '张三', '甲协会']);
    expect(orgs.nodes.find((n) => n.id === ZHANG)!.hidden).toEqual([{ type: 'PARTNERS_WITH', count: 1 }]);
    expect((await around([ZHANG], { minWeight: 2 })).nodes.map((n) => n.name)).toEqual(['张三', '甲协会']);
    expect((await around([ZHANG], { relationTypes: ['PARTNERS_WITH'] })).edges.map((e) => [e.type, e.directed])).toEqual([
      ['PARTNERS_WITH', false],
    ]);
    const yueqing = 'District:乐清市#330382';
    expect((await around([yueqing])).nodes.map((n) => n.name)).toEqual(['乐清市', '温州市']);
    const withCo = await around([yueqing], { includeCoMentions: true });
    expect(withCo.nodes.map((n) => n.name).sort()).toEqual(['乐清市', '温州市', '龙湾区']);
    expect(withCo.edges.find((e) => e.type === 'CO_MENTIONED')).toMatchObject({ directed: false, weight: 1 });
  });

  it('leaves out relations below a confidence, co-mentions always kept, and says how likely each one is', async () => {
    const all = await graph.queries.neighborhood({ ids: [YUEQING], depth: 1, minWeight: 1, includeCoMentions: true, limit: 50 });
    const sure = await graph.queries.neighborhood({
      ids: [YUEQING],
      depth: 1,
      minWeight: 1,
      minConfidence: 0.5,
      includeCoMentions: true,
      limit: 50,
    });
    const types = (view: typeof all) => view.edges.map((e) => `${e.type} ${e.confidence}`).sort();
    expect(types(all)).toEqual(['CO_MENTIONED null', 'LOCATED_IN 0.2', 'LOCATED_IN 0.9']);
    expect(types(sure)).toEqual(['CO_MENTIONED null']);
    expect(all.nodes.find((n) => n.id === LONGWAN)?.confidence).toBe(0.95);
    await expect(
      graph.queries.neighborhood({ ids: [YUEQING], depth: 1, minWeight: 1, minConfidence: 2, includeCoMentions: false, limit: 5 }),
    ).rejects.toThrow(/minConfidence must be a number from 0 to 1/);
  });

  it('refuses arguments out of range, naming them', async () => {
    await expect(around([ZHANG], { depth: 4 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^depth/) });
    await expect(around([])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^ids/) });
  });
});

describe('paths', () => {
  const paths = (from: string, to: string, more: Partial<Parameters<Queries['paths']>[0]> = {}) =>
    graph.queries.paths({ from, to, maxHops: 4, k: 3, includeCoMentions: false, ...more });

  it('gives the shortest paths first, heavier first among equals, then longer ones', async () => {
    const found = await paths(ZHANG, LI);
    expect(found.map((p) => p.length)).toEqual([2, 2, 3]);
    expect(found.map((p) => p.nodes.map((n) => n.name).join('-'))).toEqual([
      '张三-甲协会-李四',
      '张三-乙协会-李四',
      '张三-丙公司-丁公司-李四',
    ]);
    expect(found[0]!.nodes.map((n) => n.depth)).toEqual([0, 1, 2]);
    expect(found[0]!.relations.map((r) => [r.type, r.source, r.target, r.weight])).toEqual([
      ['HOLDS_POSITION', ZHANG, 'Organization:甲协会', 2],
      ['HOLDS_POSITION', LI, 'Organization:甲协会', 1],
    ]);
    expect(found[2]!.relations[0]).toMatchObject({ type: 'PARTNERS_WITH', directed: false, firstReported: '2022-03-01' });
  });

  it('goes only through relations at least as likely as asked', async () => {
    const through = await graph.queries.paths({ from: YUEQING, to: PROVINCE, maxHops: 4, k: 1, includeCoMentions: false });
    expect(through[0]?.relations.map((r) => [r.type, r.confidence])).toEqual([
      ['LOCATED_IN', 0.2],
      ['LOCATED_IN', 0.9],
    ]);
    expect(
      await graph.queries.paths({ from: YUEQING, to: PROVINCE, maxHops: 4, k: 1, minConfidence: 0.5, includeCoMentions: false }),
    ).toEqual([]);
    const around = await graph.queries.paths({
      from: YUEQING,
      to: PROVINCE,
      maxHops: 4,
      k: 1,
      minConfidence: 0.5,
      includeCoMentions: true,
    });
    expect(around[0]?.relations.map((r) => r.type)).toEqual(['CO_MENTIONED', 'LOCATED_IN', 'LOCATED_IN']);
  });

  it('follows only the relation types asked for, within maxHops', async () => {
    expect((await paths(ZHANG, LI, { relationTypes: ['HOLDS_POSITION'] })).map((p) => p.length)).toEqual([2, 2]);
    expect(await paths(ZHANG, LI, { maxHops: 1 })).toEqual([]);
    expect((await paths(ZHANG, LI, { k: 1 })).map((p) => p.nodes[1]!.name)).toEqual(['甲协会']);
    await expect(paths(ZHANG, LI, { maxHops: 7 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^maxHops/),
    });
  });
});

describe('documents', () => {
  const ids = (result: Page<DocumentView>) => result.items.map((i) => i.node.id);

  it('lists reports newest first, undated last, with their metadata and diagnostics', async () => {
    const all = await graph.queries.documents({}, page(10));
    expect(ids(all)).toEqual(['a.txt', 'b.txt', 'hub.txt', 'c.txt']);
    expect(all.items[3]!.node).toMatchObject({
      script: 'traditional',
      date: null,
      length: 10,
      diagnostics: [{ code: 'garbled-text', offset: 3 }],
    });
    const first = await graph.queries.documents({}, page(2));
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(ids(await graph.queries.documents({}, page(2, first.items[1]!.cursor)))).toEqual(['hub.txt', 'c.txt']);
  });

  it('filters by dates, source, entity and text, literally and in either script', async () => {
    expect(ids(await graph.queries.documents({ from: '2023-01-01' }, page(10)))).toEqual(['a.txt', 'b.txt']);
    expect(ids(await graph.queries.documents({ to: '2023-05-01' }, page(10)))).toEqual(['b.txt', 'hub.txt']);
    expect(ids(await graph.queries.documents({ source: '温州日报' }, page(10)))).toEqual(['a.txt', 'hub.txt']);
    expect(ids(await graph.queries.documents({ entity: LONGWAN }, page(10)))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(ids(await graph.queries.documents({ text: '共富工坊' }, page(10)))).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(ids(await graph.queries.documents({ text: '共富工坊', from: '2024-01-01' }, page(10)))).toEqual(['a.txt']);
    expect(ids(await graph.queries.documents({ text: '落實' }, page(10)))).toEqual(['c.txt']);
    expect(ids(await graph.queries.documents({ text: '落实' }, page(10)))).toEqual(['c.txt']);
    for (const text of ['AND', 'NOT 龙湾', '"', '*', '龙湾 OR 张三'])
      await expect(graph.queries.documents({ text }, page(10)), text).resolves.toBeDefined();
    expect(ids(await graph.queries.documents({ text: '龙湾区 OR 张三' }, page(10)))).toEqual([]);
  });

  it('refuses dates that are not YYYY-MM-DD, naming the argument', async () => {
    await expect(graph.queries.documents({ from: '2024-13-01' }, page(5))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^from/),
    });
    await expect(graph.queries.documents({ to: 'yesterday' }, page(5))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^to/),
    });
  });

  it('gives reports by id with text, mentions in text order, entities and relations', async () => {
    const [a, unknown] = await graph.queries.documentsById(['a.txt', 'nope.txt']);
    expect(a).toMatchObject({
      id: 'a.txt',
      title: '龙湾区实施共富工坊。',
      source: '温州日报',
      authors: ['王记者'],
      extractor: 'test',
      diagnostics: [],
    });
    expect(unknown).toBeNull();
    expect(await graph.queries.documentTexts(['c.txt', 'nope.txt'])).toEqual(['龍灣區落實共富工坊。', null]);
    const mentions = await graph.queries.documentMentions('a.txt');
    expect(mentions.slice(0, 2)).toEqual([
      { entityId: LONGWAN, start: 0, end: 3 },
      { entityId: WORKSHOP, start: 5, end: 9 },
    ]);
    expect(mentions.map((m) => m.start)).toEqual([...mentions.map((m) => m.start)].sort((x, y) => x - y));
    expect((await graph.queries.documentEntities('a.txt'))[0]).toMatchObject({ id: LONGWAN, degree: 3 });
    const relations = await graph.queries.documentRelations('a.txt', page(2));
    expect(relations.totalCount).toBe(5);
    expect(relations.hasNextPage).toBe(true);
    const rest = await graph.queries.documentRelations('a.txt', page(10, relations.items[1]!.cursor));
    expect([...relations.items, ...rest.items].map((i) => i.node.type).sort()).toEqual([
      'CO_MENTIONED',
      'IMPLEMENTS',
      'LOCATED_IN',
      'LOCATED_IN',
      'LOCATED_IN',
    ]);
  });
});

describe('over the seeds', () => {
  beforeAll(async () => {
    await graph.store.reset();
    await graph.store.load(extractSeeds());
    graph.queries.graphChanged();
  });

  it('finds 龙湾区 by name, pinyin and initials, and explains it', async () => {
    for (const query of ['龙湾区', '龍灣區', 'longwanqu', 'lwq']) {
      expect((await graph.queries.search(query, null, page(5))).page.items[0]!.node.entity.name, query).toBe('龙湾区');
    }
    const longwan = (await graph.queries.search('龙湾区', null, page(1))).page.items[0]!.node.entity;
    const [hierarchy] = await graph.queries.hierarchy([longwan.id]);
    expect(hierarchy![0]).toMatchObject({ name: '温州市', level: 'city' });
    const relations = await graph.queries.entityRelations(longwan.id, { direction: 'BOTH', page: page(5) });
    expect(relations.totalCount).toBe(longwan.degree);
    const [evidence] = await graph.queries.evidence([relations.items[0]!.node.id], 3);
    expect(evidence!.length).toBeGreaterThan(0);
    expect(evidence![0]!.highlights.length).toBeGreaterThan(0);
  });

  it('draws a neighbourhood whose edges join its nodes and finds paths back to the start', async () => {
    const longwan = (await graph.queries.search('龙湾区', null, page(1))).page.items[0]!.node.entity;
    const result = await graph.queries.neighborhood({ ids: [longwan.id], depth: 2, minWeight: 1, includeCoMentions: false, limit: 60 });
    const ids = new Set(result.nodes.map((n) => n.id));
    expect(result.nodes.length).toBeGreaterThan(1);
    for (const edge of result.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    // Every node reached is joined to the canvas by the relation it was reached by.
    for (const node of result.nodes.filter((n) => n.depth > 0))
      expect(result.edges.some((e) => e.source === node.id || e.target === node.id)).toBe(true);
    const far = result.nodes.find((n) => n.depth === 2) ?? result.nodes.find((n) => n.depth === 1)!;
    const [path] = await graph.queries.paths({ from: longwan.id, to: far.id, maxHops: 4, k: 1, includeCoMentions: false });
    expect(path!.length).toBe(far.depth);
    const documents = await graph.queries.documents({ entity: longwan.id }, page(10));
    expect(documents.totalCount).toBe((await graph.queries.documentCounts([longwan.id]))[0]);
  });
});
