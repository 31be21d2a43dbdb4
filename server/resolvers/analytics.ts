// stats and coImplementation.
import type { Resolvers } from '../generated/resolvers.ts';
import { idList, intInRange } from './arguments.ts';

export const analyticsResolvers: Resolvers = {
  Query: {
    stats: (_, __, { queries }) => queries.stats(),
    coImplementation: (_, args, { queries }) =>
      queries.coImplementation({
        programIds: args.programIds ? idList('programIds', args.programIds, 0, 100) : null,
        placeIds: args.placeIds ? idList('placeIds', args.placeIds, 0, 100) : null,
        implementerTypes: args.implementerTypes ?? null,
      }),
  },
  Stats: {
    topByDegree: (stats, { limit }) => stats.topByDegree.slice(0, intInRange('limit', limit, 1, 100)),
    topByPageRank: (stats, { limit }) => stats.topByPageRank.slice(0, intInRange('limit', limit, 1, 100)),
    communities: (stats, { limit }) => stats.communities.slice(0, intInRange('limit', limit, 1, 100)),
  },
  Community: {
    members: (community, { first }) => community.members.slice(0, intInRange('first', first, 1, 100)),
  },
};
