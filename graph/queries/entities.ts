// Entities and relations by id, in batches (the API's DataLoaders call these), and their details.
import type { RelationType } from '../model.ts';
import type { QueryContext } from './context.ts';
import type {
  EntityDocumentView, EntityView, EvidenceView, FactView, Page, PageArgs, RelationCountView, RelationView,
} from './views.ts';

const todo = (): never => { throw new Error('not implemented'); };

export function createEntityQueries(context: QueryContext) {
  void context;
  return {
    /** In the order asked; null where unknown. */
    entities: async (ids: string[]): Promise<Array<EntityView | null>> => todo(),
    /** For each id, the districts it lies in, innermost first, up to the province. */
    hierarchy: async (ids: string[]): Promise<EntityView[][]> => todo(),
    degreeByType: async (ids: string[]): Promise<RelationCountView[][]> => todo(),
    facts: async (ids: string[]): Promise<FactView[][]> => todo(),
    documentCounts: async (ids: string[]): Promise<number[]> => todo(),
    entityDocuments: async (id: string, page: PageArgs): Promise<Page<EntityDocumentView>> => todo(),
    entityRelations: async (id: string, args: { types?: RelationType[] | null; direction: 'OUT' | 'IN' | 'BOTH'; page: PageArgs }): Promise<Page<RelationView>> => todo(),
    /** In the order asked; null where unknown. */
    relations: async (ids: string[]): Promise<Array<RelationView | null>> => todo(),
    /** For each relation id, its first `first` sentences, oldest document first. */
    evidence: async (relationIds: string[], first: number): Promise<EvidenceView[][]> => todo(),
  };
}
