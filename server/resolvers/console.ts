// cypher: the analysts' read-only console. The read side checks the query, its parameters and
// the bounds (graph/queries/console.ts), so this passes them on as they came.
import { JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers.ts';

export const consoleResolvers: Resolvers = {
  JSON: JSONResolver,
  Query: {
    cypher: (_, args, { queries }) =>
      queries.cypher({
        query: args.query,
        params: (args.params ?? {}) as Record<string, unknown>,
        maxRows: args.maxRows,
        timeoutMs: args.timeoutMs,
      }),
  },
};
