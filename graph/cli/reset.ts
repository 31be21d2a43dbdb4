// npm run reset [-- --yes] [--views] [--corrections]: deletes everything in the graph after a
// confirmation. Saved views are kept (a new load finds them, their vanished entities listed as
// missing) unless --views is given; readers' corrections stay (a reload applies them again) unless
// --corrections is given.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const args = parseArgs(process.argv.slice(2), { yes: 'boolean', views: 'boolean', corrections: 'boolean' });
const withCorrections = args.options['corrections'] === true;
const withViews = args.options['views'] === true;

await withGraph(async ({ store }) => {
  const counts = await store.counts();
  const corrections = await store.curation.count();
  if (args.options['yes'] !== true) {
    if (!process.stdin.isTTY) {
      console.error('refusing to reset without confirmation: run npm run reset -- --yes');
      return 2;
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(
      `Delete ${counts.documents} documents, ${counts.entities} entities and ${counts.relations} relations` +
        (withCorrections ? ` and ${corrections.total} corrections` : '') +
        (withViews ? ', and every saved view' : ' (saved views are kept)') +
        `? Type "yes": `,
    );
    prompt.close();
    if (answer.trim() !== 'yes') {
      console.log('nothing deleted');
      return 1;
    }
  }
  const deleted = await store.reset({ savedViews: withViews, corrections: withCorrections });
  console.log(`deleted ${deleted} nodes`);
  if (!withCorrections && corrections.total > 0) {
    console.log(
      `kept ${corrections.total} corrections: loading the reports again applies them (npm run reset -- --corrections deletes them too)`,
    );
  }
  return 0;
});
