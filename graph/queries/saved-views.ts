// Saved views as the API gives them: the stored JSON read back, and the entities a view shows
// that the graph no longer has (after a re-ingest or a reset) listed as missing.
import type { Row } from '../db/store/index.ts';
import type { QueryContext } from './context.ts';
import { badInput } from './errors.ts';
import { savedViewById, savedViewList } from './saved-views-cypher.ts';
import type { SavedViewView } from './views.ts';

function parsed(text: unknown, fallback: unknown): unknown {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

function toView(row: Row): SavedViewView {
  const notes = parsed(row['notes'], []);
  return {
    id: row['id'] as string,
    name: String(row['name'] ?? ''),
    note: String(row['note'] ?? ''),
    state: parsed(row['state'], null),
    notes: Array.isArray(notes)
      ? notes.filter(
          (n): n is { target: string; text: string } =>
            typeof n === 'object' && n !== null && typeof n.target === 'string' && typeof n.text === 'string',
        )
      : [],
    entityIds: (row['entityIds'] as string[] | null) ?? [],
    missing: (row['missing'] as string[] | null) ?? [],
    createdAt: String(row['createdAt'] ?? ''),
    updatedAt: String(row['updatedAt'] ?? ''),
  };
}

export function createSavedViewQueries(context: QueryContext) {
  return {
    async savedViews(first: number): Promise<SavedViewView[]> {
      if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first: must be a whole number from 1 to 200');
      return (await context.reader.rows(savedViewList(first))).map(toView);
    },
    async savedView(id: string): Promise<SavedViewView | null> {
      const [row] = await context.reader.rows(savedViewById(id));
      return row ? toView(row) : null;
    },
  };
}
