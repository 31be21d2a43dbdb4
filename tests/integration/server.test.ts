import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../graph/index.ts';
import { createServer } from '../../server/app.ts';
import { extractSeeds } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';

let store: Store;
let http: Server;
let base: string;
const webDir = mkdtempSync(join(tmpdir(), 'policy-graph-web-'));

beforeAll(async () => {
  store = await openTestStore();
  await store.load(extractSeeds());
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  http = createHttpServer(createServer({ graph: store, config: { webDir } }).handle);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => http?.close(resolve));
  await store?.close();
  rmSync(webDir, { recursive: true, force: true });
});

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('the GraphQL API over HTTP', () => {
  it('reports health with the Neo4j version', async () => {
    const { body } = await graphql('{ health { ok neo4jVersion neo4jEdition } }');
    expect(body.data.health).toMatchObject({ ok: true, neo4jEdition: 'community' });
    expect(body.data.health.neo4jVersion).toMatch(/^5\.26\./);
  });

  it('answers statistics and search from the loaded seeds', async () => {
    const { body } = await graphql('{ stats { documents entities relations entitiesByType { type count } } search(query: "龙湾区") { name type code } }');
    expect(body.data.stats.documents).toBe(5);
    expect(body.data.stats.relations).toBe(extractSeeds().relations.length);
    expect(body.data.search[0]).toEqual({ name: '龙湾区', type: 'District', code: '330303' });
  });

  it('returns an overview subgraph whose relations join its entities', async () => {
    const { body } = await graphql('{ overview(limit: 30) { entities { id } relations { source target type } } }');
    const ids = new Set(body.data.overview.entities.map((e: { id: string }) => e.id));
    expect(ids.size).toBe(30);
    expect(body.data.overview.relations.length).toBeGreaterThan(0);
    for (const r of body.data.overview.relations) expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
  });

  it('rejects bad input with BAD_USER_INPUT and a message naming the problem', async () => {
    const { body } = await graphql('{ search(query: "龙湾", limit: 100000) { id } }');
    expect(body.errors?.[0]).toMatchObject({ message: 'limit must be between 1 and 200', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('serves GraphiQL at /graphql without loading anything from another host', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/<(?:script|link)[^>]+(?:src|href)=["']?https?:/);
  });

  it('serves the web app at / and at unknown paths, but never files outside it', async () => {
    for (const path of ['/', '/some/page', '/..%2f..%2fpackage.json']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
    }
  });
});
