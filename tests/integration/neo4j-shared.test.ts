// One local Neo4j per data directory: a command run while the app runs uses the app's Neo4j
// (found through the running file) instead of starting a second Java process.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGraph, findRunningNeo4j, readRunningFile, runningFilePath, Neo4jInUseError } from '../../graph/index.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';
import { runCli } from '../support/cli.ts';
import { writeGeneratedReports } from '../support/generated-reports.ts';
import { startLocalOwner, type LocalOwner } from '../support/local-owner.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-shared-'));
let owner: LocalOwner;

beforeAll(async () => {
  owner = await startLocalOwner(dir, { app: 'http://127.0.0.1:4999/' });
}, 300_000);
afterAll(async () => {
  await owner?.graph.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a command run while the app runs', () => {
  it("ingests through the app's Neo4j, without starting another", async () => {
    const reports = join(dir, 'reports');
    const [name] = writeGeneratedReports(reports, 1);
    const cliLog = join(dir, 'cli-neo4j.log');
    const started = performance.now();
    // Another Bolt port and log: a second Neo4j, if one were started, would show in either.
    const run = runCli('ingest', [reports], { ...owner.env, NEO4J_BOLT_PORT: '1', NEO4J_LOG: cliLog });
    const { code, output } = await run.done;
    console.log(`ingest of one report against the running app: ${Math.round(performance.now() - started)} ms`);

    expect(output).toContain(`using the running local Neo4j of the test app (pid ${process.pid}) at ${owner.graph.local!.uri}`);
    expect(code, output).toBe(0);
    expect(existsSync(cliLog)).toBe(false);
    const rows = await owner.graph.store.writeStatement({
      cypher: 'MATCH (d:SourceDocument {id: $id}) RETURN d.id AS id',
      params: { id: name },
    });
    expect(rows).toEqual([{ id: name }]);
    // The command closed its driver and nothing else: the app's Neo4j runs on.
    expect(owner.graph.status()).toMatchObject({ neo4j: 'local', state: 'up', restarts: 0 });
    expect((await owner.graph.store.counts()).documents).toBe(1);
  }, 300_000);

  it('reuses it in process too, and never stops it', async () => {
    const command = await connectGraph(owner.config, { owner: 'npm run reset', reuseRunning: true });
    expect(command.local).toBeUndefined();
    expect(command.shared).toMatchObject({ uri: owner.graph.local!.uri, ownerPid: process.pid, owner: 'the test app', shared: true });
    expect(command.status()).toMatchObject({ neo4j: 'shared', state: 'up', pid: owner.graph.local!.pid });
    await command.close();
    expect((await owner.graph.store.counts()).documents).toBe(1);
  });
});

describe('a second app on the same data directory', () => {
  it('is refused, naming the first', async () => {
    const second = connectGraph(owner.config, { owner: 'npm start', share: true });
    await expect(second).rejects.toBeInstanceOf(Neo4jInUseError);
    await expect(second).rejects.toThrow(/the app is already running at http:\/\/127\.0\.0\.1:4999\/ \(pid \d+\)/);
  });

  it("refuses a bulk load too, which would write the store's files", async () => {
    const exportFile = join(dir, 'tiny-export.json');
    writeFileSync(exportFile, JSON.stringify(tinyExport()));
    const { code, output } = await runCli('load', [exportFile, '--bulk'], owner.env).done;
    expect(code).not.toBe(0);
    expect(output).toMatch(/the app is running at http:\/\/127\.0\.0\.1:4999\/ .*stop it first/);
  }, 300_000);
});

describe('the running file', () => {
  it('names the Neo4j while it runs', () => {
    expect(readRunningFile(owner.config.neo4j.local.dataDir)).toMatchObject({
      uri: owner.graph.local!.uri,
      pid: owner.graph.local!.pid,
      ownerPid: process.pid,
      shared: true,
      app: 'http://127.0.0.1:4999/',
    });
  });

  it('is ignored and replaced when the processes it names are gone (killed with SIGKILL)', async () => {
    const staleDir = join(dir, 'stale');
    const dead = await new Promise<number>((resolve) => {
      const child = spawn('sleep', ['60']);
      child.once('exit', () => resolve(child.pid!));
      child.kill('SIGKILL');
    });
    mkdirSync(staleDir, { recursive: true });
    writeFileSync(
      runningFilePath(staleDir),
      JSON.stringify({ uri: 'bolt://127.0.0.1:1', pid: dead, startedAt: '', ownerPid: dead, owner: 'npm start', shared: true }),
    );
    expect(await findRunningNeo4j(staleDir, { waitMs: 0 })).toEqual({ state: 'none' });
    expect(existsSync(runningFilePath(staleDir))).toBe(false);
  });
});
