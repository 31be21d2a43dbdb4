// The input reports: lists with filters, metadata, text, mention spans and the relations they state.
import type { QueryContext } from './context.ts';
import type { DocumentFilterView, DocumentView, EntityView, HighlightView, Page, PageArgs, RelationView } from './views.ts';

const todo = (): never => { throw new Error('not implemented'); };

export function createDocumentQueries(context: QueryContext) {
  void context;
  return {
    documents: async (filter: DocumentFilterView, page: PageArgs): Promise<Page<DocumentView>> => todo(),
    /** In the order asked; null where unknown. */
    documentsById: async (ids: string[]): Promise<Array<DocumentView | null>> => todo(),
    documentTexts: async (ids: string[]): Promise<Array<string | null>> => todo(),
    documentMentions: async (id: string): Promise<HighlightView[]> => todo(),
    documentEntities: async (id: string): Promise<EntityView[]> => todo(),
    documentRelations: async (id: string, page: PageArgs): Promise<Page<RelationView>> => todo(),
  };
}
