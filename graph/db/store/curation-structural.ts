// The corrections that rewire what is around an entity: merges, splits and rejected entities. Merges
// of distinct entities move together, in one read and one write of all their relations.
import type { StoredCorrection } from '../../curation/corrections.ts';
import { relationEnds, relationId } from '../../curation/corrections.ts';
import type { EntityType, RelationType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import { mentionRow, readStates, writeStates } from './curation-io.ts';
import {
  addEntries,
  documentsOfState,
  strongerMark,
  toState,
  type DocumentLists,
  type Mark,
  type RelationState,
  type Touch,
} from './curation-state.ts';
import { pruneEntities } from './cypher.ts';
import type { Run } from './write-group.ts';

/**
 * Applies merges, splits or rejected entities (a group of one kind, of distinct entities); returns
 * those whose target is gone.
 */
export async function structural(
  run: Run,
  group: StoredCorrection[],
  lists: DocumentLists,
  note: (c: StoredCorrection) => Touch,
): Promise<string[]> {
  const kind = group[0]!.kind;
  if (kind === 'reject-entity') {
    const ids = group.map((c) => (c.kind === 'reject-entity' ? c.entity.id : ''));
    const known = new Set((await run(edits.readEntities(ids))).map((r) => r['id'] as string));
    const byEntity = new Map(group.map((c) => [ids[group.indexOf(c)]!, note(c)]));
    for (const row of await run(edits.readMentions([...known], null)))
      byEntity.get(row['entity'] as string)?.documents.add(row['doc'] as string);
    for (const row of await run(edits.readEntityRelations([...known]))) {
      const state = toState(row['type'] as RelationType, row);
      for (const end of [state.source, state.target]) for (const doc of documentsOfState(state)) byEntity.get(end)?.documents.add(doc);
      lists.drop(state.id, documentsOfState(state));
    }
    if (known.size > 0) await run(edits.deleteEntities([...known]));
    return group.filter((_, i) => !known.has(ids[i]!)).map((c) => c.id);
  }
  if (kind === 'merge-entities') {
    const merges = group.filter((c): c is Extract<StoredCorrection, { kind: 'merge-entities' }> => c.kind === 'merge-entities');
    const found = new Map(
      (await run(edits.readEntities(merges.flatMap((c) => [c.entity.id, c.into.id])))).map((r) => [r['id'] as string, r]),
    );
    const doable = merges.filter((c) => found.has(c.into.id));
    const moving = doable.filter((c) => found.has(c.entity.id));
    const moves = moving.map((c) => ({ from: c.entity.id, to: c.into.id, docs: null, touched: note(c) }));
    // Together when no relation joins two entities merged away; else one after another.
    if (!(await moveEntities(run, moves, lists))) for (const move of moves) await moveEntities(run, [move], lists);
    if (moving.length > 0) await run(edits.deleteEntities(moving.map((c) => c.entity.id)));
    const aliases = doable.map((c) => {
      const merged = found.get(c.entity.id);
      const names = [c.entity.name, ...c.entity.aliases, ...(merged ? [merged['name'] as string, ...(merged['aliases'] as string[])] : [])];
      return { id: c.into.id, aliases: names };
    });
    if (aliases.length > 0) await run(edits.addAliases(aliases));
    return merges.filter((c) => !found.has(c.into.id)).map((c) => c.id);
  }
  const missed: string[] = [];
  for (const c of group) {
    if (c.kind !== 'split-entity') continue;
    const [known] = await run(edits.readEntities([c.entity.id]));
    if (!known) {
      missed.push(c.id);
      continue;
    }
    await run(edits.createEntities(c.type as EntityType, [{ id: c.newId, name: c.name, aliases: null, mark: 'edited' }]));
    await moveEntities(run, [{ from: c.entity.id, to: c.newId, docs: c.documents, touched: note(c) }], lists);
    // Nothing of the entity left in those documents (they were extracted anew): no empty entity stays.
    const [pruned] = await run(pruneEntities([c.newId]));
    if (Number(pruned?.['removed'] ?? 0) > 0) missed.push(c.id);
    else await run(edits.addAliases([{ id: c.entity.id, aliases: [] }]));
  }
  return missed;
}

interface Move {
  from: string;
  to: string;
  /** Only what the entity says in these documents (a split); all of it when null (a merge). */
  docs: string[] | null;
  touched: { documents: Set<string>; keys: Set<string> };
}

/**
 * Moves what entities say to others (each `from` to its `to`, in `docs` only when given):
 * mentions, figures, and the sentences of their relations, which join the other entity's relation
 * of the same type and far end. A relation between the two is dropped (it would join an entity to
 * itself). Returns false, having written nothing, when a relation joins two of the entities moved
 * (their moves must then be made one at a time).
 */
async function moveEntities(run: Run, moves: Move[], lists: DocumentLists): Promise<boolean> {
  if (moves.length === 0) return true;
  const byFrom = new Map(moves.map((m) => [m.from, m]));
  const inDocs = (move: Move, doc: string) => move.docs === null || move.docs.includes(doc);
  const relations = (await run(edits.readEntityRelations([...byFrom.keys()]))).map((row) => toState(row['type'] as RelationType, row));
  if (moves.length > 1 && relations.some((r) => byFrom.has(r.source) && byFrom.has(r.target))) return false;
  const moveOf = (r: RelationState) => byFrom.get(r.source) ?? byFrom.get(r.target)!;
  const targets = relations.map((r) => {
    const { from, to } = moveOf(r);
    const [source, target] = relationEnds(r.type, r.source === from ? to : r.source, r.target === from ? to : r.target);
    return { id: relationId(r.type, source, target), type: r.type, source, target };
  });
  const existing = await readStates(
    run,
    targets.filter((t) => t.source !== t.target).map((t) => t.id),
  );
  const changed = new Map<string, RelationState>();
  const deleted: RelationState[] = [];
  relations.forEach((relation, i) => {
    const move = moveOf(relation);
    const goes = relation.entries.filter((e) => inDocs(move, e.evidenceDocs));
    if (goes.length === 0) return;
    const stays = relation.entries.filter((e) => !inDocs(move, e.evidenceDocs));
    const movedDocs = [...new Set(goes.map((e) => e.evidenceDocs))];
    for (const doc of movedDocs) move.touched.documents.add(doc);
    move.touched.keys.add(`r:${relation.id}`);
    if (stays.length === 0) deleted.push(relation);
    else changed.set(relation.id, { ...relation, entries: stays });
    lists.drop(relation.id, movedDocs);
    const target = targets[i]!;
    if (target.source === target.target) return;
    const into = changed.get(target.id) ?? existing.get(target.id) ?? { ...target, scalars: { ...relation.scalars }, entries: [] };
    addEntries(into, goes);
    const carried = relation.scalars['curation'];
    if (carried) into.scalars['curation'] = strongerMark(into.scalars['curation'], carried as Mark);
    changed.set(target.id, into);
    move.touched.keys.add(`r:${target.id}`);
    lists.hold(target.id, target.type, movedDocs);
  });
  await writeStates(run, changed.values(), deleted);

  const mentions = (await run(edits.readMentions([...byFrom.keys()], null))).filter((m) =>
    inDocs(byFrom.get(m['entity'] as string)!, m['doc'] as string),
  );
  const key = (entity: string, doc: string) => `${entity}\u0000${doc}`;
  const theirs = new Map(
    (await run(edits.readMentions([...new Set(moves.map((m) => m.to))], [...new Set(mentions.map((m) => m['doc'] as string))]))).map(
      (m) => [key(m['entity'] as string, m['doc'] as string), m],
    ),
  );
  const rows = mentions.flatMap((m) => {
    const doc = m['doc'] as string;
    const move = byFrom.get(m['entity'] as string)!;
    move.touched.documents.add(doc);
    const pairs = new Map<string, [number, number]>();
    for (const source of [m, theirs.get(key(move.to, doc))]) {
      if (!source) continue;
      const ends = source['ends'] as number[];
      (source['starts'] as number[]).forEach((s, i) => pairs.set(`${s}:${ends[i]}`, [s, ends[i]!]));
    }
    return [mentionRow({ entity: move.to, doc, pairs: [...pairs.values()] }), { entity: move.from, doc, starts: [], ends: [] }];
  });
  if (rows.length > 0) await run(edits.writeMentions(rows));
  for (const row of await run(edits.moveFacts(moves.map(({ from, to, docs }) => ({ from, to, docs }))))) {
    const move = byFrom.get(row['from'] as string);
    for (const doc of (row['docs'] as string[] | null) ?? []) move?.touched.documents.add(doc);
  }
  return true;
}
