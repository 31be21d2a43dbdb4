// search: literal entity search with facets.
import type { Resolvers } from '../generated/resolvers.ts';
import { page, pageInfo, text } from './arguments.ts';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, { queries }) => queries.search(text('query', args.query, 200), args.types ?? null, page(args.first, args.after, 100)),
  },
  SearchConnection: {
    edges: (result) => result.page.items,
    pageInfo: (result) => pageInfo(result.page),
    totalCount: (result) => result.page.totalCount,
    facets: (result) => result.facets,
  },
  SearchEdge: {
    node: (edge) => edge.node.entity,
    matchedBy: (edge) => edge.node.matchedBy,
    matched: (edge) => edge.node.matched,
  },
};
