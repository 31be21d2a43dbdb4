// npm run reset [-- --yes] [--views]: deletes everything in the graph after a confirmation.
// Saved views are kept (a new load finds them, their vanished entities listed as missing) unless
// --views is given.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const args = parseArgs(process.argv.slice(2), { yes: 'boolean', views: 'boolean' });

await withGraph(async ({ store }) => {
  const counts = await store.counts();
  if (args.options['yes'] !== true) {
    if (!process.stdin.isTTY) {
      console.error('refusing to reset without confirmation: run npm run reset -- --yes');
      return 2;
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(
      `Delete ${counts.documents} documents, ${counts.entities} entities and ${counts.relations} relations${
        args.options['views'] === true ? ', and every saved view' : ' (saved views are kept)'
      }? Type "yes": `,
    );
    prompt.close();
    if (answer.trim() !== 'yes') {
      console.log('nothing deleted');
      return 1;
    }
  }
  const deleted = await store.reset({ savedViews: args.options['views'] === true });
  console.log(`deleted ${deleted} nodes`);
  return 0;
});
