// savedViews, savedView, saveView, updateView, deleteView: reading is open, writing needs the token.
import { randomUUID } from 'node:crypto';
import type { SavedViewRecord } from '../../graph/index.ts';
import type { Context } from '../context.ts';
import { badInput, forbidden, notFound } from '../errors.ts';
import type { Resolvers, SavedViewInput } from '../generated/resolvers.ts';
import { idList, intInRange, text } from './arguments.ts';

const MAX_STATE_BYTES = 2 * 1024 * 1024;
const MAX_NOTES = 2_000;

function requireToken(context: Context): void {
  if (!context.canWrite) {
    throw forbidden(
      context.writesConfigured
        ? 'writes need the header Authorization: Bearer <INGEST_TOKEN>, and the token given is missing or wrong'
        : 'writes are disabled: the server has no INGEST_TOKEN configured',
    );
  }
}

/** The input checked whole before anything is written: nothing is stored half-valid. */
function record(id: string, input: SavedViewInput, createdAt: string): SavedViewRecord {
  const name = text('name', input.name, 200);
  const note = input.note ?? '';
  if (note.length > 20_000) throw badInput('note must be at most 20,000 characters');
  if (input.state === null || typeof input.state !== 'object') throw badInput('state must be a JSON object');
  const state = JSON.stringify(input.state);
  if (Buffer.byteLength(state, 'utf8') > MAX_STATE_BYTES) throw badInput('state must be at most 2 MB as JSON');
  const entityIds = idList('entityIds', input.entityIds, 0, 5_000);
  const notes = input.notes ?? [];
  if (notes.length > MAX_NOTES) throw badInput(`notes must hold at most ${MAX_NOTES} notes`);
  for (const n of notes) {
    if (n.target.length === 0 || n.target.length > 500) throw badInput('notes: a target must be 1 to 500 characters');
    if (n.text.length > 5_000) throw badInput('notes: a note must be at most 5,000 characters');
  }
  const now = new Date().toISOString();
  return {
    id,
    name,
    note,
    state,
    notes: JSON.stringify(notes.filter((n) => n.text.trim()).map((n) => ({ target: n.target, text: n.text }))),
    entityIds,
    createdAt,
    updatedAt: now,
  };
}

async function saved(context: Context, id: string) {
  const view = await context.queries.savedView(id);
  if (!view) throw notFound(`no saved view has the id "${id}"`);
  return view;
}

export const viewResolvers: Resolvers = {
  Query: {
    savedViews: (_, { first }, { queries }) => queries.savedViews(intInRange('first', first, 1, 200)),
    savedView: (_, { id }, context) => saved(context, id),
  },
  Mutation: {
    saveView: async (_, { input }, context) => {
      requireToken(context);
      const id = randomUUID();
      await context.store.writeSavedView(record(id, input, new Date().toISOString()), false);
      return saved(context, id);
    },
    updateView: async (_, { id, input }, context) => {
      requireToken(context);
      const existing = await context.queries.savedView(id);
      if (!existing || !(await context.store.writeSavedView(record(id, input, existing.createdAt), true)))
        throw notFound(`no saved view has the id "${id}"`);
      return saved(context, id);
    },
    deleteView: async (_, { id }, context) => {
      requireToken(context);
      if (!(await context.store.deleteSavedView(id))) throw notFound(`no saved view has the id "${id}"`);
      return { id };
    },
  },
};
