// Whole-graph figures (counts, degree, PageRank, communities, dates), cached per graph version,
// and the co-implementation matrix.
import type { QueryContext } from './context.ts';
import type { CoImplementationArgs, CoImplementationView, StatsView } from './views.ts';

const todo = (): never => { throw new Error('not implemented'); };

export function createAnalytics(context: QueryContext) {
  void context;
  return {
    stats: async (): Promise<StatsView> => todo(),
    coImplementation: async (args: CoImplementationArgs): Promise<CoImplementationView> => todo(),
  };
}
