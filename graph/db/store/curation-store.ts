// Corrections in the store: recording one (and applying it), undoing one (the documents it changed
// written again from the extraction they keep, then every correction still in force applied),
// importing and exporting the corrections file, and applying what a load concerns. Each of these is
// one write transaction: a correction is never recorded without its effect, nor the reverse.
import { randomUUID } from 'node:crypto';
import { keysOf, type Correction, type CorrectionKeys, type StoredCorrection } from '../../curation/corrections.ts';
import { CurationError } from '../../curation/errors.ts';
import { CorrectionFormatError, CORRECTIONS_FILE_VERSION, type CorrectionsFile } from '../../curation/file-format.ts';
import type { EntityType, RelationType } from '../../model.ts';
import { applyCorrections, type ApplyReport } from './curation-engine.ts';
import * as book from './curation-cypher.ts';
import * as edits from './curation-edits-cypher.ts';
import { fromProps, toFileCorrection, toProps } from './curation-props.ts';
import { buildCorrection, type CorrectionRequest } from './curation-record.ts';
import { typeOfRelationId } from './curation-state.ts';
import { replay, resetEntities, undoPlan } from './curation-undo.ts';
import { bumpGraphVersion } from './cypher.ts';
import { groupBy, type Run, type Touched } from './write-group.ts';
import type { LoadGroup } from './load-plan.ts';
import { preApply } from './curation-preapply.ts';
import { syncCorrectionCache, type CorrectionCache } from './curation-cache.ts';

export { fromProps };

/** Runs work in one write transaction. */
export type WriteTransaction = <T>(work: (run: Run) => Promise<T>) => Promise<T>;

export interface ImportSummary {
  added: number;
  /** Already in the graph (same id). */
  skipped: number;
  /** Corrections in force whose target is gone (shown as orphaned). */
  missed: string[];
  millis: number;
  /** Of which applying every correction in force. */
  applyMillis: number;
}

export interface ApplySummary {
  corrections: number;
  missed: string[];
  millis: number;
}

/** Where entities merged away now live, from the merges in force (those a load holds, when given). */
async function redirects(run: Run, cache?: CorrectionCache): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const merges = cache
    ? [...cache.corrections.values()].filter((c) => c.kind === 'merge-entities')
    : (await run(book.activeMerges())).map((row) => fromProps(row['correction'] as Record<string, unknown>));
  for (const merge of merges.sort((a, b) => a.seq - b.seq)) if (merge.kind === 'merge-entities') map.set(merge.entity.id, merge.into.id);
  return map;
}

/** Applies corrections and keeps what they were found to touch (documents, moved relations). */
async function applyAndNote(
  run: Run,
  corrections: Array<StoredCorrection & { keys: string[] }>,
  settled: ReadonlySet<string> = new Set(),
  cache?: CorrectionCache,
): Promise<ApplyReport> {
  if (corrections.length === 0) return { missed: [], touched: new Map() };
  // Those the load wrote into its rows are in force already (curation-preapply.ts).
  const report = await applyCorrections(
    run,
    corrections.filter((c) => !settled.has(c.id)),
    await redirects(run, cache),
  );
  const rows = corrections.flatMap((c) => {
    const touched = report.touched.get(c.id);
    if (!touched) return [];
    const documents = [...touched.documents].filter((d) => !(c.documents ?? []).includes(d));
    const keys = [...touched.keys, ...documents.map((d) => `d:${d}`)].filter((k) => !c.keys.includes(k));
    if (documents.length === 0 && keys.length === 0 && (!touched.recreated || c.recreated)) return [];
    return [{ id: c.id, documents, keys, recreated: touched.recreated }];
  });
  if (rows.length > 0) await run(book.extendCorrections(rows));
  return report;
}

/**
 * The corrections in force that concern what a write touched, and those that concern what they
 * touch (a merge brings the corrections of the entity kept), in the order made.
 */
