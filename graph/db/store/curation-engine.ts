// Applies corrections to the graph inside the caller's transaction, in the order they were made:
// batches of independent ones read what they need at once, work out the new state here, and write
// it back in a few statements per relation type (../../curation/plan.ts decides the batches).
// Applying is idempotent: on a graph already corrected it changes nothing, so it runs after every
// load over whatever the load may have undone.
import { isStructural, relationEnds, relationId, resultRelation, type StoredCorrection } from '../../curation/corrections.ts';
import { planSteps } from '../../curation/plan.ts';
import type { EntityType, Evidence, RelationType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import {
  addEntries,
  DocumentLists,
  documentsOfState,
  relocate,
  strongerMark,
  toProps,
  toState,
  typeOfRelationId,
} from './curation-state.ts';
import type { Entry, Mark, RelationState } from './curation-state.ts';
import { pruneEntities, type Statement } from './cypher.ts';
import type { Row } from './load-plan.ts';
import { groupBy, type Run } from './write-group.ts';

/** What applying found out about the corrections it ran. */
export interface ApplyReport {
  /** Corrections that found nothing to act on: their target is gone and could not be made again. */
  missed: string[];
  /** Documents and keys each correction was found to touch, and whether it had to make its relation again. */
  touched: Map<string, Touch>;
}

type Touch = { documents: Set<string>; keys: Set<string>; recreated: boolean };
type RelationCorrection = Extract<
  StoredCorrection,
  { kind: 'confirm-relation' | 'reject-relation' | 'retype-relation' | 'reverse-relation' | 'add-relation' }
>;
type Target = { id: string; type: RelationType; source: string; target: string };

const evidenceEntry = (e: Evidence): Entry => ({
  evidenceDocs: e.doc,
  evidenceStarts: e.start,
  evidenceEnds: e.end,
  evidenceTexts: e.text,
});

/**
 * Applies corrections (in force, in the order made). `redirects` says where entities merged away
 * now live, for relations the extractor no longer states to be made again between the kept ones.
 */
export async function applyCorrections(
  run: Run,
  corrections: readonly StoredCorrection[],
  redirects: ReadonlyMap<string, string>,
): Promise<ApplyReport> {
  const report: ApplyReport = { missed: [], touched: new Map() };
  const lists = new DocumentLists();
  const note = (c: StoredCorrection) =>
    report.touched.get(c.id) ?? report.touched.set(c.id, { documents: new Set(), keys: new Set(), recreated: false }).get(c.id)!;
  const redirect = (id: string) => {
    let current = id;
    for (let hops = 0; hops < 20 && redirects.has(current); hops++) current = redirects.get(current)!;
    return current;
  };
  const flushLists = async () => {
    const changes = lists.take();
    if (changes.length === 0) return;
    const current = await run(edits.readDocumentLists(changes.map((c) => c.doc)));
    const byDoc = new Map(changes.map((c) => [c.doc, c]));
    const rows = current.flatMap((row) => {
      const change = byDoc.get(row['id'] as string)!;
      const ids = row['ids'] as string[];
      const types = row['types'] as string[];
      const drop = new Set(change.remove);
      const kept = ids.flatMap((id, i) => (drop.has(id) ? [] : [[id, types[i]!] as const]));
      const held = new Set(kept.map(([id]) => id));
      const next = [...kept, ...change.add.flatMap((id, i) => (held.has(id) ? [] : [[id, change.addTypes[i]!] as const]))];
      const same = next.length === ids.length && next.every(([id], i) => ids[i] === id);
      return same
        ? []
        : [{ doc: change.doc, ids: next.length ? next.map((x) => x[0]) : null, types: next.length ? next.map((x) => x[1]) : null }];
    });
    if (rows.length > 0) await run(edits.setDocumentLists(rows));
  };

  for (const step of planSteps(corrections)) {
    if ('structural' in step) {
      report.missed.push(...(await structural(run, step.structural, lists, note)));
    } else {
      const isEntityOne = (c: StoredCorrection) => c.kind === 'rename-entity' || c.kind === 'retype-entity' || c.kind === 'add-entity';
      const entityOnes = step.batch.filter(isEntityOne);
      const relationOnes = step.batch.filter((c): c is RelationCorrection => !isEntityOne(c) && !isStructural(c.kind));
      if (entityOnes.length > 0) report.missed.push(...(await entityBatch(run, entityOnes, note)));
      if (relationOnes.length > 0) report.missed.push(...(await relationBatch(run, relationOnes, lists, note, redirect)));
    }
    await flushLists();
  }
  return report;
}

/** Runs statements one after another; their rows together. */
async function each(run: Run, statements: Statement[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const statement of statements) rows.push(...(await run(statement)));
  return rows;
}

/** Relation ids by the type they name; ids naming no known type are left out. */
function idsByType(ids: Iterable<string>): Map<RelationType, string[]> {
  const byType = new Map<RelationType, string[]>();
  for (const id of new Set(ids)) {
    const type = typeOfRelationId(id);
    if (type) (byType.get(type) ?? byType.set(type, []).get(type)!).push(id);
  }
  return byType;
}

/** Reads relations by id (any types, one statement), locked. */
async function readStates(run: Run, ids: Iterable<string>): Promise<Map<string, RelationState>> {
  const rows = await each(run, edits.readRelations(idsByType(ids)));
  return new Map(rows.map((row) => [row['id'] as string, toState(row['type'] as RelationType, row)]));
}

/** Deletes relations, then writes states (one statement each, whatever the types). */
async function writeStates(run: Run, changed: Iterable<RelationState>, deleted: Iterable<RelationState>): Promise<void> {
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
async function addMentions(run: Run, spans: Array<{ entity: string; doc: string; start: number; end: number }>): Promise<void> {
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

function mentionRow(held: { entity: string; doc: string; pairs: Array<[number, number]> }) {
  const pairs = [...held.pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { entity: held.entity, doc: held.doc, starts: pairs.map((p) => p[0]), ends: pairs.map((p) => p[1]) };
}

async function documentTexts(run: Run, docs: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(docs)];
  if (ids.length === 0) return new Map();
  return new Map((await run(edits.documentTexts(ids))).map((r) => [r['id'] as string, r['text'] as string]));
}

/** Entries found again in their documents' present text; those whose text is gone are left out. */
function relocated(entries: readonly Entry[], texts: ReadonlyMap<string, string>): Entry[] {
  const out: Entry[] = [];
  for (const entry of entries) {
    const text = texts.get(entry.evidenceDocs);
    if (text === undefined) continue;
    const at = relocate({ start: entry.evidenceStarts, end: entry.evidenceEnds, text: entry.evidenceTexts }, text);
    if (at) out.push({ ...entry, evidenceStarts: at.start, evidenceEnds: at.end });
  }
  return out;
}

async function entityBatch(run: Run, corrections: StoredCorrection[], note: (c: StoredCorrection) => Touch): Promise<string[]> {
  const missed: string[] = [];
  const renames = corrections.filter((c) => c.kind === 'rename-entity');
  if (renames.length > 0) {
    const done = new Set((await run(edits.renameEntities(renames.map((c) => ({ id: c.entity.id, name: c.name }))))).map((r) => r['id']));
    missed.push(...renames.filter((c) => !done.has(c.entity.id)).map((c) => c.id));
  }
  const retypes = corrections.filter((c) => c.kind === 'retype-entity');
  for (const [type, list] of groupBy(retypes, (c) => c.type)) {
    const done = new Set(
      (
        await run(
          edits.retypeEntities(
            type,
            list.map((c) => c.entity.id),
          ),
        )
      ).map((r) => r['id']),
    );
    missed.push(...list.filter((c) => !done.has(c.entity.id)).map((c) => c.id));
  }
  const adds = corrections.filter((c) => c.kind === 'add-entity');
  if (adds.length > 0) {
    const texts = await documentTexts(
      run,
      adds.map((c) => c.selection.doc),
    );
    const spans: Array<{ entity: string; doc: string; start: number; end: number }> = [];
    const placed = adds.flatMap((c) => {
      const text = texts.get(c.selection.doc);
      const at = text === undefined ? null : relocate(c.selection, text);
      if (!at) {
        missed.push(c.id);
        return [];
      }
      note(c).documents.add(c.selection.doc);
      spans.push({ entity: c.entityId, doc: c.selection.doc, ...at });
      return [c];
    });
    for (const [type, list] of groupBy(placed, (c) => c.type)) {
      await run(
        edits.createEntities(
          type,
          list.map((c) => ({
            id: c.entityId,
            name: c.name,
            aliases: c.selection.text.trim() !== c.name ? [c.selection.text.trim()] : null,
            mark: 'added',
          })),
        ),
      );
    }
    await addMentions(run, spans);
  }
  return missed;
}

async function relationBatch(
  run: Run,
  corrections: RelationCorrection[],
  lists: DocumentLists,
  note: (c: StoredCorrection) => Touch,
  redirect: (id: string) => string,
): Promise<string[]> {
  const missed: string[] = [];
  // The relation a target would be now, its ends followed through merges.
  const moved = (t: Target): Target => {
    const [source, target] = relationEnds(t.type, redirect(t.source), redirect(t.target));
    return { id: relationId(t.type, source, target), type: t.type, source, target };
  };
  // Rejecting and confirming need no read: deleted, or marked, where found.
  const rejects = new Map(corrections.flatMap((c) => (c.kind === 'reject-relation' ? [[c.relation.id, c] as const] : [])));
  for (const row of await each(run, edits.deleteRelations(idsByType(rejects.keys())))) {
    const docs = [...new Set((row['docs'] as string[] | null) ?? [])];
    lists.drop(row['id'] as string, docs);
    for (const doc of docs) note(rejects.get(row['id'] as string)!).documents.add(doc);
  }
  const confirms = corrections.filter((c) => c.kind === 'confirm-relation');
  const found = new Set(
    (await each(run, edits.markRelations(idsByType(confirms.map((c) => c.relation.id)), 'confirmed'))).map((r) => r['id']),
  );
  const unconfirmed = new Set(confirms.filter((c) => !found.has(c.relation.id)).map((c) => c.id));
  // Retyped or reversed, where the relation it becomes is not there yet: moved whole inside Neo4j.
  const movedWhole = new Set<string>();
  const turns = corrections.flatMap((c) => {
    if (c.kind !== 'retype-relation' && c.kind !== 'reverse-relation') return [];
    // Found by its own id, its ends are the snapshot's; the new relation runs from its target when
    // reversed (or when an undirected type sorts the ends the other way).
    const result = resultRelation(c)!;
    const flip = result.source !== c.relation.source;
    return [{ c, from: c.relation.type, to: result.type, row: { id: c.relation.id, newId: result.id, flip } }];
  });
  const pairs = groupBy(turns, (t) => `${t.from} ${t.to}`);
  for (const list of pairs.values()) {
    const byId = new Map(list.map((t) => [t.c.relation.id, t]));
    const statement = edits.moveRelations(
      list[0]!.from,
      list[0]!.to,
      list.map((t) => t.row),
    );
    for (const row of await run(statement)) {
      const turn = byId.get(row['id'] as string)!;
      const docs = [...new Set((row['docs'] as string[] | null) ?? [])];
      lists.drop(turn.row.id, docs);
      lists.hold(turn.row.newId, turn.to, docs);
      for (const doc of docs) note(turn.c).documents.add(doc);
      movedWhole.add(turn.c.id);
    }
  }
  // The rest read what they change: added relations, confirmed ones gone, and retyped or reversed ones
  // whose new relation is there already (the sentences join it) or whose old one is gone.
  const rest = corrections.filter(
    (c) => (c.kind !== 'reject-relation' && c.kind !== 'confirm-relation' && !movedWhole.has(c.id)) || unconfirmed.has(c.id),
  );
  const wanted: string[] = [];
  for (const c of rest) {
    if ('relation' in c) wanted.push(c.relation.id, moved(c.relation).id);
    const result = resultRelation(c);
    if (result) wanted.push(result.id, moved(result).id);
  }
  const states = await readStates(run, wanted);
  const changed = new Map<string, RelationState>();
  const deleted = new Map<string, RelationState>();
  const marked = new Map<string, RelationState>();
  const get = (id: string) => changed.get(id) ?? marked.get(id) ?? (deleted.has(id) ? undefined : states.get(id));
  const put = (state: RelationState) => {
    deleted.delete(state.id);
    marked.delete(state.id);
    changed.set(state.id, state);
  };
  const remove = (state: RelationState) => {
    changed.delete(state.id);
    marked.delete(state.id);
    deleted.set(state.id, state);
    lists.drop(state.id, documentsOfState(state));
  };
  // Written only when the mark changes: applying again to a corrected graph writes nothing.
  const mark = (state: RelationState, next: Mark) => {
    const stronger = strongerMark(state.scalars['curation'], next);
    if (stronger === state.scalars['curation']) return;
    state.scalars['curation'] = stronger;
    if (!changed.has(state.id)) marked.set(state.id, state);
  };
  // Needing the documents' text: relations made again from a correction's own sentences.
  const pending: Array<{ c: RelationCorrection; result: Target; entries: Entry[]; mark: Mark }> = [];

  for (const c of rest) {
    const touched = note(c);
    if (c.kind === 'reject-relation') continue;
    if (c.kind === 'add-relation') {
      pending.push({ c, result: moved(resultRelation(c)!), entries: [evidenceEntry(c.selection)], mark: 'added' });
      continue;
    }
    const source = get(c.relation.id) ?? get(moved(c.relation).id);
    if (c.kind === 'confirm-relation') {
      if (source) mark(source, 'confirmed');
      else pending.push({ c, result: moved(c.relation), entries: c.relation.evidence.map(evidenceEntry), mark: 'confirmed' });
      continue;
    }
    // Retyped or reversed: the sentences move to the relation it becomes.
    const result = source
      ? moved(resultRelation({ ...c, relation: { ...c.relation, source: source.source, target: source.target, id: source.id } })!)
      : moved(resultRelation(c)!);
    if (!source) {
      pending.push({ c, result, entries: c.relation.evidence.map(evidenceEntry), mark: 'edited' });
      continue;
    }
    const into = get(result.id) ?? { ...result, scalars: { ...source.scalars }, entries: [] };
    addEntries(into, source.entries);
    const docs = documentsOfState(source);
    for (const doc of docs) touched.documents.add(doc);
    if (into.id !== source.id) remove(source);
    lists.hold(into.id, into.type, docs);
    put(into);
    mark(into, 'edited');
  }

  if (pending.length > 0) {
    const texts = await documentTexts(
      run,
      pending.flatMap((p) => p.entries.map((e) => e.evidenceDocs)),
    );
    const ends = new Set(
      (await run(edits.readEntities([...new Set(pending.flatMap((p) => [p.result.source, p.result.target]))]))).map((r) => r['id']),
    );
    const spans: Array<{ entity: string; doc: string; start: number; end: number }> = [];
    for (const { c, result, entries, mark: next } of pending) {
      const found = relocated(entries, texts);
      if (found.length === 0 || !ends.has(result.source) || !ends.has(result.target)) {
        missed.push(c.id);
        continue;
      }
      const existing = get(result.id);
      const state = existing ?? { ...result, scalars: {}, entries: [] };
      const added = addEntries(state, found);
      const docs = documentsOfState({ ...state, entries: found });
      for (const doc of docs) note(c).documents.add(doc);
      lists.hold(state.id, state.type, docs);
      if (c.kind !== 'add-relation' && added > 0) note(c).recreated = true;
      if (added > 0 || !existing) put(state);
      mark(state, next);
      if (c.kind === 'add-relation') {
        // Both ends marked in the selection as for an extracted relation: their mentions there.
        const shift = found[0]!.evidenceStarts - c.selection.start;
        for (const [end, span] of [
          [c.source.id, c.sourceSpan],
          [c.target.id, c.targetSpan],
        ] as const) {
          if (span) spans.push({ entity: redirect(end), doc: found[0]!.evidenceDocs, start: span.start + shift, end: span.end + shift });
        }
      }
    }
    await addMentions(run, spans);
  }
  await writeStates(run, changed.values(), deleted.values());
  const marks = groupBy([...marked.values()], (s) => s.type);
  await each(
    run,
    edits.setMarks(
      new Map([...marks].map(([type, states]) => [type, states.map((s) => ({ id: s.id, mark: s.scalars['curation'] as string }))])),
    ),
  );
  return missed;
}

/**
 * Applies merges, splits or rejected entities (a group of one kind, of distinct entities); returns
 * those whose target is gone.
 */
async function structural(
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
