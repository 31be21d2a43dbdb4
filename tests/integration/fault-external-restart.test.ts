// A server named by NEO4J_URI restarted under us: queries fail with UNAVAILABLE while it is down
// and succeed once it is back, on the same connection (the driver reconnects).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectGraph, loadGraphConfig, startLocalNeo4j, StoreError, type LocalNeo4j, type LocalNeo4jConfig } from '../../graph/index.ts';
import { freePort } from '../support/free-port.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-external-'));
const running: LocalNeo4j[] = [];
afterAll(async () => {
  for (const neo4j of running) await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function kindOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'ok';
  } catch (error) {
    return error instanceof StoreError ? error.kind : `not a StoreError: ${(error as Error).message}`;
  }
}

describe('an external Neo4j restarted', () => {
  it('makes queries fail with UNAVAILABLE while down, and succeed again once back', async () => {
    // A local Neo4j of our own, used "as external" through NEO4J_URI: nothing supervises it.
    const local: LocalNeo4jConfig = {
      port: await freePort(),
      dataDir: join(dir, 'db'),
      heap: '1g',
      pageCache: '256m',
      logFile: join(dir, 'db.log'),
    };
    running.push(await startLocalNeo4j(local));
    const graph = await connectGraph(loadGraphConfig({ NEO4J_URI: running[0]!.uri }));
    try {
      await graph.store.writeStatement({ cypher: 'CREATE (:Probe {value: $value})', params: { value: 'kept' } });

      const stopped = performance.now();
      await running.shift()!.stop();
      // Refused connections: the health check's call is not retried and fails at once.
      expect(await kindOf(graph.store.serverInfo())).toBe('UNAVAILABLE');
      // A transaction begun now is retried by the driver for up to 30 s: it rides a short outage
      // out, or fails with UNAVAILABLE after a long one.
      const during = kindOf(graph.store.counts());

      running.push(await startLocalNeo4j(local));
      const restarted = performance.now() - stopped;
      let firstQuery: number | undefined;
      const failures: string[] = [];
      while (performance.now() - stopped < 360_000) {
        const kind = await kindOf(graph.store.serverInfo());
        if (kind === 'ok') {
          firstQuery = performance.now() - stopped;
          break;
        }
        failures.push(kind);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const inFlight = await during;
      console.log(
        `external Neo4j: stop → started again ${Math.round(restarted)} ms, → first successful query ${Math.round(firstQuery ?? NaN)} ms; ` +
          `transaction begun while down: ${inFlight}`,
      );

      expect(firstQuery).toBeDefined();
      expect(new Set(failures)).toEqual(new Set(failures.length ? ['UNAVAILABLE'] : []));
      expect(['ok', 'UNAVAILABLE']).toContain(inFlight);
      expect(await graph.store.writeStatement({ cypher: 'MATCH (p:Probe) RETURN p.value AS value', params: {} })).toEqual([
        { value: 'kept' },
      ]);
      expect(graph.status()).toMatchObject({ neo4j: 'external', state: 'up', restarts: 0 });
    } finally {
      await graph.close();
    }
  }, 400_000);
});
