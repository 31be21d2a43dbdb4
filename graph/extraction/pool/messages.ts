// What the extraction pool and its worker threads say to each other (structured clones).
import type { SourceDocument } from '../read/read-sources.ts';
import type { RelationModel } from '../relate/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import type { FoundDocument, Related } from '../pipeline.ts';

export type ToWorker =
  | { kind: 'find'; index: number; source: SourceDocument }
  | {
      kind: 'relate';
      documents: Array<{ id: string; mentions: ResolvedMention[] }>;
      entities: Map<string, ResolvedEntity>;
      /** Undefined: the worker's own copy of the trained model. */
      model: RelationModel | null | undefined;
    }
  /** Drop the documents held from an unfinished run. */
  | { kind: 'forget' };

export type FromWorker =
  { kind: 'found'; index: number; found: FoundDocument } | { kind: 'related'; related: Related[] } | { kind: 'failed'; error: string };
