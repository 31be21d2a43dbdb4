// Relation corrections applied to a load's rows before they are written: a rejected relation's
// rows are left out, a retyped or reversed one's written as the relation it became, a confirmed
// one's marked. A reload then writes the corrected relations directly instead of writing what
// extraction found and correcting it afterwards (writing relationships twice and deleting them
// once); the corrections applied after the load find them in force. Pure.
import { resultRelation, type Correction } from '../../curation/corrections.ts';
import type { RelationType } from '../../model.ts';
import { strongerMark, type Mark } from './curation-state.ts';
import type { LoadGroup, Row } from './load-plan.ts';

type Kept = { type: RelationType; row: Row };

const LISTS = ['evidenceDocs', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', 'evidenceLinks', 'evidenceConfidences'] as const;

/** The best of a row's sentence confidences (-1: none weighed), as the loader stores it. */
function bestConfidence(row: Row): number | null {
  const best = Math.max(-1, ...((row['evidenceConfidences'] as number[] | undefined) ?? []));
  return best >= 0 ? best : null;
}

/** A reversed relation's sentences give its ends the other way round. */
function reversedLinks(row: Row): string[] {
  return ((row['evidenceLinks'] as string[] | undefined) ?? []).map((json) => {
    const ends = JSON.parse(json) as { source?: unknown; target?: unknown };
    return ends.source && ends.target ? JSON.stringify({ source: ends.target, target: ends.source }) : json;
  });
}

/** Appends `from`'s sentences to `into`'s, leaving out those it holds already (same document and offsets). */
function joinRows(into: Row, from: Row): void {
  const key = (row: Row, i: number) =>
    `${(row['evidenceDocs'] as string[])[i]}\u0000${(row['evidenceStarts'] as number[])[i]}\u0000${(row['evidenceEnds'] as number[])[i]}`;
  const held = new Set((into['evidenceDocs'] as string[]).map((_, i) => key(into, i)));
  (from['evidenceDocs'] as string[]).forEach((_, i) => {
    if (held.has(key(from, i))) return;
    for (const list of LISTS) (into[list] as unknown[] | undefined)?.push((from[list] as unknown[] | undefined)?.[i]);
  });
  into['weight'] = (into['evidenceDocs'] as string[]).length;
  into['confidence'] = bestConfidence(into);
}

/**
 * The group with the relation corrections (in force, in the order made) applied to its rows (the
 * loader writes their marks too), and those corrections (`settled`: the ones applied after the
 * load leave them out).
 */
export function preApply(group: LoadGroup, corrections: readonly Correction[]): { group: LoadGroup; settled: Set<string> } {
  const settled = new Set<string>();
  const relevant = corrections.filter(
    (c) => c.kind === 'reject-relation' || c.kind === 'confirm-relation' || c.kind === 'retype-relation' || c.kind === 'reverse-relation',
  );
  if (relevant.length === 0) return { group, settled };
  const rows = new Map<string, Kept>();
  for (const [type, list] of group.relations) {
    for (const row of list)
      rows.set(row['id'] as string, {
        type,
        row: { ...row, ...Object.fromEntries(LISTS.filter((l) => row[l]).map((l) => [l, [...(row[l] as unknown[])]])) },
      });
  }
  let changed = false;
  for (const c of relevant) {
    if (!('relation' in c)) continue;
    const kept = rows.get(c.relation.id);
    if (!kept) continue;
    changed = true;
    settled.add(c.id);
    if (c.kind === 'reject-relation') {
      rows.delete(c.relation.id);
      continue;
    }
    if (c.kind === 'confirm-relation') {
      kept.row['curation'] = strongerMark(kept.row['curation'], 'confirmed');
      continue;
    }
    const result = resultRelation(c)!;
    const mark: Mark = strongerMark(kept.row['curation'], 'edited');
    rows.delete(c.relation.id);
    if (c.kind === 'reverse-relation' && kept.row['evidenceLinks']) kept.row['evidenceLinks'] = reversedLinks(kept.row);
    const into = rows.get(result.id);
    if (into) {
      joinRows(into.row, kept.row);
      into.row['curation'] = strongerMark(into.row['curation'], mark);
    } else {
      rows.set(result.id, {
        type: result.type,
        row: { ...kept.row, id: result.id, source: result.source, target: result.target, curation: mark },
      });
    }
  }
  if (!changed) return { group, settled };
  const relations = new Map<RelationType, Row[]>();
  for (const { type, row } of rows.values()) (relations.get(type) ?? relations.set(type, []).get(type)!).push(row);
  // Each document's lists name the relations now holding its sentences.
  const held = new Map<string, { relationIds: string[]; relationTypes: RelationType[] }>();
  for (const { type, row } of rows.values()) {
    for (const doc of new Set(row['evidenceDocs'] as string[])) {
      const lists = held.get(doc) ?? held.set(doc, { relationIds: [], relationTypes: [] }).get(doc)!;
      lists.relationIds.push(row['id'] as string);
      lists.relationTypes.push(type);
    }
  }
  const documentRelations = group.documentRelations.map((d) => {
    const lists = held.get(d['id'] as string);
    return {
      id: d['id'],
      relationIds: lists?.relationIds.length ? lists.relationIds : null,
      relationTypes: lists?.relationTypes.length ? lists.relationTypes : null,
    };
  });
  return { group: { ...group, relations, documentRelations }, settled };
}
