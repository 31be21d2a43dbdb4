// npm run bench:extract [-- --megabytes 5]
// Throughput of the whole extraction pipeline on the seeds repeated to a corpus of a few MB,
// beside jieba's cut alone over the same text in the same run.
import { createExtractor, loadGraphConfig, readSource, findInputFiles, type ExtractionExport, type SourceDocument } from '../graph/index.ts';
import { cut } from '../graph/extract/segmenter.ts';

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

// Rounds alternate the two and each keeps its best: on a shared machine one pass of either can
// be slowed by a third or more.
const ROUNDS = 3;
let cutSeconds = Infinity;
let pipelineSeconds = Infinity;
let result: ExtractionExport | undefined;
for (let round = 0; round < ROUNDS; round++) {
  let started = performance.now();
  for (const doc of corpus) cut(doc.text);
  cutSeconds = Math.min(cutSeconds, (performance.now() - started) / 1000);
  started = performance.now();
  result = extractor.extract(corpus);
  pipelineSeconds = Math.min(pipelineSeconds, (performance.now() - started) / 1000);
}

const started = performance.now();
extractor.extract(seeds);
const seedMillis = performance.now() - started;

console.log(`corpus: ${corpus.length} documents, ${megabytes.toFixed(1)} MB (the five seeds repeated); best of ${ROUNDS} rounds`);
console.log(`jieba cut alone: ${(megabytes / cutSeconds).toFixed(2)} MB/s`);
console.log(`whole pipeline:  ${(megabytes / pipelineSeconds).toFixed(2)} MB/s (${((cutSeconds / pipelineSeconds) * 100).toFixed(0)}% of cut), ` +
  `${result!.entities.length} entities, ${result!.relations.length} relations`);
console.log(`the five seeds alone: ${seedMillis.toFixed(0)} ms`);
