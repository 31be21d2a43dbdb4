// Saved views over the real API and Neo4j: writing needs the token, reading does not; a view
// survives a new server over the same database, the removal of a report and a reset, and lists
// the entities the graph no longer has as missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';
import { startApiServer, TEST_TOKEN, type ApiServer } from '../support/api-server.ts';

let api: ApiServer;
const auth = { authorization: `Bearer ${TEST_TOKEN}` };

const FIELDS = /* GraphQL */ `id name note state notes { target text } entityIds missing createdAt updatedAt`;
const SAVE = /* GraphQL */ `mutation ($input: SavedViewInput!) { saveView(input: $input) { ${FIELDS} } }`;
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: SavedViewInput!) { updateView(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = /* GraphQL */ `
  mutation ($id: ID!) {
    deleteView(id: $id) {
      id
    }
  }
`;
const GET = /* GraphQL */ `query ($id: ID!) { savedView(id: $id) { ${FIELDS} } }`;
const LIST = /* GraphQL */ `
  {
    savedViews {
      id
      name
      missing
    }
  }
`;

const view = {
  name: '龙湾区的项目',
  note: '给编辑看的版本',
  state: { v: 1, e: ['District:龙湾区', 'Program:红哨系统', 'Pilot:共同富裕试点'], o: [0, 10, 20, 1, -40, 5] },
  entityIds: ['District:龙湾区', 'Program:红哨系统', 'Pilot:共同富裕试点'],
  notes: [
    { target: 'District:龙湾区', text: '温州市辖区' },
    { target: 'IMPLEMENTS:龙湾区->红哨系统', text: '2024 年起' },
  ],
};

beforeAll(async () => {
  api = await startApiServer({ seeds: false });
  await api.store.load(tinyExport());
});
afterAll(async () => {
  await api?.close();
});

describe('saved views', () => {
  it('refuses to write without the token, and refuses input that is not a view, naming what is wrong', async () => {
    const refused = await api.graphql(SAVE, { input: view });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [input, wrong] of [
      [{ ...view, name: '  ' }, /name/],
      [{ ...view, state: 'not an object' }, /state/],
      [{ ...view, notes: [{ target: '', text: 'x' }] }, /target/],
      [{ ...view, note: 'x'.repeat(20_001) }, /note/],
    ] as const) {
      const { body } = await api.graphql(SAVE, { input }, auth);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(wrong);
    }
    expect((await api.graphql(LIST)).body.data.savedViews).toEqual([]);
  });

  it('saves, lists, reads without a token, updates and deletes a view with its notes', async () => {
    const saved = (await api.graphql(SAVE, { input: view }, auth)).body.data.saveView;
    expect(saved).toMatchObject({ name: view.name, note: view.note, state: view.state, notes: view.notes, missing: [] });
    const read = (await api.graphql(GET, { id: saved.id })).body.data.savedView;
    expect(read).toEqual(saved);
    expect((await api.graphql(LIST)).body.data.savedViews).toEqual([{ id: saved.id, name: view.name, missing: [] }]);

    const updated = (await api.graphql(UPDATE, { id: saved.id, input: { ...view, name: '改名', notes: [] } }, auth)).body.data.updateView;
    expect(updated).toMatchObject({ id: saved.id, name: '改名', notes: [], createdAt: saved.createdAt });
    expect((await api.graphql(UPDATE, { id: 'no-such-view', input: view }, auth)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    expect((await api.graphql(DELETE, { id: saved.id })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(DELETE, { id: saved.id }, auth)).body.data.deleteView).toEqual({ id: saved.id });
    expect((await api.graphql(GET, { id: saved.id })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('survives a new server, the removal of a report and a reset, listing the entities that are gone', async () => {
    const saved = (await api.graphql(SAVE, { input: view }, auth)).body.data.saveView;
    // A restart: another server over the same database.
    const again = createServer({ graph: api.store, config: { webDir: '.', ingestToken: TEST_TOKEN } });
    const response = await again.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GET, variables: { id: saved.id } }),
    });
    expect(((await response.json()) as { data: { savedView: { name: string } } }).data.savedView.name).toBe(view.name);
    again.close();

    // The report that alone names 红哨系统 goes: the view stays and says 红哨系统 is missing.
    await api.graphql(`mutation { deleteDocument(id: "a.txt") { documentId } }`, {}, auth);
    expect((await api.graphql(GET, { id: saved.id })).body.data.savedView.missing).toEqual(['Program:红哨系统']);

    // A reset keeps saved views (and a new load finds them); only an explicit one removes them.
    await api.store.reset();
    expect((await api.graphql(GET, { id: saved.id })).body.data.savedView.missing).toEqual(view.entityIds);
    await api.store.load(tinyExport());
    expect((await api.graphql(GET, { id: saved.id })).body.data.savedView.missing).toEqual([]);
    await api.store.reset({ savedViews: true });
    expect((await api.graphql(LIST)).body.data.savedViews).toEqual([]);
  });
});
