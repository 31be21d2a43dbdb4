// The corrections in force as one load holds them (./curation-store.ts reads them here while a
// load's groups are written), brought up to date from the sequence numbers recorded since.
import type { StoredCorrection } from '../../curation/corrections.ts';
import * as book from './curation-cypher.ts';
import { fromProps } from './curation-props.ts';
import type { Run } from './write-group.ts';

/**
 * The corrections in force, held for the length of one load (its groups look them up here instead
 * of asking Neo4j with every key they touch), brought up to date at each group by what was
 * recorded since: new corrections join it, undone ones leave it.
 */
export interface CorrectionCache {
  corrections: Map<string, StoredCorrection & { keys: string[] }>;
  byKey: Map<string, Set<string>>;
  /** The last sequence number seen. */
  seq: number;
}

export function createCorrectionCache(): CorrectionCache {
  return { corrections: new Map(), byKey: new Map(), seq: -1 };
}

function hold(cache: CorrectionCache, correction: StoredCorrection & { keys: string[] }): void {
  cache.corrections.set(correction.id, correction);
  for (const key of correction.keys) (cache.byKey.get(key) ?? cache.byKey.set(key, new Set()).get(key)!).add(correction.id);
}

function drop(cache: CorrectionCache, id: string): void {
  const correction = cache.corrections.get(id);
  if (!correction) return;
  cache.corrections.delete(id);
  for (const key of correction.keys) cache.byKey.get(key)?.delete(id);
}

/** Brings the cache up to date with what was recorded since it was last read. */
export async function syncCorrectionCache(run: Run, cache: CorrectionCache): Promise<void> {
  const first = cache.seq < 0;
  for (const row of await run(book.correctionsAfter(cache.seq))) {
    const correction = fromProps(row['correction'] as Record<string, unknown>);
    cache.seq = Math.max(cache.seq, correction.seq);
    if (correction.kind !== 'undo') {
      if (!correction.undoneBy) hold(cache, correction);
      continue;
    }
    if (first) continue;
    // An undo recorded since: its correction leaves; an undo of an undo puts that one's back.
    if (cache.corrections.has(correction.undoes)) drop(cache, correction.undoes);
    else {
      const [undone] = await run(book.correctionsById([correction.undoes]));
      const target = undone && fromProps(undone['correction'] as Record<string, unknown>);
      if (target?.kind !== 'undo') continue;
      const [again] = await run(book.correctionsById([target.undoes]));
      const back = again && fromProps(again['correction'] as Record<string, unknown>);
      if (back && !back.undoneBy) hold(cache, back);
    }
  }
}
