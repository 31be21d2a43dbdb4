// Per-request DataLoaders: every field that needs data per item (an entity's hierarchy, a
// relation's evidence…) is batched into one query per kind and per tick.
import DataLoader from 'dataloader';
import type { Queries } from '../graph/index.ts';

export function createLoaders(queries: Queries) {
  return {
    entity: new DataLoader((ids: readonly string[]) => queries.entities([...ids])),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
