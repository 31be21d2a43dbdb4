// Corrections: the mutations (an editor's token only), recent changes, the rejected list, and the
// marks, confidence and history of entities and relations. Marks and histories are batched per
// request through loaders of their own.
import DataLoader from 'dataloader';
import {
  CORRECTION_LIMITS,
  isRelationType,
  subjectsOf,
  type CorrectionKind,
  type CorrectionRequest,
  type CorrectionView,
  type CurationMarkView,
  type EntityView,
  type RelationView,
} from '../../graph/index.ts';
import type { Context } from '../context.ts';
import { badInput, forbidden, notFound } from '../errors.ts';
import type { CorrectionKind as KindEnum, CurationMark, Resolvers } from '../generated/resolvers.ts';
import { idList, intInRange, page, pageInfo } from './arguments.ts';

const toKind = (kind: KindEnum) => kind.toLowerCase().replace(/_/g, '-') as CorrectionKind;
const toEnum = (kind: CorrectionKind) => kind.toUpperCase().replace(/-/g, '_') as KindEnum;
const toMark = (mark: CurationMarkView['curation']) => (mark ? (mark.toUpperCase() as CurationMark) : null);

/** Whether an id names a relation (`TYPE:source->target`) rather than an entity. */
const isRelationId = (id: string) => isRelationType(id.slice(0, id.indexOf(':'))) && id.includes('->');

interface CurationLoaders {
  entityMarks: DataLoader<string, CurationMarkView>;
  relationMarks: DataLoader<string, CurationMarkView>;
  history(first: number): DataLoader<string, CorrectionView[]>;
  correction: DataLoader<string, CorrectionView | null>;
}

// Keyed on the request's own loaders object: one set per request, dropped with it.
const perRequest = new WeakMap<object, CurationLoaders>();

function loadersOf({ queries, loaders }: Context): CurationLoaders {
  let mine = perRequest.get(loaders);
  if (!mine) {
    const histories = new Map<number, DataLoader<string, CorrectionView[]>>();
    mine = {
      entityMarks: new DataLoader((ids) => queries.entityCuration([...ids])),
      relationMarks: new DataLoader((ids) => queries.relationCuration([...ids])),
      history(first) {
        let loader = histories.get(first);
        if (!loader) histories.set(first, (loader = new DataLoader((ids) => queries.history([...ids], first))));
        return loader;
      },
      correction: new DataLoader((ids) => queries.correctionsById([...ids])),
    };
    perRequest.set(loaders, mine);
  }
  return mine;
}

function requireEditor(context: Context): string {
  if (context.editor) return context.editor;
  throw forbidden(
    context.editorsConfigured
      ? "corrections need the header Authorization: Bearer <an editor's token>, and the token given is missing or not an editor's"
      : 'corrections are disabled: the server has no EDITOR_TOKENS configured',
  );
}

function reasonOf(reason: string | null | undefined): string | undefined {
  if (reason === null || reason === undefined) return undefined;
  if (reason.length > CORRECTION_LIMITS.reason) throw badInput(`reason must be at most ${CORRECTION_LIMITS.reason} characters`);
  return reason;
}

function one(name: string, id: string): string {
  return idList(name, [id], 1, 1)[0]!;
}

/** Records a correction, then answers with it and what of the graph it concerns now. */
async function correct(context: Context, request: CorrectionRequest, reason: string | null | undefined) {
  const editor = requireEditor(context);
  const { correction } = await context.store.curation.record(request, { editor, reason: reasonOf(reason) });
  context.queries.graphChanged();
  return result(context, correction.id, subjectsOf(correction));
}

async function result(context: Context, id: string, subjects: string[]) {
  const [view] = await context.queries.correctionsById([id]);
  if (!view) throw notFound(`the correction "${id}" is gone`);
  const relationIds = subjects.filter(isRelationId);
  const entityIds = subjects.filter((s) => !isRelationId(s));
  const [entities, relations] = await Promise.all([context.queries.entities(entityIds), context.queries.relations(relationIds)]);
  const present = new Set([...entities, ...relations].filter((x): x is EntityView | RelationView => x !== null).map((x) => x.id));
  return {
    correction: view,
    entityIds: entityIds.filter((s) => present.has(s)),
    relationIds: relationIds.filter((s) => present.has(s)),
    removedIds: subjects.filter((s) => !present.has(s)),
  };
}

const offset = (name: string, value: number) => intInRange(name, value, 0, 100_000_000);

