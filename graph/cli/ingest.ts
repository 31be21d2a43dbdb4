// npm run ingest -- <files or folders> [--force]
import { ingestPaths } from '../index.ts';
import { parseArgs, printDocumentOutcomes } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const args = parseArgs(process.argv.slice(2), { force: 'boolean' });
if (args.positional.length === 0) {
  console.error('usage: npm run ingest -- <files or folders> [--force]');
  process.exit(2);
}

await withGraph(async ({ store }, config) => {
  const summary = await ingestPaths(store, args.positional, {
    cacheDir: config.cacheDir,
    maxDocumentBytes: config.maxDocumentBytes,
    workers: config.extractWorkers,
    force: args.options['force'] === true,
    onProgress: (p) => process.stderr.isTTY && process.stderr.write(`\rload ${p.done}/${p.total} ${p.document} (${p.status})\x1b[K`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  printDocumentOutcomes(
    summary.documents.map((d) => d.id),
    summary.documents,
  );
  console.log(
    `extracted in ${summary.extractMillis} ms; loaded ${summary.loaded.length} documents (${summary.relations} relations) in ${summary.millis} ms; ` +
      `${summary.unchanged.length} unchanged; ${summary.refused.length} refused; ${summary.failed.length} failed`,
  );
  for (const failure of summary.unreadable) console.error(`could not read ${failure.path}: ${failure.error}`);
  console.log(`graph now: ${JSON.stringify(await store.counts())}`);
  // Every document was tried; any refused, failed or missing one fails the run.
  return summary.failed.length + summary.refused.length + summary.unreadable.length > 0 ? 1 : 0;
});
