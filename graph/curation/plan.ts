// The order corrections are applied in: the order they were made, but many at once where that
// cannot change the outcome. Corrections that touch nothing another one of them writes share one
// layer (one read and a few statements for all of them); in a layer, merges, splits and rejected
// entities (which rewire what is around them) go first, in a group per kind, then the rest. A
// merge waits only for the earlier corrections that concern its two entities, not for every one.
import { isStructural, relationEnds, resultRelation, type Correction } from './corrections.ts';

export type Step<C extends Correction = Correction> = { structural: C[] } | { batch: C[] };

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
    case 'reject-relation': {
      // Its ends too: a later merge of one would give the relation another id before it is rejected.
      const { id, source, target } = correction.relation;
      return { reads: [`e:${source}`, `e:${target}`], writes: [`r:${id}`] };
    }
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
    // What rewires an entity writes it, and so every relation and mention it has (their corrections read it).
    case 'merge-entities':
      return { reads: [], writes: [`e:${correction.entity.id}`, `e:${correction.into.id}`] };
    case 'split-entity':
      return { reads: [], writes: [`e:${correction.entity.id}`, `e:${correction.newId}`] };
    case 'reject-entity':
      return { reads: [], writes: [`e:${correction.entity.id}`] };
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
  for (const layer of layers(corrections.filter((c) => c.kind !== 'undo'))) {
    // The entities of a layer's merges, splits and rejected entities are distinct (each writes them).
    for (const kind of ['merge-entities', 'split-entity', 'reject-entity'] as const) {
      const group = layer.filter((c) => c.kind === kind);
      if (group.length > 0) steps.push({ structural: group });
    }
    const batch = layer.filter((c) => !isStructural(c.kind));
    if (batch.length > 0) steps.push({ batch });
  }
  return steps;
}
