// Per-request DataLoaders: every field that needs data per item (an entity's hierarchy, a
// relation's evidence…) is batched into one query per kind and per tick.
import DataLoader from 'dataloader';
import type { EvidenceView, Queries } from '../graph/index.ts';

/** A loader over a batch function that answers in the order asked. */
const batch = <V>(load: (ids: string[]) => Promise<V[]>) => new DataLoader<string, V>((ids) => load([...ids]));

export function createLoaders(queries: Queries) {
  const evidence = new Map<number, DataLoader<string, EvidenceView[]>>();
  return {
    entity: batch(queries.entities),
    hierarchy: batch(queries.hierarchy),
    degreeByType: batch(queries.degreeByType),
    facts: batch(queries.facts),
    documentCount: batch(queries.documentCounts),
    relation: batch(queries.relations),
    document: batch(queries.documentsById),
    documentText: batch(queries.documentTexts),
    /** Evidence of relations, one loader per `first` asked. */
    evidence(first: number): DataLoader<string, EvidenceView[]> {
      let loader = evidence.get(first);
      if (!loader) evidence.set(first, (loader = batch((ids) => queries.evidence(ids, first))));
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
