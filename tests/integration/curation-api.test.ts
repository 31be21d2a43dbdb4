// Corrections over real HTTP: refused (FORBIDDEN) without an editor's token — none, the ingest
// token, or a server with no editors at all — and, with one, recorded with the editor's name,
// shown in histories, the rejected list and recent changes, with the confidence they imply, and
// wrong requests answered NOT_FOUND or BAD_USER_INPUT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.ts';
import { curationExport, spanOf } from '../fixtures/curation-export.ts';
import { startApiServer, TEST_TOKEN, type ApiServer } from '../support/api-server.ts';

const ALICE = 'alice-token-0123456789abcdef';
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const CONFIRMED = 'IMPLEMENTS:District:龙湾区->Program:共富工坊';
const WRONG = 'LOCATED_IN:District:龙湾区->Village:青禾合作社';

/** One call of every correction mutation, with arguments good enough to pass the schema. */
const EVERY_MUTATION = [
  `mutation { confirmRelation(id: "${CONFIRMED}") { correction { id } } }`,
  `mutation { rejectRelation(id: "${WRONG}") { correction { id } } }`,
  `mutation { changeRelationType(id: "${WRONG}", type: PART_OF) { correction { id } } }`,
  `mutation { reverseRelation(id: "${WRONG}") { correction { id } } }`,
  `mutation { renameEntity(id: "Program:数字乡村", name: "x") { correction { id } } }`,
  `mutation { changeEntityType(id: "Program:数字乡村", type: Pilot) { correction { id } } }`,
  `mutation { mergeEntities(id: "Organization:农业农村局", into: "Organization:温州市农业农村局") { correction { id } } }`,
  `mutation { splitEntity(id: "Village:新华村", documentIds: ["c.txt"], name: "新华村") { correction { id } } }`,
  `mutation { rejectEntity(id: "Village:资助青禾") { correction { id } } }`,
  `mutation { addRelation(input: { documentId: "a.txt", start: 0, end: 5, type: FUNDS, sourceId: "Organization:农业农村局", targetId: "District:龙湾区" }) { correction { id } } }`,
  `mutation { addEntity(input: { documentId: "a.txt", start: 0, end: 5, type: Organization }) { correction { id } } }`,
  `mutation { undoCorrection(id: "none") { correction { id } } }`,
];

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ seeds: false, editors: [{ editor: 'alice', token: ALICE }] });
  await api.store.load(curationExport());
});
afterAll(async () => {
  await api?.store.reset({ corrections: true });
  await api?.close();
});

