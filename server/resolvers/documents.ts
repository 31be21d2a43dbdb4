// documents and document: the reports, their text, mention spans and relations.
import type { Resolvers } from '../generated/resolvers.ts';
import { badInput, notFound } from '../errors.ts';
import { page, pageInfo } from './arguments.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const documentResolvers: Resolvers = {
  Query: {
    documents: (_, args, { queries }) => {
      const filter = args.filter ?? {};
      for (const key of ['from', 'to'] as const) {
        const value = filter[key];
        if (value != null && (!DAY.test(value) || Number.isNaN(Date.parse(value))))
          throw badInput(`filter.${key} must be a date YYYY-MM-DD, got "${value.slice(0, 40)}"`);
      }
      if (filter.text != null && filter.text.length > 200) throw badInput('filter.text must be at most 200 characters');
      return queries.documents(filter, page(args.first, args.after, 100));
    },
    document: async (_, { id }, { loaders }) =>
      (await loaders.document.load(id)) ?? Promise.reject(notFound(`no document has the id "${id}"`)),
  },
  DocumentConnection: {
    edges: (p) => p.items,
    pageInfo: (p) => pageInfo(p),
    totalCount: (p) => p.totalCount,
  },
  Document: {
    text: async (document, _, { loaders }) => (await loaders.documentText.load(document.id)) ?? '',
    mentions: (document, _, { queries }) => queries.documentMentions(document.id),
    entities: (document, _, { queries }) => queries.documentEntities(document.id),
    relations: (document, args, { queries }) => queries.documentRelations(document.id, page(args.first, args.after, 500)),
  },
};
