// Read → extract → load, for files and folders (the CLI, the seeds at start) and for documents
// given in memory (the API's ingest mutation) alike: both become bytes, read and checked by the
// same code, and every document comes back with an outcome of its own.
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../config.ts';
import type { Diagnostic, ExtractionExport } from '../model.ts';
import {
  createExtractor,
  ExtractionPool,
  garbledShare,
  readBytes,
  readSources,
  type DocumentRefusal,
  type Extractor,
  type ReadFailure,
  type ReadOptions,
  type Refusal,
  type SourceDocument,
} from '../extraction/index.ts';
import type { LoadOptions, LoadSummary, Store } from './store/index.ts';

/** A document given in memory: its name (the document's id; the extension tells HTML and Markdown) and content. */
export interface DocumentInput {
  name: string;
  /** Raw bytes (any encoding the files may have), or text. */
  bytes: Uint8Array | string;
  /** Replace what extraction reads from the text. */
  title?: string;
  source?: string;
  /** YYYY-MM-DD. */
  date?: string;
}

export interface DocumentOutcome {
  id: string;
  status: 'loaded' | 'unchanged' | 'refused' | 'failed';
  /** Why it was refused or failed. */
  reason?: string;
  /** Problems that did not stop it: garbled spans, undecodable bytes, invisible characters… */
  diagnostics: Diagnostic[];
}

export interface IngestOptions extends LoadOptions {
  /** Where derived data is cached between runs (GraphConfig.cacheDir). */
  cacheDir: string;
  /** GraphConfig.maxDocumentBytes; the default limit when left out. */
  maxDocumentBytes?: number;
  /** A built extractor, to share its dictionaries between calls. */
  extractor?: Extractor;
  /** Worker threads for a large batch (GraphConfig.extractWorkers); 1, the default, extracts on this thread. */
  workers?: number;
}

export interface IngestSummary extends LoadSummary {
  /** One outcome per document, in input order. */
  documents: DocumentOutcome[];
  /** Documents refused before extraction, with the reason. */
  refused: DocumentRefusal[];
  /** Paths that are not there or are not input files. */
  unreadable: ReadFailure[];
  extractMillis: number;
}

/** A batch read and checked: the documents to extract, in input order with the refused ones. */
export interface ReadBatch {
  sources: SourceDocument[];
  refused: DocumentRefusal[];
  failures: ReadFailure[];
  /** Every document's id in input order. */
  order: string[];
}

/**
 * A document that is mostly mis-decoded text would yield names made of garbage: above this share
 * of garbled characters it is refused (below it the garbled spans are left out and reported).
 */
const MAX_GARBLED_SHARE = 0.5;

function readOptions(options: { maxDocumentBytes?: number | undefined }): ReadOptions {
  return { maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES };
}

/** What makes a decoded document unusable as a whole: for now, being mostly garbled. */
function checkDecoded(source: SourceDocument): Refusal | undefined {
  const share = garbledShare(source.text);
  if (share <= MAX_GARBLED_SHARE) return undefined;
  return {
    code: 'garbled',
    reason: `mostly garbled text: ${Math.round(share * 100)}% of its characters look mis-decoded (the file was saved in a different encoding than it was written in)`,
  };
}

function screen(batch: ReadBatch): ReadBatch {
  const refused = [...batch.refused];
  const sources = batch.sources.filter((source) => {
    const refusal = checkDecoded(source);
    if (refusal) refused.push({ id: source.id, path: source.path, ...refusal });
    return !refusal;
  });
  return { ...batch, sources, refused };
}

