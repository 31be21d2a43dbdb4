// Saved views as (:SavedView) nodes: written here, read by graph/queries/saved-views.ts. They are
// the users' work, not the graph's: loading, re-ingesting and removing documents never touch them,
// and `npm run reset` keeps them unless asked (see deleteBatch in ./cypher.ts).
import type { Statement } from './cypher.ts';

export const SAVED_VIEW = 'SavedView';

/** A saved view as stored: its state and notes as JSON text, which only the explorer reads. */
export interface SavedViewRecord {
  id: string;
  name: string;
  note: string;
  /** The explorer's view state (entities, positions, filters, styling), JSON. */
  state: string;
  /** Notes on entities and relations, JSON: [{ target, text }]. */
  notes: string;
  /** The entities the view shows, so that missing ones can be listed without reading `state`. */
  entityIds: string[];
  createdAt: string;
  updatedAt: string;
}

export function savedViewSchema(): Statement {
  return {
    cypher: /* Cypher */ `CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (v:${SAVED_VIEW}) REQUIRE v.id IS UNIQUE`,
    params: {},
  };
}

/** Creates a view, or replaces every field of the one with its id but its creation time. */
export function writeSavedView(record: SavedViewRecord): Statement {
  return {
    cypher: /* Cypher */ `
      MERGE (v:${SAVED_VIEW} {id: $record.id})
      ON CREATE SET v.createdAt = $record.createdAt
      SET v.name = $record.name, v.note = $record.note, v.state = $record.state, v.notes = $record.notes,
          v.entityIds = $record.entityIds, v.updatedAt = $record.updatedAt
      RETURN v.id AS id`,
    params: { record },
  };
}

/** Whether a view exists (updating one that does not is NOT_FOUND, not a creation). */
export function savedViewExists(id: string): Statement {
  return { cypher: /* Cypher */ `RETURN EXISTS { (:${SAVED_VIEW} {id: $id}) } AS found`, params: { id } };
}

export function deleteSavedView(id: string): Statement {
  return {
    cypher: /* Cypher */ `
      MATCH (v:${SAVED_VIEW} {id: $id})
      DELETE v
      RETURN count(*) AS deleted`,
    params: { id },
  };
}
