// Hostile documents through the command line and through ingestTexts(), against a real Neo4j: each
// gets its own outcome, the rest of the batch loads, what is stored already stays, the exit code says.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestTexts, type Store } from '../../graph/index.ts';
import { hostileDocuments, REPORT } from '../support/hostile-documents.ts';
import { CACHE_DIR } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'policy-graph-hostile-ingest-'));
// Files for the command line: the 50 MB file and the 1 MB line as the issue names them.
const documents = hostileDocuments();
const loadable = documents.filter((d) => d.expected.status === 'loaded').map((d) => d.name);
let store: Store;
let cliIngest: CliRun | undefined;

beforeAll(async () => {
  for (const d of documents) writeFileSync(join(dir, d.name), d.bytes);
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface CliRun {
  status: number | null;
  /** Document id → [status, reason or diagnostics]. */
  outcomes: Map<string, { status: string; detail: string | undefined }>;
  output: string;
}

function cli(script: string, args: string[]): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'graph/cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), CACHE_DIR, MAX_DOCUMENT_BYTES: '' },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const outcomes = new Map<string, { status: string; detail: string | undefined }>();
  for (const line of output.split('\n')) {
    const m = /^(loaded|unchanged|refused|failed|extracted)\s+(\S+?)(?:: (.*)| \(diagnostics: (.*)\))?$/.exec(line);
    if (m) outcomes.set(m[2]!, { status: m[1]!, detail: m[3] ?? m[4] });
  }
  return { status: run.status, outcomes, output };
}

/** What a reader sees of a stored document: its hash, text, title and the mentions in it. */
async function storedDocument(id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await store.writeStatement({
    cypher: /* Cypher */ `MATCH (d:SourceDocument {id: $id})
      OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
      RETURN d.hash AS hash, d.text AS text, d.title AS title, collect({entity: e.id, starts: m.starts}) AS mentions`,
    params: { id },
  });
  return row && { ...row, mentions: (row['mentions'] as unknown[]).map((m) => JSON.stringify(m)).sort() };
}

describe('hostile documents, ingested', { timeout: 300_000 }, () => {
  it('through npm run ingest: one line each, the rest loads, stored documents stay, exit code 1', async () => {
    // Already stored: a good document under the name the binary file now has, and another one.
    const before = await ingestTexts(
      store,
      [
        { name: 'binary.txt', bytes: REPORT },
        { name: 'kept.txt', bytes: `${REPORT}\n第二版。` },
      ],
      { cacheDir: CACHE_DIR },
    );
    expect(before.documents.map((d) => d.status)).toEqual(['loaded', 'loaded']);
    const kept = { binary: await storedDocument('binary.txt'), kept: await storedDocument('kept.txt') };

    const run = (cliIngest = cli('ingest.ts', [dir]));
    expect(run.status, run.output).toBe(1);
    for (const d of documents) {
      const outcome = run.outcomes.get(d.name);
      if (d.expected.status === 'refused') {
        expect(outcome?.status, d.name).toBe('refused');
        expect(outcome?.detail, d.name).toMatch(d.expected.reason);
      } else {
        expect(outcome?.status, `${d.name}\n${run.output}`).toBe('loaded');
      }
    }
    expect(await storedDocument('binary.txt')).toEqual(kept.binary);
    expect(await storedDocument('kept.txt')).toEqual(kept.kept);
    expect((await store.counts()).documents).toBe(2 + loadable.length);
    const oneLine = await storedDocument('one-line.txt');
    expect((oneLine?.['text'] as string).length).toBeGreaterThan(300_000);
    expect(oneLine?.['mentions']).not.toEqual([]);
  });

  it('through ingestTexts(): the same refusals with the same reasons; what the CLI loaded is unchanged', async () => {
    // The 1 MB line is left to the command line: extracting it again would only cost time.
    const inputs = documents.filter((d) => d.name !== 'one-line.txt').map((d) => ({ name: d.name, bytes: d.bytes }));
    const summary = await ingestTexts(store, inputs, { cacheDir: CACHE_DIR });
    expect(summary.documents.map((d) => d.id)).toEqual(inputs.map((d) => d.name));
    for (const outcome of summary.documents) {
      const fromCli = cliIngest!.outcomes.get(outcome.id)!;
      expect({ id: outcome.id, status: outcome.status, reason: outcome.reason }).toEqual({
        id: outcome.id,
        status: fromCli.status === 'loaded' ? 'unchanged' : fromCli.status,
        reason: fromCli.status === 'refused' ? fromCli.detail : undefined,
      });
    }
  });

  it('through npm run extract: the export holds the readable ones, and says which were refused', () => {
    const out = join(dir, 'graph.json');
    const run = cli('extract.ts', [...documents.filter((d) => d.name !== 'one-line.txt').map((d) => join(dir, d.name)), '--out', out]);
    expect(run.status, run.output).toBe(1);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { documents: Array<{ id: string }> };
    expect(exported.documents.map((d) => d.id).sort()).toEqual(loadable.filter((n) => n !== 'one-line.txt').sort());
    for (const d of documents) {
      if (d.expected.status === 'refused') expect(run.outcomes.get(d.name)?.detail, d.name).toMatch(d.expected.reason);
    }
  });

  it('an in-memory batch: names, duplicates and dates checked; given metadata stored', async () => {
    const summary = await ingestTexts(
      store,
      [
        { name: 'given.txt', bytes: REPORT, title: '给定的标题', source: '测试来源', date: '2024-02-29' },
        { name: 'given.txt', bytes: REPORT },
        { name: '../escape.txt', bytes: REPORT },
        { name: 'dated.txt', bytes: REPORT, date: '2024-13-01' },
      ],
      { cacheDir: CACHE_DIR },
    );
    expect(summary.documents.map((d) => [d.id, d.status])).toEqual([
      ['given.txt', 'loaded'],
      ['given.txt', 'refused'],
      ['../escape.txt', 'refused'],
      ['dated.txt', 'refused'],
    ]);
    expect(summary.documents[3]!.reason).toBe('date must be YYYY-MM-DD, got "2024-13-01"');
    expect((await storedDocument('given.txt'))?.['title']).toBe('给定的标题');
  });
});
