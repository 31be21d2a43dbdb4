// Corrections against the real Neo4j: one of every kind, then the ways a graph is written again —
// the same reports reloaded, reloaded as a changed extractor reads them (every offset moved), reset
// and reloaded with the corrections file imported, a report removed — each ending with every
// correction in force (or, for the removed report's, kept and shown as orphaned). Then undoing
// them all gives back the graph extraction made, and two editors correcting one entity at once
// both count, the later winning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueries, type CorrectionRequest, type Queries, type Store, type StoredCorrection } from '../../graph/index.ts';
import { changedCurationExport, curationExport, EXTRA_RELATION, spanOf } from '../fixtures/curation-export.ts';
import { createCorrectionCache, syncCorrectionCache } from '../../graph/db/store/curation-cache.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { openTestStore } from '../support/test-store.ts';

let store: Store;
let queries: Queries;
const made = new Map<string, StoredCorrection>();

const cypher = (text: string, params: Record<string, unknown> = {}) => store.writeStatement({ cypher: text, params });

async function relation(id: string) {
  const type = id.slice(0, id.indexOf(':'));
  const [row] = await cypher(
    `MATCH ()-[r:${type} {id: $id}]->() RETURN r.curation AS curation, r.evidenceTexts AS texts, r.weight AS weight`,
    { id },
  );
  return row as { curation: string | null; texts: string[]; weight: number } | undefined;
}

async function entity(id: string) {
  const [row] = await cypher(
    `MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.type AS type, labels(e) AS labels, coalesce(e.aliases, []) AS aliases, e.curation AS curation,
       COLLECT { MATCH (e)-[:MENTIONED_IN]->(d) RETURN d.id ORDER BY d.id } AS docs`,
    { id },
  );
  return row as { name: string; type: string; labels: string[]; aliases: string[]; curation: string | null; docs: string[] } | undefined;
}

async function correct(name: string, request: CorrectionRequest, editor = 'alice') {
  const { correction, missed } = await store.curation.record(request, { editor, reason: `test: ${name}` });
  expect(missed, name).toBe(false);
  made.set(name, correction);
}

/** What must hold for each correction to be in force; the names of those that do not. */
async function notInForce(): Promise<string[]> {
  const failed: string[] = [];
  const expect = (name: string, ok: boolean) => {
    if (!ok) failed.push(name);
  };
  const confirmed = await relation('IMPLEMENTS:District:龙湾区->Program:共富工坊');
  expect('confirm', confirmed?.curation === 'confirmed');
  expect('reject', (await relation('LOCATED_IN:District:龙湾区->Village:青禾合作社')) === undefined);
  const retyped = await relation('LOCATED_IN:Village:永中村->District:永中街道');
  expect('retype', retyped?.curation === 'edited' && retyped.texts.some((t) => t.includes('永中村隶属')));
  expect('retype (old gone)', (await relation('PART_OF:Village:永中村->District:永中街道')) === undefined);
  const reversed = await relation('LOCATED_IN:District:龙湾区->District:温州市');
  expect('reverse', reversed?.curation === 'edited' && (await relation('LOCATED_IN:District:温州市->District:龙湾区')) === undefined);
  const renamed = await entity('Program:数字乡村');
  expect('rename', renamed?.name === '数字乡村建设' && renamed.aliases.includes('数字乡村') && renamed.curation === 'edited');
  const retypedEntity = await entity('Village:青禾合作社');
  expect(
    'retype entity',
    retypedEntity?.type === 'Company' && retypedEntity.labels.includes('Company') && !retypedEntity.labels.includes('Village'),
  );
  const added = await entity('Village:青禾村');
  expect('add entity', added?.curation === 'added' && added.docs.includes('a.txt'));
  const funds = await relation('FUNDS:Organization:温州市农业农村局->Village:青禾村');
  expect('add relation', funds?.curation === 'added' && funds.texts.some((t) => t.includes('农业农村局资助青禾村')));
  const kept = await entity('Organization:温州市农业农村局');
  expect(
    'merge',
    (await entity('Organization:农业农村局')) === undefined && kept?.aliases.includes('农业农村局') === true && kept.docs.includes('a.txt'),
  );
  expect('merge (relations moved)', (await relation('IMPLEMENTS:Organization:温州市农业农村局->Program:数字乡村')) !== undefined);
  const split = made.get('split')!;
  const newId = split.kind === 'split-entity' ? split.newId : '';
  expect('split', (await entity('Village:新华村'))?.docs.join() === 'a.txt' && (await entity(newId))?.docs.join() === 'c.txt');
  expect('split (relations moved)', (await relation(`LOCATED_IN:${newId}->District:瓯海区`)) !== undefined);
  expect('reject entity', (await entity('Village:资助青禾')) === undefined);
  expect('undone rename', (await entity('Program:共富工坊'))?.name === '共富工坊');
  const statuses = await queries.corrections({}, { first: 100 });
  for (const { node } of statuses.items) {
    const wanted = node.kind === 'undo' || node.id !== made.get('rename to undo')?.id ? 'IN_FORCE' : 'UNDONE';
    expect(`status of ${node.kind} ${node.id}`, node.status === wanted);
  }
  return failed;
}

