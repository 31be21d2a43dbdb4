// Extract + load: reads files or folders, skips documents whose content the graph already has,
// extracts the rest and loads them through the store.
import { createExtractor, type Extractor } from './pipeline.ts';
import { readSources, type ReadFailure } from './read/read-sources.ts';
import type { LoadOptions, LoadSummary, Store } from './store/index.ts';

export interface IngestSummary extends LoadSummary {
  /** Files that could not be read at all. */
  unreadable: ReadFailure[];
  extractMillis: number;
}

/**
 * Ingests files or folders. The whole set is extracted together so that names resolve across
 * documents; the store then skips the documents whose hash it already holds.
 */
export async function ingestPaths(store: Store, paths: string[], options: LoadOptions & { extractor?: Extractor; cacheDir: string }): Promise<IngestSummary> {
  const { sources, failures } = readSources(paths);
  const started = performance.now();
  const extractor = options.extractor ?? createExtractor({ cacheDir: options.cacheDir });
  const extraction = extractor.extract(sources);
  const extractMillis = Math.round(performance.now() - started);
  const summary = await store.load(extraction, options);
  return { ...summary, unreadable: failures, extractMillis };
}
