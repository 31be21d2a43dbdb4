// The write side as the mutations see it: the same pipeline and loader as `npm run ingest`.
import type { Queries, Store } from '../graph/index.ts';
import type { Writer } from './context.ts';

export function createWriter(store: Store, queries: Queries, options: { cacheDir?: string | undefined }): Writer {
  void options;
  return {
    async ingest() {
      throw new Error('ingest is not wired yet');
    },
    async remove(id) {
      const [known] = await queries.documentsById([id]);
      if (!known) return null;
      const entitiesRemoved = await store.removeDocument(id);
      return { documentId: id, entitiesRemoved };
    },
  };
}
