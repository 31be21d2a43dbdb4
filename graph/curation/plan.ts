// The order corrections are applied in: the order they were made, but many at once where that
// cannot change the outcome. Consecutive corrections that touch nothing another one of them
// writes share one batch (one read and a few statements for all of them); merges, splits and
// rejected entities rewire what is around them, so each stands alone.
import { isStructural, relationEnds, resultRelation, type Correction } from './corrections.ts';

export type Step<C extends Correction = Correction> = { structural: C[] } | { batch: C[] };

/** The entities a merge or a rejected entity concerns: such corrections apply together when these are disjoint. */
function entitiesOf(correction: Correction): string[] {
  if (correction.kind === 'merge-entities') return [correction.entity.id, correction.into.id];
  if (correction.kind === 'reject-entity') return [correction.entity.id];
  return [];
}

/**
 * What a correction reads and writes, as keys: `e:` entity, `r:` relation, `m:` an entity's
 * mentions in a document.
 */
export function accessOf(correction: Correction): { reads: string[]; writes: string[] } {
  switch (correction.kind) {
    case 'confirm-relation':
    case 'retype-relation':
    case 'reverse-relation': {
      const { id, source, target } = correction.relation;
      return { reads: [`e:${source}`, `e:${target}`], writes: [`r:${id}`, `r:${resultRelation(correction)!.id}`] };
    }
    case 'reject-relation':
      return { reads: [], writes: [`r:${correction.relation.id}`] };
    case 'add-relation': {
      const [source, target] = relationEnds(correction.type, correction.source.id, correction.target.id);
      const doc = correction.selection.doc;
      return {
        reads: [`e:${source}`, `e:${target}`],
        writes: [`r:${resultRelation(correction)!.id}`, `m:${source}|${doc}`, `m:${target}|${doc}`],
      };
    }
    case 'rename-entity':
    case 'retype-entity':
      return { reads: [], writes: [`e:${correction.entity.id}`] };
    case 'add-entity':
      return { reads: [], writes: [`e:${correction.entityId}`, `m:${correction.entityId}|${correction.selection.doc}`] };
    default:
      return { reads: [], writes: [] };
  }
}

/**
 * Independent corrections in layers: each goes in the first layer after every earlier one it
 * conflicts with (one writes what the other reads or writes), so conflicting ones keep their
 * order and the rest share as few batches as possible.
 */
function layers<C extends Correction>(corrections: C[]): C[][] {
  const lastWrite = new Map<string, number>();
  const lastRead = new Map<string, number>();
  const out: C[][] = [];
  for (const correction of corrections) {
    const { reads, writes } = accessOf(correction);
    let layer = 0;
    for (const key of writes) layer = Math.max(layer, (lastWrite.get(key) ?? -1) + 1, (lastRead.get(key) ?? -1) + 1);
    for (const key of reads) layer = Math.max(layer, (lastWrite.get(key) ?? -1) + 1);
    (out[layer] ??= []).push(correction);
    for (const key of writes) lastWrite.set(key, layer);
    for (const key of reads) lastRead.set(key, Math.max(layer, lastRead.get(key) ?? -1));
  }
  return out.filter((batch) => batch.length > 0);
}

/** Splits corrections (in the order made) into the steps that apply them. */
export function planSteps<C extends Correction>(corrections: readonly C[]): Step<C>[] {
  const steps: Step<C>[] = [];
  let run: C[] = [];
  const flush = () => {
    for (const batch of layers(run)) steps.push({ batch });
    run = [];
  };
  for (const correction of corrections) {
    if (correction.kind === 'undo') continue;
    if (!isStructural(correction.kind)) {
      run.push(correction);
      continue;
    }
    flush();
    // Merges (or rejected entities) one after another, of entities none of the others concerns, go together.
    const last = steps.at(-1);
    const group = last && 'structural' in last && last.structural[0]!.kind === correction.kind ? last.structural : null;
    const mine = entitiesOf(correction);
    const taken = new Set(group?.flatMap(entitiesOf) ?? []);
    if (group && mine.length > 0 && mine.every((id) => !taken.has(id))) group.push(correction);
    else steps.push({ structural: [correction] });
  }
  flush();
  return steps;
}
