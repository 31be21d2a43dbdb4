// Applies corrections to the graph inside the caller's transaction, in the order they were made:
// batches of independent ones read what they need at once, work out the new state here, and write
// it back in a few statements per relation type (../../curation/plan.ts decides the batches).
// Applying is idempotent: on a graph already corrected it changes nothing, so it runs after every
// load over whatever the load may have undone.
import { isStructural, relationEnds, relationId, resultRelation, type StoredCorrection } from '../../curation/corrections.ts';
import { planSteps } from '../../curation/plan.ts';
import type { Evidence, RelationType } from '../../model.ts';
import * as edits from './curation-edits-cypher.ts';
import { addMentions, documentTexts, each, idsByType, readStates, relocated, writeStates } from './curation-io.ts';
import { addEntries, DocumentLists, documentsOfState, relocate, strongerMark } from './curation-state.ts';
import type { Entry, Mark, RelationState, Touch } from './curation-state.ts';
import { structural } from './curation-structural.ts';
import { groupBy, type Run } from './write-group.ts';

/** What applying found out about the corrections it ran. */
export interface ApplyReport {
  /** Corrections that found nothing to act on: their target is gone and could not be made again. */
  missed: string[];
  /** Documents and keys each correction was found to touch, and whether it had to make its relation again. */
  touched: Map<string, Touch>;
}

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
  given: Run,
  corrections: readonly StoredCorrection[],
  redirects: ReadonlyMap<string, string>,
): Promise<ApplyReport> {
  // Every statement here finds what it touches by an index named in a hint, so the plan Neo4j
  // cached stays good when a load changes its statistics: planning again (hundreds of milliseconds
  // a statement, for each of some forty) would cost more than applying.
  const run: Run = (statement) => given({ ...statement, cypher: `CYPHER replan=skip ${statement.cypher}` });
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
