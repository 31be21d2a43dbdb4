// All resolvers, one module per area of the SDL (server/schema/); makeExecutableSchema merges them.
import type { Resolvers } from '../generated/resolvers.ts';
import { analyticsResolvers } from './analytics.ts';
import { consoleResolvers } from './console.ts';
import { diffusionResolvers } from './diffusion.ts';
import { curationResolvers } from './curation.ts';
import { documentResolvers } from './documents.ts';
import { entityResolvers } from './entities.ts';
import { explorationResolvers } from './exploration.ts';
import { healthResolvers } from './health.ts';
import { ingestResolvers } from './ingest.ts';
import { searchResolvers } from './search.ts';
import { viewResolvers } from './views.ts';

export const resolvers: Resolvers[] = [
  healthResolvers,
  searchResolvers,
  entityResolvers,
  explorationResolvers,
  documentResolvers,
  analyticsResolvers,
  consoleResolvers,
  ingestResolvers,
  diffusionResolvers,
  viewResolvers,
  curationResolvers,
];
