// Entity search: exact, prefix, pinyin and initials from an in-memory name index, then full-text.
import type { EntityType } from '../model.ts';
import type { QueryContext } from './context.ts';
import type { PageArgs, SearchResult } from './views.ts';

export function createSearch(context: QueryContext) {
  return {
    async search(query: string, types: EntityType[] | null | undefined, page: PageArgs): Promise<SearchResult> {
      void context; void query; void types; void page;
      throw new Error('not implemented');
    },
  };
}
