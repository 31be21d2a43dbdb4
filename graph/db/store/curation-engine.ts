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
import { pruneEntities } from './cypher.ts';
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
    const rows = lists.take();
    if (rows.length > 0) await run(edits.updateDocumentLists(rows));
  };

  for (const step of planSteps(corrections)) {
    if ('structural' in step) {
      const ok = await structural(run, step.structural, lists, note(step.structural));
      if (!ok) report.missed.push(step.structural.id);
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

/** Reads relations by id (any types), locked; ids naming no known type are left out. */
async function readStates(run: Run, ids: Iterable<string>): Promise<Map<string, RelationState>> {
  const byType = groupBy([...new Set(ids)], (id) => typeOfRelationId(id));
  const states = new Map<string, RelationState>();
  for (const [type, list] of byType) {
    if (!type) continue;
    for (const row of await run(edits.readRelations(type, list))) states.set(row['id'] as string, toState(type, row));
  }
  return states;
}

/** Writes states (per type) and deletes relations, in that order. */
async function writeStates(run: Run, changed: Iterable<RelationState>, deleted: Iterable<RelationState>): Promise<void> {
  for (const [type, states] of groupBy([...deleted], (s) => s.type))
    await run(
      edits.deleteRelations(
        type,
        states.map((s) => s.id),
      ),
    );
  for (const [type, states] of groupBy([...changed], (s) => s.type)) {
    await run(
      edits.writeRelations(
        type,
        states.map((s) => ({ id: s.id, source: s.source, target: s.target, props: toProps(s) })),
      ),
    );
  }
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
  const wanted: string[] = [];
  for (const c of corrections) {
    if ('relation' in c) wanted.push(c.relation.id, moved(c.relation).id);
    const result = resultRelation(c);
    if (result) wanted.push(result.id, moved(result).id);
  }
  const states = await readStates(run, wanted);
  const changed = new Map<string, RelationState>();
  const deleted = new Map<string, RelationState>();
  const get = (id: string) => changed.get(id) ?? (deleted.has(id) ? undefined : states.get(id));
  const put = (state: RelationState) => {
    deleted.delete(state.id);
    changed.set(state.id, state);
  };
  const remove = (state: RelationState) => {
    changed.delete(state.id);
    deleted.set(state.id, state);
    lists.drop(state.id, documentsOfState(state));
  };
  // Written only when the mark changes: applying again to a corrected graph writes nothing.
  const mark = (state: RelationState, next: Mark) => {
    const stronger = strongerMark(state.scalars['curation'], next);
    if (stronger === state.scalars['curation']) return;
    state.scalars['curation'] = stronger;
    put(state);
  };
  // Needing the documents' text: relations made again from a correction's own sentences.
  const pending: Array<{ c: RelationCorrection; result: Target; entries: Entry[]; mark: Mark }> = [];

  for (const c of corrections) {
    const touched = note(c);
    if (c.kind === 'reject-relation') {
      const state = get(c.relation.id);
      if (state) {
        for (const doc of documentsOfState(state)) touched.documents.add(doc);
        remove(state);
      }
      continue;
    }
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
  return missed;
}

/** Applies a merge, a split or a rejected entity; false when its target is gone. */
async function structural(
  run: Run,
  c: StoredCorrection,
  lists: DocumentLists,
  touched: { documents: Set<string>; keys: Set<string> },
): Promise<boolean> {
  if (c.kind === 'reject-entity') {
    const id = c.entity.id;
    const [known] = await run(edits.readEntities([id]));
    if (!known) return false;
    for (const row of await run(edits.readMentions([id], null))) touched.documents.add(row['doc'] as string);
    for (const row of await run(edits.readEntityRelations([id]))) {
      const state = toState(row['type'] as RelationType, row);
      for (const doc of documentsOfState(state)) touched.documents.add(doc);
      lists.drop(state.id, documentsOfState(state));
    }
    await run(edits.deleteEntities([id]));
    return true;
  }
  if (c.kind === 'merge-entities') {
    const found = new Map((await run(edits.readEntities([c.entity.id, c.into.id]))).map((r) => [r['id'] as string, r]));
    const kept = found.get(c.into.id);
    if (!kept) return false;
    const merged = found.get(c.entity.id);
    const names = [c.entity.name, ...c.entity.aliases];
    if (merged) {
      names.push(merged['name'] as string, ...(merged['aliases'] as string[]));
      await moveEntity(run, c.entity.id, c.into.id, null, lists, touched);
      await run(edits.deleteEntities([c.entity.id]));
    }
    await run(edits.addAliases([{ id: c.into.id, aliases: names }]));
    return true;
  }
  if (c.kind === 'split-entity') {
    const [known] = await run(edits.readEntities([c.entity.id]));
    if (!known) return false;
    await run(edits.createEntities(c.type as EntityType, [{ id: c.newId, name: c.name, aliases: null, mark: 'edited' }]));
    await moveEntity(run, c.entity.id, c.newId, c.documents, lists, touched);
    // Nothing of the entity left in those documents (they were extracted anew): no empty entity stays.
    const [pruned] = await run(pruneEntities([c.newId]));
    if (Number(pruned?.['removed'] ?? 0) > 0) return false;
    await run(edits.addAliases([{ id: c.entity.id, aliases: [] }]));
    return true;
  }
  return false;
}

/**
 * Moves what an entity says (in `docs` only, when given) to another entity: mentions, figures, and
 * the sentences of its relations, which join the other entity's relation of the same type and far
 * end. A relation between the two is dropped (it would join an entity to itself).
 */
async function moveEntity(
  run: Run,
  from: string,
  to: string,
  docs: string[] | null,
  lists: DocumentLists,
  touched: { documents: Set<string>; keys: Set<string> },
): Promise<void> {
  const inDocs = (doc: string) => docs === null || docs.includes(doc);
  const relations = (await run(edits.readEntityRelations([from]))).map((row) => toState(row['type'] as RelationType, row));
  const targets = relations.map((r) => {
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
    const goes = relation.entries.filter((e) => inDocs(e.evidenceDocs));
    if (goes.length === 0) return;
    const stays = relation.entries.filter((e) => !inDocs(e.evidenceDocs));
    const movedDocs = [...new Set(goes.map((e) => e.evidenceDocs))];
    for (const doc of movedDocs) touched.documents.add(doc);
    touched.keys.add(`r:${relation.id}`);
    if (stays.length === 0) deleted.push(relation);
    else changed.set(relation.id, { ...relation, entries: stays });
    lists.drop(relation.id, movedDocs);
    const target = targets[i]!;
    if (target.source === target.target) return;
    const into = changed.get(target.id) ?? existing.get(target.id) ?? { ...target, scalars: { ...relation.scalars }, entries: [] };
    addEntries(into, goes);
    into.scalars['curation'] = relation.scalars['curation']
      ? strongerMark(into.scalars['curation'], relation.scalars['curation'] as Mark)
      : into.scalars['curation'];
    if (into.scalars['curation'] === undefined) delete into.scalars['curation'];
    changed.set(target.id, into);
    touched.keys.add(`r:${target.id}`);
    lists.hold(target.id, target.type, movedDocs);
  });
  await writeStates(run, changed.values(), deleted);

  const mentions = await run(edits.readMentions([from], docs));
  const theirs = new Map(
    (await run(edits.readMentions([to], [...new Set(mentions.map((m) => m['doc'] as string))]))).map((m) => [m['doc'] as string, m]),
  );
  const rows = mentions.flatMap((m) => {
    const doc = m['doc'] as string;
    touched.documents.add(doc);
    const pairs = new Map<string, [number, number]>();
    for (const source of [m, theirs.get(doc)]) {
      if (!source) continue;
      const ends = source['ends'] as number[];
      (source['starts'] as number[]).forEach((s, i) => pairs.set(`${s}:${ends[i]}`, [s, ends[i]!]));
    }
    return [mentionRow({ entity: to, doc, pairs: [...pairs.values()] }), { entity: from, doc, starts: [], ends: [] }];
  });
  if (rows.length > 0) await run(edits.writeMentions(rows));
  const [facts] = await run(edits.moveFacts(from, to, docs));
  for (const doc of (facts?.['docs'] as string[] | undefined) ?? []) touched.documents.add(doc);
}
