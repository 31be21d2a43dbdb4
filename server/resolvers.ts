// Thin resolvers: each one calls the graph store and returns its plain data.
// Created through yoga so the error class is the one yoga recognises (graphql ships CJS and ESM).
import { createGraphQLError } from 'graphql-yoga';
import type { Store } from '../graph/index.ts';

export interface Context {
  store: Store;
}

function boundedLimit(value: number | null | undefined, fallback: number, max: number): number {
  const limit = value ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw createGraphQLError(`limit must be between 1 and ${max}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return limit;
}

export const resolvers = {
  Query: {
    async health(_: unknown, __: unknown, { store }: Context) {
      try {
        const info = await store.serverInfo();
        return { ok: true, neo4jVersion: info.version, neo4jEdition: info.edition, neo4jAddress: info.address, error: null };
      } catch (error) {
        return { ok: false, neo4jVersion: null, neo4jEdition: null, neo4jAddress: store.uri, error: (error as Error).message };
      }
    },
    async stats(_: unknown, __: unknown, { store }: Context) {
      const [counts, byType] = await Promise.all([store.counts(), store.entityCountsByType()]);
      return { ...counts, entitiesByType: Object.entries(byType).map(([type, count]) => ({ type, count })) };
    },
    async search(_: unknown, args: { query: string; limit?: number | null }, { store }: Context) {
      const query = args.query.trim();
      if (query.length === 0 || query.length > 200) {
        throw createGraphQLError('query must be 1 to 200 characters', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return store.searchEntities(query, boundedLimit(args.limit, 20, 200));
    },
    async overview(_: unknown, args: { limit?: number | null }, { store }: Context) {
      return store.overview(boundedLimit(args.limit, 60, 2000));
    },
  },
};
