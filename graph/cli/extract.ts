// npm run extract -- <files or folders> --out graph.json
import { writeFileSync } from 'node:fs';
import { createExtractor, extractBatch, loadGraphConfig, readDocumentFiles, ConfigError } from '../index.ts';
import { parseArgs, progressBar, printExtractionSummary, printDocumentOutcomes } from './cli-support.ts';

const args = parseArgs(process.argv.slice(2), { out: 'string' });
if (args.positional.length === 0) {
  console.error('usage: npm run extract -- <files or folders> [--out graph.json]');
  process.exit(2);
}
let config;
try {
  config = loadGraphConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`configuration error: ${error.message}`);
  process.exit(2);
}
const batch = readDocumentFiles(args.positional, config);
const started = performance.now();
const progress = progressBar('extract', batch.sources.length);
const extractor = createExtractor({ cacheDir: config.cacheDir });
const { extraction: result, failed } = await extractBatch(extractor, batch.sources, {
  onDocument: () => progress.tick(),
  workers: config.extractWorkers,
  cacheDir: config.cacheDir,
});
progress.done();
const out = (args.options['out'] as string | undefined) ?? 'graph.json';
writeFileSync(out, JSON.stringify(result));
const diagnostics = new Map(result.documents.map((d) => [d.id, d.diagnostics]));
printDocumentOutcomes(batch.order, [
  ...result.documents.map((d) => ({ id: d.id, status: 'extracted', diagnostics: diagnostics.get(d.id) ?? [] })),
  ...batch.refused.map((r) => ({ id: r.id, status: 'refused', reason: r.reason, diagnostics: [] })),
  ...failed.map((f) => ({ id: f.document, status: 'failed', reason: f.error, diagnostics: [] })),
]);
printExtractionSummary(result, performance.now() - started, batch.failures);
console.log(`wrote ${out}`);
// Refused, failed or missing inputs fail the run, after all the others are written.
process.exit(batch.failures.length + batch.refused.length + failed.length > 0 ? 1 : 0);
