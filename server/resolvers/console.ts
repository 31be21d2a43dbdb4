// cypher: the analysts' read-only console.
import { JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers.ts';
import { badInput } from '../errors.ts';
import { intInRange } from './arguments.ts';

export const consoleResolvers: Resolvers = {
  JSON: JSONResolver,
  Query: {
    cypher: (_, args, { queries }) => {
      if (args.query.trim().length === 0 || args.query.length > 10_000) throw badInput('query must be 1 to 10,000 characters');
      const params = args.params ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) throw badInput('params must be a JSON object');
      return queries.cypher({
        query: args.query,
        params: params as Record<string, unknown>,
        maxRows: intInRange('maxRows', args.maxRows, 1, 5000),
        timeoutMs: intInRange('timeoutMs', args.timeoutMs, 100, 10_000),
      });
    },
  },
};
