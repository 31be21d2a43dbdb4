// The real app on a loopback port, over a store loaded with the seeds, for tests that speak HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../graph/index.ts';
import { createServer } from '../../server/app.ts';
import type { EditorToken, RequestLimits } from '../../server/config.ts';
import { createHttpServer } from '../../server/http.ts';
import { CACHE_DIR, extractSeeds } from './seeds.ts';
import { openTestStore } from './test-store.ts';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface GraphQLBody {
  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } }>;
}

export interface ApiServer {
  base: string;
  store: Store;
  server: Server;
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

export async function startApiServer(
  options: { limits?: RequestLimits; webDir?: string; seeds?: boolean; editors?: EditorToken[] } = {},
): Promise<ApiServer> {
  const store = await openTestStore();
  if (options.seeds !== false) await store.load(extractSeeds());
  const webDir = options.webDir ?? mkdtempSync(join(tmpdir(), 'policy-graph-web-'));
  if (!options.webDir) writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  const app = createServer({
    graph: store,
    config: { webDir, ingestToken: TEST_TOKEN, editors: options.editors, limits: options.limits, cacheDir: CACHE_DIR },
  });
  const server = createHttpServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    base,
    store,
    server,
    async graphql(query, variables = {}, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      app.close();
      await store.close();
      if (!options.webDir) rmSync(webDir, { recursive: true, force: true });
    },
  };
}
