// What the API refuses and what it survives: request limits, error masking, the write token, and
// HTTP requests meant to break the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startApiServer, TEST_TOKEN, type ApiServer } from '../support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({
    limits: { maxDepth: 8, maxAliases: 5, maxCost: 5000, maxTokens: 800, maxBatch: 3, maxBodyBytes: 64 * 1024 },
  });
});
afterAll(async () => {
  await api?.close();
});

/** Sends raw bytes and returns the status line of the answer. */
function raw(request: string | Buffer): Promise<string> {
  const { port } = new URL(api.base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

async function stillServing() {
  const { body } = await api.graphql('{ health { ok } }');
  expect(body.data.health.ok).toBe(true);
}

describe('request limits', () => {
  it('refuses depth, aliases, tokens and cost over the limits with a message naming the limit', async () => {
    const deep = `{ entity(id: "x") { relations { edges { node { source { relations { edges { node { target { name } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: health { ok }`).join(' ')} }`;
    const tokens = `{ health { ${Array.from({ length: 900 }, () => 'ok').join(' ')} } }`;
    const costly = `{ search(query: "a") { edges { node { hierarchy { hierarchy { hierarchy { relations { edges { node { source { name } target { name } } } } } } } } } } }`;
    for (const [query, word] of [
      [deep, /depth/i],
      [aliases, /alias/i],
      [tokens, /token/i],
      [costly, /cost|depth/i],
    ] as const) {
      const { body } = await api.graphql(query);
      expect(body.errors?.[0]?.extensions?.code, query.slice(0, 30)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(word);
      expect(body.data ?? null).toBeNull();
    }
  });

  it('bounds batched requests and request bodies', async () => {
    const batch = (n: number) =>
      fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: n }, () => ({ query: '{ health { ok } }' }))),
      });
    const three = await batch(3);
    expect(((await three.json()) as unknown[]).length).toBe(3);
    const four = await batch(4);
    expect(JSON.stringify(await four.json())).toMatch(/batch/i);
    const big = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { ok } } # ${'x'.repeat(70 * 1024)}` }),
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('65536');
  });
});

describe('errors', () => {
  it('masks an unexpected error: no driver text reaches the client', async () => {
    const { body } = await api.graphql(`{ cypher(query: "RETURN 1 +") { rowCount } }`);
    const message = body.errors?.[0]?.message ?? '';
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(message).not.toMatch(/Neo\.ClientError|neo4j-driver|at .*\.js:\d+/);
  });

  it('names a variable that is not of its type as bad input, not as a failure of the server', async () => {
    const query = /* GraphQL */ `
      query ($types: [EntityType!]) {
        search(query: "龙湾", types: $types) {
          totalCount
        }
      }
    `;
    const { body } = await api.graphql(query, { types: ['Nope'] });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/\$types.*Nope/);
  });
});

describe('the write token', () => {
  const INGEST = /* GraphQL */ `
    mutation ($input: IngestDocumentInput!) {
      ingestDocument(input: $input) {
        status
        documentId
        reason
        relationCount
        entities {
          id
          name
          type
        }
        document {
          id
          title
        }
      }
    }
  `;
  const report = {
    fileName: 'token-test.txt',
    text: '测试县新闻\n2026年11月1日 来源：测试日报\n浙江省温州市龙湾区实施“星海共富工坊”建设，带动村民增收。',
  };

  it('refuses writes without the token, with a wrong one, and with a malformed header', async () => {
    const before = await api.store.counts();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TEST_TOKEN },
      { authorization: `Basic ${TEST_TOKEN}` },
    ]) {
      const { body } = await api.graphql(INGEST, { input: report }, headers);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { body } = await api.graphql(`mutation { deleteDocument(id: "x") { documentId } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.store.counts()).toEqual(before);
  });

  it('ingests a report through the pipeline with the token, bumps the graph version, and deletes it', async () => {
    const auth = { authorization: `Bearer ${TEST_TOKEN}` };
    const version = async () => (await api.graphql('{ health { graphVersion } }')).body.data.health.graphVersion as number;
    const before = await version();
    const SEARCH = /* GraphQL */ `
      query ($q: String!) {
        search(query: $q, first: 5) {
          edges {
            node {
              name
            }
          }
        }
      }
    `;
    const searched = async (q: string) =>
      ((await api.graphql(SEARCH, { q })).body.data.search.edges as Array<{ node: { name: string } }>).map((e) => e.node.name);
    // The search index is built at this version; the report's new program must be found right after it is added.
    expect(await searched('星海共富')).toEqual([]);
    const { body } = await api.graphql(INGEST, { input: report }, auth);
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestDocument).toMatchObject({ status: 'LOADED', documentId: 'token-test.txt', document: { id: 'token-test.txt' } });
    expect(body.data.ingestDocument.entities.map((e: { name: string }) => e.name)).toContain('星海共富工坊');
    expect(await searched('星海共富')).toEqual(['星海共富工坊']);
    expect(await searched('xinghai')).toEqual(['星海共富工坊']);
    expect(await version()).toBeGreaterThan(before);
    const again = await api.graphql(INGEST, { input: report }, auth);
    expect(again.body.data.ingestDocument.status).toBe('UNCHANGED');
    const removed = await api.graphql(`mutation { deleteDocument(id: "token-test.txt") { documentId } }`, {}, auth);
    expect(removed.body.data.deleteDocument.documentId).toBe('token-test.txt');
    const gone = await api.graphql(`mutation { deleteDocument(id: "token-test.txt") { documentId } }`, {}, auth);
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('HTTP requests meant to break the server', () => {
  it('answers a malformed URL with 400 and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%zz', '/graphql/%E0%A4%A']) {
      const response = await fetch(`${api.base}${path}`);
      expect([400, 404], path).toContain(response.status);
    }
    await stillServing();
  });

  it('survives garbage request lines, huge headers and slow bodies', async () => {
    expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    expect(await raw('GET /\0/../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 (200|400)/);
    expect(await raw('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 411/,
    );
    for (let i = 0; i < 20; i++) {
      const junk = Buffer.from(Array.from({ length: 200 }, (_, j) => (i * 31 + j * 17) % 256));
      await raw(Buffer.concat([Buffer.from('GET /'), junk, Buffer.from(' HTTP/1.1\r\n\r\n')]));
    }
    await stillServing();
  });

  it('gives no CORS grant to another origin by default', async () => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://elsewhere.example' },
      body: JSON.stringify({ query: '{ health { ok } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves GraphiQL with example queries and nothing from another host', async () => {
    const response = await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(page).toContain('GraphiQL');
    expect(page).toContain('neighborhood');
    expect(page).not.toMatch(/<(?:script|link)[^>]+(?:src|href)=["']?https?:/);
  });

  it('serves the web app at unknown paths, never files outside it', async () => {
    for (const path of ['/', '/some/page', '/..%2f..%2fpackage.json']) {
      const response = await fetch(`${api.base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
    }
  });
});