export const curationResolvers: Resolvers = {
  Query: {
    curator: (_, __, context) => (context.editor ? { editor: context.editor } : null),
    corrections: (_, args, { queries }) =>
      queries.corrections({ editor: args.editor ?? null, kinds: args.kinds?.map(toKind) ?? null }, page(args.first, args.after, 100)),
    rejected: (_, args, { queries }) => queries.rejected(page(args.first, args.after, 100)),
    correction: async (_, { id }, context) =>
      (await loadersOf(context).correction.load(one('id', id))) ?? Promise.reject(notFound(`no correction has the id "${id}"`)),
  },
  Mutation: {
    confirmRelation: (_, { id, reason }, context) => correct(context, { kind: 'confirm-relation', relation: one('id', id) }, reason),
    rejectRelation: (_, { id, reason }, context) => correct(context, { kind: 'reject-relation', relation: one('id', id) }, reason),
    changeRelationType: (_, { id, type, reason }, context) =>
      correct(context, { kind: 'retype-relation', relation: one('id', id), type }, reason),
    reverseRelation: (_, { id, reason }, context) => correct(context, { kind: 'reverse-relation', relation: one('id', id) }, reason),
    renameEntity: (_, { id, name, reason }, context) => correct(context, { kind: 'rename-entity', entity: one('id', id), name }, reason),
    changeEntityType: (_, { id, type, reason }, context) =>
      correct(context, { kind: 'retype-entity', entity: one('id', id), type }, reason),
    mergeEntities: (_, { id, into, reason }, context) =>
      correct(context, { kind: 'merge-entities', entity: one('id', id), into: one('into', into) }, reason),
    splitEntity: (_, { id, documentIds, name, type, reason }, context) =>
      correct(
        context,
        { kind: 'split-entity', entity: one('id', id), documents: idList('documentIds', documentIds, 1, 10_000), name, type: type ?? null },
        reason,
      ),
    rejectEntity: (_, { id, reason }, context) => correct(context, { kind: 'reject-entity', entity: one('id', id) }, reason),
    addRelation: (_, { input }, context) =>
      correct(
        context,
        {
          kind: 'add-relation',
          type: input.type,
          source: one('sourceId', input.sourceId),
          target: one('targetId', input.targetId),
          document: one('documentId', input.documentId),
          start: offset('start', input.start),
          end: offset('end', input.end),
        },
        input.reason,
      ),
    addEntity: (_, { input }, context) =>
      correct(
        context,
        {
          kind: 'add-entity',
          type: input.type,
          name: input.name ?? null,
          document: one('documentId', input.documentId),
          start: offset('start', input.start),
          end: offset('end', input.end),
        },
        input.reason,
      ),
    undoCorrection: async (_, { id, reason }, context) => {
      const editor = requireEditor(context);
      const undo = await context.store.curation.undo(one('id', id), { editor, reason: reasonOf(reason) });
      context.queries.graphChanged();
      const [undone] = await context.queries.correctionsById([id]);
      return result(context, undo.id, undone ? subjectsOf(undone.correction) : []);
    },
  },
  CorrectionResult: {
    entities: async (r, _, { loaders }) =>
      (await loaders.entity.loadMany(r.entityIds)).filter((e): e is EntityView => e !== null && !(e instanceof Error)),
    relations: async (r, _, { loaders }) =>
      (await loaders.relation.loadMany(r.relationIds)).filter((x): x is RelationView => x !== null && !(x instanceof Error)),
  },
  CorrectionConnection: {
    edges: (p) => p.items,
    pageInfo: (p) => pageInfo(p),
    totalCount: (p) => p.totalCount,
  },
  Correction: {
    kind: (c) => toEnum(c.kind),
    undoneBy: async (c, _, context) => (c.undoneBy ? loadersOf(context).correction.load(c.undoneBy.id) : null),
    undoes: async (c, _, context) => (c.undoes ? loadersOf(context).correction.load(c.undoes) : null),
    relation: (c) => ('relation' in c.correction ? c.correction.relation : null),
    entity: (c) => ('entity' in c.correction ? c.correction.entity : null),
    into: (c) => (c.correction.kind === 'merge-entities' ? c.correction.into : null),
    name: (c) => ('name' in c.correction ? c.correction.name : null),
    relationType: (c) => (c.correction.kind === 'retype-relation' || c.correction.kind === 'add-relation' ? c.correction.type : null),
    entityType: (c) =>
      c.correction.kind === 'retype-entity' || c.correction.kind === 'split-entity' || c.correction.kind === 'add-entity'
        ? c.correction.type
        : null,
    source: (c) => (c.correction.kind === 'add-relation' ? c.correction.source : null),
    target: (c) => (c.correction.kind === 'add-relation' ? c.correction.target : null),
    selection: (c) => ('selection' in c.correction ? c.correction.selection : null),
    documentIds: (c, { first }) => c.documents.slice(0, intInRange('first', first, 1, 500)),
    resultId: (c) => c.anchor?.id ?? null,
    confidence: (c) => (c.kind === 'reject-relation' || c.kind === 'reject-entity' ? 0 : c.kind === 'undo' ? null : 1),
  },
  RelationSnapshot: {
    sourceId: (r) => r.source,
    targetId: (r) => r.target,
  },
  EntitySnapshot: {
    type: (e) => e.type ?? null,
    aliases: (e) => e.aliases ?? [],
  },
  EvidenceSnapshot: {
    documentId: (e) => e.doc,
  },
  Entity: {
    curation: async (entity, _, context) => toMark((await loadersOf(context).entityMarks.load(entity.id)).curation),
    confidence: async (entity, _, context) => (await loadersOf(context).entityMarks.load(entity.id)).confidence,
    history: (entity, { first }, context) =>
      loadersOf(context)
        .history(intInRange('first', first, 1, 100))
        .load(entity.id),
  },
  Relation: {
    curation: async (relation, _, context) => toMark((await loadersOf(context).relationMarks.load(relation.id)).curation),
    confidence: async (relation, _, context) => (await loadersOf(context).relationMarks.load(relation.id)).confidence,
    history: (relation, { first }, context) =>
      loadersOf(context)
        .history(intInRange('first', first, 1, 100))
        .load(relation.id),
  },
  GraphNode: {
    curation: async (node, _, context) => toMark((await loadersOf(context).entityMarks.load(node.id)).curation),
    confidence: async (node, _, context) => (await loadersOf(context).entityMarks.load(node.id)).confidence,
  },
  GraphEdge: {
    curation: async (edge, _, context) => toMark((await loadersOf(context).relationMarks.load(edge.id)).curation),
    confidence: async (edge, _, context) => (await loadersOf(context).relationMarks.load(edge.id)).confidence,
  },
};