beforeAll(async () => {
  store = await openTestStore();
  queries = createQueries(store, { versionPollMs: 0 });
  await store.load(curationExport());
});
afterAll(async () => {
  queries?.close();
  await store?.reset({ corrections: true });
  await store?.close();
});

describe('corrections', () => {
  let extracted: Awaited<ReturnType<typeof dumpGraph>>;

  it('applies one of every kind at once', async () => {
    extracted = await dumpGraph(store);
    await correct('confirm', { kind: 'confirm-relation', relation: 'IMPLEMENTS:District:龙湾区->Program:共富工坊' });
    await correct('reject', { kind: 'reject-relation', relation: 'LOCATED_IN:District:龙湾区->Village:青禾合作社' });
    await correct('retype', { kind: 'retype-relation', relation: 'PART_OF:Village:永中村->District:永中街道', type: 'LOCATED_IN' });
    await correct('reverse', { kind: 'reverse-relation', relation: 'LOCATED_IN:District:温州市->District:龙湾区' });
    await correct('rename', { kind: 'rename-entity', entity: 'Program:数字乡村', name: '数字乡村建设' });
    await correct('retype entity', { kind: 'retype-entity', entity: 'Village:青禾合作社', type: 'Company' }, 'bob');
    const village = spanOf('a.txt', '青禾村');
    await correct('add entity', { kind: 'add-entity', type: 'Village', document: 'a.txt', ...village });
    const funding = spanOf('a.txt', '农业农村局资助青禾村');
    await correct('add relation', {
      kind: 'add-relation',
      type: 'FUNDS',
      source: 'Organization:农业农村局',
      target: 'Village:青禾村',
      document: 'a.txt',
      ...funding,
    });
    await correct('merge', { kind: 'merge-entities', entity: 'Organization:农业农村局', into: 'Organization:温州市农业农村局' }, 'bob');
    await correct('split', { kind: 'split-entity', entity: 'Village:新华村', documents: ['c.txt'], name: '新华村' });
    await correct('reject entity', { kind: 'reject-entity', entity: 'Village:资助青禾' });
    await correct('rename to undo', { kind: 'rename-entity', entity: 'Program:共富工坊', name: '共富工坊项目' });
    await store.curation.undo(made.get('rename to undo')!.id, { editor: 'bob', reason: 'not a better name' });
    expect(await notInForce()).toEqual([]);
    // The added relation's ends are marked in its sentence, as an extracted relation's are.
    const [evidence] = await queries.evidence(['FUNDS:Organization:温州市农业农村局->Village:青禾村'], 5);
    expect(evidence!.flatMap((e) => e.highlights.map((h) => h.entityId)).sort()).toEqual([
      'Organization:温州市农业农村局',
      'Village:青禾村',
    ]);
  });

  it('keeps every correction in force when the same reports are loaded again', async () => {
    const summary = await store.load(curationExport(), { force: true });
    expect(summary.loaded).toHaveLength(3);
    expect(await notInForce()).toEqual([]);
  });

  it('keeps every correction in force when a changed extractor reads the reports (every offset moved)', async () => {
    const summary = await store.load(changedCurationExport());
    expect(summary.loaded).toHaveLength(3);
    expect(await notInForce()).toEqual([]);
    expect(await relation(EXTRA_RELATION)).toBeDefined();
    // The added relation's sentence was found again at its new place.
    const funds = await relation('FUNDS:Organization:温州市农业农村局->Village:青禾村');
    expect(funds!.weight).toBe(1);
  });

  it('restores every correction from the corrections file after a reset and a reload', async () => {
    const file = await store.curation.exportFile();
    expect(file.corrections).toHaveLength(made.size + 1);
    await store.reset({ corrections: true });
    expect(await store.curation.count()).toEqual({ total: 0, active: 0 });
    await store.load(curationExport());
    const summary = await store.curation.importFile(JSON.parse(JSON.stringify(file)));
    expect(summary).toMatchObject({ added: file.corrections.length, skipped: 0, missed: [] });
    expect(await notInForce()).toEqual([]);
    // Importing the same file again adds nothing.
    expect(await store.curation.importFile(file)).toMatchObject({ added: 0, skipped: file.corrections.length });
    // A reset keeps the corrections by default: the reload alone puts them back in force.
    await store.reset();
    await store.load(curationExport());
    expect(await notInForce()).toEqual([]);
  });

  it('keeps the corrections of a removed report, shown as orphaned', async () => {
    await store.removeDocument('b.txt');
    const orphaned = (await queries.corrections({}, { first: 100 })).items.filter((e) => e.node.status === 'ORPHANED');
    expect(orphaned.map((e) => e.node.kind).sort()).toEqual(['reject-relation', 'retype-entity', 'retype-relation']);
    expect(orphaned.find((e) => e.node.kind === 'reject-relation')!.node.orphanReason).toBe('DOCUMENTS_REMOVED');
    expect((await store.curation.count()).total).toBe(made.size + 1);
    await store.load(curationExport());
    expect(await notInForce()).toEqual([]);
  });

  it('gives back the graph extraction made when every correction is undone, latest first', async () => {
    const active = [...made.values()].filter((c) => c.id !== made.get('rename to undo')!.id).reverse();
    for (const c of active) await store.curation.undo(c.id, { editor: 'carol' });
    const after = await dumpGraph(store);
    const plain = (dump: typeof after) =>
      JSON.parse(
        JSON.stringify(dump)
          .replace(/,?"curationVersion":\d+/g, '')
          .replace(/\{,/g, '{'),
      );
    expect(plain(after)).toEqual(plain(extracted));
    // Undoing an undo puts its correction back in force.
    const undos = (await queries.corrections({ kinds: ['undo'] }, { first: 100 })).items;
    const mergeUndo = undos.find((e) => e.node.undoes === made.get('merge')!.id)!;
    await store.curation.undo(mergeUndo.node.id, { editor: 'carol' });
    expect(await entity('Organization:农业农村局')).toBeUndefined();
  });

  it("keeps a load's view of the corrections in force up to date with undos recorded meanwhile", async () => {
    const cache = createCorrectionCache();
    const run = (statement: { cypher: string; params: Record<string, unknown> }) => store.writeStatement(statement);
    await syncCorrectionCache(run, cache);
    const before = cache.corrections.size;
    const merge = made.get('merge')!;
    expect(cache.corrections.has(merge.id)).toBe(true);
    const undo = await store.curation.undo(merge.id, { editor: 'carol' });
    await syncCorrectionCache(run, cache);
    expect(cache.corrections.has(merge.id)).toBe(false);
    await store.curation.undo(undo.id, { editor: 'carol' });
    await syncCorrectionCache(run, cache);
    expect(cache.corrections.has(merge.id)).toBe(true);
    expect(cache.corrections.size).toBe(before);
  });

  it('records both of two editors correcting one entity at once, the later winning', async () => {
    for (let round = 0; round < 3; round++) {
      const names = [`龙湾区甲${round}`, `龙湾区乙${round}`];
      await Promise.all(
        names.map((name, i) =>
          store.curation.record({ kind: 'rename-entity', entity: 'District:龙湾区', name }, { editor: i === 0 ? 'alice' : 'bob' }),
        ),
      );
      const history = (await queries.history(['District:龙湾区'], 10))[0]!.filter((c) => c.kind === 'rename-entity').slice(0, 2);
      expect(history.map((c) => c.correction.kind === 'rename-entity' && c.correction.name).sort()).toEqual([...names].sort());
      // Latest first: the one recorded last is the name the entity has.
      const latest = history[0]!.correction;
      expect((await entity('District:龙湾区'))!.name).toBe(latest.kind === 'rename-entity' ? latest.name : null);
    }
    // Two merges into one entity at once: neither loses the other's names.
    await Promise.all([
      store.curation.record({ kind: 'merge-entities', entity: 'District:永中街道', into: 'District:温州市' }, { editor: 'alice' }),
      store.curation.record({ kind: 'merge-entities', entity: 'District:瓯海区', into: 'District:温州市' }, { editor: 'bob' }),
    ]);
    expect((await entity('District:温州市'))!.aliases).toEqual(expect.arrayContaining(['永中街道', '瓯海区']));
  });
});
