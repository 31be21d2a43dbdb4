// A relation as the curation engine handles it: its ends, its properties, and its sentences as a
// list of entries (one per sentence) instead of the parallel lists stored on the relationship, so
// that sentences can move between relations, merge without repeats, and be found again by text.
import { isRelationType, type RelationType } from '../../model.ts';
import type { Row } from './load-plan.ts';

/** One sentence of a relation: the value of each of its parallel `evidence*` lists at that index. */
export type Entry = Record<string, unknown> & { evidenceDocs: string; evidenceStarts: number; evidenceEnds: number; evidenceTexts: string };

export interface RelationState {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  /** Every property but the evidence lists, the id and the weight (which follow from the entries). */
  scalars: Record<string, unknown>;
  entries: Entry[];
}

export type Mark = 'confirmed' | 'edited' | 'added';

/** What applying a correction was found to touch: documents, relations moved, whether it made its relation again. */
export type Touch = { documents: Set<string>; keys: Set<string>; recreated: boolean };
const MARK_RANK: Record<Mark, number> = { confirmed: 1, edited: 2, added: 3 };

/** The stronger of two marks: what a person added stays "added" when later confirmed or edited. */
export function strongerMark(current: unknown, next: Mark): Mark {
  return typeof current === 'string' && current in MARK_RANK && MARK_RANK[current as Mark] >= MARK_RANK[next] ? (current as Mark) : next;
}

/** The relation type an id names (`TYPE:` prefix), or null. */
export function typeOfRelationId(id: string): RelationType | null {
  const type = id.slice(0, id.indexOf(':'));
  return isRelationType(type) ? type : null;
}

/** The parallel lists of a relationship's properties: `evidenceDocs` and every `evidence*` list of the same length. */
function evidenceLists(props: Row): string[] {
  const docs = props['evidenceDocs'];
  if (!Array.isArray(docs)) return [];
  return Object.keys(props).filter(
    (key) => key.startsWith('evidence') && Array.isArray(props[key]) && (props[key] as unknown[]).length === docs.length,
  );
}

/** A relationship read from the store as a state. */
export function toState(type: RelationType, row: Row): RelationState {
  const props = row['props'] as Row;
  const lists = evidenceLists(props);
  const count = (props['evidenceDocs'] as unknown[] | undefined)?.length ?? 0;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const entry: Record<string, unknown> = {};
    for (const list of lists) entry[list] = (props[list] as unknown[])[i];
    entries.push(entry as Entry);
  }
  const scalars: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!lists.includes(key) && key !== 'id' && key !== 'weight') scalars[key] = value;
  return { id: row['id'] as string, type, source: row['source'] as string, target: row['target'] as string, scalars, entries };
}

const entryKey = (e: Entry) => `${e.evidenceDocs}\u0000${e.evidenceStarts}\u0000${e.evidenceEnds}`;

/** Adds entries not already there (same document and offsets); returns how many were added. */
export function addEntries(state: RelationState, entries: readonly Entry[]): number {
  const known = new Set(state.entries.map(entryKey));
  let added = 0;
  for (const entry of entries) {
    const key = entryKey(entry);
    if (known.has(key)) continue;
    known.add(key);
    state.entries.push(entry);
    added++;
  }
  return added;
}

/** A value of the same kind as the others of a list, where an entry lacks one (lists hold no nulls). */
function filler(sample: unknown): unknown {
  return typeof sample === 'number' ? -1 : typeof sample === 'boolean' ? false : '';
}

/** The properties a state is written with: its scalars, id, weight and parallel evidence lists. */
export function toProps(state: RelationState): Row {
  const lists = new Set<string>(['evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts']);
  for (const entry of state.entries) for (const key of Object.keys(entry)) lists.add(key);
  const props: Row = { ...state.scalars, id: state.id, weight: state.entries.length };
  for (const list of lists) {
    const sample = state.entries.find((e) => e[list] !== undefined && e[list] !== null)?.[list];
    if (sample === undefined) continue;
    props[list] = state.entries.map((e) => (e[list] === undefined || e[list] === null ? filler(sample) : e[list]));
  }
  return props;
}

/** The documents a state's sentences come from. */
export function documentsOfState(state: RelationState): string[] {
  return [...new Set(state.entries.map((e) => e.evidenceDocs))];
}

/**
 * Where a span's text stands in a document now: at its offsets if the text is still there, else
 * at the occurrence nearest to them, else nowhere (null).
 */
export function relocate(span: { start: number; end: number; text: string }, documentText: string): { start: number; end: number } | null {
  if (span.text.length === 0) return null;
  if (documentText.slice(span.start, span.end) === span.text) return { start: span.start, end: span.end };
  let best: number | null = null;
  for (let at = documentText.indexOf(span.text); at >= 0; at = documentText.indexOf(span.text, at + 1)) {
    if (best === null || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + span.text.length };
}

/** Which relations hold sentences of which documents, as changed by the engine: flushed to the documents' lists. */
export class DocumentLists {
  private readonly changes = new Map<string, { remove: Set<string>; add: Map<string, RelationType> }>();

  private of(doc: string) {
    return this.changes.get(doc) ?? this.changes.set(doc, { remove: new Set(), add: new Map() }).get(doc)!;
  }

  /** `state` no longer holds sentences of these documents (or is gone). */
  drop(id: string, docs: Iterable<string>): void {
    for (const doc of docs) {
      const change = this.of(doc);
      change.add.delete(id);
      change.remove.add(id);
    }
  }

  /** `state` holds sentences of these documents. */
  hold(id: string, type: RelationType, docs: Iterable<string>): void {
    for (const doc of docs) {
      const change = this.of(doc);
      change.remove.delete(id);
      change.add.set(id, type);
    }
  }

  /** Rows for updateDocumentLists, and forgets them. */
  take(): Array<{ doc: string; remove: string[]; add: string[]; addTypes: string[] }> {
    const rows = [...this.changes].map(([doc, change]) => ({
      doc,
      remove: [...change.remove],
      add: [...change.add.keys()],
      addTypes: [...change.add.values()],
    }));
    this.changes.clear();
    return rows;
  }
}