async function concerning(run: Run, touched: Touched, search: Search = newSearch()): Promise<Array<StoredCorrection & { keys: string[] }>> {
  const { found, asked, cache } = search;
  let keys = [
    ...touched.entities.map((id) => `e:${id}`),
    ...touched.relations.map((id) => `r:${id}`),
    ...touched.documents.map((id) => `d:${id}`),
  ].filter((key) => !asked.has(key));
  while (keys.length > 0) {
    for (const key of keys) asked.add(key);
    const next = new Set<string>();
    const touching = cache
      ? [...new Set(keys.flatMap((key) => [...(cache.byKey.get(key) ?? [])]))].map((id) => cache.corrections.get(id)!)
      : (await run(book.correctionsTouching(keys))).map((row) => fromProps(row['correction'] as Record<string, unknown>));
    for (const correction of touching) {
      if (found.has(correction.id)) continue;
      found.set(correction.id, correction);
      // Documents do not chain: two corrections about one report are about different things in it.
      for (const key of correction.keys) if (!key.startsWith('d:') && !asked.has(key)) next.add(key);
    }
    keys = [...next];
  }
  return [...found.values()].sort((a, b) => a.seq - b.seq);
}

/** The corrections found so far and the keys asked about: a load's search goes on after it wrote. */
export interface Search {
  found: Map<string, StoredCorrection & { keys: string[] }>;
  asked: Set<string>;
  cache?: CorrectionCache | undefined;
}

const newSearch = (cache?: CorrectionCache): Search => ({ found: new Map(), asked: new Set(), cache });

/**
 * A load's rows with the relation corrections concerning them applied (see curation-preapply.ts),
 * in the caller's transaction, before they are written.
 */
export async function preApplyConcerning(
  run: Run,
  group: LoadGroup,
  cache?: CorrectionCache,
): Promise<{ group: LoadGroup; settled: Set<string>; search: Search | null }> {
  const [row] = await run(book.anyCorrection());
  if (row?.['any'] !== true) return { group, settled: new Set(), search: null };
  if (cache) await syncCorrectionCache(run, cache);
  const relations = [...group.relations.values()].flatMap((rows) => rows.map((r) => r['id'] as string));
  const search = newSearch(cache);
  const found = await concerning(run, { entities: [], relations, documents: group.loads.map((l) => l.id) }, search);
  return { ...preApply(group, found), search };
}

/** Applies the corrections a write concerns, in the caller's transaction (after a load or a removal). */
export async function applyConcerning(
  run: Run,
  touched: Touched,
  before: { settled: ReadonlySet<string>; search: Search | null } = { settled: new Set(), search: null },
): Promise<ApplyReport> {
  if (!before.search) {
    const [row] = await run(book.anyCorrection());
    if (row?.['any'] !== true) return { missed: [], touched: new Map() };
  }
  return applyAndNote(run, await concerning(run, touched, before.search ?? undefined), before.settled, before.search?.cache);
}

