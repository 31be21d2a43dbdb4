// npm run curation -- export <file> | import <file> | apply | gold <folder>
//   export  every correction (undone ones and undos included) to a versioned JSON file
//   import  adds a file's corrections the graph does not hold yet, then applies all in force
//   apply   applies every correction in force again (reports those whose target is gone)
//   gold    confirmed and added facts as gold files (one JSON per report, ../shared/eval's format)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorrectionFormatError, createQueries, goldFileName, validateCorrectionsFile, type CorrectionsFile } from '../index.ts';
import { parseArgs } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const USAGE = 'usage: npm run curation -- export <file> | import <file> | apply | gold <folder>';
const args = parseArgs(process.argv.slice(2), {});
const [command, path, ...extra] = args.positional;
const needsPath = command === 'export' || command === 'import' || command === 'gold';
if (!command || !['export', 'import', 'apply', 'gold'].includes(command) || (needsPath ? !path : path) || extra.length > 0) {
  console.error(USAGE);
  process.exit(2);
}

// Read and check the whole file before touching the database.
let file: CorrectionsFile | undefined;
if (command === 'import') {
  try {
    file = validateCorrectionsFile(JSON.parse(readFileSync(path!, 'utf8')));
  } catch (error) {
    const reason =
      error instanceof CorrectionFormatError
        ? `not a valid corrections file: ${error.message}`
        : error instanceof SyntaxError
          ? `not valid JSON: ${error.message}`
          : (error as Error).message;
    console.error(`${path}: ${reason}`);
    process.exit(2);
  }
}

const missedLine = (missed: string[]) =>
  missed.length > 0
    ? `; ${missed.length} could not take effect (their target is gone; shown as orphaned): ${missed.slice(0, 5).join(', ')}`
    : '';

await withGraph(async ({ store }) => {
  switch (command) {
    case 'export': {
      const exported = await store.curation.exportFile();
      writeFileSync(path!, JSON.stringify(exported, null, 1) + '\n');
      console.log(`wrote ${exported.corrections.length} corrections to ${path}`);
      return 0;
    }
    case 'import': {
      try {
        const summary = await store.curation.importFile(file!);
        console.log(
          `imported ${summary.added} corrections (${summary.skipped} already in the graph) and applied every one in force in ${summary.millis} ms` +
            missedLine(summary.missed),
        );
        return 0;
      } catch (error) {
        if (!(error instanceof CorrectionFormatError)) throw error;
        console.error(`${path}: ${error.message}`);
        return 2;
      }
    }
    case 'apply': {
      const summary = await store.curation.applyAll();
      console.log(`applied ${summary.corrections} corrections in force in ${summary.millis} ms${missedLine(summary.missed)}`);
      return 0;
    }
    default: {
      const queries = createQueries(store, { versionPollMs: 0 });
      try {
        const files = await queries.goldExport();
        mkdirSync(path!, { recursive: true });
        for (const gold of files) writeFileSync(join(path!, goldFileName(gold.doc)), JSON.stringify(gold, null, 2) + '\n');
        const relations = files.reduce((n, f) => n + f.relations.length, 0);
        console.log(`wrote ${files.length} gold files (${relations} relations) to ${path}`);
        return 0;
      } finally {
        queries.close();
      }
    }
  }
});
