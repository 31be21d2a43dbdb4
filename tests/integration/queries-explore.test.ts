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