export function createCurationStore(write: WriteTransaction, options: { batchSize: number }) {
  /** Takes a correction's effect out of the graph (it is already marked undone), then applies what is still in force. */
  async function revert(run: Run, corrections: StoredCorrection[]): Promise<ApplyReport> {
    const documents = new Set<string>();
    const entities: Array<{ id: string; type: EntityType; name: string; aliases: string[] }> = [];
    const relations = new Set<string>();
    const keys: CorrectionKeys = { entities: [], relations: [], documents: [] };
    for (const c of corrections) {
      const plan = undoPlan(c);
      plan.documents.forEach((d) => documents.add(d));
      entities.push(...plan.entities);
      plan.relations.forEach((r) => relations.add(r));
      const own = keysOf(c);
      keys.entities.push(...own.entities);
      keys.relations.push(...own.relations);
    }
    const unmark = new Map<RelationType, string[]>();
    for (const [type, ids] of groupBy([...relations], (id) => typeOfRelationId(id))) if (type) unmark.set(type, ids);
    for (const statement of edits.unmarkRelations(unmark)) await run(statement);
    await resetEntities(run, entities);
    const existing = (await run(edits.documentTexts([...documents]))).map((r) => r['id'] as string);
    const replayed = await replay(run, existing, options.batchSize);
    return applyConcerning(run, {
      entities: [...keys.entities, ...replayed.entities, ...entities.map((e) => e.id)],
      relations: [...keys.relations, ...replayed.relations, ...relations],
      documents: [...replayed.documents],
    });
  }

  return {
    /**
     * Records a correction an editor asks for and applies it, in one transaction whose first step
     * takes the next sequence number (its write lock orders concurrent corrections: the later wins,
     * both are kept). Throws CurationError when the target is missing or the request wrong.
     */
    async record(
      request: CorrectionRequest,
      made: { editor: string; reason?: string | undefined },
    ): Promise<{ correction: StoredCorrection; missed: boolean }> {
      return write(async (run) => {
        const [row] = await run(book.reserveSeq(1));
        const seq = Number(row!['first']);
        const correction = await buildCorrection(run, request, {
          id: randomUUID(),
          editor: made.editor,
          at: new Date().toISOString(),
          reason: made.reason,
        });
        const keys = keysOf(correction);
        // The entities it concerns (a relation's ends too), locked: a load writing them waits, or is waited for.
        const ends =
          'relation' in correction
            ? [correction.relation.source, correction.relation.target]
            : correction.kind === 'add-relation'
              ? [correction.source.id, correction.target.id]
              : [];
        await run(edits.lockEntities([...keys.entities, ...ends]));
        const props = toProps(correction, seq);
        await run(book.insertCorrections([{ props, keys: props['keys'] as string[] }]));
        const stored = { ...correction, seq, undoneBy: null, documents: props['documents'] as string[], keys: props['keys'] as string[] };
        const report = await applyAndNote(run, [stored]);
        await run(bumpGraphVersion());
        return { correction: stored, missed: report.missed.includes(correction.id) };
      });
    },

    /** Undoes a correction (an undo undone puts its correction back in force); the undo is itself a correction. */
    async undo(id: string, made: { editor: string; reason?: string | undefined }): Promise<StoredCorrection> {
      return write(async (run) => {
        const [row] = await run(book.reserveSeq(1));
        const seq = Number(row!['first']);
        const [found] = await run(book.correctionsById([id]));
        if (!found) throw new CurationError('NOT_FOUND', `no correction has the id "${id}"`);
        const target = fromProps(found['correction'] as Record<string, unknown>);
        if (target.undoneBy) throw new CurationError('BAD_USER_INPUT', `the correction "${id}" is already undone`);
        const undo: Correction = {
          id: randomUUID(),
          kind: 'undo',
          undoes: id,
          editor: made.editor,
          at: new Date().toISOString(),
          ...(made.reason?.trim() ? { reason: made.reason.trim() } : {}),
        };
        const props = toProps(undo, seq);
        await run(book.insertCorrections([{ props, keys: [] }]));
        await run(book.setUndone(id, undo.id));
        if (target.kind === 'undo') {
          // Redo: the correction the undo took back is in force again.
          await run(book.setUndone(target.undoes, null));
          const [again] = await run(book.correctionsById([target.undoes]));
          const redone = fromProps(again!['correction'] as Record<string, unknown>);
          const keys = keysOf(redone);
          await applyConcerning(run, { entities: keys.entities, relations: keys.relations, documents: [] });
        } else {
          await revert(run, [target]);
        }
        await run(bumpGraphVersion());
        return { ...undo, seq, undoneBy: null };
      });
    },

    /**
     * Adds the corrections of a file that the graph does not hold yet (by id), in the file's order
     * after those it holds, then applies every correction in force. One transaction.
     */
    async importFile(file: CorrectionsFile): Promise<ImportSummary> {
      const started = performance.now();
      return write(async (run) => {
        const ids = file.corrections.map((c) => c.id);
        const known = new Map<string, StoredCorrection>();
        for (let i = 0; i < ids.length; i += 10_000) {
          for (const row of await run(book.correctionsById(ids.slice(i, i + 10_000)))) {
            const c = fromProps(row['correction'] as Record<string, unknown>);
            known.set(c.id, c);
          }
        }
        const fresh = file.corrections.filter((c, i) => {
          const held = known.get(c.id);
          if (held && held.kind !== c.kind)
            throw new CorrectionFormatError(`corrections[${i}].id`, `"${c.id}" is in the graph already as a ${held.kind} correction`);
          return !held;
        });
        const inFile = new Set<string>();
        file.corrections.forEach((c, i) => {
          if (c.kind === 'undo' && !inFile.has(c.undoes) && !known.has(c.undoes)) {
            throw new CorrectionFormatError(`corrections[${i}].undoes`, `"${c.undoes}" is neither earlier in the file nor in the graph`);
          }
          inFile.add(c.id);
        });
        if (fresh.length === 0)
          return {
            added: 0,
            skipped: file.corrections.length,
            missed: [],
            millis: Math.round(performance.now() - started),
            applyMillis: 0,
          };
        // What was in force before; the file's own corrections are known already and not read back.
        const before = (await run(book.activeCorrections())).map((r) => fromProps(r['correction'] as Record<string, unknown>));
        const [row] = await run(book.reserveSeq(fresh.length));
        const first = Number(row!['first']);
        const rows = fresh.map((c, i) => {
          const props = toProps(c, first + i);
          return { props, keys: props['keys'] as string[] };
        });
        for (let i = 0; i < rows.length; i += 5_000) await run(book.insertCorrections(rows.slice(i, i + 5_000)));
        // Undos of the file take effect in order; what was in force before and is undone now is taken back.
        const undoneBefore: StoredCorrection[] = [];
        const undone = new Set<string>();
        const redone = new Set<string>();
        for (const c of fresh) {
          if (c.kind !== 'undo') continue;
          await run(book.setUndone(c.undoes, c.id));
          undone.add(c.undoes);
          redone.delete(c.undoes);
          const held = known.get(c.undoes);
          if (held && !held.undoneBy && held.kind !== 'undo') undoneBefore.push(held);
          const target = held ?? file.corrections.find((x) => x.id === c.undoes);
          if (target?.kind === 'undo') {
            await run(book.setUndone(target.undoes, null));
            undone.delete(target.undoes);
            redone.add(target.undoes);
          }
        }
        if (undoneBefore.length > 0) await revert(run, undoneBefore);
        const again =
          redone.size > 0
            ? (await run(book.correctionsById([...redone]))).map((r) => fromProps(r['correction'] as Record<string, unknown>))
            : [];
        // As stored: the documents they rest on and their keys, so applying them adds nothing already known.
        const added = rows.map((r, i) => ({
          ...fresh[i]!,
          seq: r.props['seq'] as number,
          undoneBy: null,
          documents: r.props['documents'] as string[],
          keys: r.keys,
        }));
        const all = [...new Map([...before, ...again, ...added].map((c) => [c.id, c])).values()]
          .filter((c) => c.kind !== 'undo' && !undone.has(c.id))
          .sort((a, b) => a.seq - b.seq);
        const applying = performance.now();
        const report = await applyAndNote(run, all);
        await run(bumpGraphVersion());
        return {
          added: fresh.length,
          skipped: file.corrections.length - fresh.length,
          missed: report.missed,
          millis: Math.round(performance.now() - started),
          applyMillis: Math.round(performance.now() - applying),
        };
      });
    },

    /** Every correction, undone ones and undos included, in the order made: the corrections file. */
    async exportFile(): Promise<CorrectionsFile> {
      const rows = await write((run) => run(book.allCorrections()));
      const corrections = rows.map((r) => toFileCorrection(fromProps(r['correction'] as Record<string, unknown>)));
      return { version: CORRECTIONS_FILE_VERSION, corrections };
    },

    /** Applies every correction in force again (after a bulk import, or to check they all hold). */
    async applyAll(): Promise<ApplySummary> {
      const started = performance.now();
      return write(async (run) => {
        const all = (await run(book.activeCorrections())).map((r) => fromProps(r['correction'] as Record<string, unknown>));
        const report = await applyAndNote(run, all);
        if (all.length > 0) await run(bumpGraphVersion());
        return { corrections: all.length, missed: report.missed, millis: Math.round(performance.now() - started) };
      });
    },

    /** How many corrections there are, and how many in force. */
    async count(): Promise<{ total: number; active: number }> {
      const [row] = await write((run) => run(book.countCorrections()));
      return { total: Number(row?.['total'] ?? 0), active: Number(row?.['active'] ?? 0) };
    },
  };
}

export type CurationStore = ReturnType<typeof createCurationStore>;
