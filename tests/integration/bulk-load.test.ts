import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, connectGraph, createQueries, loadGraphConfig, type Store } from '../../graph/index.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';
import { extractSeeds } from '../support/seeds.ts';
import { freePort } from '../support/free-port.ts';
import { openTestStore } from '../support/test-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function localConfig(name: string) {
  return loadGraphConfig({
    NEO4J_DATA_DIR: join(dir, name),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  });
}

/**
 * Every node and relationship with its labels or type and all its properties, as sorted strings:
 * two stores hold the same graph exactly when their dumps are equal.
 */
async function dump(store: Store): Promise<{ nodes: string[]; relationships: string[] }> {
  // Sorted keys; long texts as their hash, so that a difference reads in a line. The graph version
  // (:GraphMeta) is bookkeeping: the transactional loader bumps it once per group of documents.
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, v) =>
      typeof v === 'string' && v.length > 200
        ? `${v.slice(0, 20)}… sha256:${createHash('sha256').update(v).digest('hex').slice(0, 16)}`
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
          : v,
    );
  const nodes = await store.writeStatement({
    cypher: 'MATCH (n) WHERE NOT n:GraphMeta RETURN labels(n) AS labels, properties(n) AS properties',
    params: {},
  });
  const relationships = await store.writeStatement({
    cypher: 'MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS properties, properties(a) AS from, properties(b) AS to',
    params: {},
  });
  return {
    nodes: nodes.map((n) => canonical({ ...n, labels: (n['labels'] as string[]).sort() })).sort(),
    relationships: relationships
      .map((r) => canonical({ ...r, properties: sentencesInOrder(r['properties'] as Record<string, unknown[]>) }))
      .sort(),
  };
}

/**
 * A relation's sentences in one order: the transactional loader appends each document's as it
 * commits, and documents may commit in any order.
 */
function sentencesInOrder(properties: Record<string, unknown[]>): Record<string, unknown> {
  const lists = ['evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', 'evidenceLinks', 'evidenceConfidences'];
  if (!properties['evidenceDocs']) return properties;
  const sentences = properties['evidenceDocs'].map((_, i) => lists.map((list) => properties[list]![i]));
  sentences.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { ...properties, ...Object.fromEntries(lists.map((list, k) => [list, sentences.map((s) => s[k])])) };
}

// Ten minutes: each step starts the importer or a Neo4j, minutes apiece on a busy 2-core machine.
describe('bulk import into an empty local store', { timeout: 600_000 }, () => {
  // One scenario, as each step starts the importer or a Neo4j of its own (about 10 s apiece).
  it('stores exactly the graph the transactional loader stores, works as usual afterwards, and is never overwritten', async () => {
    const seeds = extractSeeds();
    const transactional = await openTestStore();
    await transactional.load(seeds);
    const expected = await dump(transactional);
    await transactional.close();

    const config = await localConfig('seeds');
    const { graph, summary } = await bulkLoad(config, seeds);
    let counts;
    try {
      expect(summary.documents).toBe(5);
      expect(summary.relations).toBe(seeds.relations.length);
      const actual = await dump(graph.store);
      expect(actual.nodes).toHaveLength(expected.nodes.length);
      expect(actual.nodes).toEqual(expected.nodes);
      expect(actual.relationships).toEqual(expected.relationships);

      // The imported store is an ordinary one: unchanged documents are skipped, the indexes answer.
      const again = await graph.store.load(seeds);
      expect(again.unchanged).toHaveLength(5);
      // 湾区 starts no name: only the full-text index finds 龙湾区 by it.
      const queries = createQueries(graph.store, { versionPollMs: 0 });
      const { page } = await queries.search('湾区', ['District'], { first: 5 });
      queries.close();
      expect(page.items.map((i) => [i.node.entity.name, i.node.matchedBy])).toContainEqual(['龙湾区', 'FULLTEXT']);
      counts = await graph.store.counts();
    } finally {
      await graph.close();
    }

    // A second bulk import would replace the graph: it is refused, and the graph stays as it was.
    await expect(bulkLoad(config, tinyExport())).rejects.toThrow(/the graph is not empty \(5 documents, \d+ entities\)/);
    const reopened = await connectGraph(config);
    try {
      expect(await reopened.store.counts()).toEqual(counts);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a server named by NEO4J_URI: it writes local files', async () => {
    const config = loadGraphConfig({ NEO4J_URI: 'bolt://127.0.0.1:1' });
    await expect(bulkLoad(config, extractSeeds())).rejects.toThrow(/NEO4J_URI/);
  });
});
