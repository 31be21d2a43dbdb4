// health: never fails; a problem is described in a sentence safe to show.
import type { Resolvers } from '../generated/resolvers.ts';
import { expectedError } from '../errors.ts';

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_, __, { store, queries, graphStatus }) => {
      const status = graphStatus?.();
      const database = { neo4jMode: status?.neo4j ?? null, neo4jState: status?.state ?? null, neo4jRestarts: status?.restarts ?? null };
      try {
        const [info, graphVersion] = await Promise.all([store.serverInfo(), queries.graphVersion()]);
        return {
          ok: true,
          neo4jVersion: info.version,
          neo4jEdition: info.edition,
          neo4jAddress: info.address,
          error: null,
          graphVersion,
          ...database,
        };
      } catch (error) {
        return {
          ok: false,
          neo4jVersion: null,
          neo4jEdition: null,
          neo4jAddress: store.uri,
          graphVersion: null,
          ...database,
          error: expectedError(error)?.message ?? 'the graph database answered with an error; see the server log',
        };
      }
    },
  },
};
