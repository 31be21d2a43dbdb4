// diffusion: how programs spread (graph/queries/diffusion.ts computes it; this checks the arguments).
import type { Resolvers } from '../generated/resolvers.ts';
import { idList } from './arguments.ts';

export const diffusionResolvers: Resolvers = {
  Query: {
    diffusion: (_, args, { queries }) => queries.diffusion(idList('programIds', args.programIds, 1, 20), args.level),
  },
};
