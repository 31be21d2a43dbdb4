// The local Neo4j killed under a running app: it is started again on its own, requests fail with
// UNAVAILABLE meanwhile and succeed afterwards, with nothing committed lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunningFile, StoreError, type GraphStatus } from '../../graph/index.ts';
import { startLocalOwner, type LocalOwner } from '../support/local-owner.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-restart-'));
const lines: string[] = [];
let owner: LocalOwner;

beforeAll(async () => {
  owner = await startLocalOwner(dir, { supervision: { log: (line) => lines.push(line) } });
}, 300_000);
afterAll(async () => {
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
    const failures = new Map<string, number>();
    const states = new Set<GraphStatus['state']>();
    let upAgain: number | undefined;
    let rows: unknown;
    while (performance.now() - started < 360_000) {
      const status = owner.graph.status();
      states.add(status.state);
      if (upAgain === undefined && status.state === 'up' && status.pid !== killed) upAgain = performance.now() - started;
      try {
        rows = await store.writeStatement({ cypher: 'MATCH (p:Probe) RETURN p.value AS value', params: {} });
        if (states.has('restarting')) break;
      } catch (error) {
        const kind = error instanceof StoreError ? error.kind : `not a StoreError: ${(error as Error).message}`;
        failures.set(kind, (failures.get(kind) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const firstQuery = performance.now() - started;
    console.log(`SIGKILL → Neo4j up again ${Math.round(upAgain ?? NaN)} ms, → first successful query ${Math.round(firstQuery)} ms; ` +
      `failed meanwhile: ${JSON.stringify(Object.fromEntries(failures))}`);

    expect([...failures.keys()]).toEqual(['UNAVAILABLE']);
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
