// The explorer's API: one typed function per operation of operations.graphql.
import type * as G from '../generated/graphql.ts';
import { request } from './client.ts';

export { ApiError, send, token } from './client.ts';
export type * from '../generated/graphql.ts';

export const api = {
  health: () => request<G.HealthQuery, G.HealthQueryVariables>('Health', {}).then((d) => d.health),
  search: (variables: G.SearchQueryVariables) => request<G.SearchQuery, G.SearchQueryVariables>('Search', variables).then((d) => d.search),
  overview: (variables: G.OverviewQueryVariables) =>
    request<G.OverviewQuery, G.OverviewQueryVariables>('Overview', variables).then((d) => d.stats),
  communityMembers: (variables: G.CommunityMembersQueryVariables) =>
    request<G.CommunityMembersQuery, G.CommunityMembersQueryVariables>('CommunityMembers', variables).then((d) => d.stats.communities),
  entity: (id: string) => request<G.EntityDetailQuery, G.EntityDetailQueryVariables>('EntityDetail', { id }).then((d) => d.entity),
  neighborhood: (variables: G.NeighborhoodQueryVariables) =>
    request<G.NeighborhoodQuery, G.NeighborhoodQueryVariables>('Neighborhood', variables).then((d) => d.neighborhood),
  relations: (ids: string[]) =>
    request<G.RelationsEvidenceQuery, G.RelationsEvidenceQueryVariables>('RelationsEvidence', { ids }).then((d) => d.relations),
  relation: (id: string) =>
    request<G.RelationEvidenceQuery, G.RelationEvidenceQueryVariables>('RelationEvidence', { id }).then((d) => d.relation),
  paths: (variables: G.PathsQueryVariables) => request<G.PathsQuery, G.PathsQueryVariables>('Paths', variables).then((d) => d.paths),
  document: (id: string) => request<G.DocumentTextQuery, G.DocumentTextQueryVariables>('DocumentText', { id }).then((d) => d.document),
  coImplementation: (variables: G.CoImplementationQueryVariables) =>
    request<G.CoImplementationQuery, G.CoImplementationQueryVariables>('CoImplementation', variables).then((d) => d.coImplementation),
  cypher: (variables: G.CypherQueryVariables) => request<G.CypherQuery, G.CypherQueryVariables>('Cypher', variables).then((d) => d.cypher),
  documents: (first: number) =>
    request<G.DocumentListQuery, G.DocumentListQueryVariables>('DocumentList', { first }).then((d) => d.documents),
  edgeDates: (ids: string[]) => request<G.EdgeDatesQuery, G.EdgeDatesQueryVariables>('EdgeDates', { ids }).then((d) => d.entities),
  edgeDocuments: (ids: string[]) =>
    request<G.EdgeDocumentsQuery, G.EdgeDocumentsQueryVariables>('EdgeDocuments', { ids }).then((d) => d.entities),
  diffusion: (variables: G.MapDiffusionQueryVariables) =>
    request<G.MapDiffusionQuery, G.MapDiffusionQueryVariables>('MapDiffusion', variables).then((d) => d.diffusion),
  mapPlaces: (ids: string[]) => request<G.MapPlacesQuery, G.MapPlacesQueryVariables>('MapPlaces', { ids }).then((d) => d.entities),
  savedViews: (first = 50) => request<G.SavedViewsQuery, G.SavedViewsQueryVariables>('SavedViews', { first }).then((d) => d.savedViews),
  savedView: (id: string) => request<G.SavedViewQuery, G.SavedViewQueryVariables>('SavedView', { id }).then((d) => d.savedView),
  saveView: (input: G.SavedViewInput) =>
    request<G.SaveViewMutation, G.SaveViewMutationVariables>('SaveView', { input }).then((d) => d.saveView),
  updateView: (id: string, input: G.SavedViewInput) =>
    request<G.UpdateViewMutation, G.UpdateViewMutationVariables>('UpdateView', { id, input }).then((d) => d.updateView),
  deleteView: (id: string) => request<G.DeleteViewMutation, G.DeleteViewMutationVariables>('DeleteView', { id }).then((d) => d.deleteView),
  ingest: (input: G.IngestDocumentInput) =>
    request<G.IngestDocumentMutation, G.IngestDocumentMutationVariables>('IngestDocument', { input }).then((d) => d.ingestDocument),
};

/** The shapes panels pass around, named once. */
export type SearchResult = G.SearchQuery['search'];
export type Stats = G.OverviewQuery['stats'];
export type EntityDetail = NonNullable<G.EntityDetailQuery['entity']>;
export type Subgraph = G.NeighborhoodQuery['neighborhood'];
export type CanvasNode = G.CanvasNodeFragment;
export type CanvasEdge = G.CanvasEdgeFragment;
export type Evidence = G.EvidenceFullFragment;
export type RelationDetail = NonNullable<G.RelationEvidenceQuery['relation']>;
export type PathView = G.PathsQuery['paths'][number];
export type DocumentDetail = NonNullable<G.DocumentTextQuery['document']>;
export type CoImplementationView = G.CoImplementationQuery['coImplementation'];
export type CypherResultView = G.CypherQuery['cypher'];
export type IngestOutcome = G.IngestDocumentMutation['ingestDocument'];
export type DiffusionResult = G.MapDiffusionQuery['diffusion'];
export type MapAdopter = G.MapAdopterFragment;
export type SavedView = G.SavedViewFieldsFragment;
