import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createQueries, type ExtractionExport, type Store } from '../../graph/index.ts';
import { extractSeeds } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';

let store: Store;
beforeEach(async () => {
  store ??= await openTestStore({ batchSize: 50 });
  await store.reset();
});
afterAll(async () => store?.close());

/** The sentences behind a relation, as the read side gives them to a reader clicking its edge. */
async function evidenceOf(id: string) {
  const queries = createQueries(store, { versionPollMs: 0 });
  try {
    const [evidence] = await queries.evidence([id], 100);
    return evidence!.map(({ documentId, start, end, text }) => ({ doc: documentId, start, end, text }));
  } finally {
    queries.close();
  }
}

async function relationIds(): Promise<string[]> {
  const rows = await store.writeStatement({ cypher: 'MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id ORDER BY id', params: {} });
  return rows.map((r) => r['id'] as string);
}

// Seeds are extracted and loaded several times over: minutes on a busy 2-core machine.
describe('loading', { timeout: 300_000 }, () => {
  it('loads the seeds, and loading them again changes nothing', async () => {
    const seeds = extractSeeds();
    const first = await store.load(seeds);
    expect(first.loaded).toHaveLength(5);
    expect(first.failed).toEqual([]);
    const counts = await store.counts();
    expect(counts.documents).toBe(5);
    expect(counts.relations).toBe(seeds.relations.length);
    expect(counts.evidence).toBe(seeds.relations.reduce((n, r) => n + r.evidence.length, 0));

    const again = await store.load(seeds);
    expect(again.unchanged).toHaveLength(5);
    expect(await store.counts()).toEqual(counts);

    // Even forced, a reload writes the same graph: no duplicate evidence, same weights.
    await store.load(seeds, { force: true });
    expect(await store.counts()).toEqual(counts);
  });

  it('replaces a changed document and removes what only it supported', async () => {
    await store.load(tinyExport());
    expect((await store.counts()).entities).toBe(3);

    const changed = tinyExport();
    changed.documents[0]!.hash = 'changed';
    changed.entities = changed.entities.filter((e) => e.id !== 'Program:红哨系统');
    changed.entities[0]!.mentions = changed.entities[0]!.mentions.filter((m) => m.doc === 'b.txt').concat({
      doc: 'a.txt',
      start: 0,
      end: 3,
    });
    changed.relations = changed.relations.filter((r) => r.type !== 'IMPLEMENTS');
    const summary = await store.load(changed);
    expect(summary.loaded).toEqual(['a.txt']);
    expect(summary.unchanged).toEqual(['b.txt']);
    expect(summary.entitiesRemoved).toBe(1);
    expect(await relationIds()).toEqual(['SELECTED_AS:龙湾区->共同富裕试点']);
    expect((await store.counts()).entities).toBe(2);
  });

  it("replaces only the changed document's sentences behind a relation two documents state", async () => {
    const both = tinyExport();
    const implementsRelation = both.relations[0]!;
    const [a, b] = both.documents;
    implementsRelation.evidence.push({ doc: 'b.txt', start: 0, end: 3, text: b!.text.slice(0, 3) });
    await store.load(both);
    expect(await evidenceOf(implementsRelation.id)).toEqual([
      { doc: 'a.txt', start: 0, end: a!.text.length, text: a!.text },
      { doc: 'b.txt', start: 0, end: 3, text: b!.text.slice(0, 3) },
    ]);

    const changed = structuredClone(both);
    changed.documents[0]!.hash = 'changed';
    changed.relations[0]!.evidence[0] = { doc: 'a.txt', start: 1, end: 4, text: a!.text.slice(1, 4) };
    expect((await store.load(changed)).loaded).toEqual(['a.txt']);
    const sentences = await evidenceOf(implementsRelation.id);
    expect(sentences).toHaveLength(2);
    expect(sentences).toEqual(
      expect.arrayContaining([
        { doc: 'b.txt', start: 0, end: 3, text: b!.text.slice(0, 3) },
        { doc: 'a.txt', start: 1, end: 4, text: a!.text.slice(1, 4) },
      ]),
    );
    const [relation] = await store.writeStatement({ cypher: 'MATCH ()-[r:IMPLEMENTS]->() RETURN r.weight AS weight', params: {} });
    expect(relation!['weight']).toBe(2);

    // Without the document, the relation keeps b's sentence alone.
    await store.removeDocument('a.txt');
    expect(await evidenceOf(implementsRelation.id)).toEqual([{ doc: 'b.txt', start: 0, end: 3, text: b!.text.slice(0, 3) }]);
  });

  it('re-extracts unchanged files when the extraction rules change', async () => {
    await store.load(tinyExport());
    const newer = tinyExport();
    for (const d of newer.documents) d.extractor = 'newer rules';
    const summary = await store.load(newer);
    expect(summary.loaded.sort()).toEqual(['a.txt', 'b.txt']);
    expect((await store.load(newer)).unchanged).toHaveLength(2);
  });

  it('removes a document with every fact only it supported', async () => {
    await store.load(tinyExport());
    await store.removeDocument('b.txt');
    expect(await relationIds()).toEqual(['IMPLEMENTS:龙湾区->红哨系统']);
    expect(await store.counts()).toMatchObject({ documents: 1, entities: 2, evidence: 1 });
  });

  it('rolls back a poisoned document alone', async () => {
    const poisoned = tinyExport();
    // A nested map is not a valid Neo4j property value: writing this evidence fails mid-document.
    (poisoned.relations[1]!.evidence[0] as unknown as { text: unknown }).text = { not: { a: 'string' } };
    const summary = await store.load(poisoned);
    expect(summary.loaded).toEqual(['a.txt']);
    expect(summary.failed.map((f) => f.document)).toEqual(['b.txt']);
    const counts = await store.counts();
    expect(counts).toMatchObject({ documents: 1, entities: 2, relations: 1, evidence: 1 });
  });

  it('never duplicates anything when overlapping loads run at once', async () => {
    const seeds = extractSeeds();
    const half = (keep: (id: string) => boolean): ExtractionExport => ({ ...seeds, documents: seeds.documents.filter((d) => keep(d.id)) });
    const results = await Promise.all([store.load(seeds), store.load(half((id) => id < '003')), store.load(half((id) => id >= '001'))]);
    for (const r of results) expect(r.failed).toEqual([]);
    const counts = await store.counts();
    expect(counts.relations).toBe(seeds.relations.length);
    expect(counts.entities).toBe(
      new Set(
        seeds.entities
          .filter((e) => e.mentions.length > 0 || seeds.relations.some((r) => r.source === e.id || r.target === e.id))
          .map((e) => e.id),
      ).size,
    );
    expect(counts.evidence).toBe(seeds.relations.reduce((n, r) => n + r.evidence.length, 0));
    // Every relation shows the sentences that state it, each once, and its weight counts them:
    // what a reader clicking the edge sees, however the loads interleaved.
    const stored = await store.writeStatement({
      cypher:
        'MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id, r.weight AS weight, r.evidenceDocs AS docs, r.evidenceStarts AS starts',
      params: {},
    });
    const sentences = (docs: string[], starts: number[]) => docs.map((d, i) => `${d}@${starts[i]}`).sort();
    expect(
      new Map(stored.map((r) => [r['id'], { weight: r['weight'], sentences: sentences(r['docs'] as string[], r['starts'] as number[]) }])),
    ).toEqual(
      new Map(
        seeds.relations.map((r) => [
          r.id,
          {
            weight: r.evidence.length,
            sentences: sentences(
              r.evidence.map((e) => e.doc),
              r.evidence.map((e) => e.start),
            ),
          },
        ]),
      ),
    );
  });

  it('refuses to load into a graph of the older model, which kept evidence as nodes, until it is reset', async () => {
    await store.writeStatement({ cypher: "CREATE (:Evidence {relationId: 'IMPLEMENTS:a->b', doc: 'a.txt'})", params: {} });
    await expect(store.load(tinyExport())).rejects.toThrow(/older version.*npm run reset/);
    expect((await store.counts()).documents).toBe(0);
    await store.reset();
    expect((await store.load(tinyExport())).loaded).toHaveLength(2);
  });

  it('loads what the read side finds by name, alias and part of a name, the exact name first', async () => {
    const data = tinyExport();
    // A longer name that holds the searched one: found too, after the exact match.
    data.entities.push({
      id: 'Organization:龙湾区人民政府',
      type: 'Organization',
      name: '龙湾区人民政府',
      aliases: [],
      mentions: [{ doc: 'a.txt', start: 0, end: 3 }],
    });
    await store.load(data);
    const queries = createQueries(store, { versionPollMs: 0 });
    try {
      const found = async (query: string) => (await queries.search(query, null, { first: 5, after: null })).page.items.map((i) => i.node);
      const exact = await found('龙湾区');
      expect(exact.map((hit) => hit.entity.name)).toEqual(['龙湾区', '龙湾区人民政府']);
      expect(exact[0]!.entity).toMatchObject({ type: 'District', code: '330303', aliases: ['龙湾'] });
      expect((await found('龙湾'))[0]?.entity.name).toBe('龙湾区');
      expect((await found('红哨')).map((hit) => hit.entity.name)).toEqual(['红哨系统']);
      expect(await found('杭州')).toEqual([]);
      // Lucene syntax in user input is searched as text, not parsed.
      await expect(found('龙湾 AND (')).resolves.toBeInstanceOf(Array);
    } finally {
      queries.close();
    }
  });
});
