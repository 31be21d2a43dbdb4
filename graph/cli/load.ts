// npm run load -- graph.json [--force] [--batch-size N] [--bulk]
import { readFileSync } from 'node:fs';
import { bulkLoad, validateExport, ExportFormatError, type BulkLoadSummary, type ExtractionExport, type GraphConfig } from '../index.ts';
import { parseArgs, printLoadSummary, progressBar } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const args = parseArgs(process.argv.slice(2), { force: 'boolean', 'batch-size': 'string', bulk: 'boolean' });
const [file] = args.positional;
if (!file || args.positional.length > 1) {
  console.error('usage: npm run load -- graph.json [--force] [--batch-size N] [--bulk]');
  process.exit(2);
}

// Read and check the whole file before touching the database.
let data: ExtractionExport;
try {
  data = validateExport(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  const reason =
    error instanceof ExportFormatError
      ? `not a valid export: ${error.message}`
      : error instanceof SyntaxError
        ? `not valid JSON: ${error.message}`
        : (error as Error).message;
  console.error(`${file}: ${reason}`);
  process.exit(2);
}
const batchSize = args.options['batch-size'] ? Number(args.options['batch-size']) : undefined;
if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
  console.error('--batch-size must be a whole number ≥ 1');
  process.exit(2);
}

if (args.options['bulk']) {
  // The offline importer: only into an empty local store, much faster than transactions.
  let summary: BulkLoadSummary | undefined;
  const importData = async (config: GraphConfig) => {
    const bulk = await bulkLoad(config, data);
    summary = bulk.summary;
    return bulk.graph;
  };
  await withGraph(async ({ store }) => {
    const { documents, relations, nodes, relationships, millis } = summary!;
    console.log(
      `bulk-imported ${documents} documents, ${relations} relations (${nodes} nodes, ${relationships} relationships) ` +
        `in ${millis.total} ms: files ${millis.files} ms, import ${millis.import} ms, start ${millis.start} ms, indexes ${millis.schema} ms`,
    );
    console.log(`graph now: ${JSON.stringify(await store.counts())}`);
    return 0;
  }, importData);
}

await withGraph(async ({ store }) => {
  const progress = progressBar('load', data.documents.length);
  const summary = await store.load(data, { force: args.options['force'] === true, batchSize, onProgress: () => progress.tick() });
  progress.done();
  printLoadSummary(summary);
  console.log(`graph now: ${JSON.stringify(await store.counts())}`);
  return summary.failed.length > 0 ? 1 : 0;
});
