// The analysts' Cypher, read-only by construction.
import type { QueryContext } from './context.ts';
import type { CypherArgs, CypherResultView } from './views.ts';

const todo = (): never => { throw new Error('not implemented'); };

export function createConsole(context: QueryContext) {
  void context;
  return {
    cypher: async (args: CypherArgs): Promise<CypherResultView> => todo(),
  };
}
