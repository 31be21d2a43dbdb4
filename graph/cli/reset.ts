// npm run reset [-- --yes]: deletes everything in the graph after a confirmation.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from './cli-support.ts';
import { withGraph } from './connect-cli.ts';

const args = parseArgs(process.argv.slice(2), { yes: 'boolean' });

await withGraph(async ({ store }) => {
  const counts = await store.counts();
  if (args.options['yes'] !== true) {
    if (!process.stdin.isTTY) {
      console.error('refusing to reset without confirmation: run npm run reset -- --yes');
      return 2;
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(
      `Delete ${counts.documents} documents, ${counts.entities} entities and ${counts.relations} relations? Type "yes": `,
    );
    prompt.close();
    if (answer.trim() !== 'yes') {
      console.log('nothing deleted');
      return 1;
    }
  }
  const deleted = await store.reset();
  console.log(`deleted ${deleted} nodes`);
  return 0;
});
