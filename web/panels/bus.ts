// How panels talk without knowing each other: typed events, composed in main.ts.
import type { DocumentDetail, EntityDetail, RelationDetail } from '../api/index.ts';

/** A span the reader marks as one end of the relation being read (offsets of the original text). */
export interface ReaderMark {
  start: number;
  end: number;
  role: 'source' | 'target';
}

export interface Events {
  /** An entity was selected (canvas click, search result, path node…). */
  entity: { id: string };
  /** A relation was selected: show its evidence. */
  relation: { id: string };
  /** Open a report in the reader, optionally at an offset of its original text, with spans to mark. */
  document: { id: string; offset?: number; length?: number; marks?: ReaderMark[] };
  /** Use an entity as one end of the path finder. */
  pathEnd: { id: string; name: string; end: 'from' | 'to' };
  /** Find the paths between two entities (an example question). */
  pathFind: { from: { id: string; name: string }; to: { id: string; name: string } };
  /** Show the program panel for a program or pilot. */
  program: { id: string };
  /** Open the map with these programs or pilots. */
  map: { programIds: string[] };
  /** The graph changed on the server (an ingest): refresh the overview. */
  graphChanged: Record<string, never>;
  /** What the canvas shows changed (added, hidden, undone…). */
  canvas: Record<string, never>;
  /** Something the user asked for failed: say so (`code`: the API's extensions.code, or NETWORK). */
  error: { message: string; code?: string | null };
  /** The selection was cleared. */
  deselect: Record<string, never>;
  /** The entity panel drew an entity: features may fill `slot` (corrections, history). */
  entityShown: { entity: EntityDetail; slot: HTMLElement };
  /** The evidence panel drew a relation: features may fill `slot`. */
  relationShown: { relation: RelationDetail; slot: HTMLElement };
  /** The reader drew a report's text (`text`): features may fill `slot` (adding from a selection). */
  documentShown: { document: DocumentDetail; text: HTMLElement; slot: HTMLElement };
}

type Listener<K extends keyof Events> = (payload: Events[K]) => void;

export interface Bus {
  on<K extends keyof Events>(event: K, listener: Listener<K>): () => void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

export function createBus(): Bus {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener<never>);
      return () => set.delete(listener as Listener<never>);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as Listener<typeof event>)(payload);
    },
  };
}
