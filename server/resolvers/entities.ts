// entity, entities, relation, and the fields of entities, relations, evidence and facts. Every
// per-item field goes through a DataLoader, so a list of 500 entities costs one query per field.
import type { Resolvers } from '../generated/resolvers.ts';
import { notFound } from '../errors.ts';
import { idList, intInRange, page, pageInfo } from './arguments.ts';

export const entityResolvers: Resolvers = {
  Query: {
    entity: async (_, { id }, { loaders }) => (await loaders.entity.load(id)) ?? Promise.reject(notFound(`no entity has the id "${id}"`)),
    entities: (_, { ids }, { loaders }) => {
      idList('ids', ids, 0, 500);
      return Promise.all(ids.map((id) => loaders.entity.load(id)));
    },
    relations: (_, { ids }, { loaders }) => {
      idList('ids', ids, 0, 500);
      return Promise.all(ids.map((id) => loaders.relation.load(id)));
    },
    relation: async (_, { id }, { loaders }) =>
      (await loaders.relation.load(id)) ?? Promise.reject(notFound(`no relation has the id "${id}"`)),
  },
  Entity: {
    aliases: (entity) => entity.aliases,
    hierarchy: (entity, _, { loaders }) => loaders.hierarchy.load(entity.id),
    degreeByType: (entity, _, { loaders }) => loaders.degreeByType.load(entity.id),
    facts: (entity, _, { loaders }) => loaders.facts.load(entity.id),
    documentCount: (entity, _, { loaders }) => loaders.documentCount.load(entity.id),
    documents: (entity, args, { queries }) => queries.entityDocuments(entity.id, page(args.first, args.after, 100)),
    relations: (entity, args, { queries }) =>
      queries.entityRelations(entity.id, { types: args.types ?? null, direction: args.direction, page: page(args.first, args.after, 200) }),
  },
  EntityDocumentConnection: {
    edges: (p) => p.items,
    pageInfo: (p) => pageInfo(p),
    totalCount: (p) => p.totalCount,
  },
  EntityDocumentEdge: {
    node: (edge) => edge.node.document,
    count: (edge) => edge.node.count,
    spans: (edge) => edge.node.spans,
  },
  RelationConnection: {
    edges: (p) => p.items,
    pageInfo: (p) => pageInfo(p),
    totalCount: (p) => p.totalCount,
  },
  Relation: {
    sourceId: (relation) => relation.source,
    targetId: (relation) => relation.target,
    source: async (relation, _, { loaders }) =>
      (await loaders.entity.load(relation.source)) ?? Promise.reject(notFound(`entity ${relation.source} is gone`)),
    target: async (relation, _, { loaders }) =>
      (await loaders.entity.load(relation.target)) ?? Promise.reject(notFound(`entity ${relation.target} is gone`)),
    evidence: (relation, args, { loaders }) => loaders.evidence(intInRange('first', args.first, 1, 200)).load(relation.id),
  },
  Evidence: {
    document: async (evidence, _, { loaders }) =>
      (await loaders.document.load(evidence.documentId)) ?? Promise.reject(notFound(`document ${evidence.documentId} is gone`)),
  },
};
