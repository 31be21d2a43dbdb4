// The local Neo4j killed under a running app: it is started again on its own, requests fail with
// UNAVAILABLE meanwhile and succeed afterwards, with nothing committed lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunningFile, StoreError, type GraphStatus } from '../../graph/index.ts';
import { createServer } from '../../server/app.ts';
import { createHttpServer } from '../../server/http.ts';
import { startLocalOwner, type LocalOwner } from '../support/local-owner.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-restart-'));
const lines: string[] = [];
let owner: LocalOwner;
let app: ReturnType<typeof createServer>;
let http: Server;
let base: string;

beforeAll(async () => {
  owner = await startLocalOwner(dir, { supervision: { log: (line) => lines.push(line) } });
  // The API on top, as npm start runs it: its requests must fail with UNAVAILABLE, then succeed.
  app = createServer({ graph: owner.graph.store, graphStatus: () => owner.graph.status(), config: { webDir: dir } });
  http = createHttpServer(app.handle);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 300_000);
afterAll(async () => {
  http?.closeAllConnections();
  await new Promise((resolve) => http?.close(resolve));
  app?.close();
  await owner?.graph.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the local Neo4j under a running app', () => {
  it('is restarted after a SIGKILL; requests fail with UNAVAILABLE meanwhile, then succeed with the data intact', async () => {
    const { store } = owner.graph;
    await store.writeStatement({ cypher: 'CREATE (:Probe {value: $value})', params: { value: 'committed before the kill' } });
    const killed = owner.graph.local!.pid;

    const started = performance.now();
    process.kill(killed, 'SIGKILL');
    // The supervisor's state, watched apart from the requests (a request may wait out a restart).
    const states = new Set<GraphStatus['state']>();
    let upAgain: number | undefined;
    const watcher = setInterval(() => {
      const status = owner.graph.status();
      states.add(status.state);
      if (upAgain === undefined && status.state === 'up' && status.pid !== killed) upAgain = performance.now() - started;
    }, 20);
    const failures = new Map<string, number>();
    let rows: unknown;
    // What the API answered meanwhile: error codes, and the state health reported.
    const apiCodes = new Map<string, number>();
    const healthStates = new Set<string>();
    const ask = async (query: string) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as {
        data?: { health?: { ok: boolean; neo4jState: string } };
        errors?: Array<{ extensions?: { code?: string } }>;
      };
    };
    const askApi = async () => {
      const body = await ask('{ documents { totalCount } }');
      const code = body.errors?.[0]?.extensions?.code ?? 'ok';
      apiCodes.set(code, (apiCodes.get(code) ?? 0) + 1);
      return code;
    };
    try {
      // Once the supervisor has seen the death, new store calls fail at once and health says so.
      while (owner.graph.status().state !== 'restarting' && performance.now() - started < 60_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const health = (await ask('{ health { ok neo4jState } }')).data?.health;
      if (health) healthStates.add(health.neo4jState);
      while (performance.now() - started < 360_000) {
        try {
          rows = await store.writeStatement({ cypher: 'MATCH (p:Probe) RETURN p.value AS value', params: {} });
          if ((await askApi()) === 'ok') break;
        } catch (error) {
          const kind = error instanceof StoreError ? error.kind : `not a StoreError: ${(error as Error).message}`;
          failures.set(kind, (failures.get(kind) ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      clearInterval(watcher);
    }
    const firstQuery = performance.now() - started;
    console.log(
      `SIGKILL → Neo4j up again ${Math.round(upAgain ?? NaN)} ms, → first successful query ${Math.round(firstQuery)} ms; ` +
        `failed meanwhile: ${JSON.stringify(Object.fromEntries(failures))}`,
    );
    console.log(`API answers: ${JSON.stringify(Object.fromEntries(apiCodes))}; health said ${[...healthStates].join(', ')}`);

    expect([...failures.keys()]).toEqual(['UNAVAILABLE']);
    // The API process never restarted: health said restarting meanwhile, and it answers again.
    expect(healthStates).toEqual(new Set(['restarting']));
    expect([...apiCodes.keys()].every((code) => code === 'UNAVAILABLE' || code === 'ok')).toBe(true);
    expect(await askApi()).toBe('ok');
    expect(states).toContain('restarting');
    expect(rows).toEqual([{ value: 'committed before the kill' }]);
    const status = owner.graph.status();
    expect(status).toMatchObject({ neo4j: 'local', state: 'up', restarts: 1, uri: owner.graph.local!.uri });
    expect(status.pid).not.toBe(killed);
    expect(status.lastExit).toMatch(new RegExp(`pid ${killed} killed by SIGKILL`));
    expect(lines.join('\n')).toMatch(/killed by SIGKILL[\s\S]*restarting in 500 ms \(attempt 1 of 5\)[\s\S]*running again at bolt:/);
    // Other processes find the new Java process.
    expect(readRunningFile(owner.config.neo4j.local.dataDir)).toMatchObject({ pid: status.pid, ownerPid: process.pid });
  }, 400_000);
});
