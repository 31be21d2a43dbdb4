// TypeScript types generated from the SDL (server/schema/), for the resolvers and for the web
// client, so the contract is written once. Output is git-ignored and made by `npm run codegen`
// (run by postinstall, build, typecheck and test).
import type { CodegenConfig } from '@graphql-codegen/cli';

const views = '../../graph/queries/views.ts';
const corrections = '../../graph/curation/corrections.ts';

const config: CodegenConfig = {
  schema: 'server/schema/*.graphql',
  documents: 'web/**/*.graphql',
  ignoreNoDocuments: true,
  generates: {
    'server/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#Context',
        scalars: { JSON: 'unknown' },
        mappers: {
          Entity: `${views}#EntityView`,
          Relation: `${views}#RelationView`,
          Evidence: `${views}#EvidenceView`,
          Fact: `${views}#FactView`,
          Document: `${views}#DocumentView`,
          GraphNode: `${views}#GraphNodeView`,
          Path: `${views}#PathView`,
          SearchConnection: `${views}#SearchResult`,
          SearchEdge: `${views}#SearchHitEdge`,
          EntityDocumentEdge: `${views}#EntityDocumentEdgeView`,
          Stats: `${views}#StatsView`,
          RankedEntity: `${views}#RankedEntityView`,
          Community: `${views}#CommunityView`,
          CoImplementation: `${views}#CoImplementationView`,
          Diffusion: `${views}#DiffusionView`,
          CypherResult: `${views}#CypherResultView`,
          IngestResult: `${views}#IngestResultView`,
          RelationConnection: `${views}#RelationPage`,
          DocumentConnection: `${views}#DocumentPage`,
          EntityDocumentConnection: `${views}#EntityDocumentPage`,
          SavedView: `${views}#SavedViewView`,
          Correction: `${views}#CorrectionView`,
          CorrectionConnection: `${views}#CorrectionPage`,
          CorrectionResult: `${views}#CorrectionResultView`,
          RelationSnapshot: `${corrections}#RelationSnapshot as RelationSnapshotRecord`,
          EntitySnapshot: `${corrections}#EntityReference`,
          EvidenceSnapshot: `../../graph/model.ts#Evidence as EvidenceRecord`,
        },
      },
    },
    // typescript-operations (v6) writes the enums and inputs the operations use itself; the
    // `typescript` plugin beside it would declare them a second time.
    'web/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { JSON: 'unknown' }, avoidOptionals: { field: true } },
    },
  },
};

export default config;
