// What a correction does in the page: the mutation, then the canvas drawn again where the graph
// changed (what it removed taken off, the entities it concerns put back with their relations),
// the overview told the graph changed, and the panel that showed the target shown again.
import type { CorrectionOutcomeFragment } from '../api/index.ts';
import { request } from '../api/client.ts';
import type * as G from '../generated/graphql.ts';
import type { Bus } from '../panels/bus.ts';
import type { Workspace } from '../panels/workspace.ts';
import { curator } from './state.ts';

type Outcome = CorrectionOutcomeFragment;

const mutation =
  <TData, TVariables extends Record<string, unknown>>(name: string, field: keyof TData) =>
  (variables: TVariables) =>
    request<TData, TVariables>(name, variables).then((data) => data[field] as unknown as Outcome);

export const curationApi = {
  curator: () => request<G.CuratorQuery, G.CuratorQueryVariables>('Curator', {}).then((d) => d.curator),
  recent: (first: number) =>
    request<G.RecentCorrectionsQuery, G.RecentCorrectionsQueryVariables>('RecentCorrections', { first }).then((d) => d.corrections),
  rejected: (first: number) =>
    request<G.RejectedCorrectionsQuery, G.RejectedCorrectionsQueryVariables>('RejectedCorrections', { first }).then((d) => d.rejected),
  entity: (id: string) => request<G.EntityCurationQuery, G.EntityCurationQueryVariables>('EntityCuration', { id }).then((d) => d.entity),
  relation: (id: string) =>
    request<G.RelationCurationQuery, G.RelationCurationQueryVariables>('RelationCuration', { id }).then((d) => d.relation),
  confirmRelation: mutation<G.ConfirmRelationMutation, G.ConfirmRelationMutationVariables>('ConfirmRelation', 'confirmRelation'),
  rejectRelation: mutation<G.RejectRelationMutation, G.RejectRelationMutationVariables>('RejectRelation', 'rejectRelation'),
  changeRelationType: mutation<G.ChangeRelationTypeMutation, G.ChangeRelationTypeMutationVariables>(
    'ChangeRelationType',
    'changeRelationType',
  ),
  reverseRelation: mutation<G.ReverseRelationMutation, G.ReverseRelationMutationVariables>('ReverseRelation', 'reverseRelation'),
  renameEntity: mutation<G.RenameEntityMutation, G.RenameEntityMutationVariables>('RenameEntity', 'renameEntity'),
  changeEntityType: mutation<G.ChangeEntityTypeMutation, G.ChangeEntityTypeMutationVariables>('ChangeEntityType', 'changeEntityType'),
  mergeEntities: mutation<G.MergeEntitiesMutation, G.MergeEntitiesMutationVariables>('MergeEntities', 'mergeEntities'),
  splitEntity: mutation<G.SplitEntityMutation, G.SplitEntityMutationVariables>('SplitEntity', 'splitEntity'),
  rejectEntity: mutation<G.RejectEntityMutation, G.RejectEntityMutationVariables>('RejectEntity', 'rejectEntity'),
  addRelation: mutation<G.AddRelationMutation, G.AddRelationMutationVariables>('AddRelation', 'addRelation'),
  addEntity: mutation<G.AddEntityMutation, G.AddEntityMutationVariables>('AddEntity', 'addEntity'),
  undo: mutation<G.UndoCorrectionMutation, G.UndoCorrectionMutationVariables>('UndoCorrection', 'undoCorrection'),
};

export interface CurationActions {
  /** Runs a correction and brings the page up to date; resolves with its outcome. */
  correct(run: () => Promise<Outcome>, options?: { reopenDocument?: { id: string; offset: number; length: number } }): Promise<Outcome>;
  /** Asks the server who the token in use names. */
  checkCurator(): Promise<string | null>;
}

export function createCurationActions(bus: Bus, workspace: Workspace): CurationActions {
  return {
    async correct(run, options = {}) {
      const outcome = await run();
      const ends = outcome.relations.flatMap((r) => [r.sourceId, r.targetId]);
      await workspace.refresh({ remove: outcome.removedIds, entities: [...outcome.entities.map((e) => e.id), ...ends] });
      bus.emit('graphChanged', {});
      const relation = outcome.relations[0];
      const entity = outcome.entities[0];
      if (relation) bus.emit('relation', { id: relation.id });
      else if (entity) bus.emit('entity', { id: entity.id });
      // Adding from the reader: back to the report, where the addition is now marked.
      if (options.reopenDocument) bus.emit('document', options.reopenDocument);
      return outcome;
    },
    async checkCurator() {
      const found = await curationApi.curator().catch(() => null);
      curator.set(found?.editor ?? null);
      return curator.get();
    },
  };
}
