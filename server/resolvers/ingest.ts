// ingestDocument and deleteDocument: writes, only with the bearer token.
import type { EntityView } from '../../graph/index.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Context } from '../context.ts';

function requireToken(context: Context): void {
  if (!context.canWrite) {
    throw forbidden(
      context.writesConfigured
        ? 'writes need the header Authorization: Bearer <INGEST_TOKEN>, and the token given is missing or wrong'
        : 'writes are disabled: the server has no INGEST_TOKEN configured',
    );
  }
}

export const ingestResolvers: Resolvers = {
  Mutation: {
    ingestDocument: async (_, { input }, context) => {
      requireToken(context);
      const result = await context.writer.ingest(input);
      context.queries.graphChanged();
      return result;
    },
    deleteDocument: async (_, { id }, context) => {
      requireToken(context);
      const result = await context.writer.remove(id);
      if (!result) throw notFound(`no document has the id "${id}"`);
      context.queries.graphChanged();
      return result;
    },
  },
  IngestResult: {
    document: async (result, _, { loaders }) => (result.status === 'REFUSED' ? null : loaders.document.load(result.documentId)),
    entities: async (result, _, { loaders }) =>
      (await loaders.entity.loadMany(result.entityIds)).filter((e): e is EntityView => e !== null && !(e instanceof Error)),
  },
};
