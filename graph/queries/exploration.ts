// Neighbourhoods for a canvas, and paths between two entities.
import type { QueryContext } from './context.ts';
import type { NeighborhoodArgs, PathArgs, PathView, SubgraphView } from './views.ts';

const todo = (): never => { throw new Error('not implemented'); };

export function createExploration(context: QueryContext) {
  void context;
  return {
    neighborhood: async (args: NeighborhoodArgs): Promise<SubgraphView> => todo(),
    paths: async (args: PathArgs): Promise<PathView[]> => todo(),
  };
}
