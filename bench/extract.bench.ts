// npm run bench:extract [-- --megabytes 5 --workers 2]
// Throughput of the whole extraction pipeline on the seeds repeated to a corpus of a few MB,
// beside jieba's cut alone over the same text in the same run, on one thread and on a pool of
// worker threads (EXTRACT_WORKERS, one per core by default).
import {
  createExtractor,
  loadGraphConfig,
  readSource,
  findInputFiles,
  type ExtractionExport,
  type SourceDocument,
} from '../graph/index.ts';
import { ExtractionPool } from '../graph/extraction/index.ts';
import { cut } from '../graph/extraction/mentions/segmenter.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const targetBytes = Number(option('megabytes') ?? 5) * 1024 * 1024;
const config = loadGraphConfig(process.env);
const workers = Number(option('workers') ?? config.extractWorkers);

const seeds = findInputFiles(['seeds']).files.map(readSource);
const corpus: SourceDocument[] = [];
let bytes = 0;
for (let copy = 0; bytes < targetBytes; copy++) {
  for (const seed of seeds) {
    // Each copy is its own document; a line of its own keeps copies from being one repeated body.
    const text = `${seed.text}\n副本 ${copy}`;
    corpus.push({ ...seed, id: `${copy}-${seed.id}`, hash: `${seed.hash}-${copy}`, text });
    bytes += Buffer.byteLength(text);
  }
}
const megabytes = bytes / 1024 / 1024;

const extractor = createExtractor({ cacheDir: config.cacheDir });
extractor.extract(seeds); // warm-up: dictionaries, gazetteer, village index
let started = performance.now();
const pool = workers > 1 ? new ExtractionPool({ size: workers, cacheDir: config.cacheDir }) : undefined;
if (pool) await extractor.extractWith(pool, seeds); // the workers' own warm-up
const poolStartMillis = performance.now() - started;

// Each round times `cut`, then the pipeline on this thread, then on the pool, back to back: on a
// shared machine a pass can be slowed by a third or more, and a slow spell tends to slow all of a
// round alike. The ratios are the medians of the rounds'; the throughputs are each one's best round.
const ROUNDS = 5;
const rounds: Array<{ cut: number; pipeline: number; pool: number }> = [];
let result: ExtractionExport | undefined;
let identical = true;
for (let round = 0; round < ROUNDS; round++) {
  started = performance.now();
  for (const doc of corpus) cut(doc.text);
  const cutSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  result = extractor.extract(corpus);
  const pipelineSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const pooled = pool ? await extractor.extractWith(pool, corpus) : undefined;
  const poolSeconds = (performance.now() - started) / 1000;
  if (round === 0 && pooled) identical = JSON.stringify(pooled) === JSON.stringify(result);
  rounds.push({ cut: cutSeconds, pipeline: pipelineSeconds, pool: poolSeconds });
}
await pool?.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratios = rounds.map((r) => r.cut / r.pipeline).sort((a, b) => a - b);
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const cutSeconds = Math.min(...rounds.map((r) => r.cut));
const pipelineSeconds = Math.min(...rounds.map((r) => r.pipeline));
const poolSeconds = Math.min(...rounds.map((r) => r.pool));

started = performance.now();
extractor.extract(seeds);
const seedMillis = performance.now() - started;

console.log(`corpus: ${corpus.length} documents, ${megabytes.toFixed(1)} MB (the five seeds repeated); ${ROUNDS} rounds`);
console.log(`jieba cut alone: ${(megabytes / cutSeconds).toFixed(2)} MB/s (best round)`);
console.log(
  `whole pipeline:  ${(megabytes / pipelineSeconds).toFixed(2)} MB/s (best round), ${result!.entities.length} entities, ${result!.relations.length} relations`,
);
console.log(`pipeline / cut, per round: median ${percent(ratios[Math.floor(ratios.length / 2)]!)} (${ratios.map(percent).join(', ')})`);
if (pool) {
  const speedups = rounds.map((r) => r.pipeline / r.pool);
  console.log(
    `${workers} worker threads: ${(megabytes / poolSeconds).toFixed(2)} MB/s (best round), ` +
      `${median(speedups).toFixed(2)}× one thread, median of rounds (${speedups.map((x) => x.toFixed(2)).join(', ')}); ` +
      `export ${identical ? 'byte-identical' : 'DIFFERENT'}; workers started and warm in ${(poolStartMillis / 1000).toFixed(1)} s`,
  );
}
console.log(`the five seeds alone: ${seedMillis.toFixed(0)} ms`);