describe('corrections over the API', () => {
  it('refuses every correction without an editor token, and with the ingest token', async () => {
    for (const headers of [{}, as(TEST_TOKEN), as('not-a-token-of-anyone-here')]) {
      for (const mutation of EVERY_MUTATION) {
        const { body } = await api.graphql(mutation, {}, headers);
        expect(body.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      }
      expect((await api.graphql('{ curator { editor } }', {}, headers)).body.data.curator).toBeNull();
    }
    expect((await api.store.curation.count()).total).toBe(0);
  });

  it('refuses every correction when the server has no editors at all', async () => {
    const readOnly = createServer({ graph: api.store, config: { webDir: '/nonexistent', ingestToken: TEST_TOKEN } });
    try {
      for (const mutation of EVERY_MUTATION) {
        const response = await readOnly.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...as(ALICE) },
          body: JSON.stringify({ query: mutation }),
        });
        const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(body.errors?.[0]?.message).toMatch(/no EDITOR_TOKENS/);
      }
    } finally {
      readOnly.close();
    }
  });

  it("records an editor's corrections, with history, the rejected list, recent changes and confidence", async () => {
    expect((await api.graphql('{ curator { editor } }', {}, as(ALICE))).body.data.curator).toEqual({ editor: 'alice' });
    const rejected = await api.graphql(
      `mutation($id: ID!) { rejectRelation(id: $id, reason: "青禾村 is not 青禾合作社") {
         correction { kind editor reason status confidence relation { sourceName targetName evidence { documentId text } } }
         removedIds } }`,
      { id: WRONG },
      as(ALICE),
    );
    expect(rejected.body.errors).toBeUndefined();
    expect(rejected.body.data.rejectRelation).toMatchObject({
      correction: { kind: 'REJECT_RELATION', editor: 'alice', reason: '青禾村 is not 青禾合作社', status: 'IN_FORCE', confidence: 0 },
      removedIds: [WRONG],
    });
    expect((await api.graphql(`{ relation(id: "${WRONG}") { id } }`)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const confirmed = await api.graphql(
      `mutation { confirmRelation(id: "${CONFIRMED}") { relations { id curation confidence } } }`,
      {},
      as(ALICE),
    );
    expect(confirmed.body.data.confirmRelation.relations).toEqual([{ id: CONFIRMED, curation: 'CONFIRMED', confidence: 1 }]);
    const reader = await api.graphql(`{
      relation(id: "${CONFIRMED}") { curation confidence history { kind editor } }
      rejected { totalCount edges { node { kind relation { id } confidence } } }
      corrections(first: 5) { totalCount edges { node { kind editor status } } }
      neighborhood(ids: ["District:龙湾区"]) { edges { id curation } }
    }`);
    expect(reader.body.errors).toBeUndefined();
    const data = reader.body.data;
    expect(data.relation).toEqual({ curation: 'CONFIRMED', confidence: 1, history: [{ kind: 'CONFIRM_RELATION', editor: 'alice' }] });
    expect(data.rejected).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: 'REJECT_RELATION', relation: { id: WRONG }, confidence: 0 } }],
    });
    expect(data.corrections.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['CONFIRM_RELATION', 'REJECT_RELATION']);
    expect(data.neighborhood.edges.find((e: { id: string }) => e.id === CONFIRMED).curation).toBe('CONFIRMED');

    // Added from a selection: the selection is the evidence, both ends marked in it.
    const span = spanOf('a.txt', '龙湾区实施共富工坊。新华村');
    const added = await api.graphql(
      `mutation($input: AddRelationInput!) { addRelation(input: $input) {
         correction { id selection { text } }
         relations { id curation evidence { text highlights { entityId } } } } }`,
      { input: { documentId: 'a.txt', ...span, type: 'LOCATED_IN', sourceId: 'Village:新华村', targetId: 'District:龙湾区' } },
      as(ALICE),
    );
    expect(added.body.errors).toBeUndefined();
    const relation = added.body.data.addRelation.relations[0];
    expect(relation.curation).toBe('ADDED');
    expect(relation.evidence[0].text).toBe('龙湾区实施共富工坊。新华村');
    expect(relation.evidence[0].highlights.map((h: { entityId: string }) => h.entityId).sort()).toEqual([
      'District:龙湾区',
      'Village:新华村',
    ]);

    // Undone: recorded too, and the relation is gone again.
    const undone = await api.graphql(
      `mutation($id: ID!) { undoCorrection(id: $id) { correction { kind undoes { id status } } removedIds } }`,
      { id: added.body.data.addRelation.correction.id },
      as(ALICE),
    );
    expect(undone.body.data.undoCorrection.correction).toMatchObject({ kind: 'UNDO', undoes: { status: 'UNDONE' } });
    expect(undone.body.data.undoCorrection.removedIds).toEqual([relation.id]);
  });

  it('answers wrong requests with NOT_FOUND or BAD_USER_INPUT, storing nothing', async () => {
    const before = (await api.store.curation.count()).total;
    const code = async (query: string, variables: Record<string, unknown> = {}) =>
      (await api.graphql(query, variables, as(ALICE))).body.errors?.[0]?.extensions?.code;
    expect(await code(`mutation { confirmRelation(id: "FUNDS:a->b") { correction { id } } }`)).toBe('NOT_FOUND');
    expect(await code(`mutation { renameEntity(id: "Program:无此项目", name: "x") { correction { id } } }`)).toBe('NOT_FOUND');
    expect(await code(`mutation { changeRelationType(id: "${CONFIRMED}", type: IMPLEMENTS) { correction { id } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(`mutation { changeRelationType(id: "${CONFIRMED}", type: CO_MENTIONED) { correction { id } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(`mutation { renameEntity(id: "Program:数字乡村", name: "  ") { correction { id } } }`)).toBe('BAD_USER_INPUT');
    expect(await code(`mutation { mergeEntities(id: "Program:数字乡村", into: "Program:数字乡村") { correction { id } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(`mutation { splitEntity(id: "Village:新华村", documentIds: ["b.txt"], name: "新华村") { correction { id } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    const bad = { documentId: 'a.txt', start: 5, end: 99999, type: 'Village' };
    expect(await code(`mutation($input: AddEntityInput!) { addEntity(input: $input) { correction { id } } }`, { input: bad })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(`mutation { undoCorrection(id: "no-such-correction") { correction { id } } }`)).toBe('NOT_FOUND');
    expect(await code(`mutation { rejectRelation(id: "${CONFIRMED}", reason: "${'x'.repeat(2001)}") { correction { id } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect((await api.store.curation.count()).total).toBe(before);
  });

  it("lets an editor's token ingest reports too", async () => {
    const { body } = await api.graphql(
      `mutation { ingestDocument(input: { text: "温州市推进数字乡村。", fileName: "editor.txt" }) { status } }`,
      {},
      as(ALICE),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestDocument.status).toBe('LOADED');
  });
});
