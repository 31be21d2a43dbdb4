// Statistics and the co-implementation matrix over the seeds in a real Neo4j: figures that agree
// with the export, a cache that costs no Cypher until the graph changes, and a matrix with evidence.
import { describe, expect, it } from 'vitest';
import {
  CO_MENTIONED,
  createQueries,
  QueryError,
  type Queries,
  type Reader,
  type ReadTransaction,
  type RelationRecord,
  type Store,
} from '../../graph/index.ts';
import { syntheticExport } from '../../bench/synthetic-export.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';
import { extractSeeds } from '../support/seeds.ts';
import { loadedGraph } from '../support/loaded-graph.ts';

let statements = 0;

/** The store's reader, counting every statement run through it. */
function countingReader(reader: Reader): Reader {
  const counted = (tx: ReadTransaction): ReadTransaction => ({
    rows: (s) => (statements++, tx.rows(s)),
    each: (s, onRow) => (statements++, tx.each(s, onRow)),
    until: (s, onRow) => (statements++, tx.until(s, onRow)),
    explain: (s) => (statements++, tx.explain(s)),
  });
  return {
    rows: (s, options) => (statements++, reader.rows(s, options)),
    read: (work, options) => reader.read((tx) => work(counted(tx)), options),
  };
}

/** The read side over the store, its statements counted. */
const counted = (store: Store) => createQueries({ ...store, reader: countingReader(store.reader) }, { versionPollMs: 0 });

const graph = loadedGraph(extractSeeds, counted);

const seeds = () => extractSeeds();
const typed = (): RelationRecord[] => seeds().relations.filter((r) => r.type !== CO_MENTIONED);

