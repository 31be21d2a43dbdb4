// npm run extract -- <files or folders> --out graph.json
import { writeFileSync } from 'node:fs';
import { createExtractor, loadGraphConfig, readSources } from '../index.ts';
import { parseArgs, progressBar, printExtractionSummary } from './cli-support.ts';

const args = parseArgs(process.argv.slice(2), { out: 'string' });
if (args.positional.length === 0) {
  console.error('usage: npm run extract -- <files or folders> [--out graph.json]');
  process.exit(2);
}
const { sources, failures } = readSources(args.positional);
const started = performance.now();
const progress = progressBar('extract', sources.length);
const result = createExtractor({ cacheDir: loadGraphConfig(process.env).cacheDir }).extract(sources, () => progress.tick());
progress.done();
const out = (args.options['out'] as string | undefined) ?? 'graph.json';
writeFileSync(out, JSON.stringify(result));
printExtractionSummary(result, performance.now() - started, failures);
console.log(`wrote ${out}`);
// Documents that could not be read at all fail the run, after all the others are done.
process.exit(failures.length > 0 ? 1 : 0);
