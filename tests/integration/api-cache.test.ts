// The response cache: a repeated read is answered with the JSON sent the first time, and never
// after the graph changed, whether through this server's mutations (any mutation, even one that
// wrote nothing) or another process (seen through the graph version). Live state and the console are
// never cached, nor answers with errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../graph/index.ts';
import { createServer } from '../../server/app.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';
import { TEST_TOKEN } from '../support/api-server.ts';
import { CACHE_DIR } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';

let store: Store;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  store = await openTestStore();
  await store.load(tinyExport());
  app = createServer({ graph: store, config: { webDir: '/nonexistent', ingestToken: TEST_TOKEN, cacheDir: CACHE_DIR } });
});
afterAll(async () => {
  app?.close();
  await store?.close();
});

async function ask(query: string, variables: Record<string, unknown> = {}, token = false): Promise<string> {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${TEST_TOKEN}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.text();
}

const ENTITY = /* GraphQL */ `
  query ($id: ID!) {
    entity(id: $id) {
      name
      degree
      relations(first: 10) {
        totalCount
      }
    }
  }
`;
const DISTRICT = { id: 'District:龙湾区' };

/** Cache hits while `work` runs. */
async function hitsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = app.responseCache.counters.hits;
  await work();
  return app.responseCache.counters.hits - before;
}

describe('the response cache', () => {
  it('answers a repeated read with the same bytes, without running it again', async () => {
    const first = await ask(ENTITY, DISTRICT);
    expect(JSON.parse(first).data.entity).toMatchObject({ name: '龙湾区', relations: { totalCount: 2 } });
    let again = '';
    expect(await hitsDuring(async () => (again = await ask(ENTITY, DISTRICT)))).toBe(1);
    expect(again).toBe(first);
    // Other variables are another answer.
    expect(await hitsDuring(() => ask(ENTITY, { id: 'Program:红哨系统' }))).toBe(0);
  });

  it('never keeps live state, the console or errors', async () => {
    expect(
      await hitsDuring(async () => {
        for (let i = 0; i < 2; i++) {
          await ask('{ health { ok } }');
          await ask('{ cypher(query: "RETURN rand() AS r") { rows } }');
          await ask(ENTITY, { id: 'District:nowhere' });
          await ask('{ entity(id: "District:龙湾区") { name } health { ok } }');
        }
      }),
    ).toBe(0);
  });

  it('forgets everything after any mutation through the server, even one that changed nothing', async () => {
    await ask(ENTITY, DISTRICT);
    const refused = JSON.parse(await ask('mutation { deleteDocument(id: "no-such.txt") { documentId } }', {}, true));
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await hitsDuring(() => ask(ENTITY, DISTRICT))).toBe(0);

    const removed = JSON.parse(await ask('mutation { deleteDocument(id: "b.txt") { documentId } }', {}, true));
    expect(removed.data.deleteDocument.documentId).toBe('b.txt');
    let after = '';
    expect(await hitsDuring(async () => (after = await ask(ENTITY, DISTRICT)))).toBe(0);
    expect(JSON.parse(after).data.entity.relations.totalCount).toBe(1);
  });

  it('forgets answers read at an older graph version, when another process wrote', async () => {
    const before = JSON.parse(await ask(ENTITY, DISTRICT)).data.entity.relations.totalCount;
    // Loaded around the server, as `npm run ingest` would; the version poll would see it within 2 s.
    await store.load(tinyExport(), { force: true });
    app.queries.graphChanged();
    let after = '';
    expect(await hitsDuring(async () => (after = await ask(ENTITY, DISTRICT)))).toBe(0);
    expect(JSON.parse(after).data.entity.relations.totalCount).toBe(before + 1);
  });

  it('answers uncached when the graph version cannot be read', async () => {
    const blind = createServer({
      graph: store,
      config: { webDir: '/nonexistent' },
      queries: { ...app.queries, graphVersion: () => Promise.reject(new Error('the version poll failed')), close: () => undefined },
    });
    try {
      for (let i = 0; i < 2; i++) {
        const response = await blind.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: ENTITY, variables: DISTRICT }),
        });
        expect(((await response.json()) as { data: { entity: { name: string } } }).data.entity.name).toBe('龙湾区');
      }
      expect(blind.responseCache.counters).toEqual({ hits: 0, misses: 0 });
    } finally {
      blind.close();
    }
  });
});
