// Ingests that go wrong: one killed midway and run again, two of overlapping folders at once.
// Either way the graph must end as a clean ingest of the same files leaves it: no document in
// part, nothing twice.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../graph/index.ts';
import { runCli } from '../support/cli.ts';
import { writeGeneratedReports } from '../support/generated-reports.ts';
import { dumpCounts, dumpGraph, type GraphDump } from '../support/graph-dump.ts';
import { startLocalOwner, type LocalOwner } from '../support/local-owner.ts';
import { CACHE_DIR } from '../support/seeds.ts';

const REPORTS = 30;
const dir = mkdtempSync(join(tmpdir(), 'policy-graph-ingest-faults-'));
const all = join(dir, 'all');
let owner: LocalOwner;
let reference: GraphDump;

type Evidence = [string, number, number, string];
/** What a dump holds of one document: its mentions, its sentences on relations, its facts. */
function documentPart(dump: GraphDump, id: string) {
  return {
    mentions: (dump.mentions as Array<{ document: string }>).filter((m) => m.document === id),
    evidence: (dump.relations as Array<{ type: string; source: string; target: string; evidence: Evidence[] }>).flatMap((r) =>
      r.evidence.filter((e) => e[0] === id).map((e) => [r.type, r.source, r.target, ...e]),
    ),
    facts: (dump.facts as Array<{ properties: { doc: string } }>).filter((f) => f.properties.doc === id),
  };
}

type EntityRow = { labels: string[]; properties: Record<string, unknown> };
const key = (value: unknown) => JSON.stringify(value);
const withoutAliases = (dump: GraphDump) =>
  (dump.entities as EntityRow[])
    .map(({ labels, properties: { aliases: _aliases, ...properties } }) => ({ labels, properties }))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));

beforeAll(async () => {
  const names = writeGeneratedReports(all, REPORTS);
  expect(names).toHaveLength(REPORTS);
  owner = await startLocalOwner(join(dir, 'owner'));
  // The reference: a clean ingest of every report, in one go.
  const started = performance.now();
  const summary = await ingestPaths(owner.graph.store, [all], { cacheDir: CACHE_DIR });
  expect(summary.failed).toEqual([]);
  reference = await dumpGraph(owner.graph.store);
  console.log(`reference: ${JSON.stringify(dumpCounts(reference))} in ${Math.round(performance.now() - started)} ms`);
  expect(reference.documents).toHaveLength(REPORTS);
}, 400_000);
afterAll(async () => {
  await owner?.graph.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an ingest killed midway', () => {
  it('leaves whole documents only, and run again ends with the graph of a clean ingest', async () => {
    const { store } = owner.graph;
    await store.reset();
    // One document per transaction, one at a time: many commits to land between.
    const run = runCli('ingest', [all], { ...owner.env, LOAD_BATCH_SIZE: '50', LOAD_CONCURRENCY: '1' });
    let landed = 0;
    while (landed === 0) {
      const exited = await Promise.race([run.done.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);
      if (exited) throw new Error(`the ingest ended before it could be killed:\n${run.output()}`);
      landed = (await store.counts()).documents;
    }
    run.kill();
    const { signal } = await run.done;
    expect(signal).toBe('SIGKILL');

    const killed = await dumpGraph(store);
    const present = new Set((killed.documents as Array<{ id: string }>).map((d) => d.id));
    console.log(`killed after ${landed} documents had landed; ${present.size} of ${REPORTS} in the graph`);
    expect(present.size).toBeLessThan(REPORTS);
    for (const { id } of reference.documents as Array<{ id: string }>) {
      // A document is there with everything of it, or not at all.
      const part = documentPart(killed, id);
      if (present.has(id)) expect(part, id).toEqual(documentPart(reference, id));
      else expect(part, id).toEqual({ mentions: [], evidence: [], facts: [] });
    }

    const again = await runCli('ingest', [all], owner.env).done;
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`${present.size} unchanged`);
    const resumed = await dumpGraph(store);
    expect(dumpCounts(resumed)).toEqual(dumpCounts(reference));
    expect(resumed).toEqual(reference);
  }, 240_000);
});

describe('two ingests of overlapping folders at once', () => {
  it('end with the graph of the same two run one after the other', async () => {
    const { store } = owner.graph;
    // The same files in two folders, the middle third in both.
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    for (let n = 0; n < REPORTS; n++) {
      const name = `report_${String(n).padStart(3, '0')}.txt`;
      if (n < (REPORTS * 2) / 3) cpSync(join(all, name), join(first, name));
      if (n >= REPORTS / 3) cpSync(join(all, name), join(second, name));
    }
    // An ingest extracts its folder as a whole (names resolve across its reports), so two folders
    // make another graph than their union does; the reference is the two ingests in turn.
    await store.reset();
    for (const folder of [first, second]) expect((await ingestPaths(store, [folder], { cacheDir: CACHE_DIR })).failed).toEqual([]);
    const oneAfterTheOther = await dumpGraph(store);

    await store.reset();
    const started = performance.now();
    const runs = [runCli('ingest', [first], owner.env), runCli('ingest', [second], owner.env)];
    const results = await Promise.all(runs.map((run) => run.done));
    console.log(`two overlapping ingests at once: ${Math.round(performance.now() - started)} ms`);
    for (const result of results) expect(result.code, result.output).toBe(0);
    const atOnce = await dumpGraph(store);
    expect(dumpCounts(atOnce)).toEqual(dumpCounts(oneAfterTheOther));
    // An entity's aliases are what the extraction that wrote it last found across its own folder
    // (杭州 beside 杭州市 only where a report of that folder writes the short form), and either
    // ingest may come last. Everything else must not depend on the order.
    const aliasesBefore = new Map(
      (oneAfterTheOther.entities as EntityRow[]).map((e) => [e.properties['id'], key(e.properties['aliases'])]),
    );
    const differentAliases = (atOnce.entities as EntityRow[]).filter(
      (e) => key(e.properties['aliases']) !== aliasesBefore.get(e.properties['id']),
    );
    console.log(`entities whose aliases differ: ${differentAliases.map((e) => e.properties['id']).join(', ') || 'none'}`);
    expect({ ...atOnce, entities: withoutAliases(atOnce) }).toEqual({ ...oneAfterTheOther, entities: withoutAliases(oneAfterTheOther) });
  }, 400_000);
});