describe('stats', () => {
  it('counts what the export holds', async () => {
    const stats = await graph.queries.stats();
    expect(stats).toMatchObject({
      graphVersion: await graph.store.graphVersion(),
      entities: seeds().entities.length,
      relations: typed().length,
      coMentions: seeds().relations.length - typed().length,
      documents: 5,
      evidence: typed().reduce((n, r) => n + r.evidence.length, 0),
    });
    expect(stats.entitiesByType.reduce((n, t) => n + t.count, 0)).toBe(stats.entities);
    const byType = Object.fromEntries(stats.relationsByType.map((t) => [t.type, t.count]));
    expect(byType['IMPLEMENTS']).toBe(typed().filter((r) => r.type === 'IMPLEMENTS').length);
    expect(stats.documentDates.reduce((n, d) => n + d.count, 0) + stats.undatedDocuments).toBe(5);
    for (const bucket of stats.documentDates) expect(bucket.month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('ranks entities by typed degree and by PageRank, most first', async () => {
    const stats = await graph.queries.stats();
    const degree = new Map<string, number>();
    for (const r of typed()) for (const id of [r.source, r.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const top = stats.topByDegree[0]!;
    expect(top.score).toBe(Math.max(...degree.values()));
    expect(top.entity.degree).toBe(top.score);
    expect(stats.topByDegree.length).toBe(Math.min(100, degree.size));
    for (const list of [stats.topByDegree, stats.topByPageRank]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
    }
    expect(stats.topByPageRank[0]!.score).toBeGreaterThan(stats.topByPageRank.at(-1)!.score);
  });

  it('finds communities, largest first, labelled by their most connected member', async () => {
    const { communities } = await graph.queries.stats();
    expect(communities.length).toBeGreaterThan(1);
    communities.forEach((community, i) => {
      expect(community.id).toBe(i);
      expect(community.types.reduce((n, t) => n + t.count, 0)).toBe(community.size);
      expect(community.members.length).toBe(Math.min(100, community.size));
      expect(community.label).toBe(community.members[0]!.name);
      for (let m = 1; m < community.members.length; m++)
        expect(community.members[m - 1]!.degree).toBeGreaterThanOrEqual(community.members[m]!.degree);
      if (i > 0) expect(communities[i - 1]!.size).toBeGreaterThanOrEqual(community.size);
    });
    // Deterministic: another process (here another instance) finds the same communities.
    const other = counted(graph.store);
    expect((await other.stats()).communities).toEqual(communities);
    other.close();
  });

  it('answers a repeat call from its cache without a statement, and shares one computation', async () => {
    const first = await graph.queries.stats();
    statements = 0;
    expect(await graph.queries.stats()).toBe(first);
    expect(statements).toBe(0);

    const fresh = counted(graph.store);
    statements = 0;
    const [a, b, c] = await Promise.all([fresh.stats(), fresh.stats(), fresh.stats()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    const one = statements;
    statements = 0;
    await counted(graph.store).stats();
    // The same statements as a single computation (the second instance asks for GDS once more).
    expect(one).toBe(statements);
    fresh.close();
  });

  it('computes again after a load changes the graph', async () => {
    const before = await graph.queries.stats();
    await graph.store.load(tinyExport());
    graph.queries.graphChanged();
    statements = 0;
    const after = await graph.queries.stats();
    expect(statements).toBeGreaterThan(0);
    expect(after.graphVersion).toBeGreaterThan(before.graphVersion);
    expect(after.documents).toBe(before.documents + 2);

    // Another process's load is seen through the background poll.
    const polled = createQueries(graph.store, { versionPollMs: 100 });
    const seen = await polled.stats();
    await graph.store.load({
      ...tinyExport(),
      documents: tinyExport().documents.map((d) => ({ ...d, hash: `${d.hash}-2`, date: '2024-05-06' })),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await polled.stats();
    expect(next.graphVersion).toBeGreaterThan(seen.graphVersion);
    expect(next.documentDates).toContainEqual({ month: '2024-05', count: 2 });
    polled.close();
  });
});

describe('coImplementation', () => {
  /** The program the most actors implement in the seeds. */
  function busiestProgram() {
    const byProgram = new Map<string, RelationRecord[]>();
    for (const r of seeds().relations) if (r.type === 'IMPLEMENTS') byProgram.set(r.target, [...(byProgram.get(r.target) ?? []), r]);
    return [...byProgram].sort((a, b) => b[1].length - a[1].length)[0]!;
  }

  it('matrixes the given programs against their implementers, with evidence dates', async () => {
    const [programId, relations] = busiestProgram();
    statements = 0;
    const view = await graph.queries.coImplementation({ programIds: [programId] });
    expect(statements).toBe(2);
    expect(view.programs.map((p) => p.id)).toEqual([programId]);
    const actorTypes = new Set(['District', 'Village', 'Company', 'Organization']);
    const type = new Map(seeds().entities.map((e) => [e.id, e.type]));
    const expected = relations.filter((r) => actorTypes.has(type.get(r.source)!));
    expect(view.cells.map((c) => c.relation.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const dates = new Map(seeds().documents.map((d) => [d.id, d.date]));
    for (const cell of view.cells) {
      const relation = expected.find((r) => r.id === cell.relation.id)!;
      const first =
        relation.evidence
          .map((e) => dates.get(e.doc))
          .filter((d): d is string => !!d)
          .sort()[0] ?? null;
      expect(cell).toMatchObject({ programId, implementerId: relation.source, firstReported: first });
      expect(cell.relation).toMatchObject({
        type: 'IMPLEMENTS',
        directed: true,
        source: relation.source,
        target: programId,
        weight: relation.weight,
        firstReported: first,
      });
    }
    expect(view.implementers.every((i) => i.programCount === 1)).toBe(true);
    for (let i = 1; i < view.implementers.length; i++)
      expect(view.implementers[i - 1]!.entity.degree).toBeGreaterThanOrEqual(view.implementers[i]!.entity.degree);
  });

  it("compares a place's programs with everyone else's, those sharing most first", async () => {
    const [programId, relations] = busiestProgram();
    const place = relations.find((r) => r.source.startsWith('District:'))!.source;
    const view = await graph.queries.coImplementation({ placeIds: [place] });
    const own = new Set(
      seeds()
        .relations.filter((r) => r.type === 'IMPLEMENTS' && r.source === place)
        .map((r) => r.target),
    );
    expect(new Set(view.programs.map((p) => p.id))).toEqual(new Set([...own].filter((id) => /^(Program|Pilot):/.test(id))));
    expect(view.programs.map((p) => p.id)).toContain(programId);
    expect(view.implementers.find((i) => i.entity.id === place)!.programCount).toBe(view.programs.length);
    expect(view.implementers[0]!.programCount).toBe(view.programs.length);
    for (let i = 1; i < view.implementers.length; i++)
      expect(view.implementers[i - 1]!.programCount).toBeGreaterThanOrEqual(view.implementers[i]!.programCount);
    const villagesOnly = await graph.queries.coImplementation({ placeIds: [place], implementerTypes: ['Village'] });
    expect(villagesOnly.implementers.every((i) => i.entity.type === 'Village')).toBe(true);
  });

  it('refuses no ids, too many, unknown ids and ids of the wrong type', async () => {
    const error = (args: Parameters<Queries['coImplementation']>[0]) =>
      graph.queries.coImplementation(args).then(
        () => null,
        (e: unknown) => e as QueryError,
      );
    expect(await error({})).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await error({ programIds: Array.from({ length: 101 }, (_, i) => `Program:${i}`) })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await error({ programIds: ['Program:没有这个', busiestProgram()[0]] })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no entity with the id "Program:没有这个"',
    });
    const district = seeds().entities.find((e) => e.type === 'District')!.id;
    expect(await error({ programIds: [district] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(`"${district}" is a District`),
    });
    expect(await error({ placeIds: [busiestProgram()[0]] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await error({ programIds: [busiestProgram()[0]], implementerTypes: ['Nope' as never] })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('stats on a larger graph', () => {
  it('keeps answering other requests while a cold stats is computed', async () => {
    await graph.store.load(syntheticExport({ relations: 5_000, seed: 3 }));
    const fresh = createQueries(graph.store, { versionPollMs: 0 });
    let last = performance.now(),
      longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    let done = false,
      answered = 0;
    const stats = fresh.stats().finally(() => (done = true));
    while (!done) {
      await graph.store.reader.rows({ cypher: 'RETURN 1 AS one', params: {} });
      if (!done) answered++;
    }
    clearInterval(timer);
    const { relations } = await stats;
    fresh.close();
    console.log(
      `stats over ${relations} relations: ${answered} other requests answered meanwhile; event loop blocked ${longest.toFixed(0)} ms at most`,
    );
    expect(relations).toBeGreaterThanOrEqual(5_000);
    expect(answered).toBeGreaterThan(0);
  }, 180_000);
});
