// Saved views as plain data: what the server keeps of a view (its compact state, the entities it
// shows, notes on it and on its entities and relations), read back as untrusted input. No DOM.
import { compactView, expandView, type ViewState } from '../state/index.ts';
import type { Language } from '../state/vocabulary.ts';

/** Notes of a view: one on the whole view, one per entity or relation. */
export interface ViewNotes {
  view: string;
  items: ReadonlyMap<string, string>;
}

export const noNotes = (): ViewNotes => ({ view: '', items: new Map() });

/** What is sent to save a view. */
export function savedInput(name: string, state: ViewState, notes: ViewNotes) {
  return {
    name: name.trim(),
    note: notes.view,
    state: compactView(state) as unknown as Record<string, unknown>,
    entityIds: [...state.entities],
    notes: [...notes.items].filter(([, text]) => text.trim().length > 0).map(([target, text]) => ({ target, text })),
  };
}

/** The view a saved state describes, or null when it is not one (written by something else). */
export function savedState(state: unknown, language: Language): ViewState | null {
  try {
    return expandView(state, language).state;
  } catch {
    return null;
  }
}

/** The notes of a saved view. */
export function savedNotes(view: { note: string; notes: ReadonlyArray<{ target: string; text: string }> }): ViewNotes {
  return { view: view.note, items: new Map(view.notes.map((n) => [n.target, n.text])) };
}

/** A readable name for an entity id that no longer resolves (`District:龙湾区#330303` → 龙湾区). */
export function nameOfId(id: string): string {
  return id.replace(/^[A-Za-z]+:/, '').replace(/#[^#]*$/, '') || id;
}
