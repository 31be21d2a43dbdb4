// The write side as the mutations see it: the same read → extract → load path as `npm run ingest`
// (graph/ingest.ts), one document per call.
import { createHash } from 'node:crypto';
import { createExtractor, ingestTexts, type Extractor, type IngestResultView, type Queries, type Store } from '../graph/index.ts';
import type { Writer } from './context.ts';
import { badInput } from './errors.ts';
import type { IngestDocumentInput } from './generated/resolvers.ts';

const STATUS = { loaded: 'LOADED', unchanged: 'UNCHANGED', refused: 'REFUSED', failed: 'REFUSED' } as const;

/** The document's content as bytes: base64 decoded strictly, or the text as UTF-8. */
function content(input: IngestDocumentInput): Uint8Array | string {
  if ((input.text == null) === (input.contentBase64 == null)) throw badInput('give either text or contentBase64, not both and not neither');
  if (input.text != null) return input.text;
  const base64 = input.contentBase64!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) throw badInput('contentBase64 is not valid base64');
  return Buffer.from(base64, 'base64');
}

export function createWriter(
  store: Store,
  queries: Queries,
  options: { cacheDir?: string | undefined; maxDocumentBytes?: number | undefined },
): Writer {
  const cacheDir = options.cacheDir ?? 'node_modules/.cache/zhejiang-policy-graph';
  // Built on the first ingest (dictionaries take a while), then shared.
  let extractor: Extractor | undefined;
  return {
    async ingest(input) {
      const bytes = content(input);
      const name = input.fileName?.trim() || `report-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.txt`;
      extractor ??= createExtractor({ cacheDir });
      const summary = await ingestTexts(
        store,
        [
          {
            name,
            bytes,
            ...(input.title != null && { title: input.title }),
            ...(input.source != null && { source: input.source }),
            ...(input.date != null && { date: input.date }),
          },
        ],
        { cacheDir, extractor, maxDocumentBytes: options.maxDocumentBytes },
      );
      const outcome = summary.documents[0] ?? { id: name, status: 'failed' as const, reason: 'nothing was read', diagnostics: [] };
      const status = STATUS[outcome.status];
      const result: IngestResultView = {
        status,
        documentId: outcome.id,
        reason: outcome.reason ?? null,
        diagnostics: outcome.diagnostics,
        relationCount: 0,
        entityIds: [],
      };
      if (status !== 'REFUSED') {
        queries.graphChanged();
        const [entities, relations] = await Promise.all([
          queries.documentEntities(outcome.id),
          queries.documentRelations(outcome.id, { first: 1 }),
        ]);
        result.entityIds = entities.map((e) => e.id);
        result.relationCount = relations.totalCount;
      }
      return result;
    },
    async remove(id) {
      const [known] = await queries.documentsById([id]);
      if (!known) return null;
      const entitiesRemoved = await store.removeDocument(id);
      // The version the removal bumped is read at once, not at the next poll: caches key on it.
      queries.graphChanged();
      return { documentId: id, entitiesRemoved };
    },
  };
}