/** Reads and checks the files under the paths (what `npm run extract` and `npm run ingest` take). */
export function readDocumentFiles(paths: string[], options: { maxDocumentBytes?: number } = {}): ReadBatch {
  const { sources, refused, failures } = readSources(paths, readOptions(options));
  const order = [...sources, ...refused]
    .map((d) => ({ id: d.id, path: d.path }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((d) => d.id);
  return screen({ sources, refused, failures, order });
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkInput(input: DocumentInput, seen: Set<string>): Refusal | undefined {
  const name = typeof input.name === 'string' ? input.name : '';
  if (name.trim() === '' || name.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(name)) {
    return { code: 'bad-input', reason: 'a document name must be 1–255 characters, without slashes or control characters' };
  }
  if (seen.has(name))
    return { code: 'duplicate', reason: "another document of this batch has the same name, and a document's id is its name" };
  if (typeof input.bytes !== 'string' && !(input.bytes instanceof Uint8Array))
    return { code: 'bad-input', reason: 'content must be bytes or text' };
  if (input.date !== undefined && !DATE.test(input.date))
    return { code: 'bad-input', reason: `date must be YYYY-MM-DD, got "${input.date}"` };
  return undefined;
}

/** Reads and checks documents given in memory exactly as files are read. */
export function readDocumentInputs(inputs: DocumentInput[], options: { maxDocumentBytes?: number } = {}): ReadBatch {
  const batch: ReadBatch = { sources: [], refused: [], failures: [], order: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    const id = String(input.name);
    batch.order.push(id);
    const invalid = checkInput(input, seen);
    seen.add(id);
    if (invalid) {
      batch.refused.push({ id, path: id, ...invalid });
      continue;
    }
    // Text is taken as its UTF-8 bytes: the same checks, hash and decoding as a file's.
    const bytes = typeof input.bytes === 'string' ? Buffer.from(input.bytes, 'utf8') : input.bytes;
    const { source, refusal } = readBytes(id, id, bytes, readOptions(options));
    if (source) batch.sources.push(source);
    else batch.refused.push({ id, path: id, ...refusal });
  }
  return screen(batch);
}

/**
 * Below this many characters (about 3 MB of Chinese text) a batch is extracted on the calling
 * thread: each worker first loads the dictionaries and the village index (1.5–2.5 s), and two
 * workers gain that back only on a batch that takes one thread several seconds.
 */
export const POOL_MIN_CHARACTERS = 1_000_000;

export interface BatchOptions {
  onDocument?: (id: string) => void;
  /** Worker threads for a batch of at least POOL_MIN_CHARACTERS (1: this thread). */
  workers?: number;
  /** Where the workers' extractors read cached data (GraphConfig.cacheDir). */
  cacheDir?: string;
}

/**
 * Extracts a batch. The documents are extracted together, so that names resolve across them; a
 * large batch on worker threads when `workers` > 1, with the same export. Should extraction fail
 * (a bug, not an input problem), each document is tried alone on this thread to find the ones that
 * make it fail, and the others are extracted without them.
 */
export async function extractBatch(
  extractor: Extractor,
  sources: SourceDocument[],
  { onDocument, workers = 1, cacheDir }: BatchOptions = {},
): Promise<{ extraction: ExtractionExport; failed: Array<{ document: string; error: string }> }> {
  const characters = sources.reduce((sum, source) => sum + source.text.length, 0);
  const size = Math.min(workers, sources.length);
  if (size > 1 && cacheDir !== undefined && characters >= POOL_MIN_CHARACTERS) {
    const pool = new ExtractionPool({ size, cacheDir });
    try {
      return { extraction: await extractor.extractWith(pool, sources, onDocument), failed: [] };
    } catch {
      // Found again below, on this thread, document by document.
    } finally {
      await pool.close();
    }
  }
  try {
    return { extraction: extractor.extract(sources, onDocument), failed: [] };
  } catch {
    const failed: Array<{ document: string; error: string }> = [];
    const good = sources.filter((source) => {
      try {
        extractor.extract([source]);
        return true;
      } catch (error) {
        failed.push({ document: source.id, error: `extraction failed: ${(error as Error).message}` });
        return false;
      }
    });
    return { extraction: extractor.extract(good), failed };
  }
}

async function ingestBatch(
  store: Store,
  batch: ReadBatch,
  options: IngestOptions,
  inputs?: Map<string, DocumentInput>,
): Promise<IngestSummary> {
  const started = performance.now();
  const extractor = options.extractor ?? createExtractor({ cacheDir: options.cacheDir });
  const { extraction, failed: notExtracted } = await extractBatch(extractor, batch.sources, {
    workers: options.workers,
    cacheDir: options.cacheDir,
  });
  const extractMillis = Math.round(performance.now() - started);
  for (const document of extraction.documents) {
    const input = inputs?.get(document.id);
    if (input?.title !== undefined) document.title = input.title;
    if (input?.source !== undefined) document.source = input.source;
    if (input?.date !== undefined) document.date = input.date;
  }
  const summary = await store.load(extraction, options);
  summary.failed.push(...notExtracted);

  const diagnostics = new Map(extraction.documents.map((d) => [d.id, d.diagnostics]));
  const outcome = new Map<string, DocumentOutcome>();
  for (const id of summary.loaded) outcome.set(id, { id, status: 'loaded', diagnostics: diagnostics.get(id) ?? [] });
  for (const id of summary.unchanged) outcome.set(id, { id, status: 'unchanged', diagnostics: diagnostics.get(id) ?? [] });
  for (const { document, error } of summary.failed)
    outcome.set(document, { id: document, status: 'failed', reason: error, diagnostics: diagnostics.get(document) ?? [] });
  const refusedOutcomes = batch.refused.map((r): DocumentOutcome => ({ id: r.id, status: 'refused', reason: r.reason, diagnostics: [] }));
  // A refused duplicate shares its id with a document that was read: both outcomes are kept.
  const documents: DocumentOutcome[] = [];
  const pending = new Map<string, DocumentOutcome[]>();
  for (const o of refusedOutcomes) (pending.get(o.id) ?? pending.set(o.id, []).get(o.id)!).push(o);
  for (const id of batch.order) {
    const next = outcome.get(id) ?? pending.get(id)?.shift();
    if (next) {
      documents.push(next);
      outcome.delete(id);
    }
  }
  return { ...summary, documents, refused: batch.refused, unreadable: batch.failures, extractMillis };
}

/**
 * Ingests files or folders. The whole set is extracted together so that names resolve across
 * documents; the store then skips the documents whose hash it already holds.
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  return ingestBatch(store, readDocumentFiles(paths, options), options);
}

/**
 * Ingests documents given in memory through the same read → extract → load path as files: each is
 * loaded, unchanged (same bytes, same rules), refused with a reason, or failed, and says which.
 */
export async function ingestTexts(store: Store, inputs: DocumentInput[], options: IngestOptions): Promise<IngestSummary> {
  const batch = readDocumentInputs(inputs, options);
  // The first input of a name is the one read; a later one of the same name is refused.
  const byName = new Map<string, DocumentInput>();
  for (const input of inputs) if (!byName.has(String(input.name))) byName.set(String(input.name), input);
  return ingestBatch(store, batch, options, byName);
}
