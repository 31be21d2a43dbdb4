// The seed corpus, extracted once per test file.
import { fileURLToPath } from 'node:url';
import { createExtractor, findInputFiles, readSource, type ExtractionExport } from '../../graph/index.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/zhejiang-policy-graph/', import.meta.url));

let cached: ExtractionExport | undefined;

export function seedSources() {
  return findInputFiles([SEEDS_DIR]).files.map(readSource);
}

export function extractSeeds(): ExtractionExport {
  cached ??= createExtractor({ cacheDir: CACHE_DIR }).extract(seedSources());
  return cached;
}
