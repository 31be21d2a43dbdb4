// The order corrections are applied in: the order they were made, but many at once where that
// cannot change the outcome. Consecutive corrections that touch nothing another one of them
// writes share one batch (one read and a few statements for all of them); merges, splits and
// rejected entities rewire what is around them, so each stands alone.
import { isStructural, relationEnds, resultRelation, type Correction } from './corrections.ts';

export type Step<C extends Correction = Correction> = { structural: C } | { batch: C[] };

/** What a correction reads and writes, as keys: `e:` entity, `r:` relation, `m:` an entity's mentions in a document. */
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

/** Splits corrections (in the order made) into the steps that apply them. */
export function planSteps<C extends Correction>(corrections: readonly C[]): Step<C>[] {
  const steps: Step<C>[] = [];
  let batch: C[] = [];
  let reads = new Set<string>();
  let writes = new Set<string>();
  const flush = () => {
    if (batch.length > 0) steps.push({ batch });
    batch = [];
    reads = new Set();
    writes = new Set();
  };
  for (const correction of corrections) {
    if (correction.kind === 'undo') continue;
    if (isStructural(correction.kind)) {
      flush();
      steps.push({ structural: correction });
      continue;
    }
    const access = accessOf(correction);
    const clash = access.writes.some((key) => writes.has(key) || reads.has(key)) || access.reads.some((key) => writes.has(key));
    if (clash) flush();
    batch.push(correction);
    for (const key of access.reads) reads.add(key);
    for (const key of access.writes) writes.add(key);
  }
  flush();
  return steps;
}
