// neighborhood and paths: subgraphs for a canvas.
import type { Resolvers } from '../generated/resolvers.ts';
import { notFound } from '../errors.ts';
import { idList, intInRange } from './arguments.ts';

export const explorationResolvers: Resolvers = {
  Query: {
    neighborhood: (_, args, { queries }) =>
      queries.neighborhood({
        ids: idList('ids', args.ids, 1, 50),
        depth: intInRange('depth', args.depth, 1, 3),
        types: args.types ?? null,
        relationTypes: args.relationTypes ?? null,
        minWeight: intInRange('minWeight', args.minWeight, 1, 1_000_000),
        minConfidence: args.minConfidence ?? 0,
        includeCoMentions: args.includeCoMentions,
        limit: intInRange('limit', args.limit, 1, 2000),
        exclude: args.exclude ? idList('exclude', args.exclude, 0, 5000) : null,
      }),
    paths: async (_, args, { queries, loaders }) => {
      const [from, to] = await Promise.all([loaders.entity.load(args.from), loaders.entity.load(args.to)]);
      if (!from) throw notFound(`from: no entity has the id "${args.from}"`);
      if (!to) throw notFound(`to: no entity has the id "${args.to}"`);
      return queries.paths({
        from: args.from,
        to: args.to,
        maxHops: intInRange('maxHops', args.maxHops, 1, 6),
        k: intInRange('k', args.k, 1, 5),
        relationTypes: args.relationTypes ?? null,
        minConfidence: args.minConfidence ?? 0,
        includeCoMentions: args.includeCoMentions,
      });
    },
  },
  GraphNode: {
    // From the figures cached per graph version (computed once for stats), not per node.
    pagerank: async (node, _, { queries }) => (await queries.stats()).figureOf(node.id)?.pagerank ?? null,
    community: async (node, _, { queries }) => (await queries.stats()).figureOf(node.id)?.community ?? null,
    entity: async (node, _, { loaders }) => (await loaders.entity.load(node.id)) ?? Promise.reject(notFound(`entity ${node.id} is gone`)),
  },
};
