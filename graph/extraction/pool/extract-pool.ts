// A pool of worker threads for the per-document stages of extraction (extract-worker.ts): each
// worker normalizes and finds the mentions of the documents it is handed, the calling thread runs
// the corpus-wide passes, resolution and the entity model, then each worker runs the relation stage
// on the documents it read. The pipeline composes the stages (Extractor.extractWith); the pool only
// says where the per-document ones run.
import { Worker } from 'node:worker_threads';
import type { DocumentStages, FoundDocument, Related } from '../pipeline.ts';
import type { SourceDocument } from '../read/read-sources.ts';
import type { RelationModel } from '../relate/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import type { FromWorker, ToWorker } from './messages.ts';

/** Documents handed to a worker before it answered the first: it never waits for the next. */
const IN_FLIGHT_PER_WORKER = 2;

export interface ExtractionPoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  /** GraphConfig.cacheDir: each worker reads the village index from it. */
  cacheDir: string;
  /** The worker's entry (tests). */
  workerUrl?: URL;
}

/** One worker thread and its requests, answered in the order they were sent. */
class PoolWorker {
  private readonly worker: Worker;
  private readonly pending: Array<{ resolve: (reply: FromWorker) => void; reject: (error: Error) => void }> = [];
  private dead: Error | null = null;

  constructor(url: URL, cacheDir: string) {
    // No flags inherited: the entry registers the TypeScript loader itself, and a parent's (tsx's,
    // vitest's) would load it twice or not at all.
    this.worker = new Worker(url, { execArgv: [], workerData: { cacheDir } });
    // Idle workers do not keep the process alive; one with work does.
    this.worker.unref();
    this.worker.on('message', (reply: FromWorker) => {
      const waiting = this.pending.shift();
      if (this.pending.length === 0) this.worker.unref();
      if (!waiting) return;
      if (reply.kind === 'failed') waiting.reject(new Error(`extraction worker: ${reply.error}`));
      else waiting.resolve(reply);
    });
    const die = (error: Error) => {
      this.dead ??= error;
      for (const waiting of this.pending.splice(0)) waiting.reject(this.dead);
    };
    this.worker.on('error', (error) => die(error instanceof Error ? error : new Error(String(error))));
    this.worker.on('exit', (code) => die(new Error(`extraction worker stopped (exit code ${code})`)));
  }

  request(message: ToWorker): Promise<FromWorker> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) this.worker.ref();
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  /** Drops what the worker holds of an unfinished run; answers nothing. */
  forget(): void {
    if (!this.dead) this.worker.postMessage({ kind: 'forget' } satisfies ToWorker);
  }

  terminate(): Promise<number> {
    this.dead ??= new Error('extraction pool closed');
    return this.worker.terminate();
  }
}

/** Worker threads for the per-document stages; `close()` stops them. */
export class ExtractionPool implements DocumentStages {
  readonly size: number;
  private readonly workers: PoolWorker[];
  /** Which worker holds each document read by the last `find`, for `relate`. */
  private holders = new Map<string, PoolWorker>();

  constructor({ size, cacheDir, workerUrl }: ExtractionPoolOptions) {
    this.size = Math.max(1, Math.trunc(size));
    const url = workerUrl ?? new URL('./extract-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: this.size }, () => new PoolWorker(url, cacheDir));
  }

  async find(sources: SourceDocument[], onDocument?: (id: string) => void): Promise<FoundDocument[]> {
    const found = new Array<FoundDocument>(sources.length);
    const holders = new Map<string, PoolWorker>();
    let next = 0;
    let failed = false;
    // Each worker takes the next document as soon as it answers one: large and small documents even out.
    const feed = async (worker: PoolWorker) => {
      while (next < sources.length && !failed) {
        const index = next++;
        const source = sources[index]!;
        const reply = await worker.request({ kind: 'find', index, source });
        if (reply.kind !== 'found') throw new Error(`extraction worker answered ${reply.kind} to find`);
        found[index] = reply.found;
        holders.set(source.id, worker);
        onDocument?.(source.id);
      }
    };
    try {
      await Promise.all(this.workers.flatMap((worker) => Array.from({ length: IN_FLIGHT_PER_WORKER }, () => feed(worker))));
    } catch (error) {
      failed = true;
      for (const worker of this.workers) worker.forget();
      throw error;
    }
    this.holders = holders;
    return found;
  }

  async relate(
    documents: Array<{ id: string; mentions: ResolvedMention[] }>,
    entities: Map<string, ResolvedEntity>,
    model: RelationModel | null | undefined,
  ): Promise<Related[]> {
    const byWorker = new Map<PoolWorker, number[]>();
    documents.forEach(({ id }, index) => {
      const worker = this.holders.get(id);
      if (!worker) throw new Error(`document ${id} was not read by this pool`);
      (byWorker.get(worker) ?? byWorker.set(worker, []).get(worker)!).push(index);
    });
    this.holders = new Map();
    const related = new Array<Related>(documents.length);
    await Promise.all(
      [...byWorker].map(async ([worker, indexes]) => {
        const reply = await worker.request({ kind: 'relate', documents: indexes.map((i) => documents[i]!), entities, model });
        if (reply.kind !== 'related') throw new Error(`extraction worker answered ${reply.kind} to relate`);
        indexes.forEach((documentIndex, i) => (related[documentIndex] = reply.related[i]!));
      }),
    );
    return related;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
