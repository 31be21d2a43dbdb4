import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { connectGraph, createStore, loadGraphConfig, startLocalNeo4j, type LocalNeo4jConfig } from '../../graph/index.ts';
import { freePort } from '../support/free-port.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the local Neo4j', () => {
  it('keeps its data across a stop and a start, and leaves nothing listening', async () => {
    const local: LocalNeo4jConfig = {
      port: await freePort(),
      dataDir: join(dir, 'db'),
      heap: '512m',
      pageCache: '128m',
      logFile: join(dir, 'db.log'),
    };
    const config = loadGraphConfig({}).neo4j;

    const first = await startLocalNeo4j(local);
    const store = createStore(first.uri, config, { authenticate: false });
    await store.writeStatement({ cypher: 'CREATE (:Probe {value: $value})', params: { value: 'kept' } });
    await store.close();
    await first.stop();
    expect(await listening(local.port)).toBe(false);

    const second = await startLocalNeo4j(local);
    const again = createStore(second.uri, config, { authenticate: false });
    const rows = await again.writeStatement({ cypher: 'MATCH (p:Probe) RETURN p.value AS value', params: {} });
    await again.close();
    await second.stop();
    expect(rows).toEqual([{ value: 'kept' }]);
  }, 300_000); // two Neo4j starts: 20 s on a quiet machine, minutes on a busy one

  it('refuses a busy port with a message that says so', async () => {
    const busy = Number(new URL(inject('neo4jUri').replace(/^bolt/, 'http')).port);
    const local: LocalNeo4jConfig = {
      port: busy,
      dataDir: join(dir, 'busy'),
      heap: '512m',
      pageCache: '128m',
      logFile: join(dir, 'busy.log'),
    };
    await expect(startLocalNeo4j(local)).rejects.toThrow(new RegExp(`port ${busy} .*already in use`));
  });
});

describe('an external Neo4j', () => {
  it('is used as it is when NEO4J_URI is set: nothing is started', async () => {
    const graph = await connectGraph(loadGraphConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_BOLT_PORT: '1' }));
    try {
      expect(graph.local).toBeUndefined();
      expect(graph.store.uri).toBe(inject('neo4jUri'));
      const info = await graph.store.serverInfo();
      expect(info.version).toMatch(/^5\.26\./);
    } finally {
      await graph.close();
    }
  });

  it('is named in a clear error when NEO4J_URI is malformed', () => {
    expect(() => loadGraphConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI must start with neo4j:\/\//);
  });
});
