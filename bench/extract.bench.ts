// npm run bench:extract [-- --megabytes 5]
// Throughput of the whole extraction pipeline on the seeds repeated to a corpus of a few MB,
// beside jieba's cut alone over the same text in the same run.
import {
  createExtractor,
  loadGraphConfig,
  readSource,
  findInputFiles,
  type ExtractionExport,
  type SourceDocument,
} from '../graph/index.ts';
import { cut } from '../graph/extraction/mentions/segmenter.ts';

const arg = process.argv.indexOf('--megabytes');
const targetBytes = (arg > 0 ? Number(process.argv[arg + 1]) : 5) * 1024 * 1024;

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

const extractor = createExtractor({ cacheDir: loadGraphConfig(process.env).cacheDir });
extractor.extract(seeds); // warm-up: dictionaries, gazetteer, village index

// Each round times `cut`, then the pipeline, back to back: on a shared machine a pass of either can
// be slowed by a third or more, and a slow spell tends to slow both of a round alike. The ratio is
// the median of the rounds'; the throughputs are each one's best round.
const ROUNDS = 5;
const rounds: Array<{ cut: number; pipeline: number }> = [];
let result: ExtractionExport | undefined;
for (let round = 0; round < ROUNDS; round++) {
  let started = performance.now();
  for (const doc of corpus) cut(doc.text);
  const cutSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  result = extractor.extract(corpus);
  rounds.push({ cut: cutSeconds, pipeline: (performance.now() - started) / 1000 });
}
const ratios = rounds.map((r) => r.cut / r.pipeline).sort((a, b) => a - b);
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const cutSeconds = Math.min(...rounds.map((r) => r.cut));
const pipelineSeconds = Math.min(...rounds.map((r) => r.pipeline));

const started = performance.now();
extractor.extract(seeds);
const seedMillis = performance.now() - started;

console.log(`corpus: ${corpus.length} documents, ${megabytes.toFixed(1)} MB (the five seeds repeated); ${ROUNDS} rounds`);
console.log(`jieba cut alone: ${(megabytes / cutSeconds).toFixed(2)} MB/s (best round)`);
console.log(
  `whole pipeline:  ${(megabytes / pipelineSeconds).toFixed(2)} MB/s (best round), ${result!.entities.length} entities, ${result!.relations.length} relations`,
);
console.log(`pipeline / cut, per round: median ${percent(ratios[Math.floor(ratios.length / 2)]!)} (${ratios.map(percent).join(', ')})`);
console.log(`the five seeds alone: ${seedMillis.toFixed(0)} ms`);
