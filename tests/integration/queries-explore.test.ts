// The read side against a real Neo4j: a hand-made export for precise cases, then the seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueries, type Queries, type Store } from '../../graph/index.ts';
import { exploreExport, HUB_NEIGHBOURS } from '../fixtures/explore-export.ts';
import { extractSeeds } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';

let store: Store;
let queries: Queries;

beforeAll(async () => {
  store = await openTestStore();
  await store.load(exploreExport());
  queries = createQueries(store, { versionPollMs: 0 });
});
afterAll(async () => {
  queries?.close();
  await store?.close();
});

const page = (first: number, after?: string | null) => ({ first, after });
const names = (result: { page: { items: Array<{ node: { entity: { name: string } } }> } }) => result.page.items.map((i) => i.node.entity.name);

describe('search', () => {
  it('ranks the exact name first and says how it matched', async () => {
    const result = await queries.search('龙湾区', null, page(10));
    expect(result.page.items[0]!.node).toMatchObject({ entity: { id: 'District:龙湾区#330303', degree: 3 }, matchedBy: 'EXACT', matched: '龙湾区' });
  });

  it('finds simplified names from traditional input', async () => {
    const result = await queries.search('龍灣', null, page(10));
    expect(result.page.items[0]!.node).toMatchObject({ entity: { name: '龙湾区' }, matchedBy: 'EXACT' });
  });

  it('finds names by full pinyin and initials', async () => {
    for (const query of ['longwan', 'long wan', 'Lóng Wān']) {
      expect((await queries.search(query, null, page(5))).page.items[0]!.node).toMatchObject({ entity: { name: '龙湾区' }, matchedBy: 'PINYIN' });
    }
    expect((await queries.search('lwq', null, page(5))).page.items[0]!.node).toMatchObject({ entity: { name: '龙湾区' }, matchedBy: 'INITIALS' });
  });

  it('reads 乐清 as yuè qīng', async () => {
    expect(names(await queries.search('yueqing', null, page(5)))).toEqual(['乐清市']);
    expect(names(await queries.search('leqing', null, page(5)))).toEqual([]);
  });

  it('searches Lucene operators and syntax as text, never failing', async () => {
    for (const query of ['AND', 'OR', 'NOT', '龙湾 AND', '"', '\\', '*', '(龙湾', 'a:b', '~', '&& ||', '龙湾 -区']) {
      await expect(queries.search(query, null, page(5)), query).resolves.toBeDefined();
    }
    // As an operator OR would find both; as text, every word must be there.
    expect(names(await queries.search('龙湾 OR 乐清', null, page(5)))).toEqual([]);
  });

  it('adds full-text hits after the name matches', async () => {
    const result = await queries.search('工坊', null, page(5));
    expect(result.page.items.map((i) => [i.node.entity.name, i.node.matchedBy])).toEqual([['共富工坊', 'FULLTEXT']]);
  });

  it('counts every type for facets, filters, and pages with cursors', async () => {
    const all = await queries.search('企业', null, page(100));
    expect(all.page.totalCount).toBe(HUB_NEIGHBOURS);
    expect(all.facets).toEqual([{ type: 'Company', count: HUB_NEIGHBOURS }]);
    const first = await queries.search('企业', ['Company'], page(20));
    expect(first.page.hasNextPage).toBe(true);
    const second = await queries.search('企业', ['Company'], page(20, first.page.items.at(-1)!.cursor));
    expect(second.page.items[0]!.node.entity.id).toBe(all.page.items[20]!.node.entity.id);
    const none = await queries.search('企业', ['Person'], page(20));
    expect(none.page).toMatchObject({ totalCount: 0, items: [] });
    expect(none.facets).toEqual(all.facets);
  });

  it('refuses an empty query or a cursor it did not make', async () => {
    await expect(queries.search('  ', null, page(5))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(queries.search('龙湾', null, page(5, 'nonsense'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

const LONGWAN = 'District:龙湾区#330303';
const WORKSHOP = 'Program:共富工坊';
const IMPLEMENTS_WORKSHOP = `IMPLEMENTS:${LONGWAN}->${WORKSHOP}`;

describe('entities and relations by id', () => {
  it('returns entities in the order asked, null where unknown', async () => {
    const [longwan, unknown] = await queries.entities([LONGWAN, 'Person:nobody']);
    expect(longwan).toEqual({
      id: LONGWAN, type: 'District', name: '龙湾区', aliases: ['龙湾', '龍灣區'], code: '330303', officialName: null, level: 'county', degree: 3,
    });
    expect(unknown).toBeNull();
  });

  it('gives the districts an entity lies in, innermost first, up to the province', async () => {
    const [village, yueqing, province] = await queries.hierarchy(['Village:永中村', 'District:乐清市#330382', 'District:浙江省#330000']);
    expect(village!.map((e) => e.name)).toEqual(['永中街道', '龙湾区', '温州市', '浙江省']);
    expect(yueqing!.map((e) => e.name)).toEqual(['温州市', '浙江省']);
    expect(province).toEqual([]);
  });

  it('counts relations per type, co-mentions included', async () => {
    const [counts] = await queries.degreeByType([LONGWAN]);
    expect(counts).toEqual([{ type: 'LOCATED_IN', count: 2 }, { type: 'IMPLEMENTS', count: 1 }, { type: 'CO_MENTIONED', count: 1 }]);
  });

  it('gives facts with their sentence and the entity highlighted in it', async () => {
    const [facts, none] = await queries.facts([LONGWAN, WORKSHOP]);
    expect(facts).toEqual([{
      label: '城乡居民收入', value: 8, unit: '%',
      evidence: { documentId: 'b.txt', start: 0, end: 23, text: '龙湾区推进共富工坊建设，城乡居民收入增长8%。', highlights: [{ entityId: LONGWAN, start: 0, end: 3 }] },
    }]);
    expect(none).toEqual([]);
  });

  it('lists the documents mentioning an entity, most mentions first, with their first spans', async () => {
    expect(await queries.documentCounts([LONGWAN, 'Person:nobody'])).toEqual([3, 0]);
    const first = await queries.entityDocuments(LONGWAN, page(1));
    expect(first.totalCount).toBe(3);
    expect(first.hasNextPage).toBe(true);
    expect(first.items[0]!.node).toMatchObject({ document: { id: 'a.txt', date: '2024-01-10', authors: ['王记者'] }, count: 3 });
    expect(first.items[0]!.node.spans).toEqual([{ start: 0, end: 3 }, { start: 26, end: 29 }, { start: 34, end: 37 }]);
    const rest = await queries.entityDocuments(LONGWAN, page(5, first.items[0]!.cursor));
    expect(rest.items.map((i) => i.node.document.id)).toEqual(['b.txt', 'c.txt']);
    expect(rest.items[1]!.node.document.diagnostics).toEqual([{ code: 'garbled-text', offset: 3, message: 'garbled span left out' }]);
  });

  it('lists relations strongest first, by direction and type', async () => {
    const both = await queries.entityRelations(LONGWAN, { direction: 'BOTH', page: page(10) });
    expect(both.totalCount).toBe(3);
    expect(both.items[0]!.node).toEqual({
      id: IMPLEMENTS_WORKSHOP, type: 'IMPLEMENTS', directed: true, source: LONGWAN, target: WORKSHOP, weight: 3, firstReported: '2023-05-01',
    });
    expect((await queries.entityRelations(LONGWAN, { direction: 'OUT', page: page(10) })).totalCount).toBe(2);
    expect((await queries.entityRelations(LONGWAN, { direction: 'IN', page: page(10) })).items.map((i) => i.node.source)).toEqual(['District:永中街道#330303001']);
    const co = await queries.entityRelations(LONGWAN, { types: ['CO_MENTIONED'], direction: 'BOTH', page: page(10) });
    expect(co.items.map((i) => i.node)).toMatchObject([{ type: 'CO_MENTIONED', directed: false, weight: 1 }]);
  });

  it('finds relations by id through their type, null where unknown', async () => {
    const [found, badType, unknown] = await queries.relations([IMPLEMENTS_WORKSHOP, 'BOGUS:a->b', 'LOCATED_IN:a->b']);
    expect(found).toMatchObject({ type: 'IMPLEMENTS', weight: 3, firstReported: '2023-05-01' });
    expect(badType).toBeNull();
    expect(unknown).toBeNull();
  });

  it('gives evidence oldest dated document first, with both ends highlighted', async () => {
    const [two, none] = await queries.evidence([IMPLEMENTS_WORKSHOP, 'LOCATED_IN:a->b'], 2);
    expect(two!.map((e) => e.documentId)).toEqual(['b.txt', 'a.txt']);
    expect(two![1]).toEqual({
      documentId: 'a.txt', start: 0, end: 10, text: '龙湾区实施共富工坊。',
      highlights: [{ entityId: LONGWAN, start: 0, end: 3 }, { entityId: WORKSHOP, start: 5, end: 9 }],
    });
    expect(none).toEqual([]);
    const [all] = await queries.evidence([IMPLEMENTS_WORKSHOP], 10);
    expect(all!.map((e) => e.documentId)).toEqual(['b.txt', 'a.txt', 'c.txt']);
    expect(all![2]!.highlights).toEqual([{ entityId: LONGWAN, start: 0, end: 3 }, { entityId: WORKSHOP, start: 5, end: 9 }]);
  });
});
