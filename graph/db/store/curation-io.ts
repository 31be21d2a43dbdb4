// Reading and writing what the curation engine works on, one statement per relation type: relation
// states (locked when read), mention spans, documents' texts.
import type { RelationType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import { relocate, toProps, toState, typeOfRelationId, type Entry, type RelationState } from './curation-state.ts';
import type { Statement } from './cypher.ts';
import type { Row } from './load-plan.ts';
import { groupBy, type Run } from './write-group.ts';

/** Runs statements one after another; their rows together. */
export async function each(run: Run, statements: Statement[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const statement of statements) rows.push(...(await run(statement)));
  return rows;
}

/** Relation ids by the type they name; ids naming no known type are left out. */
export function idsByType(ids: Iterable<string>): Map<RelationType, string[]> {
  const byType = new Map<RelationType, string[]>();
  for (const id of new Set(ids)) {
    const type = typeOfRelationId(id);
    if (type) (byType.get(type) ?? byType.set(type, []).get(type)!).push(id);
  }
  return byType;
}

/** Reads relations by id (any types, one statement), locked. */
export async function readStates(run: Run, ids: Iterable<string>): Promise<Map<string, RelationState>> {
  const rows = await each(run, edits.readRelations(idsByType(ids)));
  return new Map(rows.map((row) => [row['id'] as string, toState(row['type'] as RelationType, row)]));
}

/** Deletes relations, then writes states (one statement each, whatever the types). */
export async function writeStates(run: Run, changed: Iterable<RelationState>, deleted: Iterable<RelationState>): Promise<void> {
  await each(run, edits.deleteRelations(idsByType([...deleted].map((s) => s.id))));
  const rows = groupBy([...changed], (s) => s.type);
  await each(
    run,
    edits.writeRelations(
      new Map(
        [...rows].map(([type, states]) => [type, states.map((s) => ({ id: s.id, source: s.source, target: s.target, props: toProps(s) }))]),
      ),
    ),
  );
}

/** Adds mention spans (merged with what the entity has in that document). */
export async function addMentions(run: Run, spans: Array<{ entity: string; doc: string; start: number; end: number }>): Promise<void> {
  if (spans.length === 0) return;
  const current = await run(edits.readMentions([...new Set(spans.map((s) => s.entity))], [...new Set(spans.map((s) => s.doc))]));
  const offsets = new Map<string, { entity: string; doc: string; pairs: Array<[number, number]> }>();
  const key = (entity: string, doc: string) => `${entity}\u0000${doc}`;
  for (const row of current) {
    const starts = row['starts'] as number[];
    const ends = row['ends'] as number[];
    offsets.set(key(row['entity'] as string, row['doc'] as string), {
      entity: row['entity'] as string,
      doc: row['doc'] as string,
      pairs: starts.map((s, i) => [s, ends[i]!]),
    });
  }
  for (const span of spans) {
    const held =
      offsets.get(key(span.entity, span.doc)) ??
      offsets.set(key(span.entity, span.doc), { entity: span.entity, doc: span.doc, pairs: [] }).get(key(span.entity, span.doc))!;
    if (!held.pairs.some(([s, e]) => s === span.start && e === span.end)) held.pairs.push([span.start, span.end]);
  }
  await run(edits.writeMentions([...offsets.values()].map(mentionRow)));
}

export function mentionRow(held: { entity: string; doc: string; pairs: Array<[number, number]> }) {
  const pairs = [...held.pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { entity: held.entity, doc: held.doc, starts: pairs.map((p) => p[0]), ends: pairs.map((p) => p[1]) };
}

export async function documentTexts(run: Run, docs: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(docs)];
  if (ids.length === 0) return new Map();
  return new Map((await run(edits.documentTexts(ids))).map((r) => [r['id'] as string, r['text'] as string]));
}

/** Entries found again in their documents' present text; those whose text is gone are left out. */
export function relocated(entries: readonly Entry[], texts: ReadonlyMap<string, string>): Entry[] {
  const out: Entry[] = [];
  for (const entry of entries) {
    const text = texts.get(entry.evidenceDocs);
    if (text === undefined) continue;
    const at = relocate({ start: entry.evidenceStarts, end: entry.evidenceEnds, text: entry.evidenceTexts }, text);
    if (at) out.push({ ...entry, evidenceStarts: at.start, evidenceEnds: at.end });
  }
  return out;
}
